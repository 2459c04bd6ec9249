import 'reflect-metadata';

import { randomBytes, randomUUID } from 'node:crypto';

import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { createAppDataSource } from '../manifest.js';
import { DeadlineActions } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineSpec } from '../deadlines/deadline.service.js';
import { JsonLogger } from '../logging/json-logger.js';
import { OutboxService } from '../outbox/outbox.service.js';

/**
 * `npm run bench:deadlines`: first a bare BullMQ baseline — the same number of delayed jobs over
 * the same window, a no-op handler, concurrency 100, on the same Redis under a prefix of its own —
 * then 100,000 pending deadlines due over about two minutes through the real path: written to
 * PostgreSQL with their outbox rows, relayed to BullMQ as delayed jobs, fired by the worker's
 * handler with its database re-check, in a database and Redis prefix of its own. Lateness is the
 * firing instant minus the due instant in both. Prints one JSON line last, with both and the ratio
 * of their p99s. Options (both parts): BENCH_DEADLINES, BENCH_SPREAD_S, BENCH_LEAD_S.
 */
const COUNT = Number(process.env.BENCH_DEADLINES ?? 100_000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_S ?? 120) * 1000;
const LEAD_MS = Number(process.env.BENCH_LEAD_S ?? 45) * 1000;
const GRACE_MS = 30_000;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * What the process sends while the deadlines fire: SQL statements (BEGIN and COMMIT included) and
 * transactions, counted on the pg client every pool connection uses, and Redis commands (a
 * pipeline's or a script's count one each), counted on ioredis.
 */
const sent = { statements: 0, transactions: 0, redis: 0 };
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  sent.statements++;
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
  if (text?.startsWith('START TRANSACTION') || text?.startsWith('BEGIN')) sent.transactions++;
  return pgQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
const sendCommand = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
  sent.redis++;
  return sendCommand.apply(this, args);
};

function summary(lateMs: number[]): { p50: number; p99: number; max: number } {
  const sorted = lateMs.map((l) => Math.max(0, l)).sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(sorted, 50)),
    p99: Math.round(percentile(sorted, 99)),
    max: Math.round(sorted[sorted.length - 1] ?? 0),
  };
}

/**
 * Bare BullMQ: COUNT delayed jobs due over the same window as the deadlines, added with addBulk,
 * run by a worker with a no-op handler that notes how late it runs each one.
 */
