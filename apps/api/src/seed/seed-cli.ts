import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { createAppDataSource } from '../manifest.js';
import { JsonLogger } from '../logging/json-logger.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { REDIS } from '../redis/redis.js';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-data.js';
import { seedReviews } from './demo-reviews.js';
import { seedResults } from './demo-results.js';
import { seedWorkflow } from './demo-workflow.js';
import { seed } from './seed.js';

/** `node dist/seed/seed-cli.js`: loads the demo data into the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createAppDataSource(config.databaseUrl, 'hundred-seed').initialize();
  try {
    await seed(dataSource, config.argon2MemoryKib);
  } finally {
    await dataSource.destroy();
  }
  // Cohorts, challenges and teams go through the services, as people would have made them.
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config, 'api'), {
    logger: new JsonLogger('warn', { role: 'seed' }),
  });
  try {
    const created = await seedWorkflow(app, config.argon2MemoryKib);
    // The mid-point review: reviewers of the first cohort, and a third cohort past its mid-point.
    const reviewed = await seedReviews(app, config.argon2MemoryKib);
    // Day 100 and after: a cohort in sustainment and one writing its reports.
    const results = await seedResults(app, config.argon2MemoryKib);
    await app.get(OutboxService).relayAll();
    console.log(
      `Demo data ready: ${DEMO_AGENCIES.length} agencies, ${DEMO_USERS.length} demo sign-ins` +
        (created ? ', two cohorts with their challenges and teams' : ' (cohorts already there)') +
        (reviewed ? ', a cohort past its mid-point review' : '') +
        (results ? ', a cohort in sustainment and one writing its day-100 reports.' : '.'),
    );
  } finally {
    const ds = app.get(DataSource);
    const redis = app.get<Redis>(REDIS);
    await app.close();
    await ds.destroy();
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
