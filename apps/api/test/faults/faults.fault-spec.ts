import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { Redis } from 'ioredis';
import pg from 'pg';

import { GqlClient } from '../support/gql.js';
import { dist, freePort, requireBuild, run, type Proc } from '../support/processes.js';
import {
  createDatabase,
  insertDeadlines,
  outcomes,
  percentile,
  seed,
  sleep,
  until,
  type DeadlineOutcome,
  type Seeded,
} from './fixture.js';
import { baseDir, PgCluster, RedisServer } from './servers.js';

/**
 * The fault suite (`npm run test:faults`): the built API and worker (dist/main.js, dist/worker.js)
 * as child processes against a PostgreSQL cluster and a Redis server of the suite's own, and the
 * faults of production done to them. Each case prints one JSON line with what it measured and
 * fails on any loss, duplicate or half-written transition, or a recovery over its bound.
 *
 * FAULTS_SCALE scales the counts and durations down (CI runs 0.1; every case still runs).
 */
const SCALE = Number(process.env.FAULTS_SCALE ?? 1);
const n = (full: number, least: number) => Math.max(least, Math.round(full * SCALE));
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 55411);
const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 16411);
const OUTAGE_MS = n(30, 10) * 1000;
const BURST_MS = n(15, 8) * 1000;

const base = baseDir(PG_PORT);
const cluster = new PgCluster(PG_PORT, base);
const redisServer = new RedisServer(REDIS_PORT, base);
const PREFIX = 'faults';

interface Case {
  name: string;
  db: pg.Client;
  env: Record<string, string>;
  seeded: Seeded;
  procs: { label: string; proc: Proc }[];
}
let current: Case | undefined;

async function startCase(name: string): Promise<Case> {
  const databaseUrl = await createDatabase(cluster.url(), `faults_${name}`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const seeded = await seed(db);
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisServer.url,
    REDIS_PREFIX: PREFIX,
    ARGON2_MEMORY_KIB: '4096',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    // Worker settings to compare (they default to the product's own).
    ...Object.fromEntries(
      ['DEADLINE_CONCURRENCY', 'WORKER_LOCK_MS', 'WORKER_STALLED_CHECK_MS']
        .filter((k) => process.env[k])
        .map((k) => [k, process.env[k]!]),
    ),
  };
  current = { name, db, env, seeded, procs: [] };
  return current;
}

function start(c: Case, role: 'api' | 'worker', label: string, extra: Record<string, string> = {}): Proc {
  const proc = run(process.execPath, [dist(role === 'api' ? 'main.js' : 'worker.js')], { ...c.env, ...extra });
  c.procs.push({ label, proc });
  return proc;
}

async function startApi(c: Case, label = 'api', port?: number): Promise<{ proc: Proc; url: string; port: number }> {
  const p = port ?? (await freePort());
  const proc = start(c, 'api', label, { PORT: String(p) });
  await proc.waitFor('Hundred started', 30_000);
  return { proc, url: `http://127.0.0.1:${p}`, port: p };
}

async function startWorker(c: Case, label: string): Promise<Proc> {
  const proc = start(c, 'worker', label);
  await proc.waitFor('Worker started', 30_000);
  await proc.waitFor('Reconciler', 30_000);
  return proc;
}

/** Stops the case's processes, keeps their logs beside the servers, and closes its connection. */
async function endCase(): Promise<void> {
  const c = current;
  current = undefined;
  if (!c) return;
  const logs = path.join(base, 'logs');
  mkdirSync(logs, { recursive: true });
  for (const { label, proc } of c.procs) {
    if (proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill('SIGTERM');
      await Promise.race([proc.exited, sleep(15_000)]);
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
    }
    writeFileSync(path.join(logs, `${c.name}-${label}.log`), proc.output());
  }
  await c.db.end().catch(() => undefined);
}

const count = async (db: pg.Client, sql: string, params: unknown[] = []) =>
  ((await db.query(sql, params)).rows[0] as { n: number }).n;

