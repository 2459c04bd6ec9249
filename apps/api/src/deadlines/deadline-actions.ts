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

/** What each kind of deadline does; the features register their kinds. */
@Injectable()
export class DeadlineActions {
  private readonly actions = new Map<string, DeadlineAction>();

  register(kind: string, action: DeadlineAction): void {
    if (this.actions.has(kind)) throw new Error(`deadline kind ${kind} has two actions`);
    this.actions.set(kind, action);
  }

  get(kind: string): DeadlineAction | undefined {
    return this.actions.get(kind);
  }

  kinds(): string[] {
    return [...this.actions.keys()];
  }
}
