import { StatementCounter } from '../src/database/statement-counter.js';
import { startTestApp, type TestApp } from './support/app.js';
import { completeFields, draftChallenge, fireOk, intakeWorld, recommended, scoreAll } from './support/challenges.js';
import { clockNow, createCohort, dateFromNow } from './support/cohorts.js';
import type { GqlClient } from './support/gql.js';
import { addMember, goalWithKpis, insertTeam, readTeam, teamWorld, type TeamWorld } from './support/teams.js';

const MY_TASKS = `query ($after: String) { myTasks(limit: 200, after: $after) { count overdueCount nextCursor
  tasks { id kind subjectType subjectId teamId cohortId nameAr nameEn
  dueAt overdue workingDaysLeft week checkpoint event blockedBy blockedReasons } } }`;

interface TaskView {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  teamId: string | null;
  nameAr: string;
  dueAt: string | null;
  overdue: boolean;
  workingDaysLeft: number | null;
  week: number | null;
  checkpoint: number | null;
  event: string | null;
  blockedBy: string[];
  blockedReasons: string[];
}

type TasksPage = { count: number; overdueCount: number; nextCursor: string | null; tasks: TaskView[] };
/** Every task of a user, most urgent first, page after page (the suites before may have left many). */
const tasksOf = async (client: GqlClient) => {
  let page = (await client.data<{ myTasks: TasksPage }>(MY_TASKS)).myTasks;
  const tasks = [...page.tasks];
  while (page.nextCursor) {
    page = (await client.data<{ myTasks: TasksPage }>(MY_TASKS, { after: page.nextCursor })).myTasks;
    tasks.push(...page.tasks);
  }
  return { count: page.count, overdueCount: page.overdueCount, tasks };
};
/** The kinds of a user's tasks about one object. */
const kindsFor = async (client: GqlClient, subjectId: string) =>
  (await tasksOf(client)).tasks.filter((t) => t.subjectId === subjectId || t.teamId === subjectId).map((t) => t.kind);

