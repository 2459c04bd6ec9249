import { codeOf, type GqlClient } from './support/gql.js';
import { startTestApp, type TestApp, type TestUser } from './support/app.js';
import { advanceTo, createCohort, dateFromNow, deadlinesOf, eventually, settled } from './support/cohorts.js';
import { addMember, insertTeam } from './support/teams.js';

const ASSIGN = `mutation ($i: AssignReviewerInput!) { assignReviewer(input: $i) { id state version reviewId } }`;
const SAVE = `mutation ($i: AssessmentFieldsInput!) { saveAssessment(input: $i) { id state version } }`;
const SUBMIT = `mutation ($i: AssessmentFieldsInput!) { submitAssessment(input: $i) { id state version submittedAt } }`;
const DECLARE = `mutation ($i: DeclareReviewConflictInput!) { declareReviewConflict(input: $i) { id state conflictDeclared } }`;
const UNASSIGN = `mutation ($i: AssessmentEventInput!) { unassignReviewer(input: $i) { id state } }`;
const DECIDE = `mutation ($i: DecideMidpointInput!) { decideMidpoint(input: $i) { id state version midpointDecision midpointCorrections } }`;
const REVIEW = `query ($id: UUID!) { team(id: $id) { id state version midpointDecision midpointCorrections
  review { id state assignedCount submittedCount minimumAssessments
    assessments { id state version mine position recommendation comment scores { criterion score comment } reviewer { id } }
    aggregate { disagreement submitted criteria { criterion mean spread disagreement } recommendations { recommendation count } } } } }`;

const CRITERIA = ['PROGRESS', 'EVIDENCE_QUALITY', 'COLLABORATION', 'RISK_MANAGEMENT', 'LIKELIHOOD'];
const scores = (values: (number | null)[]) =>
  CRITERIA.map((criterion, i) => ({
    criterion,
    score: values[i] ?? null,
    comment: values[i] ? 'ملاحظة على المعيار' : '',
  }));

interface ReviewView {
  id: string;
  state: string;
  version: number;
  midpointDecision: string | null;
  midpointCorrections: string | null;
  review: {
    id: string;
    state: string;
    assignedCount: number;
    submittedCount: number;
    minimumAssessments: number;
    assessments: {
      id: string;
      state: string;
      version: number;
      mine: boolean;
      position: number;
      recommendation: string | null;
      comment: string;
      reviewer: { id: string } | null;
    }[];
    aggregate: {
      disagreement: boolean;
      submitted: number;
      criteria: { criterion: string; mean: number | null; spread: number; disagreement: boolean }[];
      recommendations: { recommendation: string; count: number }[];
    } | null;
  } | null;
}

