import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { migrateOnce } from './support/app.js';

/** The built entry points, started as real processes (the test command builds before testing). */
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

function run(
  file: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [dist(file)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const baseEnv = () => ({
  NODE_ENV: 'test',
  DATABASE_URL: process.env.DATABASE_URL!,
  REDIS_URL: process.env.REDIS_URL!,
  REDIS_PREFIX: process.env.REDIS_PREFIX!,
  LOG_LEVEL: 'info',
});

describe('the processes', () => {
  beforeAll(async () => {
    if (!existsSync(dist('main.js')))
      throw new Error('apps/api/dist is missing: build with `npx tsc -b apps/api/tsconfig.app.json`');
    // The worker reconciles at start-up: the run's database must be migrated, whichever file runs first.
    await migrateOnce(process.env.DATABASE_URL!);
  });

  it('refuses to start with a bad configuration, naming each problem', async () => {
    const p = run('main.js', { NODE_ENV: 'production', PORT: 'x' });
    expect(await p.exited).toBe(78);
    expect(p.output()).toContain('PORT must be a whole number');
    expect(p.output()).toContain('DATABASE_URL is missing');
    expect(p.output()).toContain('REDIS_URL is missing');
  });

  it.each([
    ['main.js', 'api'],
    ['worker.js', 'worker'],
  ])('%s starts, logs JSON, and stops gracefully on SIGTERM', async (file, role) => {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const p = run(file, { ...baseEnv(), PORT: port, SHUTDOWN_TIMEOUT_MS: '5000' });
    const deadline = Date.now() + 20_000;
    while (!p.output().includes('Hundred started')) {
      if (Date.now() > deadline) throw new Error(`not started: ${p.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (role === 'api') {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    }
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const lines = p
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; msg?: string; role: string });
    expect(lines.every((l) => l.role === role)).toBe(true);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['Hundred started', 'Shutting down', 'Stopped']));
  });
});
