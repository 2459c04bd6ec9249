import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS } from '@hundred/domain';
import argon2 from 'argon2';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { Pool } from 'undici';

import { PROCESS_HEADER, STATEMENTS_HEADER } from '../database/statement-counter.js';
import { createAppDataSource } from '../manifest.js';
import { seedCohort } from './seed-cohort.js';

/**
 * `npm run bench:api`: the API's throughput and latency over HTTP, beside PostgreSQL's own speed
 * at the same kind of write. On a database of its own (the demo data of `npm start`, about 100
 * cohorts, and one cohort of 500 teams) it first runs pgbench on the SQL of one versioned
 * transition (a conditional update, a history row and an outbox row in one transaction), then
 * starts the built API (`dist/main.js`, one process per case) and drives it with signed-in
 * sessions (one per client) over keep-alive connections, for a fixed time at each client count:
 *
 *   me          `{ me { id } }`, the office
 *   cohorts     `{ cohorts(limit: 100) { id state } }`, the office
 *   saveDraft   `updateChallenge` on a draft of the client's own, with the version last read
 *   checkIn     `submitCheckIn` for the current week, by a team leader on a team they lead
 *               (check-ins are append-only: each one is a new row, so it repeats)
 *   transition  a challenge of the client's own around RETURN → SUBMIT → START_SCREENING, one
 *               event per request (the office)
 *   teams500    the overview of a cohort's 500 teams of `npm run bench:teams`, the office
 *
 * One JSON line per case and client count: requests/s, latency percentiles, errors (non-200s and
 * answers with GraphQL errors), SQL statements per request (the API's statement counter, which it
 * sends back in a header under HUNDRED_BENCH=1, divided over the run; the outbox relay a write
 * starts is included), and for writes the ratio to pgbench's transactions per second. A summary
 * line last.
 *
 * Each case runs on one API process and then on two (API_PROCESSES, Node's cluster module),
 * BENCH_API_PROCESSES ("1,2"): the scaling from one core to both.
 *
 * BENCH_API_SECONDS (10) and BENCH_API_CLIENTS ("16,50") set each run's length and the client
 * counts; BENCH_API_CASES picks cases by name; BENCH_API_PROFILE=1 runs each case's API under
 * `node --cpu-prof` and adds the top 15 functions by self time to the case's lines;
 * BENCH_API_PROFILE_DIR keeps those profiles in that folder.
 */
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CLIENTS = (process.env.BENCH_API_CLIENTS ?? '16,50').split(',').map(Number);
/** API processes (API_PROCESSES) each case runs with, in turn: the scaling from one to two. */
const PROCESSES = (process.env.BENCH_API_PROCESSES ?? '1,2').split(',').map(Number);
const PROFILE = process.env.BENCH_API_PROFILE === '1';
const ONLY = process.env.BENCH_API_CASES?.split(',').filter(Boolean);
const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';
const PGBENCH_CLIENTS = 16;
const MAX_CLIENTS = Math.max(...CLIENTS);

/** The demo's password (README.md), and the benchmark's own people's. */
const DEMO_PASSWORD = 'Hundred-2026';
const BENCH_PASSWORD = 'Bench-passw0rd';
const OFFICE = 'office@hundred.example';
/** Cohorts in all: the demo's, empty ones, and the one of 500 teams. */
const COHORTS = 100;
const TEAMS = 500;
/** A low argon2 cost for every account, so signing in a hundred sessions takes no time. */
const ARGON2_MEMORY_KIB = 4096;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const API_DIST = path.join(ROOT, 'apps/api/dist');

/** The team overview of `npm run bench:teams`. */
const OVERVIEW = `query ($c: UUID!) { teams(cohortId: $c, limit: 500) {
  id nameAr state rag
  goals { id titleAr rag kpis { id nameAr unit direction baseline target rag expected progress latestValue { value asOf } } }
} }`;