describe('the mid-point review (GraphQL over HTTP, the clock moving)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  interface World {
    office: GqlClient;
    admin: TestUser;
    leader: TestUser;
    cohortId: string;
    lead: { client: GqlClient; user: TestUser };
    sponsor: TestUser;
    teams: string[];
    leadAgency: string;
    partnerAgency: string;
  }

  /** A cohort launched two days from now with `n` active teams of one lead agency and one partner. */
  async function world(n: number, minReviewers = 2): Promise<World> {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    const { user: leader } = await app.signedIn(['LEADERSHIP']);
    const cohort = await createCohort(office, await dateFromNow(office, 2), { minReviewers });
    const lead = await app.createAgency();
    const partner = await app.createAgency();
    const leadUser = await app.signedIn([], { agencyId: lead.id });
    const sponsor = await app.createUser([], { agencyId: lead.id });
    const teams: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = await insertTeam(app, cohort.id, lead.id, `فريق المراجعة ${i + 1}`);
      await app.dataSource.query(`UPDATE team SET state = 'READY' WHERE id = $1`, [id]);
      await app.dataSource.query(
        `UPDATE challenge SET partner_agency_ids = $2 WHERE id = (SELECT challenge_id FROM team WHERE id = $1)`,
        [id, [partner.id]],
      );
      await addMember(app, id, leadUser.user.id, 'TEAM_LEAD');
      await addMember(app, id, sponsor.id, 'SPONSOR');
      teams.push(id);
    }
    await app.dataSource.query(`UPDATE cohort SET state = 'PREPARATION' WHERE id = $1`, [cohort.id]);
    const [{ version }] = (await app.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [cohort.id])) as {
      version: number;
    }[];
    await office.data(`mutation ($i: LaunchCohortInput!) { launchCohort(input: $i) { state } }`, {
      i: { id: cohort.id, version },
    });
    return {
      office,
      admin,
      leader,
      cohortId: cohort.id,
      lead: leadUser,
      sponsor,
      teams,
      leadAgency: lead.id,
      partnerAgency: partner.id,
    };
  }

  const reviewer = async () => app.signedIn(['REVIEWER'], { agencyId: (await app.createAgency()).id });
  const assign = (w: World, teamId: string, reviewerId: string) =>
    w.office.request<{ assignReviewer: { id: string; version: number } }>(ASSIGN, { i: { teamId, reviewerId } });
  const assigned = async (w: World, teamId: string, reviewerId: string) =>
    (await assign(w, teamId, reviewerId)).data!.assignReviewer;
  const fireDeadline = async (w: World, kind: string, subjectType: string, subjectId: string) => {
    const [d] = (await app.dataSource.query(
      `SELECT id, seq, original_due_at FROM deadline WHERE kind = $1 AND subject_type = $2 AND subject_id = $3`,
      [kind, subjectType, subjectId],
    )) as { id: string; seq: number; original_due_at: Date }[];
    await advanceTo(w.office, d!.original_due_at);
    return settled(app.dataSource, d!.id, d!.seq);
  };
  const notices = async (kind: string, userId: string, subjectId?: string) =>
    (await app.dataSource.query(
      `SELECT params FROM notification WHERE kind = $1 AND user_id = $2 AND ($3::uuid IS NULL OR subject_id = $3)`,
      [kind, userId, subjectId ?? null],
    )) as { params: Record<string, unknown> }[];
  const reviewOf = (client: GqlClient, teamId: string) => client.data<{ team: ReviewView }>(REVIEW, { id: teamId });
  const reviewIdOf = async (teamId: string) =>
    ((await app.dataSource.query(`SELECT id FROM review WHERE team_id = $1`, [teamId])) as { id: string }[])[0]!.id;

  it('refuses reviewers with a conflict of interest by name, and keeps a declared conflict', async () => {
    const w = await world(1);
    const team = w.teams[0]!;
    const onTeam = await reviewer();
    await addMember(app, team, onTeam.user.id, 'TEAM_MEMBER');
    const ofLead = await app.signedIn(['REVIEWER'], { agencyId: w.leadAgency });
    const ofPartner = await app.signedIn(['REVIEWER'], { agencyId: w.partnerAgency });
    for (const [who, conflict] of [
      [onTeam, 'TEAM_MEMBER'],
      [ofLead, 'LEAD_AGENCY'],
      [ofPartner, 'PARTNER_AGENCY'],
    ] as const) {
      w.office.lang = 'en';
      const refused = await assign(w, team, who.user.id);
      expect(refused.errors![0]!.extensions).toMatchObject({
        code: 'NOT_ALLOWED',
        guard: 'NO_CONFLICT_OF_INTEREST',
        conflict,
      });
      expect(refused.errors![0]!.message).toMatch(/^This reviewer may not review this team: they /);
    }
    const notReviewer = await app.signedIn([], { agencyId: (await app.createAgency()).id });
    const field = await assign(w, team, notReviewer.user.id);
    expect(codeOf(field)).toBe('BAD_USER_INPUT');
    expect(field.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'reviewerId' })]);

    const r = await reviewer();
    const a = await assigned(w, team, r.user.id);
    expect(codeOf(await assign(w, team, r.user.id))).toBe('BAD_USER_INPUT');
    // The reviewer reads the team now; a stranger still cannot.
    expect(
      codeOf(await r.client.request(`query ($id: UUID!) { team(id: $id) { id goals { id } } }`, { id: team })),
    ).toBeUndefined();
    const stranger = await reviewer();
    expect(codeOf(await stranger.client.request(`query ($id: UUID!) { team(id: $id) { id } }`, { id: team }))).toBe(
      'FORBIDDEN',
    );

    const declared = await r.client.data<{ declareReviewConflict: { state: string; conflictDeclared: boolean } }>(
      DECLARE,
      {
        i: { id: a.id, version: a.version, reason: 'عملت مستشاراً لهذا الفريق العام الماضي' },
      },
    );
    expect(declared.declareReviewConflict).toEqual({ id: a.id, state: 'UNASSIGNED', conflictDeclared: true });
    expect(await notices('ASSESSMENT_CONFLICT_DECLARED', w.admin.id, team)).toHaveLength(1);
    const again = await assign(w, team, r.user.id);
    expect(again.errors![0]!.extensions).toMatchObject({ conflict: 'DECLARED' });

    const { reviewCandidates } = await w.office.data<{
      reviewCandidates: { reviewerId: string; conflict: string | null; assigned: boolean }[];
    }>(`query ($t: UUID!) { reviewCandidates(teamId: $t) { reviewerId conflict assigned } }`, { t: team });
    const of = (id: string) => reviewCandidates.find((c) => c.reviewerId === id);
    expect([
      of(onTeam.user.id)?.conflict,
      of(ofLead.user.id)?.conflict,
      of(ofPartner.user.id)?.conflict,
      of(r.user.id)?.conflict,
    ]).toEqual(['TEAM_MEMBER', 'LEAD_AGENCY', 'PARTNER_AGENCY', 'DECLARED']);
    expect(of(stranger.user.id)).toMatchObject({ conflict: null, assigned: false });
    // Only the office assigns or sees candidates.
    expect(
      codeOf(await r.client.request(`query ($t: UUID!) { reviewCandidates(teamId: $t) { reviewerId } }`, { t: team })),
    ).toBe('FORBIDDEN');
  });

  it('proposes for 20 teams and 8 reviewers the minimum each, no conflict, loads within one, and confirms it', async () => {
    const w = await world(20);
    const agencies = [w.leadAgency, w.partnerAgency];
    const reviewers = [];
    for (let i = 0; i < 8; i++) {
      reviewers.push(
        await app.signedIn(['REVIEWER'], { agencyId: i < 2 ? agencies[i]! : (await app.createAgency()).id }),
      );
    }
    const ours = reviewers.map((r) => r.user.id);
    // Only these eight count here: the others of the run are set aside for the test, and restored.
    const others = (
      (await app.dataSource.query(
        `UPDATE app_user SET active = false WHERE active AND 'REVIEWER' = ANY(roles) AND NOT (id = ANY($1::uuid[])) RETURNING id`,
        [ours],
      )) as { id: string }[]
    ).map((r) => r.id);
    try {
      // Two of the eight are of the teams' lead and partner agencies: six can review, 40 places over six.
      await assigned(w, w.teams[0]!, ours[5]!);
      const { proposedReviewAssignment: proposal } = await w.office.data<{
        proposedReviewAssignment: { teamId: string; reviewerIds: string[]; short: boolean }[];
      }>(`query ($c: UUID!) { proposedReviewAssignment(cohortId: $c) { teamId reviewerIds short } }`, {
        c: w.cohortId,
      });
      expect(proposal).toHaveLength(20);
      const load = new Map<string, number>();
      for (const p of proposal) {
        expect(p.short).toBe(false);
        expect(p.reviewerIds).toHaveLength(2);
        for (const id of p.reviewerIds) {
          expect(id).not.toBe(ours[0]);
          expect(id).not.toBe(ours[1]);
          load.set(id, (load.get(id) ?? 0) + 1);
        }
      }
      expect(proposal.find((p) => p.teamId === w.teams[0])!.reviewerIds).toContain(ours[5]);
      const loads = ours.slice(2).map((id) => load.get(id) ?? 0);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

      const { confirmReviewAssignment } = await w.office.data<{ confirmReviewAssignment: { teamId: string }[] }>(
        `mutation ($i: ConfirmReviewAssignmentInput!) { confirmReviewAssignment(input: $i) { teamId } }`,
        { i: { cohortId: w.cohortId, teams: proposal.map((p) => ({ teamId: p.teamId, reviewerIds: p.reviewerIds })) } },
      );
      expect(confirmReviewAssignment).toHaveLength(40);
      // A conflict anywhere in the confirmation changes nothing at all.
      const [{ n: before }] = (await app.dataSource.query(
        `SELECT count(*)::int AS n FROM assessment a JOIN review r ON r.id = a.review_id WHERE r.cohort_id = $1 AND a.state <> 'UNASSIGNED'`,
        [w.cohortId],
      )) as { n: number }[];
      const bad = await w.office.request(
        `mutation ($i: ConfirmReviewAssignmentInput!) { confirmReviewAssignment(input: $i) { teamId } }`,
        {
          i: {
            cohortId: w.cohortId,
            teams: [
              { teamId: w.teams[1]!, reviewerIds: [ours[2]!, ours[3]!, ours[4]!] },
              { teamId: w.teams[2]!, reviewerIds: [ours[0]!] },
            ],
          },
        },
      );
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', conflict: 'LEAD_AGENCY' });
      const [{ n: after }] = (await app.dataSource.query(
        `SELECT count(*)::int AS n FROM assessment a JOIN review r ON r.id = a.review_id WHERE r.cohort_id = $1 AND a.state <> 'UNASSIGNED'`,
        [w.cohortId],
      )) as { n: number }[];
      expect(after).toBe(before);
    } finally {
      await app.dataSource.query(`UPDATE app_user SET active = true WHERE id = ANY($1::uuid[])`, [others]);
    }
  }, 90_000);

  it('runs the review: opening blocked then unblocked, blind drafts and submissions, reminders and notices once, each decision', async () => {
    const w = await world(3);
    const [t1, t2, t3] = w.teams as [string, string, string];
    const r1 = await reviewer();
    const r2 = await reviewer();
    const a1 = await assigned(w, t1, r1.user.id);
    const a2 = await assigned(w, t1, r2.user.id);
    await assigned(w, t2, r1.user.id);
    await assigned(w, t2, r2.user.id);
    await assigned(w, t3, r1.user.id);

    // Day 45: the mid-point cannot open while team 3 has one reviewer of two; office and leadership hear which team.
    const open = (await deadlinesOf(app.dataSource, w.cohortId)).find((d) => d.kind === 'COHORT_OPEN_MIDPOINT')!;
    await advanceTo(w.office, open.original_due_at);
    const blocked = await settled(app.dataSource, open.id, open.seq);
    expect(blocked.blocked_by).toEqual(['ENOUGH_REVIEWERS']);
    const [notice] = await notices('COHORT_TRANSITION_BLOCKED', w.leader.id, w.cohortId);
    expect(notice!.params.blockingTeams).toEqual([{ nameAr: 'فريق المراجعة 3', nameEn: 'Test team' }]);
    expect((await app.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [w.cohortId]))[0].state).toBe(
      'EXECUTION',
    );
    await assigned(w, t3, r2.user.id);
    // Checked again a day later: it opens, every team under review, every review open.
    const again = (await app.dataSource.query(`SELECT seq, due_at FROM deadline WHERE id = $1`, [open.id]))[0] as {
      seq: number;
      due_at: Date;
    };
    await advanceTo(w.office, again.due_at);
    await settled(app.dataSource, open.id, again.seq);
    expect((await app.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [w.cohortId]))[0].state).toBe(
      'MIDPOINT_REVIEW',
    );
    expect(
      (
        (await app.dataSource.query(`SELECT state FROM review WHERE cohort_id = $1`, [w.cohortId])) as {
          state: string;
        }[]
      ).map((r) => r.state),
    ).toEqual(['OPEN', 'OPEN', 'OPEN']);
    expect(await notices('COHORT_MIDPOINT_OPENED', r1.user.id, w.cohortId)).toHaveLength(1);

    // Drafts are versioned: a stale save is a CONFLICT.
    const d1 = (
      await r1.client.data<{ saveAssessment: { version: number; state: string } }>(SAVE, {
        i: { id: a1.id, version: a1.version, scores: scores([4, null]), comment: 'مسودة أولى' },
      })
    ).saveAssessment;
    expect(d1.state).toBe('DRAFT');
    expect(codeOf(await r1.client.request(SAVE, { i: { id: a1.id, version: a1.version, scores: scores([3]) } }))).toBe(
      'CONFLICT',
    );
    // A submission needs every score and a recommendation.
    const incomplete = await r1.client.request(SUBMIT, {
      i: { id: a1.id, version: d1.version, scores: scores([4, 4]) },
    });
    expect(incomplete.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'ALL_CRITERIA_SCORED' });
    // Nobody else writes a reviewer's assessment.
    expect(codeOf(await r2.client.request(SAVE, { i: { id: a1.id, version: d1.version, scores: [] } }))).toBe(
      'FORBIDDEN',
    );

    // Blind: before submitting, each reviewer sees their own only; the team sees nothing yet.
    const beforeR2 = (await reviewOf(r2.client, t1)).team.review!;
    expect(beforeR2.assessments.map((a) => a.mine)).toEqual([true]);
    expect(beforeR2.aggregate).toBeNull();
    const lead0 = (await reviewOf(w.lead.client, t1)).team.review!;
    expect(lead0.assessments).toEqual([]);
    expect(lead0.aggregate).toBeNull();

    const s1 = (
      await r1.client.data<{ submitAssessment: { state: string; version: number } }>(SUBMIT, {
        i: {
          id: a1.id,
          version: d1.version,
          scores: scores([5, 4, 5, 4, 4]),
          recommendation: 'CONTINUE',
          comment: 'تقدّم واضح',
        },
      })
    ).submitAssessment;
    expect(s1.state).toBe('SUBMITTED');
    expect(await notices('ASSESSMENT_SUBMITTED', w.admin.id, t1)).toHaveLength(1);
    // No edits after submission.
    const edit = await r1.client.request(SAVE, { i: { id: a1.id, version: s1.version, scores: scores([1]) } });
    expect(edit.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'STATE' });
    // r2 still sees only their own; r1, submitted, sees the aggregate (r2 has nothing to show yet).
    expect((await reviewOf(r2.client, t1)).team.review!.assessments.map((a) => a.mine)).toEqual([true]);
    const r1View = (await reviewOf(r1.client, t1)).team.review!;
    expect(r1View.aggregate).toMatchObject({ submitted: 1 });
    // The office sees everyone with their names.
    const officeView = (await reviewOf(w.office, t1)).team.review!;
    expect(officeView.assessments.map((a) => a.reviewer?.id).sort()).toEqual([r1.user.id, r2.user.id].sort());

    // Not enough assessments in, and not yet due: no decision.
    const early = await w.office.request(DECIDE, {
      i: {
        teamId: t1,
        version: (await reviewOf(w.office, t1)).team.version,
        decision: 'CONTINUE',
        reason: 'على المسار',
      },
    });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'ASSESSMENTS_IN_OR_DUE' });

    // r2 disagrees strongly on team 2 after submitting on team 1 too.
    const a2t2 = (
      await app.dataSource.query(`SELECT id, version FROM assessment WHERE team_id = $1 AND reviewer_id = $2`, [
        t2,
        r2.user.id,
      ])
    )[0] as { id: string; version: number };
    const a1t2 = (
      await app.dataSource.query(`SELECT id, version FROM assessment WHERE team_id = $1 AND reviewer_id = $2`, [
        t2,
        r1.user.id,
      ])
    )[0] as { id: string; version: number };
    await r1.client.data(SUBMIT, {
      i: { id: a1t2.id, version: a1t2.version, scores: scores([5, 4, 4, 4, 4]), recommendation: 'CONTINUE' },
    });
    await r2.client.data(SUBMIT, {
      i: { id: a2t2.id, version: a2t2.version, scores: scores([1, 3, 4, 4, 2]), recommendation: 'ESCALATE' },
    });
    const agg = (await reviewOf(w.office, t2)).team.review!.aggregate!;
    expect(agg.disagreement).toBe(true);
    expect(agg.criteria[0]).toMatchObject({ criterion: 'PROGRESS', mean: 3, spread: 4, disagreement: true });
    expect(agg.recommendations).toEqual([
      { recommendation: 'CONTINUE', count: 1 },
      { recommendation: 'ESCALATE', count: 1 },
    ]);

    // Two days before the due date the reviewers still owing an assessment are reminded, once; at the
    // due time the office hears which are missing, once.
    const reviewT1 = await reviewIdOf(t1);
    await fireDeadline(w, 'ASSESSMENTS_REMINDER', 'review', reviewT1);
    expect(await notices('ASSESSMENTS_REMINDER', r2.user.id, a2.id)).toHaveLength(1);
    // r1 submitted on teams 1 and 2: reminded only of team 3 (its reminder falls due at the same time).
    await eventually(async () => (await notices('ASSESSMENTS_REMINDER', r1.user.id)).length === 1);
    const remindedR1 = (await app.dataSource.query(
      `SELECT a.team_id FROM notification n JOIN assessment a ON a.id = n.subject_id WHERE n.kind = 'ASSESSMENTS_REMINDER' AND n.user_id = $1`,
      [r1.user.id],
    )) as { team_id: string }[];
    expect(remindedR1.map((x) => x.team_id)).toEqual([t3]);
    await fireDeadline(w, 'ASSESSMENTS_OVERDUE', 'review', reviewT1);
    const overdue = await notices('ASSESSMENTS_OVERDUE', w.admin.id, t1);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.params).toMatchObject({ missing: 1 });

    // Past the due time, the decision may be taken with one assessment in.
    const cc = await w.office.data<{
      decideMidpoint: { state: string; midpointDecision: string; midpointCorrections: string };
    }>(DECIDE, {
      i: {
        teamId: t1,
        version: (await reviewOf(w.office, t1)).team.version,
        decision: 'COURSE_CORRECT',
        reason: 'التقدّم أبطأ من المسار',
        corrections: 'قياس المؤشر أسبوعياً في كل محافظة',
      },
    });
    expect(cc.decideMidpoint).toMatchObject({
      state: 'ACTIVE',
      midpointDecision: 'COURSE_CORRECT',
      midpointCorrections: 'قياس المؤشر أسبوعياً في كل محافظة',
    });
    // The team sees the decision and the reviewers' comments, without names.
    const teamView = (await reviewOf(w.lead.client, t1)).team;
    expect(teamView.review!.state).toBe('DECIDED');
    expect(teamView.review!.assessments.map((a) => [a.comment, a.reviewer, a.position])).toEqual([
      ['تقدّم واضح', null, 1],
    ]);
    expect(teamView.review!.aggregate).toMatchObject({ submitted: 1 });
    expect(await notices('TEAM_MIDPOINT_DECIDED', w.lead.user.id, t1)).toHaveLength(1);

    // ESCALATE tells leadership and the sponsor, once.
    await w.office.data(DECIDE, {
      i: {
        teamId: t2,
        version: (await reviewOf(w.office, t2)).team.version,
        decision: 'ESCALATE',
        reason: 'يحتاج قراراً وزارياً',
      },
    });
    expect(await notices('TEAM_MIDPOINT_ESCALATED', w.leader.id, t2)).toHaveLength(1);
    expect(await notices('TEAM_MIDPOINT_ESCALATED', w.sponsor.id, t2)).toHaveLength(1);

    // STOP needs a reason, stops the team and cancels its pending deadlines in the same transaction.
    const t3v = (await reviewOf(w.office, t3)).team.version;
    const noReason = await w.office.request(DECIDE, { i: { teamId: t3, version: t3v, decision: 'STOP' } });
    expect(noReason.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'REASON_GIVEN_TO_STOP' });
    const pendingBefore = (
      await app.dataSource.query(
        `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND state = 'PENDING'`,
        [t3],
      )
    )[0].n as number;
    expect(pendingBefore).toBeGreaterThan(0);
    const stopped = await w.office.data<{ decideMidpoint: { state: string } }>(DECIDE, {
      i: { teamId: t3, version: t3v, decision: 'STOP', reason: 'التحدي لم يعد قائماً بعد تغيّر التشريع' },
    });
    expect(stopped.decideMidpoint.state).toBe('STOPPED');
    expect(
      (
        await app.dataSource.query(
          `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND state = 'PENDING'`,
          [t3],
        )
      )[0].n,
    ).toBe(0);

    // Every team decided: the mid-point closes.
    const cohort = (await app.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [w.cohortId]))[0] as {
      version: number;
    };
    const closed = await w.office.data<{ closeCohortMidpoint: { state: string } }>(
      `mutation ($i: CohortEventInput!) { closeCohortMidpoint(input: $i) { state } }`,
      { i: { id: w.cohortId, version: cohort.version } },
    );
    expect(closed.closeCohortMidpoint.state).toBe('FINAL_STRETCH');
  }, 120_000);

  it('gives the decision a consistent count while reviewers submit at the same moment', async () => {
    const w = await world(1, 1);
    const team = w.teams[0]!;
    const rs = [await reviewer(), await reviewer(), await reviewer()];
    const as = [];
    for (const r of rs) as.push(await assigned(w, team, r.user.id));
    await w.office.data(`mutation ($i: CohortEventInput!) { openCohortMidpoint(input: $i) { state } }`, {
      i: {
        id: w.cohortId,
        version: (await app.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [w.cohortId]))[0].version,
      },
    });
    const fields = (a: { id: string }, version: number) => ({
      id: a.id,
      version,
      scores: scores([3, 3, 3, 3, 3]),
      recommendation: 'CONTINUE',
    });
    await rs[0]!.client.data(SUBMIT, { i: fields(as[0]!, as[0]!.version) });
    const version = (await reviewOf(w.office, team)).team.version;
    const [s2, s3, decision] = await Promise.all([
      rs[1]!.client.request(SUBMIT, { i: fields(as[1]!, as[1]!.version) }),
      rs[2]!.client.request(SUBMIT, { i: fields(as[2]!, as[2]!.version) }),
      w.office.request(DECIDE, { i: { teamId: team, version, decision: 'CONTINUE', reason: 'على المسار' } }),
    ]);
    expect(decision.errors).toBeUndefined();
    for (const s of [s2, s3])
      if (s.errors) expect(s.errors[0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'REVIEW_OPEN' });
    const [{ n }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM assessment WHERE team_id = $1 AND state = 'SUBMITTED'`,
      [team],
    )) as { n: number }[];
    const [history] = (await app.dataSource.query(
      `SELECT data FROM transition_history WHERE subject_id = $1 AND event = 'DECIDE_MIDPOINT'`,
      [team],
    )) as { data: { assessmentsIn: number } }[];
    expect(history!.data.assessmentsIn).toBe(n);
  });

  it('keeps every review out of reach of those who may not read the team', async () => {
    const w = await world(1);
    const r = await reviewer();
    const a = await assigned(w, w.teams[0]!, r.user.id);
    const other = await reviewer();
    expect(codeOf(await other.client.request(`query ($id: UUID!) { assessment(id: $id) { id } }`, { id: a.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await other.client.request(`query ($id: UUID!) { assessment(id: $id) { id } }`, {
          id: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await r.client.request(UNASSIGN, { i: { id: a.id, version: a.version } }))).toBe('FORBIDDEN');
    const { myAssessments } = await r.client.data<{ myAssessments: { id: string; team: { id: string } }[] }>(
      `{ myAssessments { id team { id } } }`,
    );
    expect(myAssessments.map((x) => x.team.id)).toEqual([w.teams[0]]);
    const un = await w.office.data<{ unassignReviewer: { state: string } }>(UNASSIGN, {
      i: { id: a.id, version: a.version },
    });
    expect(un.unassignReviewer.state).toBe('UNASSIGNED');
    expect(await notices('ASSESSMENT_UNASSIGNED', r.user.id, a.id)).toHaveLength(1);
    expect(codeOf(await r.client.request(`query ($id: UUID!) { team(id: $id) { id } }`, { id: w.teams[0] }))).toBe(
      'FORBIDDEN',
    );
  });
});
