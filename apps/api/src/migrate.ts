import 'reflect-metadata';

import { loadConfig } from './config/config.js';
import { ensureDatabase } from './database/admin.js';
import { createAppDataSource } from './manifest.js';

/** `node dist/migrate.js`: creates the database if missing and applies pending migrations. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (await ensureDatabase(config.databaseUrl)) console.log('Created the database.');
  const dataSource = await createAppDataSource(config.databaseUrl, 'hundred-migrate').initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}.` : 'The schema is up to date.');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