/** What the challenge form reads back after a save or an event: the object and its next buttons. */
const CHALLENGE_FIELDS = `id version state updatedAt titleAr titleEn problemAr whyAr baselineAr ambitionAr
  leadAgencyId partnerAgencyIds alignmentNodeIds missingFields availableEvents { event targets blockedBy }`;

const log = (msg: string) => process.stderr.write(`[bench:api] ${msg}\n`);

interface Gql {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A child process whose last output lines are kept for error messages. */
class Child {
  private readonly lines: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > 80) this.lines.splice(0, this.lines.length - 80);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.lines.map((line) => `    ${this.name}| ${line}`).join('\n');
  }

  /** Asks the process to stop (SIGINT: a graceful stop, and `--cpu-prof` writes its profile), then insists. */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Runs a command to completion; its standard output, or an error with its output. */
async function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = new Child(name, command, args, env);
  let out = '';
  child.child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await child.exited;
  if (code !== 0) throw new Error(`${name} failed with exit code ${code}:\n${child.output()}`);
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The latest statement count each API process has reported (`x-hundred-process` → count). */
const statementsByProcess = new Map<string, number>();

/**
 * Keep-alive connections to each API, shared by its clients: undici's own request API, not
 * `fetch`, whose streams cost the load generator, on the same two cores, more than a small
 * GraphQL answer costs the API (bare Fastify answered about 2,000 requests/s to `fetch` clients
 * and 12,000 to these).
 */
const pools = new Map<string, Pool>();
const poolOf = (origin: string) => {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: 64, pipelining: 1 })));
  return pool;
};
const closePools = async () => {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
};

/** One HTTP client of the API: a session of its own, the last statement count it saw. */
class Client {
  cookie = '';
  private readonly origin: string;
  private readonly path: string;
  constructor(readonly url: string) {
    const u = new URL(url);
    this.origin = u.origin;
    this.path = u.pathname;
  }

