import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { DeadlineRow } from './deadline.service.js';

/** What firing a deadline came to. */
export type DeadlineOutcome =
  /** It did what it is for (a transition, a reminder, an escalation). */
  | { status: 'FIRED' }
  /** Nothing to do any more (the obligation was met, or the object moved on). */
  | { status: 'SKIPPED' }
  /** It cannot act yet: check again a day later. `notify`: the office and leadership should hear why. */
  | { status: 'BLOCKED'; blockedBy: string[]; notify: boolean }
  /** The action settled this and other deadlines itself (e.g. a cohort catching up on due transitions). */
  | { status: 'HANDLED' };

export type DeadlineAction = (manager: EntityManager, deadline: DeadlineRow, now: Date) => Promise<DeadlineOutcome>;

export interface ActionOptions {
  /**
   * Whether it may run in one transaction with other due deadlines (the default). Actions that
   * lock objects of their own (a cohort's transitions) run alone, so locks are taken in one order.
   */
  batchable?: boolean;
}

/** What each kind of deadline does; the features register their kinds. */
@Injectable()
export class DeadlineActions {
  private readonly actions = new Map<string, { action: DeadlineAction; batchable: boolean }>();

  register(kind: string, action: DeadlineAction, options: ActionOptions = {}): void {
    if (this.actions.has(kind)) throw new Error(`deadline kind ${kind} has two actions`);
    this.actions.set(kind, { action, batchable: options.batchable ?? true });
  }

  get(kind: string): DeadlineAction | undefined {
    return this.actions.get(kind)?.action;
  }

  isBatchable(kind: string): boolean {
    return this.actions.get(kind)?.batchable ?? false;
  }

  /** Kinds that must run alone. */
  solitaryKinds(): string[] {
    return [...this.actions].filter(([, a]) => !a.batchable).map(([kind]) => kind);
  }

  kinds(): string[] {
    return [...this.actions.keys()];
  }
}
