import { codeOf, type GqlClient } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { advanceTo, clockNow, createCohort, dateFromNow, eventually, settled } from './support/cohorts.js';
import { addMember, insertTeam } from './support/teams.js';

const SAVE_REPORT = `mutation ($i: SaveFinalReportInput!) { saveFinalReport(input: $i) { id version values { kpiId value } } }`;
const SUBMIT_REPORT = `mutation ($i: TeamEventInput!) { submitFinalReport(input: $i) { state version } }`;
const RECORD = `mutation ($i: RecordOutcomeInput!) { recordTeamOutcome(input: $i) { state version outcome proposedOutcome } }`;
const SAVE_PLAN = `mutation ($i: SaveSustainmentPlanInput!) { saveSustainmentPlan(input: $i) { id version contentComplete pledge { valid planVersion } } }`;
const SIGN = `mutation ($i: SignPledgeInput!) { signSustainmentPledge(input: $i) { version pledge { valid planVersion signedById } } }`;
const START = `mutation ($i: TeamEventInput!) { startTeamSustainment(input: $i) { state version } }`;
const REPORT_CHECKPOINT = `mutation ($i: ReportCheckpointInput!) { reportCheckpoint(input: $i) { id } }`;
const CLOSE = `mutation ($i: CloseSustainmentInput!) { closeTeamSustainment(input: $i) { state sustainmentStatus scaledTo } }`;
const TEAM = `query ($id: UUID!) { team(id: $id) { id state version outcome
  outcomeProposal { outcome mean kpis { kpiId attainment againstOriginal originalTarget target final } }
  sustainmentPlan { version permittedActions pledge { valid } checkpoints { index day state report { note } }
    kpis { kpiId points { day value source } } }
  deadlines { kind state concerns } } }`;

interface TeamView {
  id: string;
  state: string;
  version: number;
  outcome: string | null;
  outcomeProposal: {
    outcome: string;
    mean: number;
    kpis: { kpiId: string; attainment: number | null; againstOriginal: number | null; originalTarget: number | null }[];
  } | null;
  sustainmentPlan: {
    version: number;
    permittedActions: string[];
    pledge: { valid: boolean } | null;
    checkpoints: { index: number; day: number; state: string; report: { note: string } | null }[];
    kpis: { kpiId: string; points: { day: number; value: number; source: string }[] }[];
  } | null;
  deadlines: { kind: string; state: string; concerns: string[] }[];
}