async function bareBullmq(redisUrl: string, prefix: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('bare', { connection, prefix });
  const late: number[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const worker = new Worker(
    'bare',
    async (job) => {
      late.push(Date.now() - (job.data as { due: number }).due);
      if (seen.has(job.id!)) duplicates++;
      else seen.add(job.id!);
    },
    { connection: workerConnection, prefix, concurrency: 100 },
  );
  try {
    const start = Date.now() + LEAD_MS;
    log(
      `bare BullMQ: adding ${COUNT} delayed jobs due between +${LEAD_MS / 1000}s and +${(LEAD_MS + SPREAD_MS) / 1000}s`,
    );
    const t0 = performance.now();
    const CHUNK = 1_000;
    for (let i = 0; i < COUNT; i += CHUNK) {
      const jobs = [];
      const now = Date.now();
      for (let j = i; j < Math.min(COUNT, i + CHUNK); j++) {
        const due = start + Math.floor((j / COUNT) * SPREAD_MS);
        jobs.push({ name: 'noop', data: { due }, opts: { jobId: `bare-${j}`, delay: Math.max(0, due - now) } });
      }
      await queue.addBulk(jobs);
    }
    const enqueuePerSec = Math.round(COUNT / ((performance.now() - t0) / 1000));
    log(
      `bare BullMQ: added at ${enqueuePerSec}/s; ${((start - Date.now()) / 1000).toFixed(1)} s before the first is due`,
    );
    const end = start + SPREAD_MS;
    const redisBefore = sent.redis;
    while (seen.size < COUNT && Date.now() < end + GRACE_MS) await new Promise((r) => setTimeout(r, 1_000));
    const { p50, p99, max } = summary(late);
    log(`bare BullMQ: ${seen.size} run, p50 ${p50} ms, p99 ${p99} ms, max ${max} ms`);
    return {
      fired: seen.size,
      duplicates,
      lost: COUNT - seen.size,
      latenessMsP50: p50,
      latenessMsP99: p99,
      latenessMsMax: max,
      enqueuePerSec,
      redisCommandsPerJob: Math.round(((sent.redis - redisBefore) / COUNT) * 100) / 100,
    };
  } finally {
    await worker.close();
    await queue.close();
    connection.disconnect();
    workerConnection.disconnect();
  }
}

async function main(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbUrl = new URL(server);
  dbUrl.pathname = `/hundred_bench_${run}`;
  const admin = new pg.Client({ connectionString: new URL('/postgres', server).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "hundred_bench_${run}"`);
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `bench-${run}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DEADLINE_CONCURRENCY: process.env.DEADLINE_CONCURRENCY ?? '100',
  };
  const config = loadConfig(env);
  const redis = new Redis(config.redisUrl);
  try {
    const bare = await bareBullmq(config.redisUrl, `bench-${run}-bare`);

    const migrate = await createAppDataSource(config.databaseUrl, 'hundred-bench-migrate').initialize();
    await migrate.runMigrations({ transaction: 'each' });
    await migrate.query(
      `CREATE TABLE bench_fired (deadline_id uuid NOT NULL, due_at timestamptz NOT NULL, fired_at timestamptz NOT NULL)`,
    );
    const [cohort] = (await migrate.query(
      `INSERT INTO cohort (name_ar, name_en, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds, min_reviewers,
                           approvals_required, min_team_members, min_team_agencies)
       VALUES ('دفعة القياس', 'Benchmark cohort', '2027-01-01', 'Asia/Amman', '{5,6}', '{}', '[]', '{}', 2, 1, 3, 2) RETURNING id`,
    )) as { id: string }[];
    await migrate.destroy();

    // The worker role, in this process: the same modules as `node dist/worker.js`.
    const app = await NestFactory.createApplicationContext(AppModule.forRole(config, 'worker'), {
      logger: new JsonLogger(config.logLevel, { role: 'bench' }),
    });
    // The benchmark's kind of deadline: its action records each time it runs (no uniqueness),
    // so a deadline fired twice shows up as a duplicate.
    app.get(DeadlineActions).register('BENCH_PING', async (manager, d, now) => {
      await manager.query(`INSERT INTO bench_fired (deadline_id, due_at, fired_at) VALUES ($1, $2, $3)`, [
        d.id,
        d.original_due_at,
        now,
      ]);
      return { status: 'FIRED' };
    });
    await app.init();
    const dataSource = app.get(DataSource);
    const deadlines = app.get(DeadlineService);
    const outbox = app.get(OutboxService);

    const start = Date.now() + LEAD_MS;
    log(`scheduling ${COUNT} deadlines due between +${LEAD_MS / 1000}s and +${(LEAD_MS + SPREAD_MS) / 1000}s`);
    const cal = { day1: '2027-01-01', timeZone: 'Asia/Amman', weekendDays: [5, 6], holidays: [], offsets: {} } as never;
    const t0 = performance.now();
    const CHUNK = 5_000;
    for (let i = 0; i < COUNT; i += CHUNK) {
      const specs: DeadlineSpec[] = [];
      for (let j = i; j < Math.min(COUNT, i + CHUNK); j++) {
        const due = new Date(start + Math.floor((j / COUNT) * SPREAD_MS));
        specs.push({
          cohortId: cohort!.id,
          subjectType: 'bench',
          subjectId: randomUUID(),
          kind: 'BENCH_PING',
          group: 'COHORT_CALENDAR',
          rule: { rule: 'AT', at: due.toISOString() },
        });
      }
      await dataSource.transaction((manager) => deadlines.schedule(manager, cal, specs));
      await outbox.relayAll();
    }
    await outbox.relayAll();
    const enqueueSeconds = (performance.now() - t0) / 1000;
    const enqueuePerSec = Math.round(COUNT / enqueueSeconds);
    log(
      `written and enqueued in ${enqueueSeconds.toFixed(1)} s (${enqueuePerSec}/s); ${((start - Date.now()) / 1000).toFixed(1)} s before the first is due`,
    );
    if (Date.now() > start) log('warning: enqueueing took longer than the lead time; lateness includes it');

    const end = start + SPREAD_MS;
    const before = { ...sent };
    for (;;) {
      const [{ pending }] = (await dataSource.query(
        `SELECT count(*)::int AS pending FROM deadline WHERE state = 'PENDING'`,
      )) as {
        pending: number;
      }[];
      const now = Date.now();
      if (pending === 0 || now > end + GRACE_MS) break;
      if (now > start) log(`${pending} pending, ${Math.max(0, Math.round((end - now) / 1000))} s of due times left`);
      await new Promise((r) => setTimeout(r, 5_000));
    }

    const perFired = (n: number) => Math.round((n / COUNT) * 100) / 100;
    const whileFiring = {
      statementsPerDeadline: perFired(sent.statements - before.statements),
      transactionsPerDeadline: perFired(sent.transactions - before.transactions),
      redisCommandsPerDeadline: perFired(sent.redis - before.redis),
    };
    log(`while firing, per deadline: ${JSON.stringify(whileFiring)}`);
    const rows = (await dataSource.query(
      `SELECT deadline_id, extract(epoch FROM (fired_at - due_at)) * 1000 AS late, extract(epoch FROM due_at) * 1000 AS due
         FROM bench_fired`,
    )) as { deadline_id: string; late: string; due: string }[];
    // Lateness over the window, in 10-second slices, to see where the tail comes from.
    const slices = new Map<number, number[]>();
    for (const r of rows) {
      const slice = Math.floor((Number(r.due) - start) / 10_000);
      slices.set(slice, [...(slices.get(slice) ?? []), Number(r.late)]);
    }
    for (const [slice, values] of [...slices].sort((a, b) => a[0] - b[0])) {
      values.sort((a, b) => a - b);
      log(
        `due +${slice * 10}s: ${values.length} fired, p50 ${Math.round(percentile(values, 50))} ms, p99 ${Math.round(percentile(values, 99))} ms, max ${Math.round(values[values.length - 1]!)} ms`,
      );
    }
    const perDeadline = new Map<string, number>();
    for (const r of rows) perDeadline.set(r.deadline_id, (perDeadline.get(r.deadline_id) ?? 0) + 1);
    const duplicates = [...perDeadline.values()].reduce((sum, n) => sum + (n - 1), 0);
    const [{ lost }] = (await dataSource.query(
      `SELECT count(*)::int AS lost FROM deadline WHERE state <> 'FIRED'`,
    )) as { lost: number }[];
    const { p50, p99, max } = summary(rows.map((r) => Number(r.late)));
    await app.close();
    await dataSource.destroy().catch(() => undefined);

    const result = {
      pending: COUNT,
      spreadS: SPREAD_MS / 1000,
      fired: perDeadline.size,
      duplicates,
      lost,
      latenessMsP50: p50,
      latenessMsP99: p99,
      latenessMsMax: max,
      enqueuePerSec,
      ...whileFiring,
      bare,
      p99VsBare: bare.latenessMsP99 > 0 ? Math.round((p99 / bare.latenessMsP99) * 100) / 100 : null,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `bench-${run}*`, 'COUNT', 5000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "hundred_bench_${run}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
