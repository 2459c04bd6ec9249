import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { StatementCounter } from './statement-counter.js';

// A DATE is a calendar day, not an instant: keep it as the string PostgreSQL sends ('YYYY-MM-DD').
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/** The tables and the migrations of the application (listed in `manifest.ts`, not here). */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** The pool of a process: its connections, and how long a query waits for a free one. */
export interface PoolOptions {
  max: number;
  connectTimeoutMs: number;
}

export const DEFAULT_POOL: PoolOptions = { max: 20, connectTimeoutMs: 10_000 };

export function dataSourceOptions(
  databaseUrl: string,
  schema: DatabaseSchema,
  applicationName = 'hundred',
  pool: PoolOptions = DEFAULT_POOL,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: new StatementCounter(),
    // No JIT compilation: the planner's estimates of a set-based report (the dashboard) cross its
    // threshold, and compiling took seconds where running the statement took tens of milliseconds.
    // No free connection within connectTimeoutMs is an error, not an endless wait: a pool that
    // cannot serve (every connection held) fails the requests that wait, and those roll back.
    extra: { max: pool.max, connectionTimeoutMillis: pool.connectTimeoutMs, options: '-c jit=off' },
  };
}

export function createDataSource(
  databaseUrl: string,
  schema: DatabaseSchema,
  applicationName?: string,
  pool?: PoolOptions,
): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, schema, applicationName, pool));
}
