import { apply, type Caller, type Effect, type Machine } from '@hundred/workflow';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { ClockService } from '../clock/clock.service.js';
import { AppError, type Subject } from '../common/app-error.js';
import { queryRows } from '../database/sql.js';
import type { AudienceContext } from '../notifications/audience.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';

/** A row of a workflow table: at least its id, state and version. */
export interface WorkflowRow {
  id: string;
  state: string;
  version: number;
  [column: string]: unknown;
}

export interface TransitionRequest<S extends string, E extends string, C> {
  machine: Machine<S, E, C>;
  subject: Subject;
  /** The table of the aggregate (trusted: a constant of the calling service). */
  table: string;
  id: string;
  /** The version the caller read; null when the scheduler or a cascade acts on the current one. */
  expectedVersion: number | null;
  event: E;
  caller: Caller;
  reason?: string | null;
  /** Extra details kept in the history and audit rows (e.g. the decision). */
  data?: Record<string, unknown>;
  ip?: string | null;
  /** The guards' context, built from the locked row inside the transaction. */
  context: (manager: EntityManager, row: WorkflowRow) => Promise<C>;
  /** Columns to set together with the state (e.g. the decision). Keys are trusted column names. */
  set?: (to: S) => Record<string, unknown>;
  /**
   * Names and links for notifications, and whom an audience means for this object. `link` names the
   * object a notification opens when it is not the subject itself (a change request opens its team).
   */
  describe: (row: WorkflowRow) => {
    params: Record<string, unknown>;
    audience: AudienceContext;
    link?: { subjectType: string; subjectId: string };
  };
}

export interface TransitionDone<S extends string = string, E extends string = string> {
  id: string;
  event: E;
  from: S;
  to: S;
  version: number;
  historyId: string;
  effects: readonly Effect[];
}

/** What an effect handler knows about the transition that caused it. */
export interface EffectContext {
  subject: Subject;
  id: string;
  row: WorkflowRow;
  done: TransitionDone;
  caller: Caller;
  actorId: string | null;
  reason: string | null;
  params: Record<string, unknown>;
  audience: AudienceContext;
  /** The object the notifications open. */
  link: { subjectType: string; subjectId: string };
}

export type EffectHandler = (manager: EntityManager, effect: Effect, ctx: EffectContext) => Promise<void>;

/**
 * The one transition runner of every aggregate. In the caller's transaction: lock the row, check
 * the version, ask libs/workflow, a conditional update on id and version that must change exactly
 * one row, the history row, the audit row, and the effects (deadlines, cascades, notifications
 * through the outbox). A refusal changes nothing.
 */
@Injectable()
export class WorkflowRunner {
  private readonly logger = new Logger(WorkflowRunner.name);
  private readonly handlers = new Map<string, EffectHandler>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Registers how an effect is carried out for a subject. Key: `<subject>:<effect type>` or, for
   * cascades, `<subject>:cascade:<machine>`.
   */
  register(key: string, handler: EffectHandler): void {
    if (this.handlers.has(key)) throw new Error(`effect ${key} has two handlers`);
    this.handlers.set(key, handler);
  }

  hasHandler(key: string): boolean {
    return this.handlers.has(key);
  }

  /** Runs a transition in its own transaction and relays its outbox after the commit. */
  async transition<S extends string, E extends string, C>(
    req: TransitionRequest<S, E, C>,
  ): Promise<TransitionDone<S, E>> {
    const done = await this.dataSource.transaction((manager) => this.run(manager, req));
    await this.outbox.relayNow();
    return done;
  }

