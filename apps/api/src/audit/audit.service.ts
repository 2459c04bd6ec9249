import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes audit events, always inside the transaction of the change they describe. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (occurred_at, actor_id, action, subject_type, subject_id, from_state, to_state, reason, data, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
      [
        this.clock.now(),
        entry.actorId,
        entry.action,
        entry.subjectType,
        entry.subjectId ?? null,
        entry.fromState ?? null,
        entry.toState ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.data ?? {}),
        entry.ip ?? null,
      ],
    );
  }
}
