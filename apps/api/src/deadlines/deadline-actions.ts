import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { plugIn, PlugInRegistry, type MethodDecoratorOf } from '../common/plug-ins.js';
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

/**
 * Marks the method that carries out deadlines of these kinds when they come due. Every kind of
 * `DEADLINE_KINDS` in libs/workflow needs one, or start-up fails.
 */
export function OnDeadline(kinds: string | readonly string[], options: ActionOptions = {}) {
  const list = typeof kinds === 'string' ? [kinds] : kinds;
  return plugIn(
    ...list.map((kind) => ({ key: `deadline:${kind}`, options: { ...options } })),
  ) as MethodDecoratorOf<DeadlineAction>;
}

/** What each kind of deadline does: the features' `@OnDeadline` methods. */
@Injectable()
export class DeadlineActions {
  /** Actions added at run time outside the workflow's kinds (benchmarks). */
  private readonly extra = new Map<string, { action: DeadlineAction; batchable: boolean }>();

  constructor(private readonly plugIns: PlugInRegistry) {}

  /** Adds an action for a kind no machine declares (benchmarks and probes). */
  register(kind: string, action: DeadlineAction, options: ActionOptions = {}): void {
    if (this.extra.has(kind) || this.plugIns.get(`deadline:${kind}`))
      throw new Error(`deadline kind ${kind} has two actions`);
    this.extra.set(kind, { action, batchable: options.batchable ?? true });
  }

  private find(kind: string): { action: DeadlineAction; batchable: boolean } | undefined {
    const served = this.plugIns.get(`deadline:${kind}`);
    if (served) return { action: served.handler as DeadlineAction, batchable: served.options.batchable !== false };
    return this.extra.get(kind);
  }

  get(kind: string): DeadlineAction | undefined {
    return this.find(kind)?.action;
  }

  isBatchable(kind: string): boolean {
    return this.find(kind)?.batchable ?? false;
  }

  /** Kinds that may run in one transaction with others. */
  batchableKinds(): string[] {
    return this.kinds().filter((kind) => this.isBatchable(kind));
  }

  kinds(): string[] {
    return [
      ...this.plugIns.withPrefix('deadline:').map(([key]) => key.slice('deadline:'.length)),
      ...this.extra.keys(),
    ];
  }
}
