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

export function dataSourceOptions(
  databaseUrl: string,
  schema: DatabaseSchema,
  applicationName = 'hundred',
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
    extra: { max: 20, options: '-c jit=off' },
  };
}

export function createDataSource(databaseUrl: string, schema: DatabaseSchema, applicationName?: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, schema, applicationName));
}
