import type { Actor } from '@hundred/domain';

import { checkAction, type ActionSubject } from './actions.js';
import { assessmentMachine } from './review.machine.js';
import { challengeMachine } from './challenge.machine.js';
import { changeRequestMachine } from './change-request.machine.js';
import { cohortMachine } from './cohort.machine.js';
import { agencyFocalPoint, callerMatches, type Caller, type Firer, type Machine, type Transition } from './core.js';
import { teamActions, type TeamAction, type TeamActionContext } from './team.actions.js';
import { teamMachine } from './team.machine.js';

/**
 * The tasks of "My tasks" (PRODUCT.md section 6): what a user must do now. Each kind is one or
 * more transitions of a machine, or one action of an action table, so whether a user has a task
 * is whether they may fire that event (or do that action) on the object now — the same answer the
 * object's `availableEvents` / `permittedActions` give, never a second copy of the rule.
 */
export const TASK_KINDS = [
  'SCREEN_CHALLENGE',
  'DECIDE_CHALLENGE',
  'REVISE_CHALLENGE',
  'APPROVE_GOALS',
  'SUBMIT_GOALS',
  'CHECK_IN',
  'REVIEW_CHECK_IN',
  'ASSIGN_REVIEWERS',
  'SUBMIT_ASSESSMENT',
  'DECIDE_MIDPOINT',
  'DECIDE_CHANGE',
  'SUBMIT_FINAL_REPORT',
  'RECORD_OUTCOME',
  'DRAFT_PLAN',
  'SIGN_PLEDGE',
  'REPORT_CHECKPOINT',
  'RESOLVE_BLOCKED_TRANSITION',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a task is about, as the API names its objects. */
export type TaskSubject = 'challenge' | 'team' | 'assessment' | 'changeRequest' | 'cohort';

/** A task done by firing one of `events` (any one of them does it). */
export interface TransitionTaskRule {
  readonly kind: TaskKind;
  readonly subject: TaskSubject;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of machines of different contexts
  readonly machine: Machine<string, string, any>;
  readonly events: readonly string[];
  /**
   * Guards of those events that say whether the task is there at all now (a leader who already
   * approved has nothing left to do; a review not open yet cannot be scored). The other guards are
   * what doing the task answers (a comment, the rubric, a decision) and do not hide it.
   */
  readonly requires?: readonly string[];
  /** Only from these of the events' states (default: every state they fire from). */
  readonly only?: readonly string[];
  /**
   * Whose task it is among those who may fire the events (default: all of them). The office may
   * resubmit a returned challenge too, but it is the agency that is asked to.
   */
  readonly for?: readonly Firer[];
}

/** A task done by an action of the team's action table. */
export interface ActionTaskRule {
  readonly kind: TaskKind;
  readonly subject: 'team';
  readonly action: TeamAction;
}

export type TaskRule = TransitionTaskRule | ActionTaskRule;

export const TASK_RULES: Readonly<Record<TaskKind, TaskRule>> = {
  SCREEN_CHALLENGE: {
    kind: 'SCREEN_CHALLENGE',
    subject: 'challenge',
    machine: challengeMachine,
    events: ['START_SCREENING', 'RECOMMEND', 'RETURN', 'DECLINE'],
  },
  DECIDE_CHALLENGE: {
    kind: 'DECIDE_CHALLENGE',
    subject: 'challenge',
    machine: challengeMachine,
    events: ['APPROVE', 'REJECT', 'DEFER'],
    requires: ['NOT_ALREADY_APPROVED_BY_YOU'],
  },
  REVISE_CHALLENGE: {
    kind: 'REVISE_CHALLENGE',
    subject: 'challenge',
    machine: challengeMachine,
    // Only the returned ones: a draft is the agency's own work in progress, not something asked of it.
    events: ['SUBMIT'],
    requires: ['COHORT_OPEN_FOR_INTAKE'],
    only: ['RETURNED'],
    for: [agencyFocalPoint],
  },
  APPROVE_GOALS: {
    kind: 'APPROVE_GOALS',
    subject: 'team',
    machine: teamMachine,
    events: ['APPROVE_GOALS', 'RETURN_GOALS'],
  },
  SUBMIT_GOALS: { kind: 'SUBMIT_GOALS', subject: 'team', machine: teamMachine, events: ['SUBMIT_GOALS'] },
  CHECK_IN: { kind: 'CHECK_IN', subject: 'team', action: 'CHECK_IN' },
  REVIEW_CHECK_IN: { kind: 'REVIEW_CHECK_IN', subject: 'team', action: 'REVIEW_CHECK_IN' },
  ASSIGN_REVIEWERS: { kind: 'ASSIGN_REVIEWERS', subject: 'team', action: 'ASSIGN_REVIEWER' },
  SUBMIT_ASSESSMENT: {
    kind: 'SUBMIT_ASSESSMENT',
    subject: 'assessment',
    machine: assessmentMachine,
    events: ['SUBMIT'],
    requires: ['REVIEW_OPEN'],
  },
  DECIDE_MIDPOINT: {
    kind: 'DECIDE_MIDPOINT',
    subject: 'team',
    machine: teamMachine,
    events: ['DECIDE_MIDPOINT'],
    requires: ['ASSESSMENTS_IN_OR_DUE'],
  },
  DECIDE_CHANGE: {
    kind: 'DECIDE_CHANGE',
    subject: 'changeRequest',
    machine: changeRequestMachine,
    events: ['APPROVE', 'REJECT'],
  },
  SUBMIT_FINAL_REPORT: {
    kind: 'SUBMIT_FINAL_REPORT',
    subject: 'team',
    machine: teamMachine,
    events: ['SUBMIT_FINAL_REPORT'],
  },
  RECORD_OUTCOME: { kind: 'RECORD_OUTCOME', subject: 'team', machine: teamMachine, events: ['RECORD_OUTCOME'] },
  DRAFT_PLAN: { kind: 'DRAFT_PLAN', subject: 'team', action: 'DRAFT_PLAN' },
  SIGN_PLEDGE: { kind: 'SIGN_PLEDGE', subject: 'team', action: 'SIGN_PLEDGE' },
  REPORT_CHECKPOINT: { kind: 'REPORT_CHECKPOINT', subject: 'team', action: 'REPORT_CHECKPOINT' },
  // A scheduled transition of the cohort refused by its guards: whoever may fire it resolves what blocks it.
  RESOLVE_BLOCKED_TRANSITION: {
    kind: 'RESOLVE_BLOCKED_TRANSITION',
    subject: 'cohort',
    machine: cohortMachine,
    events: ['START_PREPARATION', 'LAUNCH', 'OPEN_MIDPOINT', 'CLOSE_MIDPOINT', 'START_SUSTAINMENT', 'CLOSE'],
  },
};

export const isActionTask = (rule: TaskRule): rule is ActionTaskRule => 'action' in rule;

/** Who a transition task is for: the firers of its events, or those the rule names among them. */
export function taskFirers(rule: TransitionTaskRule): Firer[] {
  const firers = rule.machine.transitions
    .filter((t: Transition<string, string, unknown>) => rule.events.includes(t.event))
    .flatMap((t: Transition<string, string, unknown>) => [...t.by]);
  return rule.for ? firers.filter((f) => rule.for!.includes(f)) : firers;
}

/**
 * The states of the object in which a task of this kind can exist: the states the events fire
 * from, or the states the action is allowed in. The API selects candidates with them; the
 * decision per object is `transitionTaskOpen` / `actionTaskOpen`.
 */
export function taskStates(rule: TaskRule): string[] {
  if (isActionTask(rule)) return [...teamActions.rules.find((r) => r.action === rule.action)!.states];
  const states = rule.machine.transitions.filter((t) => rule.events.includes(t.event)).flatMap((t) => [...t.from]);
  return [...new Set(states)].filter((s) => !rule.only || rule.only.includes(s));
}

/**
 * Whether an actor's global roles could ever give them this kind of task: a kind fired only by a
 * role they lack is not looked for at all. Team roles and relations depend on the object.
 */
export function mayHaveTask(rule: TaskRule, actor: Actor): boolean {
  if (isActionTask(rule)) return true;
  return taskFirers(rule).some(
    (f) => f.kind === 'teamRole' || f.kind === 'relation' || (f.kind === 'role' && actor.roles.includes(f.role)),
  );
}

/** A transition task is open when the caller may fire one of its events from this state and its `requires` hold. */
export function transitionTaskOpen<C>(rule: TransitionTaskRule, state: string, caller: Caller, ctx: C): boolean {
  if (rule.only && !rule.only.includes(state)) return false;
  const transitions = rule.machine.transitions.filter((t) => rule.events.includes(t.event) && t.from.includes(state));
  const firers = new Set(taskFirers(rule));
  if (!transitions.some((t) => t.by.some((f) => firers.has(f) && callerMatches(f, caller)))) return false;
  for (const name of rule.requires ?? []) {
    const g = transitions.flatMap((t) => t.guards).find((x) => x.name === name);
    if (g && !g.holds(ctx)) return false;
  }
  return true;
}

/** An action task is open when libs/workflow's action table allows the action now. */
export function actionTaskOpen(
  rule: ActionTaskRule,
  actor: Actor,
  subject: ActionSubject<string>,
  ctx: TeamActionContext,
): boolean {
  // The table is typed by the team's states; the subject comes from the database.
  return checkAction(teamActions, rule.action, actor, subject as never, ctx).ok;
}