/** The local ports of a process's connections to the suite's PostgreSQL (`ss`; none where it is missing). */
function pgPortsOf(pid: number): number[] {
  const out = spawnSync('ss', ['-Htnp'], { encoding: 'utf8' }).stdout ?? '';
  return out
    .split('\n')
    .filter((l) => l.includes(`:${PG_PORT} `) && l.includes(`pid=${pid},`))
    .map((l) => Number(/127\.0\.0\.1:(\d+)\s+127\.0\.0\.1:\d+/.exec(l)?.[1]))
    .filter((p) => Number.isInteger(p));
}

/** The BullMQ worker id of a queue, from the worker's "Worker started" line. */
function workerIdOf(proc: Proc, queue: string): string {
  const line = proc
    .output()
    .split('\n')
    .find((l) => l.includes('"Worker started"'));
  const id = line ? (JSON.parse(line) as { workerIds?: Record<string, string> }).workerIds?.[queue] : undefined;
  if (!id) throw new Error("no worker id in the worker's log");
  return id;
}

/**
 * The case's deadlines not fired when a worker died that it held: their job locked by it (its
 * lock token starts with the worker's id), or, for a deadline in that worker's open batch, a job
 * that found it held and finished or was put off to look again.
 */
async function heldBy(redis: Redis, db: pg.Client, workerId: string, label: string): Promise<Set<string>> {
  const { rows } = await db.query(
    `SELECT d.id, d.seq, d.due_at <= now() AS due FROM deadline d WHERE d.params->>'fault' = $1 AND d.state = 'PENDING'`,
    [label],
  );
  const pending = rows as { id: string; seq: number; due: boolean }[];
  const pipeline = redis.pipeline();
  for (const d of pending) {
    pipeline.get(`${PREFIX}:deadlines:deadline-${d.id}-${d.seq}:lock`);
    pipeline.hget(`${PREFIX}:deadlines:deadline-${d.id}-${d.seq}`, 'finishedOn');
    pipeline.zscore(`${PREFIX}:deadlines:delayed`, `deadline-${d.id}-${d.seq}`);
  }
  const answers = (await pipeline.exec()) ?? [];
  const held = new Set<string>();
  pending.forEach((d, i) => {
    const lock = answers[3 * i]?.[1] as string | null;
    const finished = answers[3 * i + 1]?.[1] as string | null;
    // Due, and its job put off to look again: another transaction held it.
    const putOff = d.due && answers[3 * i + 2]?.[1] !== null;
    if ((lock && lock.startsWith(`${workerId}:`)) || finished || putOff) held.add(d.id);
  });
  return held;
}

const attempts = (db: pg.Client) => count(db, `SELECT count(*)::int AS n FROM fault_attempt`);
const outboxBacklog = (db: pg.Client) =>
  count(db, `SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL`);

interface Figures {
  fired: number;
  lost: number;
  duplicated: number;
  halfWritten: number;
  latenessMsP50: number | null;
  latenessMsP99: number | null;
  latenessMsMax: number | null;
  recoveryMs: number | null;
  [more: string]: unknown;
}

/** Fired, lost, duplicated and lateness of the case's deadlines; `after(d)`: when each could fire at the earliest. */
function deadlineFigures(rows: DeadlineOutcome[], after: (d: DeadlineOutcome) => number) {
  const fired = rows.filter((r) => r.firedMs !== null);
  const lateness = fired.map((r) => Math.max(0, r.firedMs! - r.dueMs));
  const recovery = fired.map((r) => r.firedMs! - after(r));
  return {
    deadlines: rows.length,
    fired: fired.length,
    lost: rows.length - fired.length + rows.filter((r) => r.firedMs !== null && r.state !== 'FIRED').length,
    duplicated: rows.reduce((sum, r) => sum + Math.max(0, r.attempts - 1), 0),
    latenessMsP50: percentile(lateness, 50),
    latenessMsP99: percentile(lateness, 99),
    latenessMsMax: percentile(lateness, 100),
    /** The latest firing after the moment each deadline could fire at the earliest. */
    recoveryMs: recovery.length ? Math.max(0, Math.round(Math.max(...recovery))) : null,
  };
}

