import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

import { AppError, type Subject } from '../common/app-error.js';
import { queryRows } from './sql.js';

/**
 * `UPDATE … WHERE id = $1 AND version = $2`, bumping the version, and checking that exactly one
 * row changed: zero rows is a stale version (CONFLICT) or a missing row (NOT_FOUND). The update
 * takes the row's lock itself; only a refused one costs a second statement, to tell which.
 * Returns the row as it is after the update (`hydrate` makes it an entity).
 */
export async function updateVersioned<Row extends Record<string, unknown>>(
  manager: EntityManager,
  table: string,
  subject: Subject,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<Row> {
  const columns = Object.keys(set);
  const assignments = columns.map((c, i) => `${c} = $${i + 3}`);
  const rows = await queryRows<Row>(
    manager,
    `UPDATE ${table} SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING *`,
    [id, version, ...columns.map((c) => set[c])],
  );
  if (rows.length === 1) return rows[0]!;
  const exists = await queryRows(manager, `SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  throw exists.length === 0 ? AppError.notFound() : AppError.conflict(subject);
}

/**
 * `updateVersioned` for a caller that compares the row before and after (an audit of what
 * changed): the row is locked and read first, one statement more.
 */
export async function updateVersionedWithBefore<Row extends Record<string, unknown>>(
  manager: EntityManager,
  table: string,
  subject: Subject,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<{ before: Row; after: Row }> {
  const before: Row[] = await manager.query(`SELECT * FROM ${table} WHERE id = $1 FOR NO KEY UPDATE`, [id]);
  if (before.length === 0) throw AppError.notFound();
  const after = await updateVersioned<Row>(manager, table, subject, id, version, set);
  return { before: before[0]!, after };
}

/**
 * An entity from a row as PostgreSQL returned it (`RETURNING *`, say), each column converted the
 * way TypeORM's own reads convert it.
 */
export function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = manager.connection.getMetadata(entity);
  const out = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!column.isSelect || !(column.databaseName in row)) continue;
    column.setEntityValue(out, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return out;
}

/** `DELETE … WHERE id = $1 AND version = $2`: nothing deleted is a stale version or a missing row (CONFLICT). */
export async function deleteVersioned(
  manager: EntityManager,
  table: string,
  subject: Subject,
  id: string,
  version: number,
): Promise<void> {
  const gone = await queryRows<{ id: string }>(
    manager,
    `DELETE FROM ${table} WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version],
  );
  if (gone.length !== 1) throw AppError.conflict(subject);
}
