import type { Pool, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Rows of a raw statement. TypeORM answers UPDATE and DELETE with `[rows, rowCount]` and other
 * statements with the rows; this gives the rows either way (rows are objects, never arrays).
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = (await manager.query(sql, params)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/**
 * Rows of a named (prepared) statement, outside any transaction: PostgreSQL parses and plans it
 * once per connection instead of at every call. For the few statements nearly every request
 * sends (the session lookup); the statement still reaches TypeORM's logger like any other.
 */
export async function queryPrepared<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  dataSource.logger.logQuery(text, values);
  const result = await pool.query<T & QueryResultRow>({ name, text, values });
  return result.rows;
}
