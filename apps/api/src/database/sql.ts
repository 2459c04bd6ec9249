import type { EntityManager } from 'typeorm';

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