  /** Runs a transition inside the caller's transaction (cascades, scheduled transitions). */
  async run<S extends string, E extends string, C>(
    manager: EntityManager,
    req: TransitionRequest<S, E, C>,
  ): Promise<TransitionDone<S, E>> {
    const [row] = await queryRows<WorkflowRow>(manager, `SELECT * FROM ${req.table} WHERE id = $1 FOR NO KEY UPDATE`, [
      req.id,
    ]);
    if (!row) throw AppError.notFound();
    if (req.expectedVersion !== null && row.version !== req.expectedVersion) throw AppError.conflict(req.subject);
    const state = row.state as S;
    const ctx = await req.context(manager, row);
    const result = apply(req.machine, state, req.event, req.caller, ctx);
    if (!result.ok) {
      if (result.code === 'FORBIDDEN') throw AppError.forbidden();
      if (result.guard === 'STATE') {
        throw new AppError(
          'NOT_ALLOWED',
          'error.notAllowedState',
          { event: req.event, state, subject: `subject.${req.subject}` },
          [],
          { guard: 'STATE', failed: ['STATE'], state, event: req.event },
        );
      }
      const failed = 'failed' in result ? result.failed : [result.guard];
      throw new AppError('NOT_ALLOWED', 'error.notAllowed', { guard: `guard.${result.guard}` }, [], {
        guard: result.guard,
        failed,
        event: req.event,
      });
    }

    const extra = req.set?.(result.to) ?? {};
    const columns = Object.keys(extra);
    const updated = await queryRows<WorkflowRow>(
      manager,
      `UPDATE ${req.table} SET state = $3, version = version + 1, updated_at = now()${columns
        .map((c, i) => `, ${c} = $${i + 4}`)
        .join('')} WHERE id = $1 AND version = $2 RETURNING *`,
      [req.id, row.version, result.to, ...columns.map((c) => extra[c])],
    );
    if (updated.length !== 1) throw AppError.conflict(req.subject);
    const after = updated[0]!;

    const actorId = req.caller.kind === 'user' ? req.caller.actor.id : null;
    const reason = req.reason?.trim() || null;
    const [history] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO transition_history (subject_type, subject_id, event, from_state, to_state, actor_id, caller, reason, data, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) RETURNING id`,
      [
        req.subject,
        req.id,
        req.event,
        state,
        result.to,
        actorId,
        req.caller.kind,
        reason,
        JSON.stringify(req.data ?? {}),
        this.clock.now(),
      ],
    );
    await this.audit.record(manager, {
      actorId,
      action: `${req.subject}.${req.event.toLowerCase()}`,
      subjectType: req.subject,
      subjectId: req.id,
      fromState: state,
      toState: result.to,
      reason,
      data: { caller: req.caller.kind, ...req.data },
      ip: req.ip ?? null,
    });

    const done: TransitionDone<S, E> = {
      id: req.id,
      event: req.event,
      from: state,
      to: result.to,
      version: after.version,
      historyId: history!.id,
      effects: result.effects,
    };
    const { params, audience, link } = req.describe(after);
    const effectCtx: EffectContext = {
      subject: req.subject,
      id: req.id,
      row: after,
      done,
      caller: req.caller,
      actorId,
      reason,
      params: { ...params, reason },
      audience: { ...audience, actorId },
      link: link ?? { subjectType: req.subject, subjectId: req.id },
    };
    for (const effect of result.effects) await this.carryOut(manager, effect, effectCtx);
    return done;
  }

  private async carryOut(manager: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type === 'notify') {
      await this.notifications.broadcast(manager, {
        kind: effect.template,
        audience: effect.audience,
        params: ctx.params,
        dedupePrefix: `t${ctx.done.historyId}`,
        subjectType: ctx.link.subjectType,
        subjectId: ctx.link.subjectId,
        context: ctx.audience,
      });
      return;
    }
    const key =
      effect.type === 'cascade' ? `${ctx.subject}:cascade:${effect.machine}` : `${ctx.subject}:${effect.type}`;
    const handler = this.handlers.get(key);
    if (!handler) {
      // The feature that owns this effect's objects is not part of this build: nothing to act on.
      if (!this.warned.has(key)) {
        this.warned.add(key);
        this.logger.warn({ effect: key }, 'No handler registered for this effect; nothing done');
      }
      return;
    }
    await handler(manager, effect, ctx);
  }
}