function report(name: string, figures: Figures): void {
  process.stdout.write(`${JSON.stringify({ case: name, scale: SCALE, ...figures })}\n`);
}

/** Waits until every deadline of the label fired (or `timeoutMs`), then a little more so that a duplicate shows. */
async function settle(db: pg.Client, label: string, total: number, timeoutMs: number): Promise<void> {
  await until(
    async () =>
      (await count(db, `SELECT count(*)::int AS n FROM deadline WHERE params->>'fault' = $1 AND state = 'FIRED'`, [
        label,
      ])) >= total,
    timeoutMs,
    250,
  );
  await sleep(3_000);
}

async function office(url: string, seeded: Seeded): Promise<GqlClient> {
  const client = new GqlClient(url);
  const res = await client.signIn(seeded.office.email, seeded.office.password);
  if (res.errors?.length) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
  return client;
}

const CREATE = `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id version } }`;
let cohortSeq = 0;
const createCohort = (client: GqlClient) =>
  client.request<{ createCohort: { id: string; version: number } }>(CREATE, {
    input: {
      nameAr: `دفعة ${++cohortSeq}`,
      nameEn: `Cohort ${cohortSeq}`,
      day1: '2031-03-01',
      timeZone: 'Asia/Amman',
      weekendDays: [5, 6],
      holidays: [],
    },
  });

beforeAll(() => {
  requireBuild();
  cluster.create();
  redisServer.destroy();
  redisServer.start();
}, 120_000);

afterEach(async () => {
  await endCase();
  // Each case starts from an empty Redis of the suite's own.
  const redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch(() => undefined);
  if (redis.status !== 'ready') {
    redisServer.start();
  } else {
    await redis.flushall();
  }
  redis.disconnect();
}, 60_000);

afterAll(() => {
  redisServer.destroy();
  cluster.destroy();
}, 60_000);

