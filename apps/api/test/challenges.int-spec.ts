import { StatementCounter } from '../src/database/statement-counter.js';
import { codeOf } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';
import {
  completeFields,
  draftChallenge,
  fire,
  fireOk,
  intakeWorld,
  readChallenge,
  recommended,
  scoreAll,
  CHALLENGE_FIELDS,
  type ChallengeView,
} from './support/challenges.js';
import { advanceTo, createCohort, dateFromNow, deadlinesOf, settled } from './support/cohorts.js';

describe('challenges: intake, screening, approval (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  it('saves drafts at any time, names the missing fields, and submits a complete one', async () => {
    const w = await intakeWorld(app);
    let c = await draftChallenge(w.focal, w.cohort.id, { leadAgencyId: w.agencyId, titleAr: 'مسودة أولى' });
    expect(c).toMatchObject({ state: 'DRAFT', version: 1 });
    expect(c.missingFields).toEqual(['titleEn', 'problemAr', 'whyAr', 'baselineAr', 'ambitionAr', 'alignmentNodeIds']);

    w.focal.lang = 'ar';
    const early = await fire(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    expect(codeOf(early)).toBe('NOT_ALLOWED');
    expect(early.errors![0]!.extensions).toMatchObject({ guard: 'REQUIRED_FIELDS' });
    expect(early.errors![0]!.message).toBe('لا يمكن تنفيذ ذلك الآن: هناك حقول مطلوبة لم تُستكمل');

    const { updateChallenge } = await w.focal.data<{ updateChallenge: ChallengeView }>(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { ${CHALLENGE_FIELDS} } }`,
      { input: { id: c.id, version: c.version, ...completeFields(w) } },
    );
    expect(updateChallenge.missingFields).toEqual([]);
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: updateChallenge.version });
    expect(c.state).toBe('SUBMITTED');
    expect(c.history.map((h) => [h.event, h.fromState, h.toState, h.caller])).toEqual([
      ['SUBMIT', 'DRAFT', 'SUBMITTED', 'user'],
    ]);
    // The focal point may list the people of their own agency (to propose a sponsor), no one else's.
    const own = await w.focal.data<{ users: { id: string }[] }>(`query ($a: UUID) { users(agencyId: $a) { id } }`, {
      a: w.agencyId,
    });
    expect(own.users.map((u) => u.id)).toContain(w.focalUser.id);
    const other = await app.createAgency();
    expect(codeOf(await w.focal.request(`query ($a: UUID) { users(agencyId: $a) { id } }`, { a: other.id }))).toBe(
      'FORBIDDEN',
    );
    // A submitted challenge is no longer the agency's to edit.
    const edit = await w.focal.request(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { id } }`,
      {
        input: { id: c.id, version: c.version, ...completeFields(w) },
      },
    );
    expect(codeOf(edit)).toBe('FORBIDDEN');
  });

  it('validates drafts with one message per field', async () => {
    const w = await intakeWorld(app);
    const other = await app.createAgency();
    w.focal.lang = 'en';
    const res = await w.focal.request(
      `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`,
      {
        input: {
          cohortId: w.cohort.id,
          leadAgencyId: other.id,
          titleAr: 'x'.repeat(301),
          alignmentNodeIds: ['not-a-uuid'],
          attachments: [{ title: 'Plan', url: 'ftp://files/plan' }],
        },
      },
    );
    // The focal point cannot draft for another agency at all.
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const byField = Object.fromEntries(res.errors![0]!.extensions!.fields!.map((f) => [f.field, f.message]));
    expect(byField).toEqual({
      titleAr: 'Arabic title must be at most 300 characters.',
      alignmentNodeIds: 'Alignment is not a valid identifier.',
      'attachments.0.url': 'Link must be a web address starting with http:// or https://.',
    });
    const forOther = await w.focal.request(
      `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id } }`,
      {
        input: { cohortId: w.cohort.id, leadAgencyId: other.id },
      },
    );
    expect(codeOf(forOther)).toBe('FORBIDDEN');
  });

  it('refuses a draft naming an agency or an alignment node that does not exist, each by its field', async () => {
    const w = await intakeWorld(app);
    const c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    w.focal.lang = 'en';
    const missing = '00000000-0000-4000-8000-000000000001';
    const res = await w.focal.request(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { id version } }`,
      {
        input: {
          ...completeFields(w, { partnerAgencyIds: [missing], alignmentNodeIds: [w.nodeId, missing] }),
          id: c.id,
          version: c.version,
        },
      },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.fields!.map((f) => f.field).sort()).toEqual([
      'alignmentNodeIds',
      'partnerAgencyIds',
    ]);
    // Nothing was written: the draft is at the version it was.
    const ok = await w.focal.data<{ updateChallenge: { version: number } }>(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { id version } }`,
      { input: { ...completeFields(w), id: c.id, version: c.version } },
    );
    expect(ok.updateChallenge.version).toBe(c.version + 1);
  });

  it('walks screening: start, return with a comment, resubmit, score, recommend; and declines with a reason', async () => {
    const w = await intakeWorld(app);
    let c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    // Only the office screens.
    expect(codeOf(await fire(w.focal, 'startChallengeScreening', { id: c.id, version: c.version }))).toBe('FORBIDDEN');
    c = await fireOk(w.office, 'startChallengeScreening', { id: c.id, version: c.version });
    expect(c.availableEvents.map((e) => e.event).sort()).toEqual(['DECLINE', 'RECOMMEND', 'RETURN']);
    expect(c.availableEvents.find((e) => e.event === 'RECOMMEND')!.blockedBy).toEqual(['RUBRIC_SCORED']);
    expect(codeOf(await fire(w.office, 'recommendChallenge', { id: c.id, version: c.version }))).toBe('NOT_ALLOWED');
    const noComment = await fire(w.office, 'returnChallenge', { id: c.id, version: c.version, comment: '  ' });
    expect(codeOf(noComment)).toBe('BAD_USER_INPUT');
    c = await fireOk(w.office, 'returnChallenge', {
      id: c.id,
      version: c.version,
      comment: 'أضيفوا خط الأساس بالأرقام',
    });
    expect(c.state).toBe('RETURNED');
    expect(c.comments).toEqual([{ kind: 'RETURN', body: 'أضيفوا خط الأساس بالأرقام', author: { id: w.admin.id } }]);
    // Returned: the agency may edit and submit again.
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    c = await fireOk(w.office, 'startChallengeScreening', { id: c.id, version: c.version });
    c = await scoreAll(w.office, c, 5);
    expect(c.meanScore).toBe(5);
    c = await fireOk(w.office, 'recommendChallenge', { id: c.id, version: c.version });
    expect(c.state).toBe('RECOMMENDED');

    let d = await draftChallenge(w.focal, w.cohort.id, completeFields(w, { titleEn: 'Another challenge' }));
    d = await fireOk(w.focal, 'submitChallenge', { id: d.id, version: d.version });
    d = await fireOk(w.office, 'startChallengeScreening', { id: d.id, version: d.version });
    d = await fireOk(w.office, 'declineChallenge', { id: d.id, version: d.version, reason: 'خارج نطاق الدفعة' });
    expect(d.state).toBe('REJECTED');
    expect(d.comments.map((x) => x.kind)).toEqual(['DECISION']);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const w = await intakeWorld(app);
    const c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    const stale = await fire(w.office, 'withdrawChallenge', { id: c.id, version: c.version });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await readChallenge(w.office, c.id)).state).toBe('SUBMITTED');
  });

  it('approves on the N-th approval (2 of M), each leader once, and forms the team with its sponsor and leader', async () => {
    const w = await intakeWorld(app, { approvalsRequired: 2 });
    let c = await recommended(app, w);
    const { client: leader1, user: l1 } = await app.signedIn(['LEADERSHIP']);
    const { client: leader2 } = await app.signedIn(['LEADERSHIP']);
    expect(codeOf(await fire(w.office, 'approveChallenge', { id: c.id, version: c.version }))).toBe('FORBIDDEN');
    c = await fireOk(leader1, 'approveChallenge', { id: c.id, version: c.version });
    expect(c).toMatchObject({ state: 'RECOMMENDED', teamId: null });
    expect(c.approvals.map((a) => a.leader.id)).toEqual([l1.id]);
    const twice = await fire(leader1, 'approveChallenge', { id: c.id, version: c.version });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'NOT_ALREADY_APPROVED_BY_YOU' });
    c = await fireOk(leader2, 'approveChallenge', { id: c.id, version: c.version });
    expect(c.state).toBe('APPROVED');
    expect(c.history.map((h) => h.event)).toEqual(['SUBMIT', 'START_SCREENING', 'RECOMMEND', 'APPROVE', 'APPROVE']);
    const { team } = await w.office.data<{
      team: { state: string; nameAr: string; members: { userId: string; role: string }[] };
    }>(`query ($id: UUID!) { team(id: $id) { state nameAr members { userId role } } }`, { id: c.teamId });
    expect(team.state).toBe('FORMING');
    expect(team.nameAr).toBe(c.titleAr);
    expect(team.members.map((m) => m.role).sort()).toEqual(['SPONSOR', 'TEAM_LEAD']);
    // Its goals deadline is scheduled (day −7, reminder three days before).
    const goals = (await app.dataSource.query(
      `SELECT kind FROM deadline WHERE subject_type = 'team' AND subject_id = $1 ORDER BY kind`,
      [c.teamId],
    )) as { kind: string }[];
    expect(goals.map((g) => g.kind)).toEqual(['GOALS_OVERDUE', 'GOALS_REMINDER']);
  });

  it('needs a sponsor and a team leader to approve; any one leader may reject or defer with a reason', async () => {
    const w = await intakeWorld(app, { approvalsRequired: 3 });
    let c = await recommended(app, w);
    const { client: leader } = await app.signedIn(['LEADERSHIP']);
    // Saving the challenge without the names leaves the names as they are.
    const { updateChallenge: kept } = await w.office.data<{ updateChallenge: ChallengeView }>(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { ${CHALLENGE_FIELDS} } }`,
      { input: { id: c.id, version: c.version, ...completeFields(w) } },
    );
    expect(kept.proposedSponsor).not.toBeNull();
    c = kept;
    const { nameChallengeLeaders } = await w.office.data<{ nameChallengeLeaders: ChallengeView }>(
      `mutation ($input: NameChallengeLeadersInput!) { nameChallengeLeaders(input: $input) { ${CHALLENGE_FIELDS} } }`,
      { input: { id: c.id, version: c.version, proposedSponsorId: null, proposedTeamLeadId: null } },
    );
    const blocked = await fire(leader, 'approveChallenge', { id: c.id, version: nameChallengeLeaders.version });
    expect(blocked.errors![0]!.extensions).toMatchObject({
      guard: 'SPONSOR_NAMED',
      failed: ['SPONSOR_NAMED', 'TEAM_LEAD_NAMED'],
    });
    c = await fireOk(leader, 'deferChallenge', {
      id: c.id,
      version: nameChallengeLeaders.version,
      reason: 'يُنظر فيه في الدفعة القادمة',
    });
    expect(c.state).toBe('DEFERRED');

    // Carried over to a later cohort in intake: a draft there, screening starts again.
    const later = await createCohort(w.office, await dateFromNow(w.office, 200));
    const earlier = await createCohort(w.office, await dateFromNow(w.office, 10));
    const wrong = await fire(w.office, 'carryOverChallenge', {
      id: c.id,
      version: c.version,
      targetCohortId: earlier.id,
    });
    expect(wrong.errors![0]!.extensions).toMatchObject({ guard: 'TARGET_COHORT_OPEN' });
    c = await fireOk(w.office, 'carryOverChallenge', { id: c.id, version: c.version, targetCohortId: later.id });
    expect(c).toMatchObject({ state: 'DRAFT', cohortId: later.id, scores: [], approvals: [] });
  });

  it('shows a focal point their own and partner challenges only; others cannot tell a challenge exists', async () => {
    const w = await intakeWorld(app);
    const partner = await app.createAgency();
    const c = await draftChallenge(w.focal, w.cohort.id, completeFields(w, { partnerAgencyIds: [partner.id] }));
    const { client: partnerFocal } = await app.signedIn(['FOCAL_POINT'], { agencyId: partner.id });
    const { client: stranger } = await app.signedIn(['FOCAL_POINT']);
    const { client: reviewer } = await app.signedIn(['REVIEWER']);

    expect((await readChallenge(partnerFocal, c.id)).id).toBe(c.id);
    expect(codeOf(await fire(partnerFocal, 'submitChallenge', { id: c.id, version: c.version }))).toBe('FORBIDDEN');
    for (const outsider of [stranger, reviewer]) {
      const seen = await outsider.request(`query ($id: UUID!) { challenge(id: $id) { id } }`, { id: c.id });
      const missing = await outsider.request(`query ($id: UUID!) { challenge(id: $id) { id } }`, {
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect([codeOf(seen), codeOf(missing)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(seen.errors![0]!.message).toBe(missing.errors![0]!.message);
      expect(codeOf(await fire(outsider, 'withdrawChallenge', { id: c.id, version: c.version }))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await outsider.request(
            `mutation { addChallengeComment(input: { challengeId: "${c.id}", body: "hi" }) { id } }`,
          ),
        ),
      ).toBe('FORBIDDEN');
      const { challenges } = await outsider.data<{ challenges: { id: string }[] }>(
        `query ($c: UUID) { challenges(cohortId: $c) { id } }`,
        {
          c: w.cohort.id,
        },
      );
      expect(challenges.map((x) => x.id)).not.toContain(c.id);
    }
    const { challenges } = await partnerFocal.data<{ challenges: { id: string }[] }>(`{ challenges { id } }`);
    expect(challenges.map((x) => x.id)).toContain(c.id);
    const { client: leader } = await app.signedIn(['LEADERSHIP']);
    expect((await readChallenge(leader, c.id)).id).toBe(c.id);
    expect(codeOf(await leader.request(`query { challenge(id: "00000000-0000-4000-8000-000000000000") { id } }`))).toBe(
      'NOT_FOUND',
    );
  });

  it('reminds the office to screen and tells leadership when screening is late, in working days', async () => {
    const w = await intakeWorld(app);
    const { user: leader } = await app.signedIn(['LEADERSHIP']);
    let c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    const rows = (await app.dataSource.query(
      `SELECT id, kind, seq, original_due_at FROM deadline WHERE subject_type = 'challenge' AND subject_id = $1 ORDER BY original_due_at`,
      [c.id],
    )) as { id: string; kind: string; seq: number; original_due_at: Date }[];
    expect(rows.map((r) => r.kind)).toEqual(['SCREENING_REMINDER', 'SCREENING_ESCALATION']);
    // Due 5 working days after submission, reminded 1 working day before, escalated 2 working days after:
    // with a Friday–Saturday weekend that is 3 to 9 calendar days, never on a weekend.
    for (const r of rows) {
      const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Amman', weekday: 'short' }).format(
        r.original_due_at,
      );
      expect(['Fri', 'Sat']).not.toContain(weekday);
    }
    const count = async (kind: string, userId: string) =>
      (
        (await app.dataSource.query(
          `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND user_id = $2 AND subject_id = $3`,
          [kind, userId, c.id],
        )) as { n: number }[]
      )[0]!.n;
    await advanceTo(w.office, rows[0]!.original_due_at);
    await settled(app.dataSource, rows[0]!.id, rows[0]!.seq);
    expect(await count('SCREENING_REMINDER', w.admin.id)).toBe(1);
    expect(await count('SCREENING_ESCALATION', leader.id)).toBe(0);
    await advanceTo(w.office, rows[1]!.original_due_at);
    await settled(app.dataSource, rows[1]!.id, rows[1]!.seq);
    expect(await count('SCREENING_ESCALATION', leader.id)).toBe(1);
    expect(await count('SCREENING_REMINDER', w.admin.id)).toBe(1);
  });

  it('reminds leadership of a pending decision and tells the office when it is overdue; a decision cancels them', async () => {
    const w = await intakeWorld(app);
    const { user: leader } = await app.signedIn(['LEADERSHIP']);
    const c = await recommended(app, w);
    const rows = (await app.dataSource.query(
      `SELECT id, kind, seq, state, original_due_at FROM deadline WHERE subject_type = 'challenge' AND subject_id = $1 ORDER BY original_due_at`,
      [c.id],
    )) as { id: string; kind: string; seq: number; state: string; original_due_at: Date }[];
    // Screening's deadlines were cancelled when it was recommended; the decision's are pending.
    expect(rows.map((r) => [r.kind, r.state])).toEqual(
      expect.arrayContaining([
        ['SCREENING_REMINDER', 'CANCELLED'],
        ['SCREENING_ESCALATION', 'CANCELLED'],
        ['DECISION_REMINDER', 'PENDING'],
        ['DECISION_OVERDUE', 'PENDING'],
      ]),
    );
    const reminder = rows.find((r) => r.kind === 'DECISION_REMINDER')!;
    await advanceTo(w.office, reminder.original_due_at);
    await settled(app.dataSource, reminder.id, reminder.seq);
    const [{ n }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'DECISION_REMINDER' AND user_id = $1 AND subject_id = $2`,
      [leader.id, c.id],
    )) as { n: number }[];
    expect(n).toBe(1);
    const { client: deciding } = await app.signedIn(['LEADERSHIP']);
    await fireOk(deciding, 'rejectChallenge', { id: c.id, version: c.version, reason: 'الأولوية لتحديات أخرى' });
    const after = (await deadlinesOf(app.dataSource, w.cohort.id)).filter((d) => d.kind === 'DECISION_OVERDUE');
    expect(after.every((d) => d.state !== 'PENDING')).toBe(true);
  });

  it('blocks the end of selection while a submitted challenge is undecided, and locks drafts when intake closes', async () => {
    const w = await intakeWorld(app);
    const draft = await draftChallenge(w.focal, w.cohort.id, completeFields(w, { titleEn: 'Never submitted' }));
    let c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    const cohort = await w.office.data<{ closeCohortIntake: { version: number } }>(
      `mutation ($input: CohortEventInput!) { closeCohortIntake(input: $input) { version } }`,
      { input: { id: w.cohort.id, version: w.cohort.version } },
    );
    const locked = await readChallenge(w.focal, draft.id);
    expect(locked.state).toBe('DRAFT');
    const edit = await w.focal.request(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { id } }`,
      {
        input: { id: draft.id, version: draft.version, ...completeFields(w) },
      },
    );
    expect(edit.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'LOCKED' });
    expect(codeOf(await fire(w.focal, 'submitChallenge', { id: draft.id, version: draft.version }))).toBe(
      'NOT_ALLOWED',
    );

    const start = await w.office.request(
      `mutation ($input: CohortEventInput!) { startCohortPreparation(input: $input) { state } }`,
      {
        input: { id: w.cohort.id, version: cohort.closeCohortIntake.version },
      },
    );
    expect(start.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'ALL_CHALLENGES_DECIDED' });
    await fireOk(w.focal, 'withdrawChallenge', { id: c.id, version: c.version });
    const ok = await w.office.data<{ startCohortPreparation: { state: string } }>(
      `mutation ($input: CohortEventInput!) { startCohortPreparation(input: $input) { state } }`,
      { input: { id: w.cohort.id, version: cohort.closeCohortIntake.version } },
    );
    expect(ok.startCohortPreparation.state).toBe('PREPARATION');
  });

  it('reminds focal points with drafts before intake closes', async () => {
    const w = await intakeWorld(app);
    await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    const { user: idle } = await app.signedIn(['FOCAL_POINT']);
    const reminder = (await deadlinesOf(app.dataSource, w.cohort.id)).find((d) => d.kind === 'INTAKE_CLOSE_REMINDER')!;
    await advanceTo(w.office, reminder.original_due_at);
    await settled(app.dataSource, reminder.id, reminder.seq);
    const told = (await app.dataSource.query(
      `SELECT user_id FROM notification WHERE kind = 'INTAKE_CLOSE_REMINDER' AND subject_id = $1`,
      [w.cohort.id],
    )) as { user_id: string }[];
    expect(told.map((t) => t.user_id)).toContain(w.focalUser.id);
    expect(told.map((t) => t.user_id)).not.toContain(idle.id);
  });

  it('lists the screening board and the approval queue in the same number of statements for 5 and for 50 challenges', async () => {
    // An API without a worker in this process, so that only this query's statements are counted.
    const api = await startTestApp({ role: 'api' });
    const { user: admin } = await app.signedIn(['ADMIN']);
    const { user: leader } = await app.signedIn(['LEADERSHIP']);
    const office = api.client();
    await office.signIn(admin.email, admin.password);
    const BOARD = `query ($c: UUID!) { challenges(cohortId: $c) { id state titleAr meanScore teamId missingFields
        leadAgency { nameAr } partnerAgencies { nameAr } alignmentNodes { nameAr } cohort { nameAr state }
        proposedSponsor { nameAr } proposedTeamLead { nameAr }
        scores { criterion score scoredBy { nameAr } } approvals { leader { nameAr } } comments { body author { nameAr } }
        availableEvents { event blockedBy needsInput targets } history { event actor { nameAr } } } }`;
    const QUEUE = `query ($c: UUID!) { challenges(cohortId: $c, states: [RECOMMENDED]) { id titleAr meanScore
        leadAgency { nameAr } approvals { leader { nameAr } } availableEvents { event blockedBy } } }`;
    const count = async (n: number) => {
      const w = await intakeWorld(app);
      const partner = await app.createAgency();
      for (let i = 0; i < n; i++) {
        const state = ['SUBMITTED', 'IN_SCREENING', 'RECOMMENDED'][i % 3]!;
        const [c] = (await app.dataSource.query(
          `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, partner_agency_ids, alignment_node_ids,
                                  proposed_sponsor_id, proposed_team_lead_id)
           VALUES ($1, $2, $3, 'A challenge', $4, $5, $6, $7, $7) RETURNING id`,
          [w.cohort.id, state, `تحدٍّ ${i}`, w.agencyId, [partner.id], [w.nodeId], w.focalUser.id],
        )) as { id: string }[];
        await app.dataSource.query(
          `INSERT INTO challenge_score (challenge_id, criterion, score, comment, scored_by, scored_at) VALUES ($1, 'TOUCHES_LIVES', 4, '', $2, now())`,
          [c!.id, admin.id],
        );
        await app.dataSource.query(
          `INSERT INTO challenge_comment (challenge_id, author_id, kind, body, created_at) VALUES ($1, $2, 'COMMENT', 'ملاحظة', now())`,
          [c!.id, admin.id],
        );
        await app.dataSource.query(
          `INSERT INTO transition_history (subject_type, subject_id, event, from_state, to_state, actor_id, caller, data, occurred_at)
           VALUES ('challenge', $1, 'SUBMIT', 'DRAFT', 'SUBMITTED', $2, 'user', '{}', now())`,
          [c!.id, w.focalUser.id],
        );
        if (state === 'RECOMMENDED')
          await app.dataSource.query(
            `INSERT INTO challenge_approval (challenge_id, leader_id, approved_at) VALUES ($1, $2, now())`,
            [c!.id, leader.id],
          );
      }
      const counter = api.dataSource.logger as StatementCounter;
      const statements = async (query: string) => {
        const before = counter.statements;
        const res = await office.data<{ challenges: unknown[] }>(query, { c: w.cohort.id });
        return { statements: counter.statements - before, rows: res.challenges.length };
      };
      return { board: await statements(BOARD), queue: await statements(QUEUE) };
    };
    try {
      const five = await count(5);
      const fifty = await count(50);
      expect([five.board.rows, five.queue.rows, fifty.board.rows, fifty.queue.rows]).toEqual([5, 1, 50, 16]);
      expect(fifty.board.statements).toBe(five.board.statements);
      expect(fifty.queue.statements).toBe(five.queue.statements);
      expect(five.board.statements).toBeLessThanOrEqual(16);
    } finally {
      await api.close();
    }
  });

  it('gives the alignment tree with every parent before its children', async () => {
    const w = await intakeWorld(app);
    const { createAlignmentNode: objective } = await w.office.data<{ createAlignmentNode: { id: string } }>(
      `mutation ($p: UUID!) { createAlignmentNode(input: { parentId: $p, nameAr: "تحسين الخدمات", nameEn: "Better services", sort: 0 }) { id } }`,
      { p: w.nodeId },
    );
    await w.office.data(
      `mutation ($p: UUID!) { createAlignmentNode(input: { parentId: $p, nameAr: "زمن الخدمة", nameEn: "Service time", sort: 0 }) { id } }`,
      { p: objective.id },
    );
    const { alignmentTree } = await w.focal.data<{ alignmentTree: { id: string; parentId: string | null }[] }>(
      `{ alignmentTree { id parentId } }`,
    );
    const seen = new Set<string>();
    const orphans: string[] = [];
    for (const n of alignmentTree) {
      if (n.parentId && !seen.has(n.parentId)) orphans.push(n.id);
      seen.add(n.id);
    }
    expect(orphans).toEqual([]);
    expect(alignmentTree.length).toBeGreaterThanOrEqual(4);
  });
});

describe('challenges on a pool of one connection', () => {
  // A write reads what it needs on its own transaction's connection. Asking the pool for a second
  // one while holding the first leaves every connection waiting for another when as many writes
  // come at once as the pool has connections (20 by default): with one, the first return does.
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      role: 'api',
      env: { DATABASE_POOL_MAX: '1', DATABASE_CONNECT_TIMEOUT_MS: '3000' },
    });
  });
  afterAll(() => app.close());

  it('screens, returns with a comment and declines with a reason, each in one connection', async () => {
    const w = await intakeWorld(app);
    let c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    c = await fireOk(w.office, 'startChallengeScreening', { id: c.id, version: c.version });
    c = await fireOk(w.office, 'returnChallenge', { id: c.id, version: c.version, comment: 'أكملوا خط الأساس' });
    expect(c.state).toBe('RETURNED');
    expect(c.comments.map((m) => m.body)).toEqual(['أكملوا خط الأساس']);
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    c = await fireOk(w.office, 'startChallengeScreening', { id: c.id, version: c.version });
    c = await fireOk(w.office, 'declineChallenge', { id: c.id, version: c.version, reason: 'خارج نطاق الدفعة' });
    expect(c.state).toBe('REJECTED');
    expect(c.comments.map((m) => m.body)).toEqual(['أكملوا خط الأساس', 'خارج نطاق الدفعة']);
  }, 60_000);
});
