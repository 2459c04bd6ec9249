import { StatementCounter } from '../src/database/statement-counter.js';
import { codeOf } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { advanceTo, clockNow, createCohort, dateFromNow, settled } from './support/cohorts.js';
import { addMember, goalWithKpis, insertTeam, readTeam, teamWorld, type TeamWorld } from './support/teams.js';

interface TeamView {
  id: string;
  state: string;
  version: number;
  rag: string;
  checkInsFlaggedAt: string | null;
  goalsFrozenAt: string | null;
  myRoles: string[];
  availableEvents: { event: string; blockedBy: string[] }[];
  goals: {
    id: string;
    version: number;
    rag: string;
    kpis: {
      id: string;
      version: number;
      baseline: number;
      target: number;
      originalBaseline: number | null;
      originalTarget: number | null;
      frozenAt: string | null;
      rag: string;
      expected: number;
      latestValue: { value: number; asOf: string } | null;
    }[];
  }[];
  checkIns: {
    id: string;
    week: number;
    late: boolean;
    supersedesId: string | null;
    supersededById: string | null;
    review: { decision: string } | null;
    values: { kpiId: string; value: number; asOf: string }[];
  }[];
  cohort: { id: string };
}

const SUBMIT_CHECK_IN = `mutation ($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { id week late } }`;

