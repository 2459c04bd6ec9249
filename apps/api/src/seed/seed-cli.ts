import 'reflect-metadata';

import { loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-data.js';
import { seed } from './seed.js';

/** `node dist/seed/seed-cli.js`: loads the demo data into the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseUrl, 'hundred-seed').initialize();
  try {
    await seed(dataSource, config.argon2MemoryKib);
    console.log(`Demo data ready: ${DEMO_AGENCIES.length} agencies, ${DEMO_USERS.length} demo users.`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
