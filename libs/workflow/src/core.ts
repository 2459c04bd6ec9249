import type { Actor, GlobalRole, TeamRole } from '@hundred/domain';

/** Who may fire a transition. */
export type Firer =
  | { readonly kind: 'role'; readonly role: GlobalRole }
  | { readonly kind: 'teamRole'; readonly role: TeamRole }
  | { readonly kind: 'relation'; readonly relation: Relation }
  | { readonly kind: 'scheduler' }
  | { readonly kind: 'system' };

/** Relations between a user and one object, computed by the caller from the object. */
export type Relation =
  /** A focal point of the agency that owns the object (a challenge's lead agency). */
  | 'AGENCY_FOCAL_POINT'
  /** The reviewer an assessment is assigned to. */
  | 'ASSIGNED_REVIEWER';

/** Who is firing an event now. */
export type Caller =
  | {
      readonly kind: 'user';
      readonly actor: Actor;
      /** The user's roles on the object's team, if any. */
      readonly teamRoles?: readonly TeamRole[];
      readonly relations?: readonly Relation[];
    }
  /** A deadline firing. */
  | { readonly kind: 'scheduler' }
  /** Another machine's transition cascading to this object (e.g. the cohort's LAUNCH starts teams). */
  | { readonly kind: 'system' };

export const office: Firer = { kind: 'role', role: 'ADMIN' };
export const leadership: Firer = { kind: 'role', role: 'LEADERSHIP' };
export const scheduler: Firer = { kind: 'scheduler' };
export const system: Firer = { kind: 'system' };
export const teamLead: Firer = { kind: 'teamRole', role: 'TEAM_LEAD' };
export const agencyFocalPoint: Firer = { kind: 'relation', relation: 'AGENCY_FOCAL_POINT' };
export const assignedReviewer: Firer = { kind: 'relation', relation: 'ASSIGNED_REVIEWER' };

export function callerMatches(firer: Firer, caller: Caller): boolean {
  switch (firer.kind) {
    case 'scheduler':
      return caller.kind === 'scheduler';
    case 'system':
      return caller.kind === 'system';
    case 'role':
      return caller.kind === 'user' && caller.actor.roles.includes(firer.role);
    case 'teamRole':
      return caller.kind === 'user' && (caller.teamRoles ?? []).includes(firer.role);
    case 'relation':
      return caller.kind === 'user' && (caller.relations ?? []).includes(firer.relation);
    default: {
      const unreachable: never = firer;
      return unreachable;
    }
  }
}

/**
 * A condition a transition needs, as a pure function of the object's context. Its name is what
 * a refusal reports (NOT_ALLOWED naming the failed guard), and what the office is told when a
 * scheduled transition is blocked.
 */
export interface Guard<C> {
  readonly name: string;
  readonly holds: (ctx: C) => boolean;
  /**
   * The input of the event that answers this guard (a comment, a reason, a decision): while the
   * event is only offered, the guard does not block it; the dialog asks for the input.
   */
  readonly answeredBy?: EventInput;
}

export const guard = <C>(name: string, holds: (ctx: C) => boolean, answeredBy?: EventInput): Guard<C> =>
  answeredBy ? { name, holds, answeredBy } : { name, holds };

/** What a person gives together with an event (the dialog asks for it). */
export const EVENT_INPUTS = [
  'COMMENT',
  'REASON',
  'TARGET_COHORT',
  'EXCLUDE_NOT_READY',
  'DECISION',
  'OUTCOME',
  'SUSTAINMENT_STATUS',
  'SCALED_TO',
] as const;
export type EventInput = (typeof EVENT_INPUTS)[number];

export interface EventInputSpec {
  readonly input: EventInput;
  /** Whether the event always needs it (a reason to stop is needed only for STOP: not required). */
  readonly required: boolean;
}

/** Who a notification goes to, resolved by the API (each needs a resolver there). */
export const AUDIENCES = [
  'OFFICE',
  'LEADERSHIP',
  'AGENCY_FOCAL_POINTS',
  'ALL_FOCAL_POINTS',
  'FOCAL_POINTS_WITH_DRAFTS',
  'SPONSOR',
  'TEAM_LEAD',
  'TEAM',
  'ALL_TEAMS',
  'REVIEWERS',
  'ACTOR',
] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * What a transition causes besides the state change. Declared here, carried out by the API in
 * the same transaction (deadlines, objects, cascades) or through the outbox (notifications).
 */
export type Effect =
  | { readonly type: 'scheduleDeadlines'; readonly group: DeadlineGroup }
  | { readonly type: 'cancelDeadlines'; readonly group: DeadlineGroup | 'ALL' }
  | { readonly type: 'notify'; readonly template: string; readonly audience: readonly Audience[] }
  | { readonly type: 'cascade'; readonly machine: MachineName; readonly event: string; readonly scope: CascadeScope }
  | { readonly type: 'createTeam' }
  | { readonly type: 'recordApproval' }
  | { readonly type: 'lockDrafts' }
  | { readonly type: 'freezeTargets' }
  | { readonly type: 'carryOver' };

/** An effect as a table declares it: always, or only `when` the context says so. */
export type DeclaredEffect<C> = Effect & { readonly when?: (ctx: C) => boolean };

/** Which objects a cascade reaches. */
export type CascadeScope =
  | 'READY_TEAMS'
  | 'NOT_READY_TEAMS'
  | 'ACTIVE_TEAMS'
  /** Teams not yet COMPLETED, STOPPED, CLOSED or WITHDRAWN. */
  | 'OPEN_TEAMS'
  | 'REVIEWS_OF_ACTIVE_TEAMS'
  | 'TEAM_REVIEW'
  | 'COHORT_CHALLENGES_UNSUBMITTED';

