import { randomUUID } from 'node:crypto';

import { StatementCounter } from '../src/database/statement-counter.js';
import { codeOf, type GqlClient } from './support/gql.js';
import { startTestApp, type TestApp, type TestUser } from './support/app.js';
import { clockNow, createCohort, dateFromNow } from './support/cohorts.js';

/**
 * The leadership dashboard through GraphQL, against a small data set whose figures are worked out
 * by hand below. Two cohorts: A on day 50 (six teams: one green, one amber, one red, one grey, one
 * withdrawn, one stopped) and B on day 120 (four teams after day 100: achieved, partially achieved
 * and sustaining, not achieved and lapsed, awaiting its outcome).
 */

const COUNTS = `green amber red grey withdrawn stopped total`;
const RESULTS = `teams achieved partiallyAchieved notAchieved awaitingOutcome sustaining sustained scaled lapsed`;
const DASHBOARD = `query ($f: DashboardFilter) { dashboard(filter: $f) {
  everything teams { ${COUNTS} } overdue
  cohorts { cohortId nameEn state day teams { ${COUNTS} } overdue attainment results { ${RESULTS} } }
  attainment { teams mean bands { from to teams } }
  byPillar { pillarId nameEn teams { ${COUNTS} } attainment }
  byAgency { agencyId code lead { ${COUNTS} } partner { ${COUNTS} } attainment }
  trend { week endsOn teams { ${COUNTS} } }
  results { ${RESULTS} }
} }`;
const TEAMS = `query ($f: DashboardTeamsFilter) { dashboardTeams(filter: $f, limit: 100) { id nameEn state rag } }`;

type Counts = Record<'green' | 'amber' | 'red' | 'grey' | 'withdrawn' | 'stopped' | 'total', number>;
interface DashboardView {
  everything: boolean;
  teams: Counts;
  overdue: number;
  cohorts: {
    cohortId: string;
    nameEn: string;
    state: string;
    day: number;
    teams: Counts;
    overdue: number;
    attainment: number | null;
    results: Record<string, number> | null;
  }[];
  attainment: { teams: number; mean: number | null; bands: { from: number; to: number | null; teams: number }[] };
  byPillar: { pillarId: string; nameEn: string; teams: Counts; attainment: number | null }[];
  byAgency: { agencyId: string; code: string; lead: Counts; partner: Counts; attainment: number | null }[];
  trend: { week: number; endsOn: string; teams: Counts }[];
  results: Record<string, number>;
}

const counts = (over: Partial<Counts>): Counts => {
  const c = { green: 0, amber: 0, red: 0, grey: 0, withdrawn: 0, stopped: 0, ...over };
  return { ...c, total: c.green + c.amber + c.red + c.grey + c.withdrawn + c.stopped };
};

