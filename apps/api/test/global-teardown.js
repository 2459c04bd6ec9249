// Drops this run's database and deletes its Redis keys (refuses to run outside NODE_ENV=test).
import { Redis } from 'ioredis';
import pg from 'pg';

export default async function globalTeardown() {
  if (process.env.NODE_ENV !== 'test') throw new Error('test teardown refuses to run unless NODE_ENV=test');
  const url = process.env.DATABASE_URL;
  if (url && process.env.KEEP_TEST_DATABASE !== '1') {
    const db = new URL(url);
    const name = db.pathname.slice(1);
    if (!name.startsWith('hundred_test_')) throw new Error(`refusing to drop ${name}`);
    db.pathname = '/postgres';
    const client = new pg.Client({ connectionString: db.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  const prefix = process.env.REDIS_PREFIX;
  if (!prefix || !process.env.REDIS_URL) return;
  const redis = new Redis(process.env.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