/** Deadlines are scheduled and cancelled in groups (see the calendar in libs/domain). */
export type DeadlineGroup =
  'COHORT_CALENDAR' | 'SCREENING' | 'DECISION' | 'GOALS' | 'CHECK_INS' | 'ASSESSMENTS' | 'FINAL_REPORT' | 'CHECKPOINTS';

export type MachineName = 'cohort' | 'challenge' | 'team' | 'review' | 'assessment' | 'changeRequest';

/** The next state: fixed, or chosen among declared targets from the context (e.g. a decision). */
export type Target<S extends string, C> = S | { readonly oneOf: readonly S[]; readonly pick: (ctx: C) => S };

export interface Transition<S extends string, E extends string, C> {
  readonly event: E;
  readonly from: readonly S[];
  readonly to: Target<S, C>;
  readonly by: readonly Firer[];
  readonly guards: readonly Guard<C>[];
  readonly effects: readonly DeclaredEffect<C>[];
  /** What the dialog asks for with the event. */
  readonly inputs?: readonly EventInputSpec[];
}

export interface Machine<S extends string, E extends string, C> {
  readonly name: MachineName;
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly initial: S;
  readonly terminal: readonly S[];
  readonly transitions: readonly Transition<S, E, C>[];
}

export type Refusal =
  /** The event does not exist from this state. */
  | {
      readonly ok: false;
      readonly code: 'NOT_ALLOWED';
      readonly guard: 'STATE';
      readonly state: string;
      readonly event: string;
    }
  /** The caller may not fire it. */
  | { readonly ok: false; readonly code: 'FORBIDDEN'; readonly event: string }
  /** A guard failed; every failed guard is named, the first is the one reported. */
  | {
      readonly ok: false;
      readonly code: 'NOT_ALLOWED';
      readonly guard: string;
      readonly failed: readonly string[];
      readonly event: string;
    };

export interface Applied<S extends string, E extends string> {
  readonly ok: true;
  readonly event: E;
  readonly from: S;
  readonly to: S;
  readonly effects: readonly Effect[];
}

export type TransitionResult<S extends string, E extends string> = Applied<S, E> | Refusal;

export function targetsOf<S extends string, C>(t: Target<S, C>): readonly S[] {
  return typeof t === 'string' ? [t] : t.oneOf;
}

function resolveTarget<S extends string, C>(t: Target<S, C>, ctx: C): S {
  if (typeof t === 'string') return t;
  const picked = t.pick(ctx);
  if (!t.oneOf.includes(picked)) throw new Error(`target ${picked} is not among ${t.oneOf.join(', ')}`);
  return picked;
}

/** The transitions of an event from a state (at most one per machine, checked by tests). */
export function transitionFor<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
  event: E,
): Transition<S, E, C> | undefined {
  return machine.transitions.find((t) => t.event === event && t.from.includes(state));
}

/**
 * Applies an event: the next state and the effects, or a typed refusal. Pure: the object is
 * not touched; a refusal means nothing may change.
 */
export function apply<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
  event: E,
  caller: Caller,
  ctx: C,
): TransitionResult<S, E> {
  const t = transitionFor(machine, state, event);
  if (!t) return { ok: false, code: 'NOT_ALLOWED', guard: 'STATE', state, event };
  if (!t.by.some((f) => callerMatches(f, caller))) return { ok: false, code: 'FORBIDDEN', event };
  const failed = t.guards.filter((g) => !g.holds(ctx)).map((g) => g.name);
  if (failed.length > 0) return { ok: false, code: 'NOT_ALLOWED', guard: failed[0]!, failed, event };
  const effects = t.effects
    .filter((e) => e.when === undefined || e.when(ctx))
    .map(({ when: _when, ...effect }) => effect as Effect);
  return { ok: true, event, from: state, to: resolveTarget(t.to, ctx), effects };
}

export interface AvailableEvent<E extends string> {
  readonly event: E;
  /**
   * Guards that fail now and that the event's inputs cannot answer: the button is shown disabled
   * with these reasons. Empty when it can fire.
   */
  readonly blockedBy: readonly string[];
  /** Guards that fail now but are answered by what the dialog asks for (a comment, a reason). */
  readonly needsInput: readonly string[];
  /** The states it leads to. */
  readonly targets: readonly string[];
  /** What the dialog asks for. */
  readonly inputs: readonly EventInputSpec[];
}

/** The events this caller may fire from this state, with the guards that currently block each. */
export function availableEvents<S extends string, E extends string, C>(
  machine: Machine<S, E, C>,
  state: S,
  caller: Caller,
  ctx: C,
): AvailableEvent<E>[] {
  return machine.transitions
    .filter((t) => t.from.includes(state) && t.by.some((f) => callerMatches(f, caller)))
    .map((t) => {
      const inputs = t.inputs ?? [];
      const answerable = (g: Guard<C>) => g.answeredBy !== undefined && inputs.some((i) => i.input === g.answeredBy);
      const failing = t.guards.filter((g) => !g.holds(ctx));
      return {
        event: t.event,
        blockedBy: failing.filter((g) => !answerable(g)).map((g) => g.name),
        needsInput: failing.filter(answerable).map((g) => g.name),
        targets: targetsOf(t.to),
        inputs,
      };
    });
}

/** States reachable from the initial state, ignoring guards and callers. */
export function reachableStates<S extends string, E extends string, C>(machine: Machine<S, E, C>): Set<S> {
  const seen = new Set<S>([machine.initial]);
  const queue: S[] = [machine.initial];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const t of machine.transitions) {
      if (!t.from.includes(s)) continue;
      for (const next of targetsOf(t.to)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return seen;
}
