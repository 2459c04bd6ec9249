import { COHORT_STATES, type CohortState, type Effect } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AppError } from '../common/app-error.js';
import { queryRows } from '../database/sql.js';
import { OnDeadline, type DeadlineOutcome } from '../deadlines/deadline-actions.js';
import { DeadlineService, type DeadlineRow } from '../deadlines/deadline.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CancelsDeadlines, type EffectContext } from '../workflow/workflow-runner.js';
import { CohortService, EVENT_OF_KIND, fromStateOf, REMINDERS, TRANSITION_KIND } from './cohort.service.js';

const stateIndex = (s: string) => COHORT_STATES.indexOf(s as CohortState);

/**
 * What the cohort's deadlines do when they fire. A scheduled transition catches up: every
 * transition of the cohort that is due runs in calendar order, so moving the clock past several
 * phases at once walks through them one by one; the first that is blocked stops the walk and is
 * checked again daily, and the office and leadership are told what blocks it.
 */
@Injectable()
export class CohortDeadlines {
  constructor(
    private readonly deadlines: DeadlineService,
    private readonly cohorts: CohortService,
    private readonly notifications: NotificationService,
  ) {}

  @CancelsDeadlines('cohort')
  async cancelDeadlines(m: EntityManager, effect: Effect, ctx: EffectContext): Promise<void> {
    if (effect.type !== 'cancelDeadlines') return;
    // The cohort's end (closed or cancelled) ends every deadline in it.
    // The deadline firing this transition (when the scheduler fires it) is settled by its handler.
    const firing =
      ctx.caller.kind === 'scheduler' ? TRANSITION_KIND[ctx.done.event as keyof typeof TRANSITION_KIND] : undefined;
    if (effect.group === 'ALL') await this.deadlines.cancelCohort(m, ctx.id, firing);
    else await this.deadlines.cancel(m, 'cohort', ctx.id, effect.group);
  }

  /** The cohort's reminders (intake closing, launch): told unless the cohort moved past them. */
  @OnDeadline(Object.keys(REMINDERS))
  reminder(m: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const r = REMINDERS[d.kind as keyof typeof REMINDERS];
    return this.remind(m, d, r.states, r.audience);
  }

  /** A scheduled transition: runs alone (it locks the cohort first), catching up on every due one. */
  @OnDeadline(Object.values(TRANSITION_KIND), { batchable: false })
  async catchUp(manager: EntityManager, fired: DeadlineRow, now: Date): Promise<DeadlineOutcome> {
    // Lock the cohort first, then its deadlines: the same order as a transition fired by hand.
    await manager.query(`SELECT id FROM cohort WHERE id = $1 FOR NO KEY UPDATE`, [fired.cohort_id]);
    const due = await queryRows<DeadlineRow>(
      manager,
      `SELECT * FROM deadline WHERE subject_type = 'cohort' AND subject_id = $1 AND state = 'PENDING'
          AND kind = ANY($2) AND original_due_at <= $3 ORDER BY original_due_at, kind FOR UPDATE`,
      [fired.cohort_id, Object.values(TRANSITION_KIND), now],
    );
    // In the order of the phases (a calendar being fixed may not have its dates in order yet).
    due.sort(
      (a, b) => stateIndex(fromStateOf(EVENT_OF_KIND[a.kind]!)) - stateIndex(fromStateOf(EVENT_OF_KIND[b.kind]!)),
    );
    let stopped = false;
    for (const d of due) {
      // Once one is blocked, the later ones wait for it (checked again with it), without a word.
      const outcome: DeadlineOutcome = stopped
        ? { status: 'BLOCKED', blockedBy: ['STATE'], notify: false }
        : await this.tryTransition(manager, d);
      if (outcome.status === 'FIRED' || outcome.status === 'SKIPPED') {
        // The transition may already have settled it as superseded; settle only what is still pending.
        await manager.query(
          `UPDATE deadline SET state = $2, settled_at = $3, blocked_by = NULL WHERE id = $1 AND state = 'PENDING'`,
          [d.id, outcome.status, now],
        );
      } else if (outcome.status === 'BLOCKED') {
        const changed = [...outcome.blockedBy].sort().join() !== [...(d.blocked_by ?? [])].sort().join();
        await this.deadlines.recheckLater(manager, d, outcome.blockedBy);
        if (outcome.notify && changed) await this.notifyBlocked(manager, d, outcome.blockedBy);
        stopped = true;
      }
    }
    return { status: 'HANDLED' };
  }

  private async tryTransition(manager: EntityManager, d: DeadlineRow): Promise<DeadlineOutcome> {
    const event = EVENT_OF_KIND[d.kind]!;
    const [cohort] = await queryRows<{ state: CohortState }>(manager, `SELECT state FROM cohort WHERE id = $1`, [
      d.cohort_id,
    ]);
    if (!cohort) return { status: 'SKIPPED' };
    const from = fromStateOf(event);
    if (cohort.state === 'CANCELLED' || cohort.state === 'CLOSED' || stateIndex(cohort.state) > stateIndex(from)) {
      return { status: 'SKIPPED' }; // already past it
    }
    if (stateIndex(cohort.state) < stateIndex(from)) return { status: 'BLOCKED', blockedBy: ['STATE'], notify: false };
    try {
      await this.cohorts.fireIn(manager, d.cohort_id, null, event, { kind: 'scheduler' });
      return { status: 'FIRED' };
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_ALLOWED') {
        const failed = (err.details.failed as string[] | undefined) ?? [String(err.details.guard)];
        return { status: 'BLOCKED', blockedBy: failed, notify: true };
      }
      throw err;
    }
  }

  private async remind(
    manager: EntityManager,
    d: DeadlineRow,
    states: readonly string[],
    audience: readonly ('FOCAL_POINTS_WITH_DRAFTS' | 'ALL_TEAMS')[],
  ): Promise<DeadlineOutcome> {
    const [row] = await queryRows<Record<string, unknown> & { id: string; state: string; version: number }>(
      manager,
      `SELECT * FROM cohort WHERE id = $1`,
      [d.cohort_id],
    );
    if (!row || !states.includes(row.state)) return { status: 'SKIPPED' };
    const { params } = this.cohorts.noticeOf(row);
    await this.notifications.broadcast(manager, {
      kind: d.kind,
      audience,
      params,
      dedupePrefix: `deadline-${d.id}`,
      subjectType: 'cohort',
      subjectId: d.cohort_id,
      context: { cohortId: d.cohort_id },
    });
    return { status: 'FIRED' };
  }

  private async notifyBlocked(manager: EntityManager, d: DeadlineRow, blockedBy: string[]): Promise<void> {
    const [row] = await queryRows<Record<string, unknown> & { id: string; state: string; version: number }>(
      manager,
      `SELECT * FROM cohort WHERE id = $1`,
      [d.cohort_id],
    );
    if (!row) return;
    await this.notifications.broadcast(manager, {
      kind: 'COHORT_TRANSITION_BLOCKED',
      audience: ['OFFICE', 'LEADERSHIP'],
      params: { ...this.cohorts.noticeOf(row).params, event: EVENT_OF_KIND[d.kind], blockers: blockedBy },
      dedupePrefix: `blocked-${d.id}-${d.checks}`,
      subjectType: 'cohort',
      subjectId: d.cohort_id,
      context: { cohortId: d.cohort_id },
    });
  }
}