const localDate = (instant: Date, days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Amman' }).format(new Date(instant.getTime() + days * 86_400_000));

describe('the leadership dashboard (GraphQL over HTTP)', () => {
  let app: TestApp;
  let office: GqlClient;
  let officeUser: TestUser;
  let now: Date;
  const agency: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const pillar: Record<'p1' | 'p2', string> = { p1: '', p2: '' };
  const cohort: Record<'a' | 'b', string> = { a: '', b: '' };
  const team: Record<string, string> = {};

  /** A team of `cohortId` in `state` with one goal of one KPI (0 → 100), and its values (days before today). */
  async function teamWith(spec: {
    key: string;
    cohortId: string;
    state: string;
    lead: string;
    partners?: string[];
    tags?: string[];
    goalTags?: string[];
    values?: { value: number; daysAgo: number }[];
    noKpis?: boolean;
    extra?: Record<string, unknown>;
  }): Promise<string> {
    const ds = app.dataSource;
    const [ch] = (await ds.query(
      `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, partner_agency_ids, alignment_node_ids)
       VALUES ($1, 'APPROVED', $2, $3, $4, $5, $6) RETURNING id`,
      [spec.cohortId, `فريق ${spec.key}`, `Team ${spec.key}`, spec.lead, spec.partners ?? [], spec.tags ?? []],
    )) as { id: string }[];
    const cols = Object.keys(spec.extra ?? {});
    const [t] = (await ds.query(
      `INSERT INTO team (cohort_id, challenge_id, state, name_ar, name_en, lead_agency_id${cols.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3, $4, $5, $6${cols.map((_, i) => `, $${7 + i}`).join('')}) RETURNING id`,
      [
        spec.cohortId,
        ch!.id,
        spec.state,
        `فريق ${spec.key}`,
        `Team ${spec.key}`,
        spec.lead,
        ...Object.values(spec.extra ?? {}),
      ],
    )) as { id: string }[];
    team[spec.key] = t!.id;
    if (spec.noKpis) return t!.id;
    const [g] = (await ds.query(
      `INSERT INTO goal (team_id, title_ar, title_en, alignment_node_ids) VALUES ($1, 'هدف', 'Goal', $2) RETURNING id`,
      [t!.id, spec.goalTags ?? []],
    )) as { id: string }[];
    const [k] = (await ds.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source)
       VALUES ($1, $2, 'مؤشر', 'KPI', 'NUMBER', 'INCREASE', 0, 100, 'سجلات') RETURNING id`,
      [g!.id, t!.id],
    )) as { id: string }[];
    for (const [i, v] of (spec.values ?? []).entries()) {
      await checkIn(t!.id, k!.id, v.value, v.daysAgo, i + 1);
    }
    return t!.id;
  }

  async function checkIn(
    teamId: string,
    kpiId: string,
    value: number,
    daysAgo: number,
    week: number,
    supersedes?: string,
  ) {
    const [c] = (await app.dataSource.query(
      `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence, supersedes_id, correction_reason)
       VALUES ($1, $2, $3, $4, false, 'تقدّم', 'MEDIUM', $5, $6) RETURNING id`,
      [
        teamId,
        week,
        officeUser.id,
        new Date(now.getTime() - daysAgo * 86_400_000 + week * 1000),
        supersedes ?? null,
        supersedes ? 'تصحيح' : null,
      ],
    )) as { id: string }[];
    await app.dataSource.query(
      `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, $3, $4, 'تقرير')`,
      [c!.id, kpiId, value, localDate(now, -daysAgo)],
    );
    return c!.id;
  }

  const kpiOf = async (teamId: string) =>
    ((await app.dataSource.query(`SELECT id FROM kpi WHERE team_id = $1`, [teamId])) as { id: string }[])[0]!.id;

  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
    ({ client: office, user: officeUser } = await app.signedIn(['ADMIN']));
    now = await clockNow(office);
    for (const k of ['a', 'b', 'c'] as const) agency[k] = (await app.createAgency()).id;

    const ds = app.dataSource;
    const [vision] = (await ds.query(
      `INSERT INTO alignment_node (level, name_ar, name_en) VALUES ('VISION', 'رؤية', 'Vision ${randomUUID().slice(0, 6)}') RETURNING id`,
    )) as { id: string }[];
    const node = async (parent: string, level: string, name: string) =>
      (
        (await ds.query(
          `INSERT INTO alignment_node (parent_id, level, name_ar, name_en) VALUES ($1, $2, $3, $3) RETURNING id`,
          [parent, level, name],
        )) as { id: string }[]
      )[0]!.id;
    pillar.p1 = await node(vision!.id, 'PILLAR', 'Pillar one');
    pillar.p2 = await node(vision!.id, 'PILLAR', 'Pillar two');
    const objective = await node(pillar.p1, 'OBJECTIVE', 'Objective of pillar one');

    for (const [k, day] of [
      ['a', 50],
      ['b', 120],
    ] as const) {
      const c = await createCohort(office, await dateFromNow(office, 60));
      await ds.query(`UPDATE cohort SET day1 = $2, state = $3 WHERE id = $1`, [
        c.id,
        localDate(now, 1 - day),
        k === 'a' ? 'EXECUTION' : 'SUSTAINMENT',
      ]);
      cohort[k] = c.id;
    }

    // Cohort A, day 50: expected 50 of the way 0 → 100.
    const t1 = await teamWith({
      key: 'A1',
      cohortId: cohort.a,
      state: 'ACTIVE',
      lead: agency.a,
      partners: [agency.b],
      tags: [objective],
      values: [{ value: 5, daysAgo: 46 }], // week 1: 5 on day 4 of an expected 7 → amber then
    });
    // A correction: the newest value (10, red) is superseded by one a day older (50: green).
    const wrong = await checkIn(t1, await kpiOf(t1), 10, 0, 7);
    await checkIn(t1, await kpiOf(t1), 50, 1, 7, wrong);
    await teamWith({
      key: 'A2',
      cohortId: cohort.a,
      state: 'ACTIVE',
      lead: agency.a,
      tags: [pillar.p2],
      values: [{ value: 35, daysAgo: 2 }], // progress 0.7: amber; two weeks of check-ins missed
      extra: { missed_check_in_weeks: 2 },
    });
    const t3 = await teamWith({
      key: 'A3',
      cohortId: cohort.a,
      state: 'UNDER_REVIEW',
      lead: agency.b,
      partners: [agency.a],
      goalTags: [pillar.p1],
      values: [{ value: 10, daysAgo: 3 }], // 0.2: red
    });
    await teamWith({
      key: 'A4',
      cohortId: cohort.a,
      state: 'ACTIVE',
      lead: agency.a,
      values: [{ value: 45, daysAgo: 20 }], // older than 14 days: grey
    });
    await teamWith({
      key: 'A5',
      cohortId: cohort.a,
      state: 'WITHDRAWN',
      lead: agency.a,
      tags: [pillar.p2],
      values: [{ value: 60, daysAgo: 1 }], // green, but withdrawn; its missed weeks are owed by no one
      extra: { missed_check_in_weeks: 3 },
    });
    await teamWith({
      key: 'A6',
      cohortId: cohort.a,
      state: 'STOPPED',
      lead: agency.a,
      values: [{ value: 5, daysAgo: 1 }],
    });
    // The mid-point assessments of A3 were due and are still missing.
    await ds.query(
      `INSERT INTO deadline (cohort_id, subject_type, subject_id, kind, key, grp, original_due_at, due_at, state, params)
       VALUES ($1, 'review', $2, 'ASSESSMENTS_OVERDUE', 'ASSESSMENTS_OVERDUE', 'ASSESSMENTS', $3, $3, 'FIRED', $4)`,
      [cohort.a, randomUUID(), new Date(now.getTime() - 86_400_000), { teamId: t3 }],
    );

    // Cohort B, day 120: the target is expected.
    await teamWith({
      key: 'B1',
      cohortId: cohort.b,
      state: 'COMPLETED',
      lead: agency.c,
      values: [{ value: 100, daysAgo: 5 }],
      extra: { outcome: 'ACHIEVED' },
    });
    await teamWith({
      key: 'B2',
      cohortId: cohort.b,
      state: 'SUSTAINING',
      lead: agency.c,
      values: [{ value: 60, daysAgo: 5 }], // 0.6: amber
      extra: { outcome: 'PARTIALLY_ACHIEVED' },
    });
    await teamWith({
      key: 'B3',
      cohortId: cohort.b,
      state: 'CLOSED',
      lead: agency.c,
      values: [{ value: 10, daysAgo: 5 }],
      extra: { outcome: 'NOT_ACHIEVED', sustainment_status: 'LAPSED' },
    });
    await teamWith({ key: 'B4', cohortId: cohort.b, state: 'REPORTING', lead: agency.c, noKpis: true });
  });
  afterAll(() => app.close());

  const ask = async (client: GqlClient, f: Record<string, unknown> | null) =>
    (await client.data<{ dashboard: DashboardView }>(DASHBOARD, { f })).dashboard;

  it("counts one cohort's teams by status, withdrawn and stopped apart, with what is overdue", async () => {
    const d = await ask(office, { cohortId: cohort.a });
    expect(d.everything).toBe(true);
    expect(d.teams).toEqual(counts({ green: 1, amber: 1, red: 1, grey: 1, withdrawn: 1, stopped: 1 }));
    expect(d.cohorts).toEqual([
      {
        cohortId: cohort.a,
        nameEn: expect.any(String),
        state: 'EXECUTION',
        day: 50,
        teams: counts({ green: 1, amber: 1, red: 1, grey: 1, withdrawn: 1, stopped: 1 }),
        overdue: 3, // A2's two missed check-ins and A3's assessments
        attainment: 0.35,
        results: null,
      },
    ]);
    expect(d.overdue).toBe(3);
  });

  it('gives KPI attainment across teams: the mean and the bands, withdrawn and stopped teams left out', async () => {
    const d = await ask(office, { cohortId: cohort.a });
    // A1 0.5, A2 0.35, A3 0.1, A4 0.45.
    expect(d.attainment).toEqual({
      teams: 4,
      mean: 0.35,
      bands: [
        { from: 0, to: 0.25, teams: 1 },
        { from: 0.25, to: 0.5, teams: 2 },
        { from: 0.5, to: 0.75, teams: 1 },
        { from: 0.75, to: 1, teams: 0 },
        { from: 1, to: null, teams: 0 },
      ],
    });
  });

  it('gives results by pillar (tags of the challenge and of its goals, at any depth) and by agency as lead and partner', async () => {
    const d = await ask(office, { cohortId: cohort.a });
    const byPillar = new Map(d.byPillar.map((p) => [p.pillarId, p]));
    expect(byPillar.get(pillar.p1)).toMatchObject({ teams: counts({ green: 1, red: 1 }), attainment: 0.3 });
    expect(byPillar.get(pillar.p2)).toMatchObject({ teams: counts({ amber: 1, withdrawn: 1 }), attainment: 0.35 });
    const byAgency = new Map(d.byAgency.map((a) => [a.agencyId, a]));
    expect(byAgency.get(agency.a)).toMatchObject({
      lead: counts({ green: 1, amber: 1, grey: 1, withdrawn: 1, stopped: 1 }),
      partner: counts({ red: 1 }),
    });
    expect(byAgency.get(agency.b)).toMatchObject({ lead: counts({ red: 1 }), partner: counts({ green: 1 }) });
    expect(byAgency.has(agency.c)).toBe(false);

    const p1 = await ask(office, { cohortId: cohort.a, pillarId: pillar.p1 });
    expect(p1.teams).toEqual(counts({ green: 1, red: 1 }));
    const b = await ask(office, { agencyId: agency.b });
    expect(b.teams).toEqual(counts({ green: 1, red: 1 }));
  });

  it("shows one cohort's weekly trend up to this week, which is where the teams stand today", async () => {
    const d = await ask(office, { cohortId: cohort.a });
    expect(d.trend.map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(d.trend[0]).toEqual({
      week: 1,
      endsOn: localDate(now, -49 + 6),
      teams: counts({ amber: 1, grey: 3, withdrawn: 1, stopped: 1 }),
    });
    expect(d.trend[7]!.teams).toEqual(d.teams);
    expect((await ask(office, null)).trend).toEqual([]);
  });

  it('gives outcomes and sustainment of cohorts past day 100', async () => {
    const d = await ask(office, { cohortId: cohort.b });
    const results = {
      teams: 4,
      achieved: 1,
      partiallyAchieved: 1,
      notAchieved: 1,
      awaitingOutcome: 1,
      sustaining: 1,
      sustained: 0,
      scaled: 0,
      lapsed: 1,
    };
    expect(d.results).toEqual(results);
    expect(d.cohorts[0]).toMatchObject({ day: 120, results, teams: counts({ green: 1, amber: 1, red: 1, grey: 1 }) });
  });

  it("agrees with every team's own status, and lists the teams behind each figure", async () => {
    const { dashboardTeams: all } = await office.data<{
      dashboardTeams: { id: string; nameEn: string; state: string; rag: string }[];
    }>(TEAMS, { f: { cohortId: cohort.a } });
    expect(all.map((t) => t.nameEn)).toEqual(['Team A1', 'Team A2', 'Team A3', 'Team A4', 'Team A5', 'Team A6']);
    for (const t of all) {
      const standing = ['WITHDRAWN', 'STOPPED'].includes(t.state) ? t.state : t.rag;
      const { dashboardTeams: one } = await office.data<{ dashboardTeams: { id: string }[] }>(TEAMS, {
        f: { cohortId: cohort.a, standing },
      });
      expect(one.map((x) => x.id)).toContain(t.id);
    }
    const names = async (f: Record<string, unknown>) =>
      (await office.data<{ dashboardTeams: { nameEn: string }[] }>(TEAMS, { f })).dashboardTeams.map((t) => t.nameEn);
    expect(await names({ cohortId: cohort.a, standing: 'RED' })).toEqual(['Team A3']);
    expect(await names({ cohortId: cohort.a, standing: 'GREEN' })).toEqual(['Team A1']);
    expect(await names({ cohortId: cohort.a, standing: 'WITHDRAWN' })).toEqual(['Team A5']);
    expect(await names({ cohortId: cohort.a, attainmentBand: 1 })).toEqual(['Team A2', 'Team A4']);
    expect(await names({ cohortId: cohort.a, overdue: true })).toEqual(['Team A2', 'Team A3']);
    expect(await names({ cohortId: cohort.a, pillarId: pillar.p2 })).toEqual(['Team A2', 'Team A5']);
    expect(await names({ agencyId: agency.a, agencyRole: 'PARTNER' })).toEqual(['Team A3']);
    expect(await names({ agencyId: agency.b, agencyRole: 'LEAD' })).toEqual(['Team A3']);
    expect(await names({ cohortId: cohort.b, result: 'LAPSED' })).toEqual(['Team B3']);
    expect(await names({ cohortId: cohort.b, result: 'AWAITING_OUTCOME' })).toEqual(['Team B4']);
    expect(await names({ cohortId: cohort.b, result: 'PARTIALLY_ACHIEVED' })).toEqual(['Team B2']);
  });

  it("shows a focal point their agency's teams only, and a team member their team only", async () => {
    const focalB = await app.signedIn(['FOCAL_POINT'], { agencyId: agency.b });
    const d = await ask(focalB.client, null);
    expect(d.everything).toBe(false);
    expect(d.teams).toEqual(counts({ red: 1 }));
    expect(d.cohorts.map((c) => c.cohortId)).toEqual([cohort.a]);
    expect(d.byAgency.map((a) => [a.agencyId, a.lead.total, a.partner.total]).sort()).toEqual(
      [
        [agency.a, 0, 1],
        [agency.b, 1, 0],
      ].sort(),
    );
    const { dashboardTeams } = await focalB.client.data<{ dashboardTeams: { nameEn: string }[] }>(TEAMS, { f: null });
    expect(dashboardTeams.map((t) => t.nameEn)).toEqual(['Team A3']);

    const member = await app.signedIn([], { agencyId: agency.b });
    await app.dataSource.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, 'TEAM_MEMBER')`, [
      team.A2,
      member.user.id,
    ]);
    const m = await ask(member.client, null);
    expect(m.teams).toEqual(counts({ amber: 1 }));
    expect(m.cohorts).toHaveLength(1);
    expect(m.byPillar.map((p) => p.pillarId)).toEqual([pillar.p2]);
    const mine = await member.client.data<{ dashboardTeams: { nameEn: string }[] }>(TEAMS, {
      f: { agencyId: agency.a },
    });
    expect(mine.dashboardTeams.map((t) => t.nameEn)).toEqual(['Team A2']);

    const nobody = app.client();
    expect(codeOf(await nobody.request(DASHBOARD, { f: null }))).toBe('UNAUTHENTICATED');
  });

  it('issues the same number of statements whatever the number of cohorts and teams', async () => {
    const counter = app.dataSource.logger as StatementCounter;
    const measure = async (q: string, f: Record<string, unknown> | null) => {
      const before = counter.statements;
      await office.data(q, { f });
      return counter.statements - before;
    };
    const before = [
      await measure(DASHBOARD, null),
      await measure(DASHBOARD, { cohortId: cohort.a }),
      await measure(TEAMS, null),
    ];
    for (let i = 0; i < 5; i++) {
      const c = await createCohort(office, await dateFromNow(office, 60));
      await app.dataSource.query(`UPDATE cohort SET day1 = $2, state = 'EXECUTION' WHERE id = $1`, [
        c.id,
        localDate(now, -30),
      ]);
      for (let j = 0; j < 4; j++)
        await teamWith({
          key: `X${i}${j}`,
          cohortId: c.id,
          state: 'ACTIVE',
          lead: agency.c,
          values: [{ value: 20, daysAgo: 1 }],
        });
    }
    for (let j = 0; j < 10; j++)
      await teamWith({
        key: `Y${j}`,
        cohortId: cohort.a,
        state: 'ACTIVE',
        lead: agency.b,
        values: [{ value: 20, daysAgo: 1 }],
      });
    const after = [
      await measure(DASHBOARD, null),
      await measure(DASHBOARD, { cohortId: cohort.a }),
      await measure(TEAMS, null),
    ];
    expect(after).toEqual(before);
    expect(before[0]).toBeLessThanOrEqual(6);
  });

  it('shows a change of what a team is judged on at the next read, after its standing was kept', async () => {
    const c = await createCohort(office, await dateFromNow(office, 60));
    await app.dataSource.query(`UPDATE cohort SET day1 = $2, state = 'EXECUTION' WHERE id = $1`, [
      c.id,
      localDate(now, -49),
    ]);
    // Day 50: 50 of the way 0 → 100 is expected; 10 is red.
    const t = await teamWith({
      key: 'W1',
      cohortId: c.id,
      state: 'ACTIVE',
      lead: agency.c,
      values: [{ value: 10, daysAgo: 1 }],
    });
    const kpi = await kpiOf(t);
    const read = async () => {
      const d = await ask(office, { cohortId: c.id });
      return { teams: d.teams, attainment: d.attainment.mean };
    };
    expect(await read()).toEqual({ teams: counts({ red: 1 }), attainment: 0.1 });
    expect(await read()).toEqual({ teams: counts({ red: 1 }), attainment: 0.1 }); // the kept standing

    await checkIn(t, kpi, 50, 0, 8); // a new value: green
    expect(await read()).toEqual({ teams: counts({ green: 1 }), attainment: 0.5 });

    await app.dataSource.query(`UPDATE kpi SET target = 200 WHERE id = $1`, [kpi]); // 50 of an expected 100: red
    expect(await read()).toEqual({ teams: counts({ red: 1 }), attainment: 0.25 });

    const [g] = (await app.dataSource.query(
      `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'هدف', 'Goal') RETURNING id`,
      [t],
    )) as { id: string }[]; // a goal without KPIs: grey at best
    expect((await read()).teams).toEqual(counts({ red: 1 }));
    await app.dataSource.query(`UPDATE kpi SET target = 100 WHERE id = $1`, [kpi]);
    expect((await read()).teams).toEqual(counts({ grey: 1 }));
    await app.dataSource.query(`DELETE FROM goal WHERE id = $1`, [g!.id]);
    expect((await read()).teams).toEqual(counts({ green: 1 }));

    // A new day: the same figures judged for today's day of the 100 (day 60: 50 of an expected 60,
    // 0.83: amber), then by the cohort's thresholds as they are now.
    await app.dataSource.query(`UPDATE cohort SET day1 = $2 WHERE id = $1`, [c.id, localDate(now, -59)]);
    expect((await read()).teams).toEqual(counts({ amber: 1 }));
    await app.dataSource.query(
      `UPDATE cohort SET rag_thresholds = '{"green": 0.8, "amber": 0.6, "staleDays": 14}' WHERE id = $1`,
      [c.id],
    );
    expect((await read()).teams).toEqual(counts({ green: 1 }));
  });
});
