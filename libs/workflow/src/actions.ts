import { can, type Action as Permission, type Actor, type Resource } from '@hundred/domain';

import type { Guard } from './core.js';

/**
 * Writes on a workflow object that are not transitions (a check-in, a member added, a goal edited):
 * who may do each (a permission of `can()` in libs/domain), in which states of the object, and the
 * guards it needs. The API asks `checkAction` inside the write's transaction, with the state read
 * under the row lock; the same table gives the web, through `permittedActions`, what the user may
 * do now.
 */
export interface ActionRule<S extends string, A extends string, C> {
  readonly action: A;
  /** Who may do it, as libs/domain's permission function decides. */
  readonly permission: Permission;
  /** The object's states in which it may be done. */
  readonly states: readonly S[];
  /** The guard named in the refusal when the state does not allow it (`STATE` unless told). */
  readonly refusedAs?: string;
  /** Guards over the context and the object's state. */
  readonly guards: readonly Guard<C & { readonly state: S }>[];
}

export interface ActionTable<S extends string, A extends string, C> {
  /** The object the actions are on (as refusals name it). */
  readonly subject: string;
  readonly actions: readonly A[];
  /** Guards every action needs, checked before the object's state (e.g. its cohort still open). */
  readonly before?: readonly Guard<C>[];
  readonly rules: readonly ActionRule<S, A, C>[];
}

/** The object an action is on, as the permission function and the state check see it. */
export interface ActionSubject<S extends string> {
  readonly state: S;
  readonly resource: Resource;
}

export type ActionResult =
  | { readonly ok: true }
  /** The user may not do this to this object (or it does not exist for them). */
  | { readonly ok: false; readonly code: 'FORBIDDEN'; readonly action: string }
  /** Not in this state: `guard` is `STATE` or the rule's own name for it. */
  | {
      readonly ok: false;
      readonly code: 'NOT_ALLOWED';
      readonly guard: string;
      readonly failed: readonly string[];
      readonly state: string;
      readonly action: string;
    };

export function ruleOf<S extends string, A extends string, C>(
  table: ActionTable<S, A, C>,
  action: A,
): ActionRule<S, A, C> {
  const rule = table.rules.find((r) => r.action === action);
  if (!rule) throw new Error(`${table.subject} has no rule for ${action}`);
  return rule;
}

/** Whether this actor may do this action on the object now; a typed refusal otherwise. Pure. */
export function checkAction<S extends string, A extends string, C>(
  table: ActionTable<S, A, C>,
  action: A,
  actor: Actor | null,
  subject: ActionSubject<S>,
  ctx: C,
): ActionResult {
  const rule = ruleOf(table, action);
  if (!can(actor, rule.permission, subject.resource)) return { ok: false, code: 'FORBIDDEN', action };
  const first = (table.before ?? []).filter((g) => !g.holds(ctx)).map((g) => g.name);
  if (first.length > 0)
    return { ok: false, code: 'NOT_ALLOWED', guard: first[0]!, failed: first, state: subject.state, action };
  if (!rule.states.includes(subject.state)) {
    const guard = rule.refusedAs ?? 'STATE';
    return { ok: false, code: 'NOT_ALLOWED', guard, failed: [guard], state: subject.state, action };
  }
  const failed = rule.guards.filter((g) => !g.holds({ ...ctx, state: subject.state })).map((g) => g.name);
  if (failed.length > 0)
    return { ok: false, code: 'NOT_ALLOWED', guard: failed[0]!, failed, state: subject.state, action };
  return { ok: true };
}

/** Every action this actor may do on the object now, in the table's order. */
export function permittedActions<S extends string, A extends string, C>(
  table: ActionTable<S, A, C>,
  actor: Actor | null,
  subject: ActionSubject<S>,
  ctx: C,
): A[] {
  return table.actions.filter((a) => checkAction(table, a, actor, subject, ctx).ok);
}
