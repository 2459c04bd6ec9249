import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';

import { DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS } from '@hundred/domain';
import argon2 from 'argon2';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { start } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { createAppDataSource } from '../manifest.js';
import type { StatementCounter } from '../database/statement-counter.js';
import { JsonLogger } from '../logging/json-logger.js';

/**
 * `npm run bench:dashboard`: the leadership dashboard over real HTTP at accelerator scale. In a
 * database of its own it builds 200 cohorts (day 1 spread from about 400 days ago to 60 days
 * ahead, so every phase is there), 10,000 teams (50 a cohort, from 40 agencies, tagged with 6
 * pillars), 40,000 KPIs (two goals of two) and 1,000,000 check-in values (25 weekly check-ins of
 * four values a team), with set-based multi-row inserts. It measures first with the first 20
 * cohorts, then with all 200: the dashboard of every cohort (as leadership), one cohort filtered
 * by a pillar, and, when the schema has a `myTasks` query, my tasks of an office user, a leader
 * and a team lead. p50 and p95 of BENCH_RUNS (200) answers each after warm-ups, and the SQL
 * statements one answer issues (TypeORM's logger counts them). Prints one JSON line last.
 * BENCH_COHORTS and BENCH_FIRST_COHORTS change the sizes; BENCH_KEEP_DATABASE=1 keeps the database
 * (to look at plans) instead of dropping it.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const COHORTS = Number(process.env.BENCH_COHORTS ?? 200);
const FIRST = Math.min(COHORTS, Number(process.env.BENCH_FIRST_COHORTS ?? 20));
const TEAMS_PER_COHORT = 50;
const CHECK_INS = 25;
const PASSWORD = 'Bench-passw0rd';

const DASHBOARD = `query ($f: DashboardFilter) { dashboard(filter: $f) {
  everything teams { green amber red grey withdrawn stopped total } overdue
  cohorts { cohortId nameAr nameEn state day overdue attainment teams { green amber red grey withdrawn stopped total }
            results { teams achieved partiallyAchieved notAchieved awaitingOutcome sustaining sustained scaled lapsed } }
  attainment { teams mean bands { from to teams } }
  byPillar { pillarId code nameAr nameEn attainment teams { green amber red grey withdrawn stopped total } }
  byAgency { agencyId code nameAr nameEn attainment lead { green amber red grey withdrawn stopped total } partner { green amber red grey withdrawn stopped total } }
  trend { week endsOn teams { green amber red grey withdrawn stopped total } }
  results { teams achieved partiallyAchieved notAchieved awaitingOutcome sustaining sustained scaled lapsed }
} }`;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Cohorts `from` … `to` − 1 of the data set with their teams, goals, KPIs, check-ins and values. */
async function seedCohorts(
  db: DataSource,
  from: number,
  to: number,
  agencies: string[],
  pillars: string[],
  objectives: string[],
  people: string[],
): Promise<void> {
  // Cohort i has day 1 about 400 − 2.3 i days ago: the oldest closed, the newest still preparing.
  await db.query(
    `INSERT INTO cohort (name_ar, name_en, state, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds,
                         min_reviewers, approvals_required, min_team_members, min_team_agencies)
     SELECT 'الدفعة ' || i, 'Cohort ' || lpad(i::text, 3, '0'),
            CASE WHEN d > 280 THEN 'CLOSED' WHEN d > 107 THEN 'SUSTAINMENT' WHEN d > 100 THEN 'RESULTS'
                 WHEN d > 55 THEN 'FINAL_STRETCH' WHEN d > 44 THEN 'MIDPOINT_REVIEW' WHEN d >= 1 THEN 'EXECUTION'
                 ELSE 'PREPARATION' END,
            current_date - (d - 1), 'Asia/Amman', '{5,6}', $3, '[]', $4, 2, 1, 3, 2
       FROM generate_series($1::int, $2::int - 1) AS i, LATERAL (SELECT 400 - (i * 23) / 10 AS d) x`,
    [from, to, DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS],
  );
  const cohortsOf = `SELECT id, current_date - day1 + 1 AS day FROM cohort WHERE name_en >= 'Cohort ' || lpad($1::text, 3, '0')
                        AND name_en < 'Cohort ' || lpad($2::text, 3, '0')`;
  await db.query(
    `WITH c AS (${cohortsOf}),
          ch AS (
       INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, partner_agency_ids, alignment_node_ids)
       SELECT c.id, 'APPROVED', 'تحدٍّ ' || n, 'Challenge ' || lpad(n::text, 2, '0') || ' ' || c.day,
              ($3::uuid[])[1 + abs(n * 7 + c.day) % array_length($3::uuid[], 1)],
              ARRAY[($3::uuid[])[1 + abs(n * 7 + c.day + 11) % array_length($3::uuid[], 1)]],
              ARRAY[CASE WHEN n % 3 = 0 THEN ($4::uuid[])[1 + n % array_length($4::uuid[], 1)]
                         ELSE ($5::uuid[])[1 + n % array_length($5::uuid[], 1)] END]
         FROM c CROSS JOIN generate_series(1, ${TEAMS_PER_COHORT}) AS n
       RETURNING id, cohort_id, title_ar, title_en, lead_agency_id)
     INSERT INTO team (cohort_id, challenge_id, state, name_ar, name_en, lead_agency_id, goals_frozen_at, outcome,
                       sustainment_status, missed_check_in_weeks)
     SELECT ch.cohort_id, ch.id, s.state, ch.title_ar, ch.title_en, ch.lead_agency_id, now(),
            CASE WHEN s.state IN ('COMPLETED', 'SUSTAINING', 'CLOSED') THEN (ARRAY['ACHIEVED', 'PARTIALLY_ACHIEVED', 'NOT_ACHIEVED'])[1 + r % 3] END,
            CASE WHEN s.state = 'CLOSED' THEN (ARRAY['SUSTAINED', 'SCALED', 'LAPSED'])[1 + r % 3] END,
            CASE WHEN s.state = 'ACTIVE' AND r % 10 = 0 THEN 2 ELSE 0 END
       FROM ch JOIN c ON c.id = ch.cohort_id
       CROSS JOIN LATERAL (SELECT abs(hashtext(ch.id::text)) % 100 AS r) h
       CROSS JOIN LATERAL (SELECT CASE
           WHEN r < 3 THEN 'WITHDRAWN' WHEN r < 5 AND c.day > 55 THEN 'STOPPED'
           WHEN c.day > 280 THEN 'CLOSED' WHEN c.day > 130 THEN 'SUSTAINING' WHEN c.day > 107 THEN 'COMPLETED'
           WHEN c.day > 100 THEN 'REPORTING' WHEN c.day > 44 AND c.day <= 55 THEN 'UNDER_REVIEW'
           WHEN c.day >= 1 THEN 'ACTIVE' ELSE 'READY' END AS state) s`,
    [from, to, agencies, pillars, objectives],
  );
  // Freshly filled tables have no statistics: without them the planner loops over them row by row.
  await db.query('ANALYZE cohort, challenge, team');
  const teamsOf = `SELECT t.id, t.cohort_id FROM team t JOIN (${cohortsOf}) c ON c.id = t.cohort_id`;
  await db.query(
    `INSERT INTO team_member (team_id, user_id, role)
     SELECT t.id, ($3::uuid[])[1 + ((row_number() OVER ()) * 4 + r.n) % array_length($3::uuid[], 1)], r.role
       FROM (${teamsOf}) t CROSS JOIN (VALUES (0, 'TEAM_LEAD'), (1, 'TEAM_MEMBER'), (2, 'COACH'), (3, 'SPONSOR')) AS r(n, role)`,
    [from, to, people],
  );
  await db.query(
    `INSERT INTO goal (team_id, title_ar, title_en, sort)
     SELECT t.id, 'هدف ' || g, 'Goal ' || g, g FROM (${teamsOf}) t CROSS JOIN generate_series(0, 1) AS g`,
    [from, to],
  );
  await db.query(
    `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source, sort,
                      original_baseline, original_target, frozen_at)
     SELECT g.id, g.team_id, 'مؤشر ' || k, 'KPI ' || k, 'DAYS', 'DECREASE', 30, 7, 'سجلات النظام', k, 30, 7, now()
       FROM goal g JOIN (${teamsOf}) t ON t.id = g.team_id CROSS JOIN generate_series(0, 1) AS k`,
    [from, to],
  );
  await db.query('ANALYZE team_member, goal, kpi');
  // 25 weekly check-ins a team, the last one to two days ago, four values each; how far a team has
  // come varies with the team so that every status is there.
  await db.query(
    `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence)
     SELECT t.id, w, $3::uuid, now() - ((${CHECK_INS} - w) * 7 + 1) * interval '1 day', false, 'تقدّم الأسبوع ' || w, 'MEDIUM'
       FROM (${teamsOf}) t CROSS JOIN generate_series(1, ${CHECK_INS}) AS w`,
    [from, to, people[0]],
  );
  await db.query('ANALYZE check_in');
  await db.query(
    `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence)
     SELECT ci.id, k.id,
            greatest(0, round((30 - 23 * (ci.week::numeric / ${CHECK_INS}) * (0.2 + (abs(hashtext(k.id::text)) % 100) / 80.0))::numeric, 2)),
            (ci.submitted_at AT TIME ZONE 'Asia/Amman')::date, 'تقرير أسبوعي'
       FROM check_in ci JOIN (${teamsOf}) t ON t.id = ci.team_id JOIN kpi k ON k.team_id = t.id`,
    [from, to],
  );
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `hundred_bench_${run}`;
  const dbUrl = new URL(server);
  dbUrl.pathname = `/${dbName}`;
  const admin = new pg.Client({ connectionString: new URL('/postgres', server).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `bench-${run}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // What is measured is the answer's time, however long: no request is cut off.
    REQUEST_TIME_BUDGET_MS: '120000',
  });
  let stop: (() => Promise<void>) | undefined;
  const load = [loadavg()[0]!];
  try {
    const migrate = await createAppDataSource(config.databaseUrl, 'hundred-bench-migrate').initialize();
    await migrate.runMigrations({ transaction: 'each' });
    await migrate.destroy();

    const started = await start('api', config, new JsonLogger(config.logLevel, { role: 'bench' }));
    stop = started.close;
    const db = started.app.get(DataSource);
    const counter = db.logger as StatementCounter;

    const agencies = (
      (await db.query(
        `INSERT INTO agency (code, name_ar, name_en) SELECT 'B' || i, 'جهة ' || i, 'Agency ' || i
           FROM generate_series(1, 40) AS i RETURNING id`,
      )) as { id: string }[]
    ).map((a) => a.id);
    const [vision] = (await db.query(
      `INSERT INTO alignment_node (level, name_ar, name_en) VALUES ('VISION', 'الرؤية الوطنية', 'National vision') RETURNING id`,
    )) as { id: string }[];
    const pillars = (
      (await db.query(
        `INSERT INTO alignment_node (parent_id, level, code, name_ar, name_en, sort)
         SELECT $1, 'PILLAR', 'P' || i, 'محور ' || i, 'Pillar ' || i, i FROM generate_series(1, 6) AS i RETURNING id`,
        [vision!.id],
      )) as { id: string }[]
    ).map((p) => p.id);
    const objectives = (
      (await db.query(
        `INSERT INTO alignment_node (parent_id, level, name_ar, name_en, sort)
         SELECT p, 'OBJECTIVE', 'هدف استراتيجي', 'Strategic objective', n FROM unnest($1::uuid[]) AS p CROSS JOIN generate_series(1, 4) AS n
         RETURNING id`,
        [pillars],
      )) as { id: string }[]
    ).map((o) => o.id);
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const people = (
      (await db.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
         SELECT 'person' || i || '@bench.example', 'موظف ' || i, 'Person ' || i, ($1::uuid[])[1 + i % 40], 'ar', '{}', $2
           FROM generate_series(1, 2000) AS i RETURNING id`,
        [agencies, hash],
      )) as { id: string }[]
    ).map((u) => u.id);
    await db.query(
      `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
       VALUES ('office@bench.example', 'مكتب المسرّعات', 'Accelerator office', $1, 'ar', '{ADMIN}', $2),
              ('leader@bench.example', 'القيادة', 'Leadership', $1, 'ar', '{LEADERSHIP}', $2)`,
      [agencies[0], hash],
    );

    const url = `${started.url!}/graphql`;
    const signIn = async (email: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation ($i: SignInInput!) { signIn(input: $i) { id } }`,
          variables: { i: { email, password: PASSWORD } },
        }),
      });
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const ask = async (cookie: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ar', cookie },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return { data: body.data, bytes: text.length };
    };
    const office = await signIn('office@bench.example');
    const leader = await signIn('leader@bench.example');

    // My tasks, when the schema has it (it is built beside this): asked for its type name only.
    const { data: schema } = await ask(
      office,
      `{ __schema { queryType { fields { name args { name type { kind } } } } } }`,
    );
    const fields = (
      schema.__schema as { queryType: { fields: { name: string; args: { type: { kind: string } }[] }[] } }
    ).queryType.fields;
    const myTasks = fields.find((f) => f.name === 'myTasks');
    // The first page as the web app asks for it: the counts for the navigation and the most urgent tasks.
    const myTasksQuery = myTasks
      ? `{ myTasks(limit: 50) { count overdueCount nextCursor tasks { id kind subjectId dueAt overdue } } }`
      : null;
    if (!myTasksQuery) log('no myTasks query in the schema: skipped');

    const measure = async (cookie: string, query: string, variables: Record<string, unknown> = {}) => {
      for (let i = 0; i < 10; i++) await ask(cookie, query, variables); // warm-up
      const times: number[] = [];
      const statements = new Set<number>();
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const before = counter.statements;
        const t = performance.now();
        bytes = (await ask(cookie, query, variables)).bytes;
        times.push(performance.now() - t);
        statements.add(counter.statements - before);
      }
      times.sort((a, b) => a - b);
      return {
        statements: [...statements].sort((a, b) => a - b).join('/'),
        msP50: Math.round(percentile(times, 50) * 10) / 10,
        msP95: Math.round(percentile(times, 95) * 10) / 10,
        responseKB: Math.round(bytes / 1024),
      };
    };

    const results = [];
    let seeded = 0;
    for (const size of [...new Set([FIRST, COHORTS])]) {
      const t0 = performance.now();
      for (let from = seeded; from < size; from += 20) {
        await seedCohorts(db, from, Math.min(size, from + 20), agencies, pillars, objectives, people);
        log(
          `cohorts ${from}–${Math.min(size, from + 20) - 1} seeded (${Math.round((performance.now() - t0) / 1000)} s)`,
        );
      }
      seeded = size;
      await db.query('VACUUM ANALYZE');
      const seedSeconds = Math.round((performance.now() - t0) / 1000);
      const [sizes] = (await db.query(
        `SELECT (SELECT count(*) FROM cohort)::int AS cohorts, (SELECT count(*) FROM team)::int AS teams,
                (SELECT count(*) FROM kpi)::int AS kpis, (SELECT count(*) FROM check_in_value)::int AS "checkInValues"`,
      )) as Record<string, number>[];
      // One cohort in its 100 days (its weekly trend is computed) and a pillar its teams are tagged with.
      const [one] = (await db.query(
        `SELECT c.id FROM cohort c WHERE c.state = 'FINAL_STRETCH' ORDER BY c.name_en LIMIT 1`,
      )) as { id: string }[];
      const cohortId =
        one?.id ?? ((await db.query(`SELECT id FROM cohort ORDER BY name_en LIMIT 1`)) as { id: string }[])[0]!.id;
      const [lead] = (await db.query(
        `SELECT u.email FROM team_member m JOIN app_user u ON u.id = m.user_id JOIN team t ON t.id = m.team_id
          WHERE m.role = 'TEAM_LEAD' ORDER BY t.state = 'ACTIVE' DESC, t.id LIMIT 1`,
      )) as { email: string }[];
      const teamLead = await signIn(lead!.email);
      load.push(loadavg()[0]!);
      const row: Record<string, unknown> = {
        ...sizes,
        seedSeconds,
        dashboardAll: await measure(leader, DASHBOARD, { f: null }),
        dashboardCohortPillar: await measure(leader, DASHBOARD, { f: { cohortId, pillarId: pillars[0] } }),
      };
      if (myTasksQuery) {
        row.myTasksOffice = await measure(office, myTasksQuery);
        row.myTasksLeader = await measure(leader, myTasksQuery);
        row.myTasksTeamLead = await measure(teamLead, myTasksQuery);
      }
      load.push(loadavg()[0]!);
      log(JSON.stringify(row));
      results.push(row);
    }
    process.stdout.write(
      `${JSON.stringify({ runs: RUNS, loadAverage1m: load.map((l) => Math.round(l * 10) / 10), myTasks: !!myTasksQuery, results })}\n`,
    );
  } finally {
    await stop?.();
    if (process.env.BENCH_KEEP_DATABASE) log(`database kept: ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(config.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `bench-${run}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
