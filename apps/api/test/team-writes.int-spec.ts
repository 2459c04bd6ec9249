import { startTestApp, type TestApp } from './support/app.js';
import { advanceTo, clockNow, createCohort, dateFromNow, settled } from './support/cohorts.js';
import { addMember, goalWithKpis, insertTeam, readTeam, teamWorld } from './support/teams.js';

const SUBMIT_CHECK_IN = `mutation ($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { id } }`;
const WITHDRAW = `mutation ($i: TeamReasonEventInput!) { withdrawTeam(input: $i) { state } }`;

/**
 * Writes on a team are decided by libs/workflow on the state read under the team's lock: they
 * cannot slip in after a transition that forbids them, and the web is told the same answer.
 */
describe('team writes under the rule source (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  it('never stores a check-in after the team was withdrawn, racing the two 50 times', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, -10));
    await app.dataSource.query(`UPDATE cohort SET state = 'EXECUTION' WHERE id = $1`, [cohort.id]);
    const agency = await app.createAgency();
    const member = await app.signedIn([], { agencyId: agency.id });
    const today = (await clockNow(office)).toISOString().slice(0, 10);
    const teams: { id: string; kpiId: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const id = await insertTeam(app, cohort.id, agency.id, `فريق السباق ${i}`);
      await app.dataSource.query(`UPDATE team SET state = 'ACTIVE' WHERE id = $1`, [id]);
      await addMember(app, id, member.user.id, 'TEAM_MEMBER');
      const [goal] = (await app.dataSource.query(
        `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'هدف', 'Goal') RETURNING id`,
        [id],
      )) as { id: string }[];
      const [kpi] = (await app.dataSource.query(
        `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source)
         VALUES ($1, $2, 'مؤشر', 'KPI', 'DAYS', 'DECREASE', 30, 7, 'سجلات') RETURNING id`,
        [goal!.id, id],
      )) as { id: string }[];
      teams.push({ id, kpiId: kpi!.id });
    }

    const outcomes = await Promise.all(
      teams.map(async (t) => {
        const [checkIn, withdrawal] = await Promise.all([
          member.client.request<{ submitCheckIn: { id: string } }>(SUBMIT_CHECK_IN, {
            input: {
              teamId: t.id,
              values: [{ kpiId: t.kpiId, value: 20, asOf: today, evidence: 'تقرير أسبوعي' }],
              narrative: 'تقدّم هذا الأسبوع',
              confidence: 'HIGH',
            },
          }),
          office.request(WITHDRAW, { i: { id: t.id, version: 1, reason: 'دُمج مع فريق آخر' } }),
        ]);
        return { t, checkIn, withdrawal };
      }),
    );

    let landed = 0;
    let refused = 0;
    for (const { t, checkIn, withdrawal } of outcomes) {
      // The withdrawal always happens (a check-in does not change the team's version).
      expect(withdrawal.errors).toBeUndefined();
      const [w] = (await app.dataSource.query(
        `SELECT occurred_at FROM transition_history WHERE subject_type = 'team' AND subject_id = $1 AND event = 'WITHDRAW'`,
        [t.id],
      )) as { occurred_at: Date }[];
      const stored = (await app.dataSource.query(`SELECT submitted_at FROM check_in WHERE team_id = $1`, [t.id])) as {
        submitted_at: Date;
      }[];
      if (checkIn.errors) {
        refused++;
        expect(checkIn.errors[0]!.extensions).toMatchObject({
          code: 'NOT_ALLOWED',
          guard: 'STATE',
          state: 'WITHDRAWN',
        });
        expect(stored).toEqual([]);
      } else {
        landed++;
        expect(stored).toHaveLength(1);
        expect(stored[0]!.submitted_at.getTime()).toBeLessThanOrEqual(w!.occurred_at.getTime());
      }
    }
    expect(landed + refused).toBe(50);
  }, 120_000);

  it('tells each person what they may do on a team now, from the same rules as the writes', async () => {
    const w = await teamWorld(app);
    const actions = async (client: typeof w.office) =>
      (
        await client.data<{ team: { permittedActions: string[] } }>(
          `query ($id: UUID!) { team(id: $id) { permittedActions } }`,
          {
            id: w.teamId,
          },
        )
      ).team.permittedActions;
    expect(await actions(w.lead.client)).toEqual(['EDIT_GOALS', 'ADD_MEMBER', 'REMOVE_MEMBER']);
    expect(await actions(w.office)).toEqual(['ADD_MEMBER', 'REMOVE_MEMBER', 'NAME_LEADERS']);
    expect(await actions(w.member.client)).toEqual([]);
    await app.dataSource.query(`UPDATE team SET state = 'ACTIVE' WHERE id = $1`, [w.teamId]);
    expect(await actions(w.member.client)).toEqual(['CHECK_IN', 'CORRECT_CHECK_IN']);
    expect(await actions(w.coach.client)).toEqual(['REVIEW_CHECK_IN']);
    // The lead may not touch goals any more: the server says so with the rule's own name.
    const refused = await w.lead.client.request(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
      {
        input: { teamId: w.teamId, titleAr: 'هدف جديد', titleEn: 'New goal' },
      },
    );
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'NOT_ALLOWED', guard: 'GOALS_FROZEN' });
  });

  it('lets the office return submitted goals with a comment', async () => {
    const w = await teamWorld(app);
    await goalWithKpis(w.lead.client, w.teamId, [{ baseline: 30, target: 7, direction: 'DECREASE' }]);
    const submitted = (
      await w.lead.client.data<{ submitTeamGoals: { version: number } }>(
        `mutation ($i: TeamEventInput!) { submitTeamGoals(input: $i) { version } }`,
        { i: { id: w.teamId, version: (await readTeam<{ version: number }>(w.lead.client, w.teamId)).version } },
      )
    ).submitTeamGoals;
    const team = await readTeam<{ availableEvents: { event: string; blockedBy: string[] }[] }>(w.office, w.teamId);
    expect(team.availableEvents.find((e) => e.event === 'RETURN_GOALS')).toMatchObject({ blockedBy: [] });
    const returned = await w.office.request<{ returnTeamGoals: { state: string } }>(
      `mutation ($i: TeamCommentEventInput!) { returnTeamGoals(input: $i) { state } }`,
      { i: { id: w.teamId, version: submitted.version, comment: 'Split the KPI by governorate.' } },
    );
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnTeamGoals.state).toBe('FORMING');
    const [history] = (await app.dataSource.query(
      `SELECT reason FROM transition_history WHERE subject_id = $1 AND event = 'RETURN_GOALS'`,
      [w.teamId],
    )) as { reason: string }[];
    expect(history!.reason).toBe('Split the KPI by governorate.');
  });

  it('tells the sponsor and the office of missed check-ins once at two weeks and once more past the threshold', async () => {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 2), { checkInEscalationRepeatWeeks: 3 });
    const agency = await app.createAgency();
    const teamId = await insertTeam(app, cohort.id, agency.id, 'فريق صامت');
    const sponsor = await app.createUser([], { agencyId: agency.id });
    await addMember(app, teamId, sponsor.id, 'SPONSOR');
    await app.dataSource.query(`UPDATE cohort SET state = 'PREPARATION' WHERE id = $1`, [cohort.id]);
    await app.dataSource.query(`UPDATE team SET state = 'READY' WHERE id = $1`, [teamId]);
    const [{ version }] = (await app.dataSource.query(`SELECT version FROM cohort WHERE id = $1`, [cohort.id])) as {
      version: number;
    }[];
    await office.data(`mutation ($i: LaunchCohortInput!) { launchCohort(input: $i) { state } }`, {
      i: { id: cohort.id, version },
    });
    const dues = (await app.dataSource.query(
      `SELECT id, seq, original_due_at FROM deadline WHERE subject_id = $1 AND kind = 'CHECK_IN_DUE' ORDER BY original_due_at`,
      [teamId],
    )) as { id: string; seq: number; original_due_at: Date }[];
    const told = async (userId: string) =>
      (
        (await app.dataSource.query(
          `SELECT params FROM notification WHERE kind = 'CHECK_INS_MISSING' AND user_id = $1 AND subject_id = $2 ORDER BY created_at`,
          [userId, teamId],
        )) as { params: { weeks: number } }[]
      ).map((n) => n.params.weeks);
    const missed = async () =>
      (
        await office.data<{ team: { missedCheckInWeeks: number } }>(
          `query ($id: UUID!) { team(id: $id) { missedCheckInWeeks } }`,
          {
            id: teamId,
          },
        )
      ).team.missedCheckInWeeks;

    // Twelve weeks without a single check-in: told at two, and at 2 + 3 = 5, never again.
    for (const d of dues.slice(0, 12)) {
      await advanceTo(office, d.original_due_at);
      await settled(app.dataSource, d.id, d.seq);
    }
    expect(await missed()).toBe(12);
    expect(await told(sponsor.id)).toEqual([2, 5]);
    expect(await told(admin.id)).toEqual([2, 5]);
  }, 90_000);
});
