import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

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
 * `npm run bench:tasks`: "My tasks" over real HTTP at national scale, in a database of its own —
 * 200 cohorts in intake, execution, mid-point review and sustainment, 10,000 teams of four people,
 * 40,000 KPIs, 1,000,000 check-in values, 13,000 challenges (7,000 of them waiting for screening or
 * a decision). Three users ask for their first page (50 tasks) with the counts: the office (every
 * screening, mid-point decision, change request), a leader (every decision) and a team leader
 * (three teams). Measured at 20 cohorts and again at 200: the SQL statements one answer issues (the
 * same at both sizes), p50/p95 latency of BENCH_RUNS (default 200) sequential requests each. One
 * JSON line last. NODE_ENV=production, as deployments run; the application's configuration is the
 * test one.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const STAGES = (process.env.BENCH_COHORTS ?? '20,200').split(',').map(Number);
/** Three cohorts in four have teams: 150 of 200 cohorts, 10,050 teams. */
const TEAMS_PER_COHORT = 67;
const PASSWORD = 'Bench-passw0rd';

const MY_TASKS = `query { myTasks { count overdueCount nextCursor tasks {
  id kind subjectType subjectId teamId cohortId nameAr nameEn dueAt overdue timeZone workingDaysLeft week checkpoint
  event blockedReasons } } }`;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Where a cohort stands: its state, its teams' state and how far day 1 is behind. */
const PHASES = [
  { cohort: 'INTAKE', team: null, day1: 30 },
  { cohort: 'EXECUTION', team: 'ACTIVE', day1: -40 },
  { cohort: 'MIDPOINT_REVIEW', team: 'UNDER_REVIEW', day1: -50 },
  { cohort: 'SUSTAINMENT', team: 'SUSTAINING', day1: -124 },
] as const;