describe('my tasks (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  it('gives a challenge to the office to screen, to leadership to decide and back to its agency when returned, gone once anyone does it', async () => {
    const w = await intakeWorld(app, { approvalsRequired: 2 });
    const { client: office2 } = await app.signedIn(['ADMIN']);
    const { client: leader1 } = await app.signedIn(['LEADERSHIP']);
    const { client: leader2 } = await app.signedIn(['LEADERSHIP']);
    const { client: otherFocal } = await app.signedIn(['FOCAL_POINT']);

    let c = await draftChallenge(w.focal, w.cohort.id, completeFields(w));
    // A draft is the agency's own work in progress: nobody's task yet.
    expect(await kindsFor(w.office, c.id)).toEqual([]);
    expect(await kindsFor(w.focal, c.id)).toEqual([]);
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });

    // Both office users have it to screen, due in 5 working days; leadership and other agencies do not.
    for (const office of [w.office, office2]) {
      const task = (await tasksOf(office)).tasks.find((t) => t.subjectId === c.id)!;
      expect(task).toMatchObject({ kind: 'SCREEN_CHALLENGE', subjectType: 'challenge', overdue: false });
      expect(task.nameAr).toBe(completeFields(w).titleAr);
      expect(task.workingDaysLeft).toBe(5);
      expect(new Date(task.dueAt!).getTime()).toBeGreaterThan((await clockNow(office)).getTime());
    }
    expect(await kindsFor(leader1, c.id)).toEqual([]);
    expect(await kindsFor(otherFocal, c.id)).toEqual([]);
    expect(await kindsFor(w.focal, c.id)).toEqual([]);

    // The second office user screens it and returns it: the first one's task is gone, the agency's comes.
    c = await fireOk(office2, 'startChallengeScreening', { id: c.id, version: c.version });
    expect(await kindsFor(w.office, c.id)).toEqual(['SCREEN_CHALLENGE']);
    c = await fireOk(office2, 'returnChallenge', { id: c.id, version: c.version, comment: 'أكملوا خط الأساس' });
    expect(await kindsFor(w.office, c.id)).toEqual([]);
    expect(await kindsFor(office2, c.id)).toEqual([]);
    expect(await kindsFor(w.focal, c.id)).toEqual(['REVISE_CHALLENGE']);
    expect(await kindsFor(otherFocal, c.id)).toEqual([]);
    c = await fireOk(w.focal, 'submitChallenge', { id: c.id, version: c.version });
    expect(await kindsFor(w.focal, c.id)).toEqual([]);
    expect(await kindsFor(w.office, c.id)).toEqual(['SCREEN_CHALLENGE']);
    c = await fireOk(w.office, 'startChallengeScreening', { id: c.id, version: c.version });
    c = await scoreAll(w.office, c);
    c = await fireOk(w.office, 'declineChallenge', { id: c.id, version: c.version, reason: 'خارج النطاق' });
    expect(await kindsFor(office2, c.id)).toEqual([]);

    // Recommended: each leader has it to decide until they approved it themselves.
    const r = await recommended(app, w);
    expect(await kindsFor(w.office, r.id)).toEqual([]);
    expect(await kindsFor(leader1, r.id)).toEqual(['DECIDE_CHALLENGE']);
    const decide = (await tasksOf(leader2)).tasks.find((t) => t.subjectId === r.id)!;
    expect(decide.workingDaysLeft).toBe(5);
    const once = await fireOk(leader1, 'approveChallenge', { id: r.id, version: r.version });
    expect(once.state).toBe('RECOMMENDED');
    expect(await kindsFor(leader1, r.id)).toEqual([]);
    expect(await kindsFor(leader2, r.id)).toEqual(['DECIDE_CHALLENGE']);
    await fireOk(leader2, 'deferChallenge', { id: r.id, version: once.version, reason: 'الدفعة القادمة' });
    expect(await kindsFor(leader2, r.id)).toEqual([]);
  });

  /** The team's goals submitted and approved, the cohort launched early: an active team. */
  async function launched(w: TeamWorld, office2: GqlClient) {
    const team = await readTeam<{ version: number }>(w.lead.client, w.teamId);
    const submitted = (
      await w.lead.client.data<{ submitTeamGoals: { version: number } }>(
        `mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { version } }`,
        { i: { id: w.teamId, version: team.version } },
      )
    ).submitTeamGoals;
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual([]);
    expect(await kindsFor(w.office, w.teamId)).toEqual(['APPROVE_GOALS']);
    await office2.data(`mutation ($i: TeamEventInput!) { approveTeamGoals(input: $i) { state } }`, {
      i: { id: w.teamId, version: submitted.version },
    });
    expect(await kindsFor(w.office, w.teamId)).toEqual([]);
    await app.dataSource.query(`UPDATE cohort SET state = 'PREPARATION', version = version + 1 WHERE id = $1`, [
      w.cohort.id,
    ]);
    const [{ version }] = (await app.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [w.cohort.id])) as {
      version: number;
    }[];
    await w.office.data(`mutation ($i: LaunchCohortInput!) { launchCohort(input: $i) { state } }`, {
      i: { id: w.cohort.id, version },
    });
  }

  it("gives a team's people their part only: goals, this week's check-in, the coach's acknowledgement, the office's reviewers", async () => {
    const w = await teamWorld(app, 60);
    const { client: office2 } = await app.signedIn(['ADMIN']);
    const other = await teamWorld(app, 60);
    const [{ lead_agency_id: leadAgency }] = (await app.dataSource.query(
      `SELECT lead_agency_id FROM team WHERE id = $1`,
      [w.teamId],
    )) as { lead_agency_id: string }[];
    const { client: focal } = await app.signedIn(['FOCAL_POINT'], { agencyId: leadAgency });

    // Forming: the leader has the goals to submit, due on day −7; nobody else on the team has a task.
    const goals = (await tasksOf(w.lead.client)).tasks.find((t) => t.teamId === w.teamId)!;
    expect(goals.kind).toBe('SUBMIT_GOALS');
    expect(goals.dueAt).not.toBeNull();
    for (const c of [w.member.client, w.coach.client, w.sponsor.client, focal, other.lead.client])
      expect(await kindsFor(c, w.teamId)).toEqual([]);
    const { kpiIds } = await goalWithKpis(w.lead.client, w.teamId, [
      { baseline: 30, target: 7, direction: 'DECREASE' },
    ]);
    await launched(w, office2);

    // Active: the leader and the members have this week's check-in; the coach and sponsor do not.
    const lead = (await tasksOf(w.lead.client)).tasks.filter((t) => t.teamId === w.teamId);
    expect(lead.map((t) => [t.kind, t.week])).toEqual([['CHECK_IN', 1]]);
    expect(await kindsFor(w.member.client, w.teamId)).toEqual(['CHECK_IN']);
    expect(await kindsFor(w.coach.client, w.teamId)).toEqual([]);
    expect(await kindsFor(w.sponsor.client, w.teamId)).toEqual([]);
    expect(await kindsFor(other.member.client, w.teamId)).toEqual([]);
    // The office has reviewers to assign before the mid-point.
    expect(await kindsFor(w.office, w.teamId)).toEqual(['ASSIGN_REVIEWERS']);

    // A member sends the week's check-in: gone for the leader too; the coach has it to acknowledge.
    const { submitCheckIn } = await w.member.client.data<{ submitCheckIn: { id: string } }>(
      `mutation ($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { id } }`,
      {
        input: {
          teamId: w.teamId,
          values: [{ kpiId: kpiIds[0], value: 25, asOf: new Date().toISOString().slice(0, 10), evidence: 'تقرير' }],
          narrative: 'أنجزنا مراجعة الإجراءات',
          confidence: 'MEDIUM',
        },
      },
    );
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual([]);
    expect(await kindsFor(w.member.client, w.teamId)).toEqual([]);
    const ack = (await tasksOf(w.coach.client)).tasks.filter((t) => t.teamId === w.teamId);
    expect(ack.map((t) => [t.kind, t.subjectType, t.subjectId, t.week])).toEqual([
      ['REVIEW_CHECK_IN', 'checkIn', submitCheckIn.id, 1],
    ]);
    expect(await kindsFor(other.coach.client, w.teamId)).toEqual([]);
    await w.coach.client.data(`mutation ($input: ReviewCheckInInput!) { reviewCheckIn(input: $input) { id } }`, {
      input: { checkInId: submitCheckIn.id, decision: 'ACKNOWLEDGED' },
    });
    expect(await kindsFor(w.coach.client, w.teamId)).toEqual([]);
    // The focal point of the lead agency sees no task of the team's own work.
    expect(await kindsFor(focal, w.teamId)).toEqual([]);
  });

  it('asks reviewers for their open assessments, the office for mid-point decisions, change requests and blocked transitions', async () => {
    const w = await teamWorld(app, 60);
    const { client: reviewer, user: reviewerUser } = await app.signedIn(['REVIEWER']);
    const { client: leader } = await app.signedIn(['LEADERSHIP']);
    await app.dataSource.query(`UPDATE cohort SET state = 'MIDPOINT_REVIEW', min_reviewers = 1 WHERE id = $1`, [
      w.cohort.id,
    ]);
    await app.dataSource.query(`UPDATE team SET state = 'UNDER_REVIEW' WHERE id = $1`, [w.teamId]);
    const [review] = (await app.dataSource.query(
      `INSERT INTO review (cohort_id, team_id, state) VALUES ($1, $2, 'SCHEDULED') RETURNING id`,
      [w.cohort.id, w.teamId],
    )) as { id: string }[];
    const [assessment] = (await app.dataSource.query(
      `INSERT INTO assessment (review_id, team_id, reviewer_id, assigned_at) VALUES ($1, $2, $3, now()) RETURNING id`,
      [review!.id, w.teamId, reviewerUser.id],
    )) as { id: string }[];
    // Not open yet: nothing to score; the office cannot decide before the assessments are in or due.
    expect(await kindsFor(reviewer, w.teamId)).toEqual([]);
    expect(await kindsFor(w.office, w.teamId)).toEqual([]);
    await app.dataSource.query(`UPDATE review SET state = 'OPEN' WHERE id = $1`, [review!.id]);
    const score = (await tasksOf(reviewer)).tasks.find((t) => t.teamId === w.teamId)!;
    expect(score).toMatchObject({ kind: 'SUBMIT_ASSESSMENT', subjectType: 'assessment', subjectId: assessment!.id });
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual(['CHECK_IN']);
    await app.dataSource.query(`UPDATE assessment SET state = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [
      assessment!.id,
    ]);
    expect(await kindsFor(reviewer, w.teamId)).toEqual([]);
    expect(await kindsFor(w.office, w.teamId)).toEqual(['DECIDE_MIDPOINT']);

    // A change request to decide; a blocked cohort transition for whoever may fire it (not leadership).
    const [goal] = (await app.dataSource.query(
      `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'هدف', 'Goal') RETURNING id`,
      [w.teamId],
    )) as { id: string }[];
    const [kpi] = (await app.dataSource.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source, frozen_at)
       VALUES ($1, $2, 'مؤشر', 'KPI', 'DAYS', 'DECREASE', 30, 7, 'x', now()) RETURNING id`,
      [goal!.id, w.teamId],
    )) as { id: string }[];
    const [cr] = (await app.dataSource.query(
      `INSERT INTO kpi_change_request (kpi_id, team_id, from_baseline, from_target, to_baseline, to_target, reason, proposed_by)
       VALUES ($1, $2, 30, 7, 30, 10, 'تغير المصدر', $3) RETURNING id`,
      [kpi!.id, w.teamId, w.lead.user.id],
    )) as { id: string }[];
    expect((await tasksOf(w.office)).tasks.filter((t) => t.subjectId === cr!.id).map((t) => t.kind)).toEqual([
      'DECIDE_CHANGE',
    ]);
    await app.dataSource.query(`UPDATE kpi_change_request SET state = 'REJECTED' WHERE id = $1`, [cr!.id]);
    expect((await tasksOf(w.office)).tasks.some((t) => t.subjectId === cr!.id)).toBe(false);

    await app.dataSource.query(
      `UPDATE deadline SET original_due_at = $2::timestamptz - interval '1 day', due_at = $2::timestamptz + interval '1 day',
              blocked_by = '{ALL_MIDPOINT_DECISIONS_MADE}'
        WHERE subject_id = $1 AND kind = 'COHORT_CLOSE_MIDPOINT' AND state = 'PENDING'`,
      [w.cohort.id, (await clockNow(w.office)).toISOString()],
    );
    const blocked = (await tasksOf(w.office)).tasks.find((t) => t.subjectId === w.cohort.id)!;
    expect(blocked).toMatchObject({
      kind: 'RESOLVE_BLOCKED_TRANSITION',
      event: 'CLOSE_MIDPOINT',
      blockedBy: ['ALL_MIDPOINT_DECISIONS_MADE'],
      overdue: true,
    });
    expect(blocked.blockedReasons[0]).toEqual(expect.any(String));
    // Overdue tasks come first.
    expect((await tasksOf(w.office)).tasks[0]!.overdue).toBe(true);
    expect((await tasksOf(leader)).tasks.some((t) => t.subjectId === w.cohort.id)).toBe(false);
  });

  it("asks for day 100 and after: the leader's report and plan, the office's outcome, the sponsor's pledge, the owner agency's checkpoints", async () => {
    const w = await teamWorld(app, 60);
    const agencyId = w.lead.user.agencyId;
    const { client: focal } = await app.signedIn(['FOCAL_POINT'], { agencyId });
    const { client: otherFocal } = await app.signedIn(['FOCAL_POINT']);
    const [goal] = (await app.dataSource.query(
      `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'هدف', 'Goal') RETURNING id`,
      [w.teamId],
    )) as { id: string }[];
    const [kpi] = (await app.dataSource.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, original_baseline, original_target, data_source, frozen_at)
       VALUES ($1, $2, 'مؤشر', 'KPI', 'DAYS', 'DECREASE', 30, 7, 30, 7, 'x', now()) RETURNING id`,
      [goal!.id, w.teamId],
    )) as { id: string }[];
    const setState = async (cohort: string, team: string) => {
      await app.dataSource.query(`UPDATE cohort SET state = $2 WHERE id = $1`, [w.cohort.id, cohort]);
      await app.dataSource.query(`UPDATE team SET state = $2 WHERE id = $1`, [w.teamId, team]);
    };

    await setState('RESULTS', 'REPORTING');
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual(['SUBMIT_FINAL_REPORT']);
    expect(await kindsFor(w.member.client, w.teamId)).toEqual([]);
    expect(await kindsFor(w.office, w.teamId)).toEqual([]);
    await setState('RESULTS', 'FINAL_SUBMITTED');
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual([]);
    expect(await kindsFor(w.office, w.teamId)).toEqual(['RECORD_OUTCOME']);

    await setState('RESULTS', 'COMPLETED');
    expect(await kindsFor(w.office, w.teamId)).toEqual([]);
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual(['DRAFT_PLAN']);
    expect(await kindsFor(w.sponsor.client, w.teamId)).toEqual([]);
    const { saveSustainmentPlan: plan } = await w.lead.client.data<{ saveSustainmentPlan: { version: number } }>(
      `mutation ($i: SaveSustainmentPlanInput!) { saveSustainmentPlan(input: $i) { version } }`,
      {
        i: {
          teamId: w.teamId,
          ownerAgencyId: agencyId,
          actions: [
            { descriptionAr: 'اعتماد المسار في اللائحة', responsibleAgencyId: agencyId, dueDate: '2027-12-31' },
          ],
          kpiIds: [kpi!.id],
        },
      },
    );
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual([]);
    expect(await kindsFor(w.sponsor.client, w.teamId)).toEqual(['SIGN_PLEDGE']);
    await w.sponsor.client.data(`mutation ($i: SignPledgeInput!) { signSustainmentPledge(input: $i) { version } }`, {
      i: { teamId: w.teamId, planVersion: plan.version },
    });
    expect(await kindsFor(w.sponsor.client, w.teamId)).toEqual([]);

    // In sustainment, 124 days after day 1: the first checkpoint (day 130) is open for its report.
    await setState('SUSTAINMENT', 'SUSTAINING');
    // Dates from the clock, which earlier suites of the run may have moved ahead of real time.
    const today = (await clockNow(w.office)).toISOString().slice(0, 10);
    await app.dataSource.query(`UPDATE cohort SET day1 = $2::date - 124 WHERE id = $1`, [w.cohort.id, today]);
    const open = (await tasksOf(focal)).tasks.filter((t) => t.teamId === w.teamId);
    expect(open.map((t) => [t.kind, t.checkpoint, t.overdue])).toEqual([['REPORT_CHECKPOINT', 1, false]]);
    expect(await kindsFor(otherFocal, w.teamId)).toEqual([]);
    expect(await kindsFor(w.lead.client, w.teamId)).toEqual([]);
    const asOf = (await clockNow(w.office)).toISOString().slice(0, 10);
    await focal.data(`mutation ($i: ReportCheckpointInput!) { reportCheckpoint(input: $i) { id } }`, {
      i: {
        teamId: w.teamId,
        index: 0,
        note: 'متابعة',
        values: [{ kpiId: kpi!.id, value: 9, asOf, evidence: 'تقرير' }],
      },
    });
    expect(await kindsFor(focal, w.teamId)).toEqual([]);
  });

  it('answers in the same number of statements for 5 and for 50 objects of each kind', async () => {
    // An API without a worker in this process, so that only this query's statements are counted.
    const api = await startTestApp({ role: 'api' });
    const { user: admin } = await app.signedIn(['ADMIN']);
    const lead = await app.createUser([]);
    const office = api.client();
    await office.signIn(admin.email, admin.password);
    const asLead = api.client();
    await asLead.signIn(lead.email, lead.password);
    const count = async (n: number, client: GqlClient) => {
      const cohort = await createCohort(office, await dateFromNow(office, 20));
      const agency = await app.createAgency();
      for (let i = 0; i < n; i++) {
        await app.dataSource.query(
          `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, submitted_at) VALUES ($1, 'SUBMITTED', 'تحد', 'C', $2, now())`,
          [cohort.id, agency.id],
        );
        const teamId = await insertTeam(app, cohort.id, agency.id, `فريق ${i}`);
        await addMember(app, teamId, lead.id, 'TEAM_LEAD');
      }
      const counter = api.dataSource.logger as StatementCounter;
      const before = counter.statements;
      // One request: its first page and the counts of them all.
      const { count: found } = (await client.data<{ myTasks: TasksPage }>(MY_TASKS)).myTasks;
      return { statements: counter.statements - before, found };
    };
    try {
      const five = await count(5, office);
      const fifty = await count(50, office);
      expect(fifty.found - five.found).toBeGreaterThanOrEqual(45);
      expect(fifty.statements).toBe(five.statements);
      const leadFive = await count(5, asLead);
      const leadFifty = await count(50, asLead);
      expect(leadFifty.found).toBe(leadFive.found + 50);
      expect(leadFifty.statements).toBe(leadFive.statements);
      // The session's look-up and the three statements of the tasks (calendars, kinds, page).
      expect(five.statements).toBeLessThanOrEqual(5);
    } finally {
      await api.close();
    }
  });
});

// Paging is checked where nothing else writes while the pages are read: an API without a worker
// (the suites before this one may have left deadlines due that a worker would fire meanwhile).
describe('my tasks, page after page', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
  });
  afterAll(() => app.close());

  it('pages the tasks most urgent first with a cursor, and counts them all as the pages enumerate them', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 20));
    const agency = await app.createAgency();
    const now = (await clockNow(office)).toISOString();
    // Screenings submitted 0 to 24 days ago: the older ones are overdue, several share a due time.
    for (let i = 0; i < 25; i++)
      await app.dataSource.query(
        `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, submitted_at)
         VALUES ($1, $2, 'تحد', $3, $4, $6::timestamptz - make_interval(days => $5))`,
        [cohort.id, i % 3 ? 'SUBMITTED' : 'IN_SCREENING', `C${i % 4}`, agency.id, i, now],
      );
    const PAGE = `query ($limit: Int!, $after: String) { myTasks(limit: $limit, after: $after) {
      count overdueCount nextCursor tasks { id dueAt overdue nameEn } } }`;
    type Page = {
      count: number;
      overdueCount: number;
      nextCursor: string | null;
      tasks: { id: string; dueAt: string | null; overdue: boolean; nameEn: string }[];
    };
    const pageOf = async (limit: number, after: string | null) =>
      (await office.data<{ myTasks: Page }>(PAGE, { limit, after })).myTasks;

    // Every task, two hundred at a time (the suites before this one may have left the office many).
    const first = await pageOf(200, null);
    const whole: Page = { ...first, nextCursor: null, tasks: [...first.tasks] };
    for (let cursor = first.nextCursor, n = 0; cursor && n < 100; n++) {
      const next: Page = await pageOf(200, cursor);
      expect([next.count, next.overdueCount]).toEqual([first.count, first.overdueCount]);
      whole.tasks.push(...next.tasks);
      cursor = next.nextCursor;
    }
    expect(whole.tasks).toHaveLength(whole.count);
    expect(whole.count).toBeGreaterThanOrEqual(25);
    expect(whole.overdueCount).toBe(whole.tasks.filter((t) => t.overdue).length);
    expect(whole.overdueCount).toBeGreaterThan(0);
    // Overdue first, then by due time, those without one last.
    const rank = (t: Page['tasks'][number]) => [t.overdue ? 0 : 1, t.dueAt ? new Date(t.dueAt).getTime() : Infinity];
    for (let i = 1; i < whole.tasks.length; i++) {
      const [a, b] = [rank(whole.tasks[i - 1]!), rank(whole.tasks[i]!)];
      expect(a[0]! < b[0]! || (a[0] === b[0] && a[1]! <= b[1]!)).toBe(true);
    }

    // Seven at a time: the same tasks in the same order, each once, and the same counts on every page.
    const paged: Page['tasks'] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await pageOf(7, after);
      expect(page.count).toBe(whole.count);
      expect(page.overdueCount).toBe(whole.overdueCount);
      expect(page.tasks.length).toBe(page.nextCursor ? 7 : whole.count - paged.length);
      paged.push(...page.tasks);
      after = page.nextCursor;
      pages++;
    } while (after && pages < 10_000);
    expect(paged.map((t) => t.id)).toEqual(whole.tasks.map((t) => t.id));
    expect(pages).toBe(Math.ceil(whole.count / 7));

    // A cursor that is not one, and a page larger than the limit, are refused.
    await expect(pageOf(7, 'not-a-cursor')).rejects.toThrow();
    await expect(pageOf(201, null)).rejects.toThrow();
  });
});