describe('faults', () => {
  it('kill -9 of one of two workers mid-batch: the deadlines it held fire once, within 5 s', async () => {
    const c = await startCase('kill');
    const total = n(1_000, 200);
    const w1 = await startWorker(c, 'worker1');
    await startWorker(c, 'worker2');
    const w1Id = workerIdOf(w1, 'deadlines');
    // Due over a window (about 100 a second at full scale), so that the lateness measured is the
    // fault's and not the time a burst of reminders takes on this machine.
    const due = new Date(Date.now() + 5_000 + total);
    const spreadMs = n(10_000, 5_000);
    await insertDeadlines(c.db, c.seeded.cohortId, total, due, new Date(due.getTime() + spreadMs), 'kill');
    expect(await until(async () => (await outboxBacklog(c.db)) === 0, 30_000)).toBe(true);
    // Both workers are firing: kill one of them halfway, while a transaction of its batches is open.
    const started = await until(
      async () => (await attempts(c.db)) >= total / 2,
      due.getTime() + spreadMs - Date.now() + 30_000,
      10,
    );
    expect(started).toBe(true);
    const ports = pgPortsOf(w1.child.pid!);
    const midBatch = await until(
      async () =>
        (await count(
          c.db,
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE client_port = ANY($1::int[]) AND backend_xid IS NOT NULL`,
          [ports],
        )) > 0,
      1_500,
      2,
    );
    const redis = new Redis(redisServer.url);
    const killedAt = Date.now();
    w1.child.kill('SIGKILL');
    await w1.exited;
    const firedBeforeKill = await attempts(c.db);
    // What it held: the jobs it had locked, and the deadlines its open batches held (their own jobs
    // found them held and finished, or wait to look again).
    const held = await heldBy(redis, c.db, w1Id, 'kill');
    redis.disconnect();
    await settle(c.db, 'kill', total, 60_000);

    const rows = await outcomes(c.db, 'kill');
    const figures = deadlineFigures(rows, (d) => Math.max(d.dueMs, killedAt));
    const heldRows = rows.filter((r) => held.has(r.id));
    const heldFigures = deadlineFigures(heldRows, (d) => Math.max(d.dueMs, killedAt));
    report('kill -9 of one of two workers', {
      ...figures,
      halfWritten: 0,
      killedMidBatch: midBatch,
      held: heldRows.length,
      heldLatenessMsP50: heldFigures.latenessMsP50,
      heldLatenessMsP99: heldFigures.latenessMsP99,
      heldLatenessMsMax: heldFigures.latenessMsMax,
      firedBeforeKill,
    });
    expect(figures.fired).toBe(total);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(heldRows.length).toBeGreaterThan(0);
    expect(heldFigures.latenessMsP99).toBeLessThanOrEqual(5_000);
  }, 180_000);

  it('FLUSHALL with pending deadlines: the running worker notices, restores them, and each fires once within 60 s', async () => {
    const c = await startCase('flush');
    const total = n(10_000, 1_000);
    await startWorker(c, 'worker');
    const lead = 10_000 + total; // time to relay them all before the flush
    const flushAt = Date.now() + lead;
    const from = new Date(flushAt + 3_000);
    await insertDeadlines(c.db, c.seeded.cohortId, total, from, new Date(from.getTime() + 30_000), 'flush');
    const redis = new Redis(redisServer.url);
    try {
      expect(
        await until(
          async () => (await outboxBacklog(c.db)) === 0 && (await redis.zcard(`${PREFIX}:deadlines:delayed`)) >= total,
          lead,
        ),
      ).toBe(true);
      await sleep(Math.max(0, flushAt - Date.now()));
      const flushedAt = Date.now();
      await redis.flushall();
      await settle(c.db, 'flush', total, 30_000 + 60_000 + 10_000);
      const schedulersBack =
        (await redis.exists(`${PREFIX}:system:repeat:outbox-relay`, `${PREFIX}:system:repeat:deadline-reconcile`)) ===
        2;

      const figures = deadlineFigures(await outcomes(c.db, 'flush'), (d) => Math.max(d.dueMs, flushedAt));
      report('FLUSHALL with pending deadlines', { ...figures, halfWritten: 0, schedulersBack });
      expect(figures.fired).toBe(total);
      expect(figures.lost).toBe(0);
      expect(figures.duplicated).toBe(0);
      expect(figures.recoveryMs).toBeLessThanOrEqual(60_000);
      expect(schedulersBack).toBe(true);
    } finally {
      redis.disconnect();
    }
  }, 300_000);

  it('Redis stopped with writes and deadlines due during the outage: writes answer as fast, everything is delivered after', async () => {
    const c = await startCase('outage');
    const total = n(200, 50);
    const api = await startApi(c);
    await startWorker(c, 'worker');
    const client = await office(api.url, c.seeded);

    const write = async () => {
      const t0 = performance.now();
      const res = await createCohort(client);
      return { ms: performance.now() - t0, ok: !res.errors?.length, id: res.data?.createCohort.id };
    };
    for (let i = 0; i < 5; i++) await write(); // warm-up
    const baseline: number[] = [];
    for (let i = 0; i < n(40, 20); i++) baseline.push((await write()).ms);

    const stopAt = Date.now() + 8_000;
    const from = new Date(stopAt + 3_000);
    await insertDeadlines(c.db, c.seeded.cohortId, total, from, new Date(stopAt + OUTAGE_MS - 3_000), 'outage');
    expect(await until(async () => (await outboxBacklog(c.db)) === 0, 15_000)).toBe(true);
    await sleep(Math.max(0, stopAt - Date.now()));

    redisServer.stop();
    const stoppedAt = Date.now();
    const during: { ms: number; ok: boolean; id?: string }[] = [];
    while (Date.now() < stoppedAt + OUTAGE_MS) {
      during.push(await write());
      await sleep(250);
    }
    redisServer.start();
    const backAt = Date.now();
    await settle(c.db, 'outage', total, 60_000 + 10_000);
    // The usual latency again, with Redis back: the baseline is measured on both sides of the outage.
    for (let i = 0; i < n(40, 20); i++) baseline.push((await write()).ms);

    // What was written during the outage reached Redis once it was back, and says when.
    const ids = during.filter((w) => w.id).map((w) => w.id!);
    await until(async () => (await outboxBacklog(c.db)) === 0, 20_000);
    const outbox = (
      await c.db.query(
        `SELECT o.job_id, extract(epoch FROM o.relayed_at) * 1000 AS relayed_ms FROM outbox_message o
           JOIN deadline d ON o.job_id = 'deadline-' || d.id || '-' || d.seq WHERE d.cohort_id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows as { job_id: string; relayed_ms: string | null }[];
    const redis = new Redis(redisServer.url);
    const inRedis = await Promise.all(outbox.map((o) => redis.exists(`${PREFIX}:deadlines:${o.job_id}`)));
    redis.disconnect();
    const notRelayed = outbox.filter((o) => o.relayed_ms === null).length;
    const relayedTooEarly = outbox.filter((o) => o.relayed_ms !== null && Number(o.relayed_ms) < backAt - 1_000).length;
    const missingJobs = inRedis.filter((e) => e === 0).length;

    const basP95 = percentile(baseline, 95)!;
    const durP95 = percentile(
      during.map((w) => w.ms),
      95,
    )!;
    const figures = deadlineFigures(await outcomes(c.db, 'outage'), (d) => Math.max(d.dueMs, backAt));
    report('Redis stopped', {
      ...figures,
      lost: figures.lost + notRelayed + missingJobs,
      halfWritten: 0,
      outageMs: backAt - stoppedAt,
      writesDuringOutage: during.length,
      writesFailed: during.filter((w) => !w.ok).length,
      writeMsP95Before: Math.round(basP95),
      writeMsP95During: Math.round(durP95),
      writeMsMaxDuring: Math.round(Math.max(...during.map((w) => w.ms))),
      outboxRowsWrittenDuring: outbox.length,
      relayedBeforeRedisWasBack: relayedTooEarly,
    });
    expect(figures.fired).toBe(total);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.recoveryMs).toBeLessThanOrEqual(60_000);
    expect(during.every((w) => w.ok)).toBe(true);
    expect(durP95).toBeLessThanOrEqual(2 * basP95);
    expect(outbox.length).toBeGreaterThan(0);
    expect(notRelayed).toBe(0);
    expect(missingJobs).toBe(0);
    expect(relayedTooEarly).toBe(0);
  }, 300_000);

  /** 8 clients creating, opening and cancelling cohorts until `stopAt`; what each answer said. */
  async function burst(
    url: () => string,
    seeded: Seeded,
    stopAt: number,
  ): Promise<{ answers: { op: string; id: string; ok: boolean; at: number }[]; errors: number }> {
    const answers: { op: string; id: string; ok: boolean; at: number }[] = [];
    let errors = 0;
    const one = async () => {
      let client: GqlClient | undefined;
      while (Date.now() < stopAt) {
        try {
          client ??= await office(url(), seeded);
          const created = await createCohort(client);
          const cohort = created.data?.createCohort;
          if (!cohort) {
            errors++;
            continue;
          }
          answers.push({ op: 'create', id: cohort.id, ok: true, at: Date.now() });
          const opened = await client.request<{ openCohortIntake: { version: number } }>(
            `mutation ($input: CohortEventInput!) { openCohortIntake(input: $input) { version } }`,
            { input: { id: cohort.id, version: cohort.version } },
          );
          answers.push({ op: 'open', id: cohort.id, ok: !!opened.data, at: Date.now() });
          if (!opened.data) continue;
          const cancelled = await client.request(
            `mutation ($input: CancelCohortInput!) { cancelCohort(input: $input) { version } }`,
            { input: { id: cohort.id, version: opened.data.openCohortIntake.version, reason: 'fault suite' } },
          );
          answers.push({ op: 'cancel', id: cohort.id, ok: !!cancelled.data, at: Date.now() });
        } catch {
          // The server is away (restarting or stopped): try again shortly.
          errors++;
          client = undefined;
          await sleep(100);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, one));
    return { answers, errors };
  }

  /** Every cohort's state, version, history, audit, deadlines with their jobs and notifications agree. */
  async function consistency(db: pg.Client, seededCohort: string, answers: { op: string; id: string; ok: boolean }[]) {
    const { rows } = await db.query(
      `SELECT c.id, c.state, c.version,
              (SELECT count(*)::int FROM transition_history h WHERE h.subject_type = 'cohort' AND h.subject_id = c.id) AS transitions,
              (SELECT h.to_state FROM transition_history h WHERE h.subject_type = 'cohort' AND h.subject_id = c.id
                ORDER BY h.id DESC LIMIT 1) AS last_to,
              (SELECT count(*)::int FROM audit_event a WHERE a.subject_type = 'cohort' AND a.subject_id = c.id::text) AS audits,
              (SELECT count(*)::int FROM deadline d WHERE d.cohort_id = c.id) AS deadlines,
              (SELECT count(*)::int FROM deadline d WHERE d.cohort_id = c.id AND NOT EXISTS (
                 SELECT 1 FROM outbox_message o WHERE o.job_id = 'deadline-' || d.id || '-' || d.seq)) AS without_job,
              (SELECT count(*)::int FROM transition_history h WHERE h.subject_type = 'cohort' AND h.subject_id = c.id
                 AND h.event = 'OPEN_INTAKE' AND NOT EXISTS (
                   SELECT 1 FROM notification x WHERE x.dedupe_key LIKE 't' || h.id || '-%')) AS unnotified,
              (SELECT count(*)::int - count(DISTINCT h.event)::int FROM transition_history h
                WHERE h.subject_type = 'cohort' AND h.subject_id = c.id) AS repeated
         FROM cohort c WHERE c.id <> $1`,
      [seededCohort],
    );
    type Row = {
      id: string;
      state: string;
      version: number;
      transitions: number;
      last_to: string | null;
      audits: number;
      deadlines: number;
      without_job: number;
      unnotified: number;
      repeated: number;
    };
    const byId = new Map((rows as Row[]).map((r) => [r.id, r]));
    const half = (rows as Row[]).filter(
      (r) =>
        r.version !== 1 + r.transitions ||
        r.state !== (r.last_to ?? 'DRAFT') ||
        r.audits !== 1 + r.transitions ||
        r.deadlines === 0 ||
        r.without_job > 0 ||
        r.unnotified > 0,
    );
    // An answer that said done must be in the database.
    const lost = answers.filter((a) => {
      if (!a.ok) return false;
      const r = byId.get(a.id);
      if (!r) return true;
      if (a.op === 'open') return r.transitions < 1;
      if (a.op === 'cancel') return r.state !== 'CANCELLED';
      return false;
    });
    const unrelayed = await count(db, `SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL`);
    return {
      cohorts: rows.length,
      transitions: (rows as Row[]).reduce((s, r) => s + r.transitions, 0),
      halfWrittenCohorts: half.length,
      halfWrittenIds: half.slice(0, 5).map((r) => r.id),
      lostAnswers: lost.length,
      duplicatedTransitions: (rows as Row[]).reduce((s, r) => s + r.repeated, 0),
      unrelayed,
    };
  }

  it('PostgreSQL restarted during a burst of transitions from 8 clients: nothing half-written, nothing lost', async () => {
    const c = await startCase('postgres');
    const total = n(200, 50);
    const api = await startApi(c);
    await startWorker(c, 'worker');
    const t0 = Date.now();
    const stopAt = t0 + BURST_MS;
    await insertDeadlines(c.db, c.seeded.cohortId, total, new Date(t0 + 2_000), new Date(stopAt - 1_000), 'postgres');
    await c.db.end();
    const running = burst(() => api.url, c.seeded, stopAt);
    await sleep(BURST_MS / 3);
    const restartAt = Date.now();
    cluster.stop('immediate');
    cluster.start();
    const upAt = Date.now();
    const { answers, errors } = await running;
    c.db = new pg.Client({ connectionString: c.env.DATABASE_URL });
    await c.db.connect();
    const firstOkAfter = answers.filter((a) => a.ok && a.at > upAt).sort((a, b) => a.at - b.at)[0];
    await settle(c.db, 'postgres', total, 60_000);
    await until(async () => (await outboxBacklog(c.db)) === 0, 30_000);

    const checked = await consistency(c.db, c.seeded.cohortId, answers);
    // A deadline due while PostgreSQL was down could fire once it was back.
    const figures = deadlineFigures(await outcomes(c.db, 'postgres'), (d) =>
      d.dueMs >= restartAt && d.dueMs < upAt ? upAt : d.dueMs,
    );
    report('PostgreSQL restarted during a burst', {
      ...figures,
      lost: figures.lost + checked.lostAnswers + checked.unrelayed,
      duplicated: figures.duplicated + checked.duplicatedTransitions,
      halfWritten: checked.halfWrittenCohorts,
      recoveryMs: firstOkAfter ? firstOkAfter.at - restartAt : null,
      deadlineRecoveryMs: figures.recoveryMs,
      postgresDownMs: upAt - restartAt,
      answeredOk: answers.filter((a) => a.ok).length,
      failedRequests: errors + answers.filter((a) => !a.ok).length,
      ...checked,
    });
    expect(figures.fired).toBe(total);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.recoveryMs).toBeLessThanOrEqual(60_000);
    expect(checked.halfWrittenCohorts).toBe(0);
    expect(checked.lostAnswers).toBe(0);
    expect(checked.duplicatedTransitions).toBe(0);
    expect(checked.unrelayed).toBe(0);
    expect(firstOkAfter).toBeDefined();
  }, 300_000);

  it('SIGTERM of the API during a burst: it stops gracefully, nothing half-written, nothing lost', async () => {
    const c = await startCase('sigterm');
    const total = n(200, 50);
    let api = await startApi(c, 'api1');
    await startWorker(c, 'worker');
    const t0 = Date.now();
    const stopAt = t0 + BURST_MS;
    await insertDeadlines(c.db, c.seeded.cohortId, total, new Date(t0 + 2_000), new Date(stopAt - 1_000), 'sigterm');
    const running = burst(() => api.url, c.seeded, stopAt);
    await sleep(BURST_MS / 3);
    const termAt = Date.now();
    const first = api;
    first.proc.child.kill('SIGTERM');
    const code = await first.proc.exited;
    const exitedAt = Date.now();
    api = await startApi(c, 'api2', first.port);
    const { answers, errors } = await running;
    let firstOkAfter = answers.filter((a) => a.ok && a.at > exitedAt).sort((a, b) => a.at - b.at)[0];
    if (!firstOkAfter) {
      // The new API came up after the burst (a slow machine): it must still answer a write.
      const created = await createCohort(await office(api.url, c.seeded));
      if (created.data) firstOkAfter = { op: 'create', id: created.data.createCohort.id, ok: true, at: Date.now() };
    }
    await settle(c.db, 'sigterm', total, 60_000);
    await until(async () => (await outboxBacklog(c.db)) === 0, 30_000);

    const checked = await consistency(c.db, c.seeded.cohortId, answers);
    const figures = deadlineFigures(await outcomes(c.db, 'sigterm'), (d) => d.dueMs);
    report('SIGTERM of the API during a burst', {
      ...figures,
      lost: figures.lost + checked.lostAnswers + checked.unrelayed,
      duplicated: figures.duplicated + checked.duplicatedTransitions,
      halfWritten: checked.halfWrittenCohorts,
      recoveryMs: firstOkAfter ? firstOkAfter.at - termAt : null,
      shutdownMs: exitedAt - termAt,
      exitCode: code,
      answeredOk: answers.filter((a) => a.ok).length,
      failedRequests: errors + answers.filter((a) => !a.ok).length,
      ...checked,
    });
    expect(code).toBe(0);
    expect(figures.fired).toBe(total);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(checked.halfWrittenCohorts).toBe(0);
    expect(checked.lostAnswers).toBe(0);
    expect(checked.duplicatedTransitions).toBe(0);
    expect(checked.unrelayed).toBe(0);
    expect(exitedAt - termAt).toBeLessThanOrEqual(10_000);
    expect(firstOkAfter).toBeDefined();
  }, 300_000);
});