describe('teams at work: goals, check-ins, RAG (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  /** Goals drafted by the lead, submitted, approved by the office, the cohort launched: an active team. */
  async function activeTeam(
    kpis: { baseline: number; target: number; direction: 'INCREASE' | 'DECREASE' }[] = [
      { baseline: 30, target: 7, direction: 'DECREASE' },
    ],
  ) {
    const w = await teamWorld(app, 60);
    const { kpiIds } = await goalWithKpis(w.lead.client, w.teamId, kpis);
    let team = await readTeam<TeamView>(w.lead.client, w.teamId);
    team = (
      await w.lead.client.data<{ submitTeamGoals: TeamView }>(
        `mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { id state version } }`,
        {
          i: { id: w.teamId, version: team.version },
        },
      )
    ).submitTeamGoals;
    await w.office.data(`mutation ($i: TeamEventInput!) { approveTeamGoals(input: $i) { state } }`, {
      i: { id: w.teamId, version: team.version },
    });
    // The cohort is ready to launch (its earlier phases are not what this test is about).
    await app.dataSource.query(`UPDATE cohort SET state = 'PREPARATION', version = version + 1 WHERE id = $1`, [
      w.cohort.id,
    ]);
    const [{ version }] = (await app.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [w.cohort.id])) as {
      version: number;
    }[];
    await w.office.data(`mutation ($i: LaunchCohortInput!) { launchCohort(input: $i) { state } }`, {
      i: { id: w.cohort.id, version },
    });
    return { w, kpiIds };
  }

  const checkIn = (
    w: TeamWorld,
    client = w.member.client,
    kpiId: string,
    value: number,
    asOf: string,
    extra: Record<string, unknown> = {},
  ) =>
    client.request<{ submitCheckIn: { id: string; week: number; late: boolean } }>(SUBMIT_CHECK_IN, {
      input: {
        teamId: w.teamId,
        values: [{ kpiId, value, asOf, evidence: 'تقرير النظام الأسبوعي' }],
        narrative: 'أنجزنا مراجعة الإجراءات وأطلقنا المسار السريع.',
        confidence: 'MEDIUM',
        ...extra,
      },
    });

  it('drafts goals while forming, needs them complete and the member minimums to submit, and freezes them on approval', async () => {
    const w = await teamWorld(app);
    const { client: stranger } = await app.signedIn([]);
    // Only the team leader edits goals.
    const foreign = await w.member.client.request(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
      {
        input: { teamId: w.teamId, titleAr: 'هدف', titleEn: 'Goal' },
      },
    );
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(codeOf(await stranger.request(`query { team(id: "${w.teamId}") { id } }`))).toBe('FORBIDDEN');

    let team = await readTeam<TeamView>(w.lead.client, w.teamId);
    expect(team.myRoles).toEqual(['TEAM_LEAD']);
    expect(team.availableEvents).toEqual([{ event: 'SUBMIT_GOALS', blockedBy: ['GOALS_COMPLETE'] }]);

    // KPIs are validated: direction, baseline ≠ target, percentages, non-negative.
    const { goalId } = await goalWithKpis(w.lead.client, w.teamId, []);
    w.lead.client.lang = 'en';
    const bad = await w.lead.client.request(`mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }`, {
      input: {
        goalId,
        nameAr: 'نسبة',
        nameEn: 'Share',
        unit: 'PERCENT',
        direction: 'INCREASE',
        baseline: 80,
        target: 120,
        dataSource: 'x',
      },
    });
    expect(bad.errors![0]!.extensions!.fields).toEqual([
      { field: 'target', message: 'Target is a percentage: 0 to 100.' },
    ]);
    const backwards = await w.lead.client.request(
      `mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }`,
      {
        input: {
          goalId,
          nameAr: 'مدة',
          nameEn: 'Days',
          unit: 'DAYS',
          direction: 'DECREASE',
          baseline: 7,
          target: 30,
          dataSource: 'x',
        },
      },
    );
    expect(backwards.errors![0]!.extensions!.fields).toEqual([
      { field: 'target', message: 'For a decreasing KPI, the target must be below the baseline.' },
    ]);
    const negative = await w.lead.client.request(
      `mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }`,
      {
        input: {
          goalId,
          nameAr: 'مدة',
          nameEn: 'Days',
          unit: 'DAYS',
          direction: 'DECREASE',
          baseline: -1,
          target: -5,
          dataSource: 'x',
        },
      },
    );
    expect(negative.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['baseline', 'target']);

    await goalWithKpis(w.lead.client, w.teamId, [{ baseline: 30, target: 7, direction: 'DECREASE' }]);
    team = await readTeam<TeamView>(w.lead.client, w.teamId);
    // The empty goal still makes them incomplete.
    expect(team.availableEvents[0]!.blockedBy).toEqual(['GOALS_COMPLETE']);
    const empty = team.goals.find((g) => g.kpis.length === 0)!;
    await w.lead.client.data(`mutation ($i: DeleteInput!) { deleteGoal(input: $i) }`, {
      i: { id: empty.id, version: empty.version },
    });
    team = await readTeam<TeamView>(w.lead.client, w.teamId);
    expect(team.availableEvents).toEqual([{ event: 'SUBMIT_GOALS', blockedBy: [] }]);

    // Without the member of the second agency the member minimums fail; the coach of that agency
    // (and the sponsor) do not count: they support the team, they are not the cross-agency team.
    await app.dataSource.query(`DELETE FROM team_member WHERE team_id = $1 AND user_id = $2`, [
      w.teamId,
      w.member.user.id,
    ]);
    const short = await w.lead.client.request(
      `mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { state } }`,
      {
        i: { id: w.teamId, version: team.version },
      },
    );
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'MEMBER_MINIMUMS' });
    await app.dataSource.query(`DELETE FROM team_member WHERE team_id = $1 AND role = 'COACH'`, [w.teamId]);
    for (let i = 0; i < 2; i++) {
      await w.lead.client.data(`mutation ($i: TeamMemberInput!) { addTeamMember(input: $i) { id } }`, {
        i: { teamId: w.teamId, userId: w.member.user.id, role: 'TEAM_MEMBER' },
      });
    }
    // Adding someone already in the role changes nothing and tells them once.
    const joined = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'TEAM_MEMBER_ADDED' AND subject_id = $2`,
      [w.member.user.id, w.teamId],
    )) as { n: number }[];
    expect(joined[0]!.n).toBe(1);
    await addMember(app, w.teamId, w.coach.user.id, 'COACH');
    // A leader may add members but not name the sponsor.
    const sponsorByLead = await w.lead.client.request(
      `mutation ($i: TeamMemberInput!) { addTeamMember(input: $i) { id } }`,
      {
        i: { teamId: w.teamId, userId: w.member.user.id, role: 'SPONSOR' },
      },
    );
    expect(codeOf(sponsorByLead)).toBe('FORBIDDEN');

    const submitted = await w.lead.client.data<{ submitTeamGoals: { state: string; version: number } }>(
      `mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { state version } }`,
      { i: { id: w.teamId, version: team.version } },
    );
    expect(submitted.submitTeamGoals.state).toBe('GOALS_SUBMITTED');
    const approved = await w.office.data<{ approveTeamGoals: { state: string } }>(
      `mutation ($i: TeamEventInput!) { approveTeamGoals(input: $i) { state } }`,
      { i: { id: w.teamId, version: submitted.submitTeamGoals.version } },
    );
    expect(approved.approveTeamGoals.state).toBe('READY');
    team = await readTeam<TeamView>(w.lead.client, w.teamId);
    const kpi = team.goals[0]!.kpis[0]!;
    expect(kpi).toMatchObject({ baseline: 30, target: 7, originalBaseline: 30, originalTarget: 7 });
    expect(kpi.frozenAt).not.toBeNull();
    const frozen = await w.lead.client.request(
      `mutation ($input: UpdateKpiInput!) { updateKpi(input: $input) { id } }`,
      {
        input: {
          id: kpi.id,
          version: kpi.version,
          nameAr: 'مدة',
          nameEn: 'Days',
          unit: 'DAYS',
          direction: 'DECREASE',
          baseline: 30,
          target: 5,
          dataSource: 'x',
        },
      },
    );
    expect(frozen.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'GOALS_FROZEN' });
  });

  it('keeps check-ins append-only: a correction supersedes; the latest value and RAG follow it', async () => {
    const { w, kpiIds } = await activeTeam();
    const now = await clockNow(w.office);
    const today = new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    const first = await checkIn(w, w.member.client, kpiIds[0]!, 30.5, today);
    expect(first.errors).toBeUndefined();
    let team = await readTeam<TeamView>(w.lead.client, w.teamId);
    expect(team.goals[0]!.kpis[0]!.latestValue!.value).toBe(30.5);
    // Before day 1 nothing is expected yet; a permit time worse than the baseline is red.
    expect(team.goals[0]!.kpis[0]!.rag).toBe('RED');

    const { correctCheckIn } = await w.lead.client.data<{ correctCheckIn: { id: string; supersedesId: string } }>(
      `mutation ($input: CorrectCheckInInput!) { correctCheckIn(input: $input) { id supersedesId } }`,
      {
        input: {
          supersedesId: first.data!.submitCheckIn.id,
          reason: 'أُدخلت القيمة قبل احتساب الطلبات المؤجلة',
          values: [{ kpiId: kpiIds[0], value: 29.5, asOf: today, evidence: 'تقرير مصحح' }],
          narrative: 'تصحيح',
          confidence: 'HIGH',
        },
      },
    );
    expect(correctCheckIn.supersedesId).toBe(first.data!.submitCheckIn.id);
    team = await readTeam<TeamView>(w.lead.client, w.teamId);
    expect(team.cohort.id).toBe(w.cohort.id);
    // Each value names its KPI, in the correction and in the check-in it replaced.
    expect(team.checkIns.flatMap((c) => c.values.map((v) => v.kpiId))).toEqual([kpiIds[0], kpiIds[0]]);
    expect(team.goals[0]!.kpis[0]!.latestValue!.value).toBe(29.5);
    expect(team.goals[0]!.kpis[0]!.rag).toBe('GREEN');
    expect(team.rag).toBe('GREEN');
    const original = team.checkIns.find((c) => c.id === first.data!.submitCheckIn.id)!;
    expect(original.supersededById).toBe(correctCheckIn.id);
    // The original row is untouched and cannot be changed or deleted.
    await expect(
      app.dataSource.query(`UPDATE check_in SET narrative = 'x' WHERE id = $1`, [original.id]),
    ).rejects.toThrow(/append-only/);
    // A second correction of the same check-in is stale.
    const again = await w.lead.client.request(
      `mutation ($input: CorrectCheckInInput!) { correctCheckIn(input: $input) { id } }`,
      {
        input: {
          supersedesId: original.id,
          reason: 'مرة أخرى',
          values: [{ kpiId: kpiIds[0], value: 29, asOf: today, evidence: 'x' }],
          narrative: 'x',
          confidence: 'LOW',
        },
      },
    );
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('holds the limit of five KPIs a goal when six are added at once, and adds none once the goals are submitted', async () => {
    const w = await teamWorld(app);
    const { goalId } = await goalWithKpis(w.lead.client, w.teamId, []);
    const add = (i: number) =>
      w.lead.client.request<{ createKpi: { id: string } }>(
        `mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }`,
        {
          input: {
            goalId,
            nameAr: `مؤشر ${i}`,
            nameEn: `KPI ${i}`,
            unit: 'DAYS',
            direction: 'DECREASE',
            baseline: 30,
            target: 7,
            dataSource: 'سجلات النظام',
          },
        },
      );
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(add));
    expect(answers.filter((a) => !a.errors).length).toBe(5);
    expect(answers.filter((a) => a.errors?.[0]?.extensions?.fields?.[0]?.field === 'goalId').length).toBe(1);
    const [{ n }] = (await app.dataSource.query(`SELECT count(*)::int AS n FROM kpi WHERE goal_id = $1`, [goalId])) as {
      n: number;
    }[];
    expect(n).toBe(5);

    // Submitting and adding at the same moment: either the KPI went in before the submission, or it
    // is refused; never a KPI added to submitted goals.
    await app.dataSource.query(`DELETE FROM kpi WHERE goal_id = $1 AND name_en = 'KPI 1'`, [goalId]);
    const team = await readTeam<TeamView>(w.lead.client, w.teamId);
    const [submitted, added] = await Promise.all([
      w.lead.client.request<{ submitTeamGoals: { state: string } }>(
        `mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { state } }`,
        { i: { id: w.teamId, version: team.version } },
      ),
      add(7),
    ]);
    expect(submitted.errors).toBeUndefined();
    if (added.errors) expect(added.errors[0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'GOALS_FROZEN' });
    const late = await add(8);
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'GOALS_FROZEN' });
  });

  it('keeps two check-ins sent at the same moment', async () => {
    const { w, kpiIds } = await activeTeam();
    const today = new Date((await clockNow(w.office)).getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    const [a, b] = await Promise.all([
      checkIn(w, w.member.client, kpiIds[0]!, 29, today),
      checkIn(w, w.lead.client, kpiIds[0]!, 28, today),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const team = await readTeam<TeamView>(w.lead.client, w.teamId);
    expect(team.checkIns).toHaveLength(2);
    expect(team.checkIns.every((c) => c.supersededById === null)).toBe(true);
  });

  it('lets only the team write, and a coach review others’ check-ins only', async () => {
    const { w, kpiIds } = await activeTeam();
    const other = await activeTeam();
    const today = new Date((await clockNow(w.office)).getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    // A member of another team cannot write to this one, nor can its sponsor or coach check in.
    expect(codeOf(await checkIn(w, other.w.member.client, kpiIds[0]!, 29, today))).toBe('FORBIDDEN');
    expect(codeOf(await checkIn(w, w.sponsor.client, kpiIds[0]!, 29, today))).toBe('FORBIDDEN');
    expect(codeOf(await checkIn(w, w.coach.client, kpiIds[0]!, 29, today))).toBe('FORBIDDEN');
    // A KPI of another team is refused on the field.
    const wrongKpi = await checkIn(w, w.member.client, other.kpiIds[0]!, 29, today);
    expect(wrongKpi.errors![0]!.extensions!.fields![0]!.field).toBe('values.0.kpiId');

    const mine = await checkIn(w, w.member.client, kpiIds[0]!, 29, today);
    const review = `mutation ($input: ReviewCheckInInput!) { reviewCheckIn(input: $input) { id review { decision } } }`;
    expect(
      codeOf(
        await w.member.client.request(review, {
          input: { checkInId: mine.data!.submitCheckIn.id, decision: 'ACKNOWLEDGED' },
        }),
      ),
    ).toBe('FORBIDDEN');
    // A coach who is also a member cannot acknowledge their own.
    await addMember(app, w.teamId, w.coach.user.id, 'TEAM_MEMBER');
    const own = await checkIn(w, w.coach.client, kpiIds[0]!, 28, today);
    const refused = await w.coach.client.request(review, {
      input: { checkInId: own.data!.submitCheckIn.id, decision: 'ACKNOWLEDGED' },
    });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'NOT_OWN_CHECK_IN' });
    const returned = await w.coach.client.request(review, {
      input: { checkInId: mine.data!.submitCheckIn.id, decision: 'RETURNED' },
    });
    expect(returned.errors![0]!.extensions!.fields![0]!.field).toBe('comment');
    const ok = await w.coach.client.data<{ reviewCheckIn: { review: { decision: string } } }>(review, {
      input: { checkInId: mine.data!.submitCheckIn.id, decision: 'RETURNED', comment: 'أرفقوا رابط التقرير' },
    });
    expect(ok.reviewCheckIn.review.decision).toBe('RETURNED');
    const [{ n }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'CHECK_IN_RETURNED'`,
      [w.member.user.id],
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it('tells the sponsor when help is needed', async () => {
    const { w, kpiIds } = await activeTeam();
    const today = new Date((await clockNow(w.office)).getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    await checkIn(w, w.lead.client, kpiIds[0]!, 29, today, { helpNeeded: 'نحتاج قراراً بدمج موافقتين لدى الأمانة' });
    const rows = (await app.dataSource.query(
      `SELECT params FROM notification WHERE user_id = $1 AND kind = 'HELP_NEEDED'`,
      [w.sponsor.user.id],
    )) as {
      params: { helpNeeded: string };
    }[];
    expect(rows.map((r) => r.params.helpNeeded)).toEqual(['نحتاج قراراً بدمج موافقتين لدى الأمانة']);
  });

  it('reminds the team on check-in day, flags it and tells the sponsor after two weeks without one', async () => {
    const { w } = await activeTeam();
    const deadlines = (await app.dataSource.query(
      `SELECT id, kind, key, seq, original_due_at FROM deadline WHERE subject_type = 'team' AND subject_id = $1 AND grp = 'CHECK_INS' ORDER BY original_due_at, kind`,
      [w.teamId],
    )) as { id: string; kind: string; key: string; seq: number; original_due_at: Date }[];
    expect(deadlines.filter((d) => d.kind === 'CHECK_IN_DUE')).toHaveLength(14);
    const notified = async (kind: string, userId: string) =>
      (
        (await app.dataSource.query(
          `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND user_id = $2 AND subject_id = $3`,
          [kind, userId, w.teamId],
        )) as { n: number }[]
      )[0]!.n;

    const byKey = (key: string) => deadlines.find((d) => d.key === key)!;
    for (const key of ['CHECK_IN_REMINDER#1', 'CHECK_IN_DUE#1', 'CHECK_IN_REMINDER#2']) {
      await advanceTo(w.office, byKey(key).original_due_at);
      await settled(app.dataSource, byKey(key).id, byKey(key).seq);
    }
    expect(await notified('CHECK_IN_REMINDER', w.member.user.id)).toBe(2);
    expect(await notified('CHECK_IN_REMINDER', w.lead.user.id)).toBe(2);
    expect(await notified('CHECK_INS_MISSING', w.sponsor.user.id)).toBe(0);
    await advanceTo(w.office, byKey('CHECK_IN_DUE#2').original_due_at);
    await settled(app.dataSource, byKey('CHECK_IN_DUE#2').id, byKey('CHECK_IN_DUE#2').seq);
    expect(await notified('CHECK_INS_MISSING', w.sponsor.user.id)).toBe(1);
    expect(await notified('CHECK_INS_MISSING', w.admin.id)).toBe(1);
    expect((await readTeam<TeamView>(w.lead.client, w.teamId)).checkInsFlaggedAt).not.toBeNull();

    // Week 3's check-in arrives: the flag clears and nobody is reminded of week 3.
    const { kpiIds } = {
      kpiIds: (
        (await app.dataSource.query(`SELECT id FROM kpi WHERE team_id = $1`, [w.teamId])) as { id: string }[]
      ).map((k) => k.id),
    };
    const today = new Date((await clockNow(w.office)).getTime()).toISOString().slice(0, 10);
    const late = await checkIn(w, w.member.client, kpiIds[0]!, 25, today, { week: 2 });
    expect(late.data!.submitCheckIn).toMatchObject({ week: 2, late: true });
    const onTime = await checkIn(w, w.member.client, kpiIds[0]!, 25, today);
    expect(onTime.data!.submitCheckIn).toMatchObject({ week: 3, late: false });
    expect((await readTeam<TeamView>(w.lead.client, w.teamId)).checkInsFlaggedAt).toBeNull();
    await advanceTo(w.office, byKey('CHECK_IN_REMINDER#3').original_due_at);
    await settled(app.dataSource, byKey('CHECK_IN_REMINDER#3').id, byKey('CHECK_IN_REMINDER#3').seq);
    expect(await notified('CHECK_IN_REMINDER', w.member.user.id)).toBe(2);
  });

  it('keeps the original target on record when a change request is approved', async () => {
    const { w, kpiIds } = await activeTeam([{ baseline: 18, target: 36, direction: 'INCREASE' }]);
    await app.dataSource.query(`UPDATE cohort SET state = 'EXECUTION' WHERE id = $1`, [w.cohort.id]);
    const proposed = await w.lead.client.data<{
      proposeKpiChange: { id: string; version: number; state: string; fromTarget: number };
    }>(
      `mutation ($input: ProposeKpiChangeInput!) { proposeKpiChange(input: $input) { id version state fromTarget } }`,
      { input: { kpiId: kpiIds[0], baseline: 18, target: 30, reason: 'خط الأساس احتُسب على محافظة أكبر' } },
    );
    expect(proposed.proposeKpiChange).toMatchObject({ state: 'PROPOSED', fromTarget: 36 });
    const dup = await w.lead.client.request(
      `mutation ($input: ProposeKpiChangeInput!) { proposeKpiChange(input: $input) { id } }`,
      {
        input: { kpiId: kpiIds[0], baseline: 18, target: 31, reason: 'x' },
      },
    );
    expect(dup.errors![0]!.extensions!.fields![0]!.field).toBe('kpiId');
    expect(
      codeOf(
        await w.lead.client.request(
          `mutation ($i: ChangeRequestEventInput!) { approveKpiChange(input: $i) { state } }`,
          {
            i: { id: proposed.proposeKpiChange.id, version: proposed.proposeKpiChange.version },
          },
        ),
      ),
    ).toBe('FORBIDDEN');
    await w.office.data(`mutation ($i: ChangeRequestEventInput!) { approveKpiChange(input: $i) { state } }`, {
      i: { id: proposed.proposeKpiChange.id, version: proposed.proposeKpiChange.version },
    });
    const team = await readTeam<TeamView>(w.lead.client, w.teamId);
    expect(team.goals[0]!.kpis[0]).toMatchObject({
      baseline: 18,
      target: 30,
      originalBaseline: 18,
      originalTarget: 36,
    });
    // The decision reaches the leader and the sponsor, and opens the team's workspace.
    const told = (await app.dataSource.query(
      `SELECT user_id, subject_type, subject_id FROM notification WHERE kind = 'CHANGE_REQUEST_APPROVED' AND subject_id = $1`,
      [w.teamId],
    )) as { user_id: string; subject_type: string }[];
    expect(told.map((n) => n.subject_type)).toEqual(told.map(() => 'team'));
    expect(told.map((n) => n.user_id)).toContain(w.lead.user.id);
  });

  it("answers a cohort's teams with goals, KPIs and latest values in the same number of statements for 5 and for 50 teams", async () => {
    // An API without a worker in this process, so that only this query's statements are counted.
    const api = await startTestApp({ role: 'api' });
    const { user: admin } = await app.signedIn(['ADMIN']);
    const office = api.client();
    await office.signIn(admin.email, admin.password);
    const count = async (teams: number) => {
      const cohort = await createCohort(office, await dateFromNow(office, 20));
      const agency = await app.createAgency();
      const people = await Promise.all([
        app.createUser([], { agencyId: agency.id }),
        app.createUser([], { agencyId: agency.id }),
      ]);
      for (let t = 0; t < teams; t++) {
        const teamId = await insertTeam(app, cohort.id, agency.id, `فريق ${t}`);
        await addMember(app, teamId, people[0]!.id, 'TEAM_LEAD');
        await addMember(app, teamId, people[1]!.id, 'TEAM_MEMBER');
        for (let g = 0; g < 2; g++) {
          const [goal] = (await app.dataSource.query(
            `INSERT INTO goal (team_id, title_ar, title_en, sort) VALUES ($1, 'هدف', 'Goal', $2) RETURNING id`,
            [teamId, g],
          )) as { id: string }[];
          for (let k = 0; k < 2; k++) {
            const [kpi] = (await app.dataSource.query(
              `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source, sort)
               VALUES ($1, $2, 'مؤشر', 'KPI', 'DAYS', 'DECREASE', 30, 7, 'x', $3) RETURNING id`,
              [goal!.id, teamId, k],
            )) as { id: string }[];
            const [ci] = (await app.dataSource.query(
              `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence) VALUES ($1, 1, $2, now(), false, 'x', 'HIGH') RETURNING id`,
              [teamId, people[1]!.id],
            )) as { id: string }[];
            await app.dataSource.query(
              `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, 25, current_date, 'x')`,
              [ci!.id, kpi!.id],
            );
          }
        }
      }
      const counter = api.dataSource.logger as StatementCounter;
      const before = counter.statements;
      const res = await office.data<{ teams: { goals: { kpis: { latestValue: { value: number } | null }[] }[] }[] }>(
        `query ($c: UUID!) { teams(cohortId: $c) { id nameAr state rag members { role user { nameAr } } checkIns { week values { value } } changeRequests { id }
            goals { titleAr rag kpis { nameAr baseline target rag expected latestValue { value asOf } } } } }`,
        { c: cohort.id },
      );
      const statements = counter.statements - before;
      expect(res.teams).toHaveLength(teams);
      expect(
        res.teams.every(
          (t) => t.goals.length === 2 && t.goals.every((g) => g.kpis.every((k) => k.latestValue?.value === 25)),
        ),
      ).toBe(true);
      return statements;
    };
    try {
      const five = await count(5);
      const fifty = await count(50);
      expect(fifty).toBe(five);
      expect(five).toBeLessThanOrEqual(15);
    } finally {
      await api.close();
    }
  });

  it('fires the weekly check-in deadlines only from launch, for active teams', async () => {
    const w = await teamWorld(app);
    const [{ n }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM deadline WHERE subject_id = $1 AND grp = 'CHECK_INS'`,
      [w.teamId],
    )) as { n: number }[];
    expect(n).toBe(0);
  });
});
