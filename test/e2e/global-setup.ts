import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type * as IORedis from 'ioredis';
import type * as Pg from 'pg';

// Jest loads global setup files outside its module system: this file imports only Node and
// packages, never other files of the test, and leaves its clean-up for global-teardown.ts.

/** The repository root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The API's own database and Redis drivers, so the test needs no copies of them. */
const apiRequire = createRequire(path.join(ROOT, 'apps/api/package.json'));
const pg = apiRequire('pg') as typeof Pg;
const ioredis = apiRequire('ioredis') as typeof IORedis;
const Redis = ioredis.Redis;

/** Where PostgreSQL accepts the administrative connection that creates and drops test databases. */
const POSTGRES_URL = process.env.HUNDRED_E2E_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';

/** Checks that the build outputs the test runs exist, naming the command that makes each. */
function assertBuilt(): void {
  const required: [string, string][] = [
    ['apps/api/dist/main.js', 'cd apps/api && npx tsc -b tsconfig.app.json'],
    ['apps/api/dist/migrate.js', 'cd apps/api && npx tsc -b tsconfig.app.json'],
    ['apps/api/dist/seed/seed-cli.js', 'cd apps/api && npx tsc -b tsconfig.app.json'],
    ['apps/web/dist/index.html', 'npm run build -w @hundred/web'],
  ];
  const missing = required.filter(([file]) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `The browser test runs the built application, and these files are missing:\n${missing
        .map(([file, command]) => `  - ${file} (build it with: ${command})`)
        .join('\n')}`,
    );
  }
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
class Service {
  private readonly lines: string[] = [];
  readonly child: ChildProcess;
  exited: Promise<number | null>;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) this.lines.push(line);
      }
      if (this.lines.length > 60) this.lines.splice(0, this.lines.length - 60);
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

  /** Asks the process to stop, then insists. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Runs a command to completion; rejects with its output when it fails. */
async function run(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const service = new Service(name, process.execPath, args, { cwd: ROOT, env });
  const code = await service.exited;
  if (code !== 0) throw new Error(`${name} failed with exit code ${code}:\n${service.output()}`);
}

/** Polls a URL until it answers 200, failing early if one of the services dies. */
async function waitForHealth(url: string, services: Service[], timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = services.find((s) => !s.running);
    if (dead) throw new Error(`${dead.name} stopped during start-up:\n${dead.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${url} did not become healthy within ${timeoutMs} ms (${last}).\n${services.map((s) => s.output()).join('\n')}`,
  );
}

/** Drops the test database and the Redis keys of the test's prefix. */
async function dropResources(state: { databaseName: string; redisPrefix: string }): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${state.databaseName}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.redisPrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** How global-teardown.ts (run in the same process) finds what to stop and remove. */
const TEARDOWN = Symbol.for('hundred.e2e.teardown');
type WithTeardown = typeof globalThis & { [TEARDOWN]?: () => Promise<void> };

/**
 * Starts the system under test on resources of its own: a fresh PostgreSQL database with the
 * migrations and demo data, the API (with its job worker) on a free port, and the built web
 * app under `vite preview` proxying to that API. The browser test reads HUNDRED_E2E_WEB_URL.
 */
export default async function globalSetup(): Promise<void> {
  assertBuilt();
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `hundred_e2e_${suffix}`;
  const redisPrefix = `e2e-${suffix}`;
  const processes: Service[] = [];
  const teardown = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await dropResources({ databaseName, redisPrefix });
  };
  (globalThis as WithTeardown)[TEARDOWN] = teardown;

  try {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${databaseName}"`);
    } finally {
      await admin.end();
    }
    const databaseUrl = new URL(POSTGRES_URL);
    databaseUrl.pathname = `/${databaseName}`;

    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      ARGON2_MEMORY_KIB: '4096',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      HUNDRED_ROLE: 'all',
      // The office may move the clock forward (the cohort test walks a calendar in minutes).
      CLOCK_CONTROL: 'true',
      LOG_LEVEL: 'warn',
      PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
      // Every spec signs in from this one address, often; a busy machine must not hit the budget.
      PUBLIC_RATE_PER_ADDRESS: '100000',
      PUBLIC_RATE_GLOBAL: '100000',
      REQUEST_TIME_BUDGET_MS: '30000',
    };
    await run('migrate', ['apps/api/dist/migrate.js'], apiEnv);
    await run('seed', ['apps/api/dist/seed/seed-cli.js'], apiEnv);

    processes.push(new Service('api', process.execPath, ['apps/api/dist/main.js'], { cwd: ROOT, env: apiEnv }));

    const webDir = path.join(ROOT, 'apps/web');
    const vite = path.join(
      path.dirname(createRequire(path.join(webDir, 'package.json')).resolve('vite/package.json')),
      'bin/vite.js',
    );
    processes.push(
      new Service('web', process.execPath, [vite, 'preview'], {
        cwd: webDir,
        env: {
          ...process.env,
          HUNDRED_API_URL: `http://127.0.0.1:${apiPort}`,
          HUNDRED_WEB_HOST: '127.0.0.1',
          HUNDRED_WEB_PORT: String(webPort),
        },
      }),
    );

    const webUrl = `http://127.0.0.1:${webPort}`;
    // /health answers through the web server's proxy: both servers and both databases are up.
    await waitForHealth(`${webUrl}/health`, processes);
    process.env.HUNDRED_E2E_WEB_URL = webUrl;
  } catch (err) {
    delete (globalThis as WithTeardown)[TEARDOWN];
    await teardown().catch(() => undefined);
    throw err;
  }
}
