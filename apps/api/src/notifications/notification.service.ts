import type { Audience } from '@hundred/workflow';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { queryRows } from '../database/sql.js';
import { jobId } from '../jobs/job-catalog.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { AudienceService, type AudienceContext } from './audience.service.js';
import { Notification } from './notification.entity.js';
import { decodeTimeCursor, encodeTimeCursor, UUID_KEY } from '../common/keyset-cursor.js';

export interface NewNotification {
  userId: string;
  kind: string;
  /** Unique per notification: a second insert with the same key is ignored. */
  dedupeKey: string;
  params?: Record<string, unknown>;
  subjectType?: string | null;
  subjectId?: string | null;
}

export interface Broadcast {
  kind: string;
  audience: readonly Audience[];
  params: Record<string, unknown>;
  /** Prefix of every recipient's dedupe key: the same broadcast twice notifies nobody twice. */
  dedupePrefix: string;
  subjectType?: string | null;
  subjectId?: string | null;
  context: AudienceContext;
}

@Injectable()
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audiences: AudienceService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inserts notifications unless already there, in the caller's transaction, with an e-mail job
   * in the outbox for each new one when e-mail is configured. Returns the ids created.
   */
  async createMany(manager: EntityManager, items: NewNotification[]): Promise<string[]> {
    if (items.length === 0) return [];
    const values: unknown[] = [];
    const email = this.config.smtpUrl ? 'PENDING' : 'NONE';
    const now = this.clock.now();
    const rows = items.map((n, i) => {
      values.push(
        n.userId,
        n.kind,
        n.dedupeKey,
        JSON.stringify(n.params ?? {}),
        now,
        n.subjectType ?? null,
        n.subjectId ?? null,
        email,
      );
      const b = i * 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
    });
    const created = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO notification (user_id, kind, dedupe_key, params, created_at, subject_type, subject_id, email_state)
       VALUES ${rows.join(', ')} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      values,
    );
    if (this.config.smtpUrl && created.length > 0) {
      await this.outbox.add(
        manager,
        created.map((c) => ({
          name: 'email.send' as const,
          jobId: jobId('email', c.id),
          payload: { notificationId: c.id },
        })),
      );
    }
    return created.map((c) => c.id);
  }

  /** One notification; true when this call created it. */
  async create(n: NewNotification, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.createMany(manager, [n])).length === 1;
  }

  /** Notifies every member of the audiences once. */
  async broadcast(manager: EntityManager, b: Broadcast): Promise<string[]> {
    const users = await this.audiences.resolve(manager, b.audience, b.context);
    return this.createMany(
      manager,
      users.map((userId) => ({
        userId,
        kind: b.kind,
        dedupeKey: `${b.dedupePrefix}-${userId}`,
        params: b.params,
        subjectType: b.subjectType,
        subjectId: b.subjectId,
      })),
    );
  }

  forUser(userId: string, unreadOnly: boolean, limit: number, offset = 0): Promise<Notification[]> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit)
      .skip(offset);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  /**
   * A page of the user's notifications, newest first, after the cursor of the last one read: one
   * statement on the (user_id, created_at) index, a row more than asked to know whether another
   * page follows.
   */
  async pageForUser(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: string | null,
  ): Promise<{ items: Notification[]; nextCursor: string | null }> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (after) {
      const { at, id } = decodeTimeCursor(after, UUID_KEY);
      qb.andWhere('(n.created_at, n.id) < (:at, :id)', { at, id });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeTimeCursor(last.createdAt, last.id) : null };
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