  async post(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ status: number; body: Gql; statements: number }> {
    const res = await poolOf(this.origin).request({
      path: this.path,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'ar',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.body.text();
    let body: Gql;
    try {
      body = JSON.parse(text) as Gql;
    } catch {
      body = { errors: [{ message: text.slice(0, 200) }] };
    }
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const cookie = header('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0]!;
    const statements = Number(header(STATEMENTS_HEADER) ?? NaN);
    const pid = header(PROCESS_HEADER);
    if (pid && Number.isFinite(statements)) {
      statementsByProcess.set(pid, Math.max(statementsByProcess.get(pid) ?? 0, statements));
    }
    return { status: res.statusCode, body, statements };
  }

  /** A request that must succeed; its data. */
  async must<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { status, body } = await this.post(query, variables);
    if (status !== 200 || body.errors?.length || !body.data) {
      throw new Error(`HTTP ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    }
    return body.data as T;
  }

  async signIn(email: string, password: string): Promise<void> {
    this.cookie = '';
    await this.must(`mutation ($i: SignInInput!) { signIn(input: $i) { id } }`, { i: { email, password } });
    if (!this.cookie) throw new Error(`no session cookie for ${email}`);
  }
}

/** What each case needs, prepared once. */
interface Fixture {
  office: Client[];
  leaders: { client: Client; teamId: string; kpiIds: string[] }[];
  drafts: { id: string; version: number }[];
  screened: { id: string; version: number; state: string }[];
  draftFields: Record<string, unknown>;
  bigCohortId: string;
  asOf: string;
}

/** One request of a case by client `i`: true when it succeeded, else what went wrong. */
type Step = (i: number) => Promise<true | string>;

interface Case {
  name: string;
  write: boolean;
  /** Built once per run. */
  step(f: Fixture): Step;
}

const ok = (r: { status: number; body: Gql }): true | string =>
  r.status === 200 && !r.body.errors?.length && r.body.data
    ? true
    : `HTTP ${r.status}: ${r.body.errors?.[0]?.extensions?.code ?? ''} ${r.body.errors?.[0]?.message ?? 'no data'}`.slice(
        0,
        300,
      );

const CASES: Case[] = [
  {
    name: 'me',
    write: false,
    step: (f) => async (i) => ok(await f.office[i]!.post(`{ me { id } }`)),
  },
  {
    name: 'cohorts',
    write: false,
    step: (f) => async (i) => ok(await f.office[i]!.post(`{ cohorts(limit: 100) { id state } }`)),
  },
  {
    name: 'saveDraft',
    write: true,
    step: (f) => async (i) => {
      const draft = f.drafts[i]!;
      const r = await f.office[i]!.post(
        `mutation ($i: UpdateChallengeInput!) { updateChallenge(input: $i) { ${CHALLENGE_FIELDS} } }`,
        { i: { ...f.draftFields, id: draft.id, version: draft.version, problemAr: `مسودة ${draft.version}` } },
      );
      const saved = r.body.data?.updateChallenge as { version: number } | undefined;
      if (saved) draft.version = saved.version;
      return ok(r);
    },
  },
  {
    name: 'checkIn',
    write: true,
    step: (f) => async (i) => {
      const leader = f.leaders[i]!;
      const r = await leader.client.post(
        `mutation ($i: SubmitCheckInInput!) { submitCheckIn(input: $i) { id week late confidence values { kpiId value asOf } } }`,
        {
          i: {
            teamId: leader.teamId,
            narrative: 'تقدّم هذا الأسبوع',
            confidence: 'MEDIUM',
            values: leader.kpiIds.map((kpiId, k) => ({ kpiId, value: 12 + k, asOf: f.asOf, evidence: 'تقرير أسبوعي' })),
          },
        },
      );
      return ok(r);
    },
  },
  {
    name: 'transition',
    write: true,
    step: (f) => async (i) => {
      const c = f.screened[i]!;
      const [mutation, input] =
        c.state === 'IN_SCREENING'
          ? ['returnChallenge(input: { id: $id, version: $v, comment: "أكملوا خط الأساس" })', 'returnChallenge']
          : c.state === 'RETURNED'
            ? ['submitChallenge(input: { id: $id, version: $v })', 'submitChallenge']
            : ['startChallengeScreening(input: { id: $id, version: $v })', 'startChallengeScreening'];
      const r = await f.office[i]!.post(`mutation ($id: UUID!, $v: Int!) { ${mutation} { ${CHALLENGE_FIELDS} } }`, {
        id: c.id,
        v: c.version,
      });
      const after = r.body.data?.[input] as { version: number; state: string } | undefined;
      if (after) Object.assign(c, { version: after.version, state: after.state });
      return ok(r);
    },
  },
  {
    name: 'teams500',
    write: false,
    step: (f) => async (i) => ok(await f.office[i]!.post(OVERVIEW, { c: f.bigCohortId })),
  },
];

/** The monotonic clock in µs: the one V8's CPU profiles are timed on (CLOCK_MONOTONIC), in any process. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Drives `clients` clients for `seconds` seconds: latencies in ms, the failures (and the first), the window. */
async function drive(step: Step, clients: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const window = { fromUs: monotonicUs(), toUs: 0 };
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < end) {
        const t = performance.now();
        let outcome: true | string;
        try {
          outcome = await step(i);
        } catch (err) {
          outcome = String(err);
        }
        latencies.push(performance.now() - t);
        if (outcome !== true) {
          errors++;
          firstError ??= outcome;
        }
      }
    }),
  );
  window.toUs = monotonicUs();
  return { latencies, errors, firstError, elapsed: (performance.now() - t0) / 1000, window };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * The top functions by self time of a V8 CPU profile, counting only the samples taken while the
 * load ran (`windows`, on the same monotonic clock), so the API's start-up and stop are left out.
 */
function topSelfTime(profile: CpuProfile, windows: { fromUs: number; toUs: number }[]) {
  const byNode = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, k) => {
    const delta = profile.timeDeltas[k] ?? 0;
    at += delta;
    if (windows.some((w) => at >= w.fromUs && at <= w.toUs)) byNode.set(id, (byNode.get(id) ?? 0) + delta);
  });
  // No sample in the windows: the clocks differ after all, so the whole profile, said as such.
  const whole = byNode.size === 0;
  if (whole) profile.samples.forEach((id, k) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const byFunction = new Map<string, { name: string; at: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    totalUs += us;
    const name = functionName || '(anonymous)';
    const where = url ? `${url.replace(`file://${ROOT}/`, '')}:${lineNumber + 1}` : '';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, at: where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  return {
    samplesFrom: whole ? 'the whole process' : 'the timed runs',
    busyMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((e) => ({ name: e.name, at: e.at, ms: Math.round(e.us / 1000), pct: round((100 * e.us) / (totalUs || 1)) })),
  };
}

/** pgbench on the SQL of one versioned transition, over rows of scratch tables shaped like the real ones. */
async function pgbench(db: DataSource, dbUrl: string, seconds: number): Promise<number> {
  const rows = 10_000;
  await db.query(`CREATE TABLE bench_subject (n int PRIMARY KEY, id uuid NOT NULL, state varchar(32) NOT NULL,
                    version int NOT NULL, updated_at timestamptz NOT NULL)`);
  await db.query(
    `INSERT INTO bench_subject SELECT i, md5(i::text)::uuid, 'IN_SCREENING', 1, now() FROM generate_series(1, $1) AS i`,
    [rows],
  );
  await db.query(`CREATE TABLE bench_history (LIKE transition_history INCLUDING ALL)`);
  await db.query(`CREATE TABLE bench_outbox (LIKE outbox_message INCLUDING ALL)`);
  // What the workflow runner does: lock and read the row, a conditional update that must change
  // it, a history row and an outbox row (here one of the transition's jobs), then commit.
  const script = `\\set n random(1, ${rows})
BEGIN;
SELECT version FROM bench_subject WHERE n = :n FOR NO KEY UPDATE \\gset
UPDATE bench_subject SET state = CASE state WHEN 'IN_SCREENING' THEN 'RETURNED' ELSE 'IN_SCREENING' END,
  version = version + 1, updated_at = now() WHERE n = :n AND version = :version;
INSERT INTO bench_history (subject_type, subject_id, event, from_state, to_state, actor_id, caller, reason, data, occurred_at)
  VALUES ('challenge', md5(:n::text)::uuid, 'RETURN', 'IN_SCREENING', 'RETURNED', NULL, 'user', 'أكملوا خط الأساس', '{}', now());
INSERT INTO bench_outbox (job_name, job_id, payload, run_at)
  VALUES ('notify', 'bench-' || :n || '-' || :version, jsonb_build_object('subjectId', md5(:n::text), 'version', :version), NULL);
END;
`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-api-pgbench-'));
  try {
    const file = path.join(dir, 'transition.sql');
    await writeFile(file, script);
    const out = await run(
      'pgbench',
      PGBENCH,
      ['-n', '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(seconds), '-f', file, dbUrl],
      process.env,
    );
    const tps = /tps = ([\d.]+)/.exec(out);
    if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
    return Number(tps[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await db.query(`DROP TABLE bench_subject, bench_history, bench_outbox`);
  }
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  const dbName = `hundred_benchapi_${runId}`;
  const redisPrefix = `benchapi-${runId}`;
  const dbUrl = new URL(server);
  dbUrl.pathname = `/${dbName}`;
  const admin = new pg.Client({ connectionString: new URL('/postgres', server).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  let db: DataSource | undefined;
  let api: Child | undefined;
  // BENCH_API_PROFILE_DIR keeps the profiles there (one folder per case) for a closer look.
  const keepProfiles = process.env.BENCH_API_PROFILE_DIR;
  const profileDir = keepProfiles ?? (await mkdtemp(path.join(os.tmpdir(), 'bench-api-prof-')));
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    ARGON2_MEMORY_KIB: String(ARGON2_MEMORY_KIB),
    LOG_LEVEL: 'warn',
  };
  /** Stops the API, drops the database and deletes the prefix's Redis keys: once, also when interrupted. */
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await api?.stop().catch(() => undefined);
      await closePools().catch(() => undefined);
      await db?.destroy().catch(() => undefined);
      await admin
        .query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
        .catch((err: unknown) => log(`drop database: ${String(err)}`));
      await admin.end().catch(() => undefined);
      if (!keepProfiles) await rm(profileDir, { recursive: true, force: true });
      // The keys the API made under the benchmark's prefix (queues, rate limits, clock).
      const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    // The demo data of `npm start`, as the end-to-end test loads it.
    const setupEnv = { ...baseEnv, NODE_ENV: 'test', PORT: '0' };
    await run('migrate', process.execPath, [path.join(API_DIST, 'migrate.js')], setupEnv);
    await run('seed', process.execPath, [path.join(API_DIST, 'seed/seed-cli.js')], setupEnv);
    db = await createAppDataSource(dbUrl.toString(), 'hundred-bench-api').initialize();

    // People of the benchmark (the big cohort's teams), empty cohorts up to COHORTS, and one of TEAMS teams.
    const agencies = ((await db.query(`SELECT id FROM agency ORDER BY code`)) as { id: string }[]).map((a) => a.id);
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: ARGON2_MEMORY_KIB });
    const users = (
      (await db.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
           SELECT 'person' || i || '@bench.example', 'موظف ' || i, 'Person ' || i, ($1::uuid[])[1 + i % array_length($1::uuid[], 1)],
                  'ar', '{}', $2
             FROM generate_series(1, 200) AS i RETURNING id`,
        [agencies, hash],
      )) as { id: string }[]
    ).map((u) => u.id);
    const [{ n: existing }] = (await db.query(`SELECT count(*)::int AS n FROM cohort`)) as [{ n: number }];
    await db.query(
      `INSERT INTO cohort (name_ar, name_en, state, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds,
                           min_reviewers, approvals_required, min_team_members, min_team_agencies)
       SELECT 'دفعة ' || i, 'Cohort ' || i, 'DRAFT', current_date + 30 + i * 7, 'Asia/Amman', '{5,6}', $2, '[]', $3, 2, 1, 3, 2
         FROM generate_series(1, $1) AS i`,
      [Math.max(0, COHORTS - 1 - existing), DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS],
    );
    const bigCohortId = await seedCohort(db, TEAMS, users, agencies);
    await db.query('ANALYZE');
    log(`database ${dbName}: demo data, ${COHORTS} cohorts, one of ${TEAMS} teams`);

    const tps = await pgbench(db, dbUrl.toString(), SECONDS);
    const pgbenchLine = { case: 'pgbench', clients: PGBENCH_CLIENTS, seconds: SECONDS, tps: round(tps) };
    process.stdout.write(`${JSON.stringify(pgbenchLine)}\n`);

    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    /** Waits until the process on `port` answers /health. */
    const waitForHealth = async (child: Child) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (!child.running) throw new Error(`${child.name} stopped during start-up:\n${child.output()}`);
        try {
          const res = await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2_000) });
          await res.text();
          if (res.status === 200) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`${child.name} did not start:\n${child.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    /** The built API on `port`, under `--cpu-prof` when a profile is asked for and the process is named. */
    const startApi = async (profileName?: string, processes = 1) => {
      const args =
        PROFILE && profileName
          ? ['--cpu-prof', '--cpu-prof-dir', path.join(profileDir, profileName), path.join(API_DIST, 'main.js')]
          : [path.join(API_DIST, 'main.js')];
      const child = new Child('api', process.execPath, args, {
        ...baseEnv,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        HUNDRED_ROLE: 'api',
        API_PROCESSES: String(processes),
        COOKIE_SECURE: 'false',
        PUBLIC_WEB_URL: apiUrl,
        HUNDRED_BENCH: '1',
        // Many sessions sign in from this one address; the 500-team answer is far past one request's budget.
        PUBLIC_RATE_PER_ADDRESS: '100000',
        PUBLIC_RATE_GLOBAL: '100000',
        GRAPHQL_MAX_COST: '10000000',
        REQUEST_TIME_BUDGET_MS: '120000',
      });
      await waitForHealth(child);
      return child;
    };

    // Sessions live in the database: signed in once, used by every case's API process.
    api = await startApi();
    const gql = `${apiUrl}/graphql`;
    const office = await Promise.all(
      Array.from({ length: MAX_CLIENTS }, async () => {
        const c = new Client(gql);
        await c.signIn(OFFICE, DEMO_PASSWORD);
        return c;
      }),
    );
    const leaderRows = (await db.query(
      `SELECT DISTINCT ON (m.user_id) m.user_id, u.email, m.team_id,
                (SELECT array_agg(k.id::text ORDER BY k.id) FROM kpi k WHERE k.team_id = m.team_id) AS kpi_ids
           FROM team_member m JOIN team t ON t.id = m.team_id JOIN app_user u ON u.id = m.user_id
          WHERE t.cohort_id = $1 AND m.role = 'TEAM_LEAD' ORDER BY m.user_id, m.team_id`,
      [bigCohortId],
    )) as { email: string; team_id: string; kpi_ids: string[] }[];
    const leaders = await Promise.all(
      Array.from({ length: MAX_CLIENTS }, async (_, i) => {
        const row = leaderRows[i % leaderRows.length]!;
        const client = new Client(gql);
        await client.signIn(row.email, BENCH_PASSWORD);
        return { client, teamId: row.team_id, kpiIds: row.kpi_ids };
      }),
    );
    // Challenges of the demo's cohort in intake, complete enough to be submitted.
    const [intake] = (await db.query(`SELECT id FROM cohort WHERE state = 'INTAKE' LIMIT 1`)) as [{ id: string }];
    const [node] = (await db.query(`SELECT id FROM alignment_node ORDER BY sort LIMIT 1`)) as [{ id: string }];
    const draftFields = {
      titleAr: 'تسريع تراخيص البناء',
      titleEn: 'Faster building permits',
      problemAr: 'يستغرق الترخيص شهوراً',
      whyAr: 'ينتظر الناس طويلاً',
      baselineAr: 'تسعون يوماً',
      ambitionAr: 'ثلاثون يوماً',
      leadAgencyId: agencies[0],
      alignmentNodeIds: [node.id],
    };
    type Saved = { id: string; version: number; state: string };
    const create = async (c: Client) =>
      (
        await c.must<{ createChallenge: Saved }>(
          `mutation ($i: CreateChallengeInput!) { createChallenge(input: $i) { id version state } }`,
          { i: { ...draftFields, cohortId: intake.id } },
        )
      ).createChallenge;
    const drafts = await Promise.all(office.map(create));
    const screened = await Promise.all(
      office.map(async (c) => {
        const draft = await create(c);
        const event = `mutation ($id: UUID!, $v: Int!) { %s(input: { id: $id, version: $v }) { id version state } }`;
        const submitted = (
          await c.must<{ submitChallenge: Saved }>(event.replace('%s', 'submitChallenge'), {
            id: draft.id,
            v: draft.version,
          })
        ).submitChallenge;
        return (
          await c.must<{ startChallengeScreening: Saved }>(event.replace('%s', 'startChallengeScreening'), {
            id: submitted.id,
            v: submitted.version,
          })
        ).startChallengeScreening;
      }),
    );
    await closePools();
    await api.stop();
    api = undefined;
    // Yesterday where the cohort is: a date no check-in value may be later than.
    const [{ d: asOf }] = (await db.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Amman')::date - 1, 'YYYY-MM-DD') AS d`,
    )) as [{ d: string }];
    const fixture: Fixture = { office, leaders, drafts, screened, draftFields, bigCohortId, asOf };
    log(
      `${office.length + leaders.length} sessions, ${drafts.length} drafts, ${screened.length} challenges in screening`,
    );

    // The floor: bare Fastify answering a fixed `me`, driven the same way, at the most clients.
    const floorClients = Math.max(...CLIENTS);
    {
      const floor = new Child('floor', process.execPath, [path.join(API_DIST, 'bench/http-floor-server.js')], {
        ...baseEnv,
        PORT: String(port),
      });
      await waitForHealth(floor);
      const probe = new Client(gql);
      const step = async () => (await probe.post('{ me { id } }')).status === 200 || 'not 200';
      await drive(step, floorClients, 1);
      const { latencies, elapsed } = await drive(step, floorClients, SECONDS);
      latencies.sort((a, b) => a - b);
      const line = {
        case: 'httpFloor',
        clients: floorClients,
        requestsPerSecond: round(latencies.length / elapsed),
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      await closePools();
      await floor.stop();
    }

    const summary: Record<string, unknown>[] = [];
    for (const c of CASES) {
      if (ONLY && !ONLY.includes(c.name)) continue;
      for (const processes of PROCESSES) {
        const profileName = processes === 1 ? c.name : `${c.name}-${processes}`;
        api = await startApi(profileName, processes);
        const probe = new Client(gql);
        /**
         * The statements every API process has sent, read after their background work settled: a
         * few signed-out probes reach each process (round robin) and refresh its count; they send
         * no statement of their own.
         */
        const statementsNow = async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          for (let i = 0; i < processes * 4; i++) await probe.post('{ __typename }');
          return [...statementsByProcess.values()].reduce((sum, n) => sum + n, 0);
        };
        const lines: Record<string, unknown>[] = [];
        const windows: { fromUs: number; toUs: number }[] = [];
        for (const clients of CLIENTS) {
          const step = c.step(fixture);
          // Warm-up: two requests per client, not counted.
          await Promise.all(
            Array.from({ length: clients }, async (_, i) => {
              for (let k = 0; k < 2; k++) await step(i);
            }),
          );
          const before = await statementsNow();
          const { latencies, errors, firstError, elapsed, window } = await drive(step, clients, SECONDS);
          windows.push(window);
          const after = await statementsNow();
          latencies.sort((a, b) => a - b);
          const rps = latencies.length / elapsed;
          const line: Record<string, unknown> = {
            case: c.name,
            processes,
            clients,
            seconds: round(elapsed, 2),
            requests: latencies.length,
            requestsPerSecond: round(rps),
            p50Ms: round(percentile(latencies, 50)),
            p95Ms: round(percentile(latencies, 95)),
            p99Ms: round(percentile(latencies, 99)),
            errors,
            sqlStatementsPerRequest: round((after - before) / (latencies.length || 1)),
            ...(c.write ? { ratioToPgbench: round(rps / tps, 3) } : {}),
            ...(firstError ? { firstError } : {}),
          };
          process.stdout.write(`${JSON.stringify(line)}\n`);
          lines.push(line);
        }
        await closePools();
        await api.stop();
        api = undefined;
        statementsByProcess.clear();
        if (PROFILE && processes === 1) {
          const dir = path.join(profileDir, profileName);
          const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
          if (!file) throw new Error(`no CPU profile in ${dir}`);
          const profile = topSelfTime(JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile, windows);
          process.stdout.write(`${JSON.stringify({ case: c.name, profile })}\n`);
        }
        summary.push(
          ...lines.map((l) => ({
            case: l.case,
            processes: l.processes,
            clients: l.clients,
            rps: l.requestsPerSecond,
            p50Ms: l.p50Ms,
            p95Ms: l.p95Ms,
            errors: l.errors,
          })),
        );
      }
    }
    process.stdout.write(
      `${JSON.stringify({ summary: true, seconds: SECONDS, pgbenchTps: round(tps), results: summary })}\n`,
    );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
