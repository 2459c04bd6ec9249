// Creates this run's database and picks a Redis prefix of its own; the settings reach the tests
// through the environment. Migrations run when the first test starts the app (startTestApp).
import { randomBytes } from 'node:crypto';

import pg from 'pg';

export default async function globalSetup() {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const db = new URL(server);
  db.pathname = `/hundred_test_${run}`;
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = db.toString();
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  process.env.REDIS_PREFIX = `test-${run}`;
  process.env.ARGON2_MEMORY_KIB = '4096';
  process.env.CLOCK_CONTROL = 'true';
  // One lock duration and stalled-check interval for every worker of the run: a worker checks for
  // stalled jobs at most once per interval of whichever worker checked last.
  process.env.WORKER_LOCK_MS = '2000';
  // The suites sign in many people quickly from one address, and run while the machine is busy:
  // the public-mutation rate limits and the time budget are out of their way (the security suite
  // starts apps of its own with tight ones).
  process.env.PUBLIC_RATE_PER_ADDRESS = '1000000';
  process.env.PUBLIC_RATE_GLOBAL = '1000000';
  process.env.REQUEST_TIME_BUDGET_MS = '60000';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'fatal';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "hundred_test_${run}"`);
  } finally {
    await client.end();
  }
}
