import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import argon2 from 'argon2';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { start } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { createAppDataSource } from '../manifest.js';
import type { StatementCounter } from '../database/statement-counter.js';
import { JsonLogger } from '../logging/json-logger.js';
import { seedCohort } from './seed-cohort.js';

/**
 * `npm run bench:teams`: two questions about a cohort's teams over real HTTP, as the office — the
 * overview (goals, KPIs, latest values, status) and everything (also people, every check-in with
 * its values, change requests) — for cohorts of 5, 50 and 500 teams, each with four people, two
 * goals of three KPIs and twelve weekly check-ins. Prints, per size and question, the SQL
 * statements one answer issues, its latency and its size; one JSON line last. It runs with
 * NODE_ENV=production, as deployments do (graphql-js skips its development checks), while the
 * application's own configuration is the test one. BENCH_TEAMS (e.g. "5,50,500")
 * and BENCH_RUNS change the sizes and the number of timed runs.
 */
const SIZES = (process.env.BENCH_TEAMS ?? '5,50,500').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PASSWORD = 'Bench-passw0rd';

/** The question of the issue: a cohort's teams with their goals, KPIs, latest values and status. */
const OVERVIEW = `query ($c: UUID!) { teams(cohortId: $c, limit: 500) {
  id nameAr state rag
  goals { id titleAr rag kpis { id nameAr unit direction baseline target rag expected progress latestValue { value asOf } } }
} }`;

/** Everything of every team: people, goals and KPIs, every check-in with its values, changes. */
const EVERYTHING = `query ($c: UUID!) { teams(cohortId: $c, limit: 500) {
  id nameAr state rag checkInsFlaggedAt
  members { role user { nameAr agencyId } }
  goals { id titleAr rag kpis { id nameAr unit direction baseline target rag expected progress latestValue { value asOf } } }
  checkIns { id week late confidence values { kpiId value asOf } }
  changeRequests { id state }
} }`;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
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
    // One answer for 500 teams is what is measured: far past what one request may ask for.
    GRAPHQL_MAX_COST: '10000000',
    REQUEST_TIME_BUDGET_MS: '120000',
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
           FROM generate_series(1, 14) AS i RETURNING id`,
      )) as { id: string }[]
    ).map((a) => a.id);
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const users = (
      (await db.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
         SELECT 'person' || i || '@bench.example', 'موظف ' || i, 'Person ' || i, ($1::uuid[])[1 + i % 14], 'ar', '{}', $2
           FROM generate_series(1, 200) AS i RETURNING id`,
        [agencies, hash],
      )) as { id: string }[]
    ).map((u) => u.id);
    await db.query(
      `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
       VALUES ('office@bench.example', 'مكتب المسرّعات', 'Accelerator office', $1, 'ar', '{ADMIN}', $2)`,
      [agencies[0], hash],
    );

    const url = `${started.url!}/graphql`;
    const signIn = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation ($i: SignInInput!) { signIn(input: $i) { id } }`,
        variables: { i: { email: 'office@bench.example', password: PASSWORD } },
      }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const ask = async (query: string, cohortId: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ar', cookie },
        body: JSON.stringify({ query, variables: { c: cohortId } }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as { data?: { teams: unknown[] }; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return { teams: body.data.teams.length, bytes: text.length };
    };

    const results = [];
    for (const size of SIZES) {
      const t0 = performance.now();
      const cohortId = await seedCohort(db, size, users, agencies);
      await db.query('ANALYZE');
      log(`${size} teams seeded in ${Math.round(performance.now() - t0)} ms`);
      const measure = async (query: string) => {
        for (let i = 0; i < 3; i++) await ask(query, cohortId); // warm-up
        const times: number[] = [];
        let statements = 0;
        let answer = { teams: 0, bytes: 0 };
        for (let i = 0; i < RUNS; i++) {
          const before = counter.statements;
          const t = performance.now();
          answer = await ask(query, cohortId);
          times.push(performance.now() - t);
          statements = counter.statements - before;
        }
        if (answer.teams !== size) throw new Error(`asked for ${size} teams, got ${answer.teams}`);
        times.sort((a, b) => a - b);
        return {
          statements,
          msP50: Math.round(percentile(times, 50)),
          msP95: Math.round(percentile(times, 95)),
          responseKB: Math.round(answer.bytes / 1024),
        };
      };
      const row = {
        teams: size,
        kpis: size * 6,
        checkIns: size * 12,
        overview: await measure(OVERVIEW),
        everything: await measure(EVERYTHING),
      };
      log(JSON.stringify(row));
      results.push(row);
    }
    process.stdout.write(`${JSON.stringify({ runs: RUNS, results })}\n`);
  } finally {
    await stop?.();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
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
