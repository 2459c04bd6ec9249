import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A built entry point of the API (the test command builds before testing). */
export const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

export function requireBuild(): void {
  if (!existsSync(dist('worker.js')))
    throw new Error('apps/api/dist is missing: build with `npx tsc -b apps/api/tsconfig.app.json`');
}

export interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
}

export function run(command: string, args: string[], env: Record<string, string>): Proc {
  let output = '';
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return {
    child,
    output: () => output,
    exited,
    async waitFor(text, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (Date.now() > deadline)
          throw new Error(`"${text}" not seen within ${timeoutMs} ms:\n${output.slice(-3000)}`);
        if (child.exitCode !== null)
          throw new Error(`process exited (${child.exitCode}) before "${text}":\n${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** The test run's database, Redis prefix and settings, for a built entry point started apart. */
function testEnv(): Record<string, string> {
  // Rate limits are counted in Redis, shared with every suite's sign-ins: take the run's.
  const shared = ['ARGON2_MEMORY_KIB', 'PUBLIC_RATE_PER_ADDRESS', 'PUBLIC_RATE_GLOBAL', 'REQUEST_TIME_BUDGET_MS'];
  return {
    ...Object.fromEntries(shared.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : []))),
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_PREFIX: process.env.REDIS_PREFIX!,
    CLOCK_CONTROL: 'true',
    LOG_LEVEL: 'info',
  };
}

/** A worker process of the API, on the test database and Redis prefix. */
export function startWorker(extraEnv: Record<string, string> = {}): Proc {
  requireBuild();
  return run(process.execPath, [dist('worker.js')], { ...testEnv(), ...extraEnv });
}

/** The built HTTP API (`main.js`) on the test database and Redis prefix. */
export function startApi(extraEnv: Record<string, string> = {}): Proc {
  requireBuild();
  return run(process.execPath, [dist('main.js')], { ...testEnv(), HUNDRED_ROLE: 'api', ...extraEnv });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
