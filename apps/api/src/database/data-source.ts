import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { AuditEvent } from '../audit/audit-event.entity.js';
import { Agency } from '../identity/agency.entity.js';
import { Session } from '../identity/session.entity.js';
import { User } from '../identity/user.entity.js';
import { Foundation1763900000000 } from '../migrations/1763900000000-foundation.js';
import { Workflow1763910000000 } from '../migrations/1763910000000-workflow.js';
import { Challenges1763920000000 } from '../migrations/1763920000000-challenges.js';
import { TeamWork1763930000000 } from '../migrations/1763930000000-team-work.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { AlignmentNode } from '../alignment/alignment-node.entity.js';
import { Challenge } from '../challenges/challenge.entity.js';
import { Team } from '../teams/team.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { StatementCounter } from './statement-counter.js';

// A DATE is a calendar day, not an instant: keep it as the string PostgreSQL sends ('YYYY-MM-DD').
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/** Every entity and every migration, listed explicitly (no globs: the same list in tests and builds). */
export const ENTITIES = [
  Agency,
  User,
  Session,
  AuditEvent,
  OutboxMessage,
  Notification,
  Cohort,
  AlignmentNode,
  Challenge,
  Team,
];
export const MIGRATIONS = [
  Foundation1763900000000,
  Workflow1763910000000,
  Challenges1763920000000,
  TeamWork1763930000000,
];

export function dataSourceOptions(databaseUrl: string, applicationName = 'hundred'): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: new StatementCounter(),
    extra: { max: 20 },
  };
}

export function createDataSource(databaseUrl: string, applicationName?: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, applicationName));
}