describe('day 100 and after (GraphQL over HTTP, the clock moving)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  const deadlineOf = async (kind: string, subjectId: string, key?: string) =>
    (
      (await app.dataSource.query(
        `SELECT id, seq, original_due_at, due_at, state FROM deadline
          WHERE kind = $1 AND subject_id = $2 AND ($3::text IS NULL OR key = $3) ORDER BY original_due_at`,
        [kind, subjectId, key ?? null],
      )) as { id: string; seq: number; original_due_at: Date; due_at: Date; state: string }[]
    )[0]!;
  const fire = async (office: GqlClient, kind: string, subjectId: string, key?: string) => {
    const d = await deadlineOf(kind, subjectId, key);
    await advanceTo(office, d.original_due_at);
    return settled(app.dataSource, d.id, d.seq);
  };
  const notices = async (kind: string, userId: string, subjectId: string) =>
    (
      (await app.dataSource.query(
        `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND user_id = $2 AND subject_id = $3`,
        [kind, userId, subjectId],
      )) as { n: number }[]
    )[0]!.n;
  const read = async (client: GqlClient, id: string) => (await client.data<{ team: TeamView }>(TEAM, { id })).team;
  const cohortState = async (id: string) =>
    ((await app.dataSource.query(`SELECT state FROM cohort WHERE id = $1`, [id])) as { state: string }[])[0]!.state;

  it('takes a team from its day-100 report through its outcome, plan, pledge and checkpoints to a closed cohort', async () => {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 2));
    const lead = await app.createAgency();
    const other = await app.createAgency();
    const leader = await app.signedIn([], { agencyId: lead.id });
    const sponsor = await app.signedIn([], { agencyId: lead.id });
    const focal = await app.signedIn(['FOCAL_POINT'], { agencyId: lead.id });
    const teamId = await insertTeam(app, cohort.id, lead.id, 'فريق اليوم المئة');
    await addMember(app, teamId, leader.user.id, 'TEAM_LEAD');
    await addMember(app, teamId, sponsor.user.id, 'SPONSOR');
    const [goal] = (await app.dataSource.query(
      `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'تسريع الرخص', 'Faster permits') RETURNING id`,
      [teamId],
    )) as { id: string }[];
    // Days to a permit, 30 → 10 (the target moved from 7 by a change request); online share, 20 → 60 %.
    const [days] = (await app.dataSource.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, original_baseline, original_target, data_source, frozen_at, sort)
       VALUES ($1, $2, 'مدة الإصدار', 'Days to issue', 'DAYS', 'DECREASE', 30, 10, 30, 7, 'النظام', now(), 0) RETURNING id`,
      [goal!.id, teamId],
    )) as { id: string }[];
    const [share] = (await app.dataSource.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, original_baseline, original_target, data_source, frozen_at, sort)
       VALUES ($1, $2, 'نسبة الطلبات الإلكترونية', 'Online share', 'PERCENT', 'INCREASE', 20, 60, 20, 60, 'النظام', now(), 1) RETURNING id`,
      [goal!.id, teamId],
    )) as { id: string }[];
    // The 100 days as they ended: the team active in the final stretch.
    await app.dataSource.query(`UPDATE cohort SET state = 'FINAL_STRETCH' WHERE id = $1`, [cohort.id]);
    await app.dataSource.query(`UPDATE team SET state = 'ACTIVE' WHERE id = $1`, [teamId]);

    // Day 100: results open and the team starts reporting, with its report's deadlines.
    await fire(office, 'COHORT_OPEN_RESULTS', cohort.id);
    expect(await cohortState(cohort.id)).toBe('RESULTS');
    let team = await read(leader.client, teamId);
    expect(team.state).toBe('REPORTING');
    expect(team.deadlines.filter((d) => d.kind.startsWith('FINAL_REPORT')).map((d) => [d.kind, d.concerns])).toEqual([
      ['FINAL_REPORT_REMINDER', ['TEAM_LEAD']],
      ['FINAL_REPORT_OVERDUE', ['SPONSOR']],
    ]);
    const today = async () => (await clockNow(office)).toISOString().slice(0, 10);
    const draft = (
      await leader.client.data<{ saveFinalReport: { version: number } }>(SAVE_REPORT, {
        i: {
          teamId,
          values: [{ kpiId: days!.id, value: 10, asOf: await today(), evidence: 'تقرير النظام' }],
          narrative: 'اختصرنا الدورة المستندية',
        },
      })
    ).saveFinalReport;
    // A stale save is a CONFLICT; submitting needs a final value for every KPI.
    expect(codeOf(await leader.client.request(SAVE_REPORT, { i: { teamId, version: 0, values: [] } }))).toBe(
      'CONFLICT',
    );
    const early = await leader.client.request(SUBMIT_REPORT, { i: { id: teamId, version: team.version } });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'FINAL_VALUES_COMPLETE' });
    // Only the team leader writes it.
    expect(codeOf(await sponsor.client.request(SAVE_REPORT, { i: { teamId, values: [] } }))).toBe('FORBIDDEN');

    // Three days before it is due the lead is reminded; when it is late the sponsor is told; each once.
    await fire(office, 'FINAL_REPORT_REMINDER', teamId);
    expect(await notices('FINAL_REPORT_REMINDER', leader.user.id, teamId)).toBe(1);
    // The report falls due with the cohort's sustainment (the end of day 107).
    const start = await deadlineOf('COHORT_START_SUSTAINMENT', cohort.id);
    await fire(office, 'FINAL_REPORT_OVERDUE', teamId);
    expect(await notices('FINAL_REPORT_OVERDUE', sponsor.user.id, teamId)).toBe(1);
    expect(await notices('FINAL_REPORT_REMINDER', leader.user.id, teamId)).toBe(1);
    // The cohort's sustainment waits for the team's outcome, and says which team it waits for.
    await advanceTo(office, start.original_due_at);
    const blocked = await settled(app.dataSource, start.id, start.seq);
    expect(blocked.blocked_by).toEqual(['ALL_OUTCOMES_RECORDED']);
    const [blockNotice] = (await app.dataSource.query(
      `SELECT params FROM notification WHERE kind = 'COHORT_TRANSITION_BLOCKED' AND user_id = $1 AND subject_id = $2`,
      [admin.id, cohort.id],
    )) as { params: { blockingTeams: { nameAr: string }[] } }[];
    expect(blockNotice!.params.blockingTeams.map((t) => t.nameAr)).toEqual(['فريق اليوم المئة']);

    await leader.client.data(SAVE_REPORT, {
      i: {
        teamId,
        version: draft.version,
        values: [
          { kpiId: days!.id, value: 10, asOf: await today(), evidence: 'تقرير النظام' },
          { kpiId: share!.id, value: 40, asOf: await today(), evidence: 'لوحة الخدمات' },
        ],
        narrative: 'اختصرنا الدورة المستندية',
        lessons: 'إشراك البلديات مبكراً',
        scaling: 'تعميم المسار السريع على المحافظات',
      },
    });
    team = await read(leader.client, teamId);
    await leader.client.data(SUBMIT_REPORT, { i: { id: teamId, version: team.version } });

    // The proposal: the days reached their current target (1; 0.8696 of the original), the share half way.
    team = await read(office, teamId);
    expect(team.state).toBe('FINAL_SUBMITTED');
    expect(team.outcomeProposal).toMatchObject({ outcome: 'PARTIALLY_ACHIEVED', mean: 0.75 });
    expect(team.outcomeProposal!.kpis.find((k) => k.kpiId === days!.id)).toMatchObject({
      attainment: 1,
      againstOriginal: 0.8696,
      originalTarget: 7,
    });
    const override = await office.request(RECORD, { i: { id: teamId, version: team.version, outcome: 'ACHIEVED' } });
    expect(override.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'REASON_GIVEN_TO_OVERRIDE' });
    const recorded = (
      await office.data<{ recordTeamOutcome: { state: string; outcome: string; proposedOutcome: string } }>(RECORD, {
        i: {
          id: teamId,
          version: team.version,
          outcome: 'ACHIEVED',
          reason: 'النسبة الإلكترونية تجاوزت الهدف بعد التقرير',
        },
      })
    ).recordTeamOutcome;
    expect(recorded).toMatchObject({ state: 'COMPLETED', outcome: 'ACHIEVED', proposedOutcome: 'PARTIALLY_ACHIEVED' });
    const [history] = (await app.dataSource.query(
      `SELECT reason, data FROM transition_history WHERE subject_id = $1 AND event = 'RECORD_OUTCOME'`,
      [teamId],
    )) as { reason: string; data: { proposed: string } }[];
    expect(history).toMatchObject({
      reason: 'النسبة الإلكترونية تجاوزت الهدف بعد التقرير',
      data: { proposed: 'PARTIALLY_ACHIEVED' },
    });
    // Checked again a day later, the cohort's sustainment starts.
    const again = await deadlineOf('COHORT_START_SUSTAINMENT', cohort.id);
    await advanceTo(office, again.due_at);
    await settled(app.dataSource, again.id, again.seq);
    expect(await cohortState(cohort.id)).toBe('SUSTAINMENT');

    // The plan: drafted by the lead, signed by the sponsor alone; a change voids the pledge.
    const plan1 = (
      await leader.client.data<{ saveSustainmentPlan: { version: number; contentComplete: boolean } }>(SAVE_PLAN, {
        i: {
          teamId,
          ownerAgencyId: lead.id,
          actions: [
            { descriptionAr: 'اعتماد المسار السريع في اللائحة', responsibleAgencyId: lead.id, dueDate: '2027-12-31' },
          ],
          kpiIds: [days!.id, share!.id],
        },
      })
    ).saveSustainmentPlan;
    expect(plan1.contentComplete).toBe(true);
    for (const notSponsor of [leader.client, office])
      expect(codeOf(await notSponsor.request(SIGN, { i: { teamId, planVersion: plan1.version } }))).toBe('FORBIDDEN');
    const signed = (
      await sponsor.client.data<{ signSustainmentPledge: { pledge: { valid: boolean; signedById: string } } }>(SIGN, {
        i: { teamId, planVersion: plan1.version },
      })
    ).signSustainmentPledge;
    expect(signed.pledge).toMatchObject({ valid: true, signedById: sponsor.user.id });
    const plan2 = (
      await leader.client.data<{ saveSustainmentPlan: { version: number; pledge: { valid: boolean } } }>(SAVE_PLAN, {
        i: {
          teamId,
          version: plan1.version,
          ownerAgencyId: lead.id,
          actions: [
            { descriptionAr: 'اعتماد المسار السريع في اللائحة', responsibleAgencyId: lead.id, dueDate: '2027-12-31' },
            { descriptionAr: 'تدريب موظفي المحافظات', responsibleAgencyId: other.id, dueDate: '2027-09-30' },
          ],
          kpiIds: [days!.id, share!.id],
        },
      })
    ).saveSustainmentPlan;
    expect(plan2.pledge).toMatchObject({ valid: false });
    expect(await notices('PLEDGE_VOIDED', sponsor.user.id, teamId)).toBe(1);
    team = await read(office, teamId);
    const unsigned = await office.request(START, { i: { id: teamId, version: team.version } });
    expect(unsigned.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'SUSTAINMENT_PLAN_COMPLETE' });
    // The sponsor signs what they read: an older version is a CONFLICT.
    expect(codeOf(await sponsor.client.request(SIGN, { i: { teamId, planVersion: plan1.version } }))).toBe('CONFLICT');
    await sponsor.client.data(SIGN, { i: { teamId, planVersion: plan2.version } });
    const started = (
      await office.data<{ startTeamSustainment: { state: string } }>(START, {
        i: { id: teamId, version: team.version },
      })
    ).startTeamSustainment;
    expect(started.state).toBe('SUSTAINING');

    // Checkpoints: reported by the owner agency's focal point from seven days before, reminded once,
    // the office told once of the one not reported.
    const checkpoint = (index: number) => ({
      teamId,
      index,
      note: `متابعة ${index + 1}`,
      values: [
        { kpiId: days!.id, value: 9, asOf: '', evidence: 'تقرير ربعي' },
        { kpiId: share!.id, value: 45, asOf: '', evidence: 'لوحة الخدمات' },
      ],
    });
    const withDate = async (c: ReturnType<typeof checkpoint>) => {
      const d = await today();
      return { ...c, values: c.values.map((v) => ({ ...v, asOf: d })) };
    };
    const tooEarly = await focal.client.request(REPORT_CHECKPOINT, { i: await withDate(checkpoint(0)) });
    expect(tooEarly.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'CHECKPOINT_OPEN' });
    expect(codeOf(await leader.client.request(REPORT_CHECKPOINT, { i: await withDate(checkpoint(0)) }))).toBe(
      'FORBIDDEN',
    );
    await fire(office, 'CHECKPOINT_REMINDER', teamId, 'CHECKPOINT_REMINDER#1');
    expect(await notices('CHECKPOINT_REMINDER', focal.user.id, teamId)).toBe(1);
    await focal.client.data(REPORT_CHECKPOINT, { i: await withDate(checkpoint(0)) });
    expect(codeOf(await focal.client.request(REPORT_CHECKPOINT, { i: await withDate(checkpoint(0)) }))).toBe(
      'BAD_USER_INPUT',
    );
    await fire(office, 'CHECKPOINT_OVERDUE', teamId, 'CHECKPOINT_OVERDUE#1');
    await fire(office, 'CHECKPOINT_OVERDUE', teamId, 'CHECKPOINT_OVERDUE#2');
    expect(await notices('CHECKPOINT_OVERDUE', admin.id, teamId)).toBe(1);
    expect(await notices('CHECKPOINT_REMINDER', focal.user.id, teamId)).toBe(2);
    // Closing before the last checkpoint needs a reason.
    team = await read(office, teamId);
    const premature = await office.request(CLOSE, { i: { id: teamId, version: team.version, status: 'SUSTAINED' } });
    expect(premature.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'LAST_CHECKPOINT_OR_REASON' });
    await fire(office, 'CHECKPOINT_REMINDER', teamId, 'CHECKPOINT_REMINDER#3');
    await focal.client.data(REPORT_CHECKPOINT, { i: await withDate(checkpoint(2)) });
    team = await read(focal.client, teamId);
    expect(team.sustainmentPlan!.checkpoints.map((c) => [c.day, c.state])).toEqual([
      [130, 'REPORTED'],
      [190, 'OVERDUE'],
      [280, 'REPORTED'],
    ]);
    expect(team.sustainmentPlan!.kpis[0]!.points.map((p) => p.source)).toEqual([
      'BASELINE',
      'FINAL',
      'CHECKPOINT',
      'CHECKPOINT',
    ]);

    // The cohort cannot close while the plan is open, and names the team.
    const close = await deadlineOf('COHORT_CLOSE', cohort.id);
    await advanceTo(office, close.original_due_at);
    const closeBlocked = await settled(app.dataSource, close.id, close.seq);
    expect(closeBlocked.blocked_by).toEqual(['ALL_SUSTAINMENT_PLANS_CLOSED']);
    const scaled = await office.request(CLOSE, { i: { id: teamId, version: team.version, status: 'SCALED' } });
    expect(scaled.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'SCALED_TO_GIVEN' });
    const closedTeam = (
      await office.data<{ closeTeamSustainment: { state: string; sustainmentStatus: string; scaledTo: string } }>(
        CLOSE,
        {
          i: { id: teamId, version: team.version, status: 'SCALED', scaledTo: 'محافظتا إربد والزرقاء' },
        },
      )
    ).closeTeamSustainment;
    expect(closedTeam).toEqual({ state: 'CLOSED', sustainmentStatus: 'SCALED', scaledTo: 'محافظتا إربد والزرقاء' });
    const closeAgain = await deadlineOf('COHORT_CLOSE', cohort.id);
    await advanceTo(office, closeAgain.due_at);
    await eventually(async () => (await cohortState(cohort.id)) === 'CLOSED');

    // A closed cohort's teams take no more writes, and the refusal names the cohort's state.
    const late = await office.request(`mutation ($i: TeamMemberInput!) { addTeamMember(input: $i) { id } }`, {
      i: { teamId, userId: focal.user.id, role: 'TEAM_MEMBER' },
    });
    expect(late.errors![0]!.extensions).toMatchObject({
      code: 'NOT_ALLOWED',
      guard: 'COHORT_OPEN',
      cohortState: 'CLOSED',
    });
  }, 180_000);
});
