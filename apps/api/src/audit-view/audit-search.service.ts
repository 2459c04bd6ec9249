import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { decodeTimeCursor, encodeTimeCursor } from '../common/keyset-cursor.js';
import { AuditEvent } from '../audit/audit-event.entity.js';

/** What the audit trail is searched by; every part optional, all of them together (AND). */
export interface AuditFilter {
  /** An object: its type (`team`, `challenge`, `user`, …) and, optionally, its id. */
  subjectType?: string | null;
  subjectId?: string | null;
  /** Whose actions. */
  actorId?: string | null;
  /** An action (`team.check_in_acknowledged`), or every action of a kind with a trailing `.*` (`team.*`). */
  action?: string | null;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date | null;
  to?: Date | null;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

/** A position in the trail, newest first: the (occurred_at, id) of the last event read. */
export const encodeCursor = (e: Pick<AuditEvent, 'occurredAt' | 'id'>): string => encodeTimeCursor(e.occurredAt, e.id);

export const decodeCursor = (cursor: string): { at: Date; id: string } => decodeTimeCursor(cursor, /^\d{1,19}$/);

const COLUMNS = `id, occurred_at AS "occurredAt", actor_id AS "actorId", action, subject_type AS "subjectType",
  subject_id AS "subjectId", from_state AS "fromState", to_state AS "toState", reason, data, ip`;

/**
 * The audit trail searched (office only; the resolver checks it). One statement per page, keyset
 * on (occurred_at, id) newest first, each filter served by an index. Reusable as it is: an export
 * calls `page` with the same filter and follows `nextCursor`.
 */
@Injectable()
export class AuditSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: AuditFilter, limit: number, after?: string | null): Promise<AuditPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.subjectType) add((p) => `subject_type = ${p}`, filter.subjectType);
    if (filter.subjectId) add((p) => `subject_id = ${p}`, filter.subjectId);
    if (filter.actorId) add((p) => `actor_id = ${p}`, filter.actorId);
    if (filter.action?.endsWith('.*')) {
      // A prefix, its LIKE wildcards escaped.
      const prefix = filter.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`);
      add((p) => `action LIKE ${p}`, `${prefix}%`);
    } else if (filter.action) add((p) => `action = ${p}`, filter.action);
    if (filter.from) add((p) => `occurred_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `occurred_at < ${p}`, filter.to);
    if (after) {
      const { at, id } = decodeCursor(after);
      params.push(at, id);
      where.push(`(occurred_at, id) < ($${params.length - 1}, $${params.length}::bigint)`);
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as AuditEvent[];
    const items = rows.slice(0, limit).map((r) => ({ ...r, id: String(r.id) }));
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
  }

  /** Every event the filter finds, newest first, read page by page (for an export of any length). */
  async *each(filter: AuditFilter, pageSize = 500): AsyncGenerator<AuditEvent> {
    let after: string | null = null;
    do {
      const page: AuditPage = await this.page(filter, pageSize, after);
      yield* page.items;
      after = page.nextCursor;
    } while (after);
  }
}
