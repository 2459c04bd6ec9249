import pg from 'pg';

/** The database named in a PostgreSQL URL, and a URL of the maintenance database on the same server. */
export function splitDatabaseUrl(url: string): { name: string; maintenanceUrl: string } {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  u.pathname = '/postgres';
  return { name, maintenanceUrl: u.toString() };
}

async function withMaintenance<T>(url: string, work: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { name, maintenanceUrl } = splitDatabaseUrl(url);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database of the URL when it does not exist; true when it was created. */
export function ensureDatabase(url: string): Promise<boolean> {
  return withMaintenance(url, async (client, name) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

/** Drops the database of the URL (tests only), closing its other connections first. */
export function dropDatabase(url: string): Promise<void> {
  if (process.env.NODE_ENV !== 'test') throw new Error('dropDatabase refuses to run unless NODE_ENV=test');
  return withMaintenance(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
