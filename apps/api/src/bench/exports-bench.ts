import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import argon2 from 'argon2';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { start } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { JsonLogger } from '../logging/json-logger.js';
import { createAppDataSource } from '../manifest.js';
import { seedCohort } from './seed-cohort.js';

/**
 * `npm run bench:exports`: the cohort report of cohorts of 5, 50 and 200 teams (each with two goals
 * of three KPIs and twelve weekly check-ins, as in the teams benchmark), asked for as PDF and as
 * spreadsheet in Arabic over real HTTP, the API and its worker in one process. Prints, per size
 * and format, how long the request took to answer (it only queues the export), how long until the
 * file was DONE (the worker's build), and the file's size; one JSON line last. The first PDF
 * includes Chromium's start. BENCH_TEAMS (e.g. "5,50,200") changes the sizes.
 */
const SIZES = (process.env.BENCH_TEAMS ?? '5,50,200').split(',').map(Number);
const PASSWORD = 'Bench-passw0rd';

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

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
    EXPORT_RENDER_TIMEOUT_MS: '300000',
  });
  let stop: (() => Promise<void>) | undefined;
  try {
    const migrate = await createAppDataSource(config.databaseUrl, 'hundred-bench-migrate').initialize();
    await migrate.runMigrations({ transaction: 'each' });
    await migrate.destroy();

    const started = await start('all', config, new JsonLogger(config.logLevel, { role: 'bench' }));
    stop = started.close;
    const db = started.app.get(DataSource);
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
    const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ar', cookie },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    const results = [];
    for (const size of SIZES) {
      const cohortId = await seedCohort(db, size, users, agencies);
      await db.query('ANALYZE');
      for (const format of ['PDF', 'XLSX'] as const) {
        const t0 = performance.now();
        const { requestExport } = await ask<{ requestExport: { id: string; state: string } }>(
          `mutation ($i: RequestExportInput!) { requestExport(input: $i) { id state } }`,
          { i: { kind: 'COHORT_REPORT', format, params: { cohortId } } },
        );
        const answeredMs = performance.now() - t0;
        let done: { state: string; byteSize: number | null; failure: string | null };
        for (;;) {
          ({ export: done } = await ask<{ export: typeof done }>(
            `query ($id: UUID!) { export(id: $id) { state byteSize failure } }`,
            { id: requestExport.id },
          ));
          if (done.state === 'DONE' || done.state === 'FAILED') break;
          await new Promise((r) => setTimeout(r, 100));
        }
        if (done.state !== 'DONE') throw new Error(`the ${format} export of ${size} teams failed: ${done.failure}`);
        const row = {
          teams: size,
          kpis: size * 6,
          values: size * 6 * 12,
          format,
          requestAnsweredMs: Math.round(answeredMs),
          doneAfterMs: Math.round(performance.now() - t0),
          fileKB: Math.round((done.byteSize ?? 0) / 1024),
        };
        log(JSON.stringify(row));
        results.push(row);
      }
    }
    process.stdout.write(`${JSON.stringify({ results })}\n`);
  } finally {
    await stop?.();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
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
