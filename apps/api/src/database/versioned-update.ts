import type { EntityManager } from 'typeorm';

import { AppError, type Subject } from '../common/app-error.js';
import { queryRows } from './sql.js';

/**
 * `UPDATE … WHERE id = $1 AND version = $2`, bumping the version, and checking that exactly one
 * row changed: zero rows is a stale version (CONFLICT) or a missing row (NOT_FOUND).
 * Returns the row as it was before the update and after it.
 */
export async function updateVersioned<Row extends Record<string, unknown>>(
  manager: EntityManager,
  table: string,
  subject: Subject,
  id: string,
  version: number,
  set: Record<string, unknown>,
): Promise<{ before: Row; after: Row }> {
  const before: Row[] = await manager.query(`SELECT * FROM ${table} WHERE id = $1 FOR NO KEY UPDATE`, [id]);
  if (before.length === 0) throw AppError.notFound();
  const columns = Object.keys(set);
  const assignments = columns.map((c, i) => `${c} = $${i + 3}`);
  const rows = await queryRows<Row>(
    manager,
    `UPDATE ${table} SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING *`,
    [id, version, ...columns.map((c) => set[c])],
  );
  if (rows.length !== 1) throw AppError.conflict(subject);
  return { before: before[0]!, after: rows[0]! };
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
