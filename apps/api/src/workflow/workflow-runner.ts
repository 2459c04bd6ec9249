import {
  apply,
  NOT_YET_SERVED,
  type Caller,
  type DeadlineGroup,
  type Effect,
  type Machine,
  type MachineName,
} from '@hundred/workflow';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError, type Subject } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { plugIn, PlugInRegistry, type MethodDecoratorOf } from '../common/plug-ins.js';
import { queryRows } from '../database/sql.js';
import { refusalError } from './refusals.js';
import type { AudienceContext } from '../notifications/audience.service.js';
import { NotificationService } from '../notifications/notification.service.js';

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
  notice: (row: WorkflowRow) => {
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

type EffectDecorator = MethodDecoratorOf<EffectHandler>;
type OwnEffect = Exclude<Effect['type'], 'notify' | 'cascade' | 'scheduleDeadlines' | 'cancelDeadlines'>;

/** Marks the method that carries out an effect (createTeam, freezeTargets, …) on a machine's objects. */
export const OnEffect = (machine: MachineName, effect: OwnEffect): EffectDecorator =>
  plugIn({ key: `effect:${machine}:${effect}` });

/** Marks the method that schedules these deadline groups for a machine's objects. */
export const SchedulesDeadlines = (machine: MachineName, ...groups: DeadlineGroup[]): EffectDecorator =>
  plugIn(...groups.map((g) => ({ key: `schedule:${machine}:${g}` })));

/** Marks the method that cancels a machine's objects' deadlines (a group, or ALL). */
export const CancelsDeadlines = (machine: MachineName): EffectDecorator => plugIn({ key: `cancel:${machine}` });

/** Marks the method that carries a machine's transition to objects of another (e.g. the cohort's LAUNCH to its teams). */
export const Cascades = (machine: MachineName, to: MachineName): EffectDecorator =>
  plugIn({ key: `cascade:${machine}:${to}` });

/** The plug-in point an effect of a machine's transition needs (as libs/workflow names them). */
export function effectKey(machine: MachineName, effect: Effect): string {
  switch (effect.type) {
    case 'cascade':
      return `cascade:${machine}:${effect.machine}`;
    case 'scheduleDeadlines':
      return `schedule:${machine}:${effect.group}`;
    case 'cancelDeadlines':
      return `cancel:${machine}`;
    default:
      return `effect:${machine}:${effect.type}`;
  }
}

/**
 * The one transition runner of every aggregate. In the caller's transaction: lock the row, check
 * the version, ask libs/workflow, a conditional update on id and version that must change exactly
 * one row, the history row, the audit row, and the effects (deadlines, cascades, notifications
 * through the outbox). A refusal changes nothing.
 */
@Injectable()
export class WorkflowRunner {
  private readonly logger = new Logger(WorkflowRunner.name);
  private readonly skipped = new Set<string>();

  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly plugIns: PlugInRegistry,
  ) {}

  /** Fires a transition inside the caller's transaction (every caller opens one; cascades share it). */
  async fire<S extends string, E extends string, C>(
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
    if (!result.ok) throw refusalError(result, req.subject, state);

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
    const { params, audience, link } = req.notice(after);
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
    for (const effect of result.effects) await this.carryOut(manager, req.machine.name, effect, effectCtx);
    return done;
  }

  private async carryOut(
    manager: EntityManager,
    machine: MachineName,
    effect: Effect,
    ctx: EffectContext,
  ): Promise<void> {
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
    const key = effectKey(machine, effect);
    const served = this.plugIns.get(key);
    if (!served) {
      // Start-up refuses anything else: this belongs to a feature the machine table marks as not yet built.
      if (!NOT_YET_SERVED.includes(key)) throw new Error(`no handler for ${key}`);
      if (!this.skipped.has(key)) {
        this.skipped.add(key);
        this.logger.log({ effect: key }, 'Effect of a feature not yet built: nothing to do');
      }
      return;
    }
    await (served.handler as EffectHandler)(manager, effect, ctx);
  }
}
