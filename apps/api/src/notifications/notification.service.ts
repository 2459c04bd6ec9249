import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { ClockService } from '../clock/clock.service.js';
import { queryRows } from '../database/sql.js';
import { Notification } from './notification.entity.js';

export interface NewNotification {
  userId: string;
  kind: string;
  /** Unique per notification: a second insert with the same key is ignored. */
  dedupeKey: string;
  params?: Record<string, unknown>;
}

@Injectable()
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** Inserts unless already there; true when this call created it. */
  async create(n: NewNotification, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO notification (user_id, kind, dedupe_key, params, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.userId, n.kind, n.dedupeKey, JSON.stringify(n.params ?? {}), this.clock.now()],
    )) as { id: string }[];
    return rows.length === 1;
  }

  forUser(userId: string, unreadOnly: boolean, limit: number): Promise<Notification[]> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .take(limit);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Marks the user's own notifications read; ids of others are ignored. Returns how many changed. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE notification SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
       RETURNING id`,
      [userId, ids, this.clock.now()],
    );
    return rows.length;
  }
}