/** Cohorts `from`..`to`-1, each with its challenges, teams, people, KPIs and check-ins, set-based. */
async function seedCohorts(db: DataSource, from: number, to: number, users: string[], agencies: string[]) {
  for (let n = from; n < to; n++) {
    const phase = PHASES[n % PHASES.length]!;
    const [cohort] = (await db.query(
      `INSERT INTO cohort (name_ar, name_en, state, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds,
                           min_reviewers, approvals_required, min_team_members, min_team_agencies)
       VALUES ($1, $2, $3, current_date + $4::int, 'Asia/Amman', '{5,6}', $5, '[]', $6, 2, 1, 3, 2) RETURNING id`,
      [`دفعة ${n}`, `Cohort ${n}`, phase.cohort, phase.day1, DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS],
    )) as { id: string }[];
    const cohortId = cohort!.id;
    // 15 submitted, 10 in screening, 10 recommended (submitted up to 20 days ago), 50 approved.
    await db.query(
      `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, submitted_at)
       SELECT $1, CASE WHEN i <= 15 THEN 'SUBMITTED' WHEN i <= 25 THEN 'IN_SCREENING' WHEN i <= 35 THEN 'RECOMMENDED'
                       ELSE 'APPROVED' END,
              'تحدٍّ ' || i, 'Challenge ' || i, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)],
              now() - make_interval(days => i % 21, hours => i % 7)
         FROM generate_series(1, 35 + $3) AS i`,
      [cohortId, agencies, phase.team ? TEAMS_PER_COHORT : 0],
    );
    await db.query(
      `INSERT INTO transition_history (subject_type, subject_id, event, from_state, to_state, caller, occurred_at)
       SELECT 'challenge', id, 'RECOMMEND', 'IN_SCREENING', 'RECOMMENDED', 'user', submitted_at + interval '2 days'
         FROM challenge WHERE cohort_id = $1 AND state = 'RECOMMENDED'`,
      [cohortId],
    );
    if (!phase.team) continue;
    await db.query(
      `INSERT INTO team (cohort_id, challenge_id, state, name_ar, name_en, lead_agency_id, goals_frozen_at)
       SELECT $1, c.id, $2, c.title_ar, 'Team ' || c.title_en, c.lead_agency_id, now() - interval '30 days'
         FROM challenge c WHERE c.cohort_id = $1 AND c.state = 'APPROVED'`,
      [cohortId, phase.team],
    );
    await db.query(
      `INSERT INTO team_member (team_id, user_id, role)
       SELECT t.id, ($2::uuid[])[1 + ((row_number() OVER ()) * 4 + r.n + $3 * 7) % array_length($2::uuid[], 1)], r.role
         FROM team t CROSS JOIN (VALUES (0, 'TEAM_LEAD'), (1, 'TEAM_MEMBER'), (2, 'COACH'), (3, 'SPONSOR')) AS r(n, role)
        WHERE t.cohort_id = $1`,
      [cohortId, users, n],
    );
    await db.query(
      `INSERT INTO goal (team_id, title_ar, title_en, sort)
       SELECT t.id, 'هدف ' || g, 'Goal ' || g, g FROM team t CROSS JOIN generate_series(0, 1) AS g WHERE t.cohort_id = $1`,
      [cohortId],
    );
    await db.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source, sort,
                        original_baseline, original_target, frozen_at)
       SELECT g.id, g.team_id, 'مؤشر ' || k, 'KPI ' || k, 'DAYS', 'DECREASE', 30, 7, 'سجلات النظام', k, 30, 7, now()
         FROM goal g JOIN team t ON t.id = g.team_id CROSS JOIN generate_series(0, 1) AS k WHERE t.cohort_id = $1`,
      [cohortId],
    );
    // 25 check-ins a team (its member's), each with a value for each of its 4 KPIs.
    await db.query(
      `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence)
       SELECT t.id, w, m.user_id, now() - (26 - w) * interval '2 days', false, 'تقدّم ' || w, 'MEDIUM'
         FROM team t JOIN team_member m ON m.team_id = t.id AND m.role = 'TEAM_MEMBER'
        CROSS JOIN generate_series(1, 25) AS w WHERE t.cohort_id = $1`,
      [cohortId],
    );
    await db.query(
      `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence)
       SELECT c.id, k.id, 30 - c.week, (c.submitted_at AT TIME ZONE 'Asia/Amman')::date, 'تقرير'
         FROM check_in c JOIN team t ON t.id = c.team_id JOIN kpi k ON k.team_id = t.id WHERE t.cohort_id = $1`,
      [cohortId],
    );
  }
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
  });
  let stop: (() => Promise<void>) | undefined;
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
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const users = (
      (await db.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
         SELECT 'person' || i || '@bench.example', 'موظف ' || i, 'Person ' || i, ($1::uuid[])[1 + i % 40], 'ar', '{}', $2
           FROM generate_series(1, 3000) AS i RETURNING id`,
        [agencies, hash],
      )) as { id: string }[]
    ).map((u) => u.id);
    await db.query(
      `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
       VALUES ('office@bench.example', 'مكتب المسرّعات', 'Accelerator office', $1, 'ar', '{ADMIN}', $2),
              ('leader@bench.example', 'القيادة', 'Leader', $1, 'ar', '{LEADERSHIP}', $2),
              ('lead@bench.example', 'قائد الفريق', 'Team leader', $1, 'ar', '{}', $2)`,
      [agencies[0], hash],
    );
    const leadId = (
      (await db.query(`SELECT id FROM app_user WHERE email = 'lead@bench.example'`)) as { id: string }[]
    )[0]!.id;

    const url = `${started.url!}/graphql`;
    const cookieOf = async (email: string) => {
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
    const people = {
      office: await cookieOf('office@bench.example'),
      leader: await cookieOf('leader@bench.example'),
      teamLead: await cookieOf('lead@bench.example'),
    };
    const ask = async (cookie: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ar', cookie },
        body: JSON.stringify({ query: MY_TASKS }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as {
        data?: { myTasks: { count: number; overdueCount: number; tasks: unknown[] } };
      };
      if (!body.data) throw new Error(`GraphQL errors: ${text}`);
      return { ...body.data.myTasks, bytes: text.length };
    };

    const stages = [];
    let seeded = 0;
    for (const cohorts of STAGES) {
      const t0 = performance.now();
      await seedCohorts(db, seeded, cohorts, users, agencies);
      seeded = cohorts;
      // The team leader leads the first team of three cohorts (in execution, review and sustainment).
      await db.query(`DELETE FROM team_member WHERE user_id = $1`, [leadId]);
      await db.query(
        `INSERT INTO team_member (team_id, user_id, role)
         SELECT DISTINCT ON (t.state) t.id, $1::uuid, 'TEAM_LEAD' FROM team t ORDER BY t.state, t.id`,
        [leadId],
      );
      await db.query('ANALYZE');
      const [size] =
        (await db.query(`SELECT (SELECT count(*) FROM team)::int AS teams, (SELECT count(*) FROM kpi)::int AS kpis,
        (SELECT count(*) FROM challenge)::int AS challenges, (SELECT count(*) FROM check_in_value)::int AS values`)) as {
          teams: number;
          kpis: number;
          challenges: number;
          values: number;
        }[];
      log(`${cohorts} cohorts seeded in ${Math.round(performance.now() - t0)} ms: ${JSON.stringify(size)}`);
      const answers = {} as Record<string, unknown>;
      for (const [who, cookie] of Object.entries(people)) {
        for (let i = 0; i < 5; i++) await ask(cookie); // warm-up
        const times: number[] = [];
        let statements = 0;
        let answer = { count: 0, overdueCount: 0, tasks: [] as unknown[], bytes: 0 };
        for (let i = 0; i < RUNS; i++) {
          const before = counter.statements;
          const t = performance.now();
          answer = await ask(cookie);
          times.push(performance.now() - t);
          statements = counter.statements - before;
        }
        times.sort((a, b) => a - b);
        answers[who] = {
          tasks: answer.count,
          overdue: answer.overdueCount,
          page: answer.tasks.length,
          statements,
          msP50: Math.round(percentile(times, 50) * 10) / 10,
          msP95: Math.round(percentile(times, 95) * 10) / 10,
          responseKB: Math.round(answer.bytes / 1024),
        };
        log(`${cohorts} cohorts, ${who}: ${JSON.stringify(answers[who])}`);
      }
      stages.push({ cohorts, ...size, users: answers });
    }
    process.stdout.write(`${JSON.stringify({ runs: RUNS, stages })}\n`);
  } finally {
    await stop?.();
    if (process.env.BENCH_KEEP) log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    // The queues' keys the API created under the benchmark's prefix.
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
