import {
  apply,
  availableEvents,
  callerMatches,
  reachableStates,
  targetsOf,
  type Caller,
  type Machine,
  type MachineName,
} from './core.js';
import { ALL_CALLERS, callerFor, FIXTURES } from './fixtures.spec-helper.js';
import { MACHINES } from './machines.js';

type AnyMachine = Machine<string, string, never>;
const F = (f: string) => ({ kind: f });

/**
 * The tables of PRODUCT.md section 4, row by row: event, from, to, who may fire it, guards.
 * The machines must match them exactly.
 */
const SPEC: Record<MachineName, [event: string, from: string[], to: string[], by: string[], guards: string[]][]> = {
  cohort: [
    ['OPEN_INTAKE', ['DRAFT'], ['INTAKE'], ['ADMIN', 'scheduler'], ['CALENDAR_CONSISTENT']],
    ['CLOSE_INTAKE', ['INTAKE'], ['SELECTION'], ['scheduler', 'ADMIN'], []],
    ['START_PREPARATION', ['SELECTION'], ['PREPARATION'], ['ADMIN', 'scheduler'], ['ALL_CHALLENGES_DECIDED']],
    ['LAUNCH', ['PREPARATION'], ['EXECUTION'], ['scheduler', 'ADMIN'], ['ALL_TEAMS_READY']],
    ['OPEN_MIDPOINT', ['EXECUTION'], ['MIDPOINT_REVIEW'], ['scheduler', 'ADMIN'], ['ENOUGH_REVIEWERS']],
    ['CLOSE_MIDPOINT', ['MIDPOINT_REVIEW'], ['FINAL_STRETCH'], ['ADMIN', 'scheduler'], ['ALL_MIDPOINT_DECISIONS_MADE']],
    ['OPEN_RESULTS', ['FINAL_STRETCH'], ['RESULTS'], ['scheduler'], []],
    ['START_SUSTAINMENT', ['RESULTS'], ['SUSTAINMENT'], ['ADMIN', 'scheduler'], ['ALL_OUTCOMES_RECORDED']],
    ['CLOSE', ['SUSTAINMENT'], ['CLOSED'], ['ADMIN', 'scheduler'], ['ALL_SUSTAINMENT_PLANS_CLOSED']],
    [
      'CANCEL',
      [
        'DRAFT',
        'INTAKE',
        'SELECTION',
        'PREPARATION',
        'EXECUTION',
        'MIDPOINT_REVIEW',
        'FINAL_STRETCH',
        'RESULTS',
        'SUSTAINMENT',
      ],
      ['CANCELLED'],
      ['ADMIN'],
      ['REASON_GIVEN'],
    ],
  ],
  challenge: [
    [
      'SUBMIT',
      ['DRAFT'],
      ['SUBMITTED'],
      ['AGENCY_FOCAL_POINT', 'ADMIN'],
      ['COHORT_OPEN_FOR_INTAKE', 'REQUIRED_FIELDS'],
    ],
    [
      'SUBMIT',
      ['RETURNED'],
      ['SUBMITTED'],
      ['AGENCY_FOCAL_POINT', 'ADMIN'],
      ['COHORT_OPEN_FOR_INTAKE', 'REQUIRED_FIELDS'],
    ],
    ['START_SCREENING', ['SUBMITTED'], ['IN_SCREENING'], ['ADMIN'], []],
    ['RETURN', ['IN_SCREENING'], ['RETURNED'], ['ADMIN'], ['COMMENT_GIVEN']],
    ['RECOMMEND', ['IN_SCREENING'], ['RECOMMENDED'], ['ADMIN'], ['RUBRIC_SCORED']],
    ['DECLINE', ['IN_SCREENING'], ['REJECTED'], ['ADMIN'], ['REASON_GIVEN']],
    [
      'APPROVE',
      ['RECOMMENDED'],
      ['RECOMMENDED', 'APPROVED'],
      ['LEADERSHIP'],
      ['SPONSOR_NAMED', 'TEAM_LEAD_NAMED', 'NOT_ALREADY_APPROVED_BY_YOU'],
    ],
    ['REJECT', ['RECOMMENDED'], ['REJECTED'], ['LEADERSHIP'], ['REASON_GIVEN']],
    ['DEFER', ['RECOMMENDED'], ['DEFERRED'], ['LEADERSHIP'], ['REASON_GIVEN']],
    ['WITHDRAW', ['DRAFT', 'SUBMITTED', 'RETURNED'], ['WITHDRAWN'], ['AGENCY_FOCAL_POINT', 'ADMIN'], []],
    ['CARRY_OVER', ['DEFERRED'], ['DRAFT'], ['ADMIN'], ['TARGET_COHORT_OPEN']],
  ],
  team: [
    ['SUBMIT_GOALS', ['FORMING'], ['GOALS_SUBMITTED'], ['TEAM_LEAD'], ['GOALS_COMPLETE', 'MEMBER_MINIMUMS']],
    ['RETURN_GOALS', ['GOALS_SUBMITTED'], ['FORMING'], ['ADMIN'], ['COMMENT_GIVEN']],
    ['APPROVE_GOALS', ['GOALS_SUBMITTED'], ['READY'], ['ADMIN'], []],
    ['START', ['READY'], ['ACTIVE'], ['system'], []],
    ['BEGIN_REVIEW', ['ACTIVE'], ['UNDER_REVIEW'], ['system'], []],
    [
      'DECIDE_MIDPOINT',
      ['UNDER_REVIEW'],
      ['ACTIVE', 'STOPPED'],
      ['ADMIN'],
      ['DECISION_GIVEN', 'ASSESSMENTS_IN_OR_DUE', 'REASON_GIVEN_TO_STOP'],
    ],
    ['BEGIN_REPORTING', ['ACTIVE'], ['REPORTING'], ['system'], []],
    ['SUBMIT_FINAL_REPORT', ['REPORTING'], ['FINAL_SUBMITTED'], ['TEAM_LEAD'], ['FINAL_VALUES_COMPLETE']],
    ['RECORD_OUTCOME', ['FINAL_SUBMITTED'], ['COMPLETED'], ['ADMIN'], ['OUTCOME_GIVEN', 'REASON_GIVEN_TO_OVERRIDE']],
    ['START_SUSTAINMENT', ['COMPLETED'], ['SUSTAINING'], ['ADMIN'], ['SUSTAINMENT_PLAN_COMPLETE']],
    [
      'CLOSE_SUSTAINMENT',
      ['SUSTAINING'],
      ['CLOSED'],
      ['ADMIN'],
      ['SUSTAINMENT_STATUS_GIVEN', 'SCALED_TO_GIVEN', 'LAST_CHECKPOINT_OR_REASON'],
    ],
    [
      'WITHDRAW',
      ['FORMING', 'GOALS_SUBMITTED', 'READY', 'ACTIVE', 'UNDER_REVIEW', 'REPORTING', 'FINAL_SUBMITTED'],
      ['WITHDRAWN'],
      ['ADMIN', 'system'],
      ['REASON_GIVEN'],
    ],
  ],
  review: [
    ['OPEN', ['SCHEDULED'], ['OPEN'], ['system'], []],
    ['DECIDE', ['OPEN'], ['DECIDED'], ['system'], []],
  ],
  assessment: [
    ['SAVE_DRAFT', ['ASSIGNED', 'DRAFT'], ['DRAFT'], ['ASSIGNED_REVIEWER'], ['REVIEW_OPEN']],
    [
      'SUBMIT',
      ['ASSIGNED', 'DRAFT'],
      ['SUBMITTED'],
      ['ASSIGNED_REVIEWER'],
      ['REVIEW_OPEN', 'ALL_CRITERIA_SCORED', 'RECOMMENDATION_GIVEN'],
    ],
    ['UNASSIGN', ['ASSIGNED', 'DRAFT'], ['UNASSIGNED'], ['ADMIN'], []],
    ['DECLARE_CONFLICT', ['ASSIGNED', 'DRAFT'], ['UNASSIGNED'], ['ASSIGNED_REVIEWER'], ['REASON_GIVEN']],
  ],
  changeRequest: [
    ['APPROVE', ['PROPOSED'], ['APPROVED'], ['ADMIN'], ['CHANGE_WINDOW_OPEN']],
    ['REJECT', ['PROPOSED'], ['REJECTED'], ['ADMIN'], ['REASON_GIVEN']],
  ],
};

const firerName = (f: { kind: string; role?: string; relation?: string }) => f.role ?? f.relation ?? f.kind;
void F;

describe.each(Object.entries(MACHINES) as [MachineName, AnyMachine][])('the %s machine', (name, machine) => {
  const fixture = FIXTURES[name];

  it('matches the table of PRODUCT.md section 4 row for row', () => {
    const actual = machine.transitions.map((t) => [
      t.event,
      [...t.from],
      [...targetsOf(t.to)],
      t.by.map(firerName),
      t.guards.map((g) => g.name),
    ]);
    expect(actual).toEqual(SPEC[name]);
  });

  it('has at most one row per state and event, and only declared states and events', () => {
    for (const t of machine.transitions) {
      expect(machine.events).toContain(t.event);
      for (const s of [...t.from, ...targetsOf(t.to)]) expect(machine.states).toContain(s);
      for (const s of t.from) {
        expect(machine.transitions.filter((u) => u.event === t.event && u.from.includes(s))).toHaveLength(1);
      }
    }
  });

  it('has a breaker in the fixtures for every guard', () => {
    for (const t of machine.transitions)
      for (const g of t.guards) expect(Object.keys(fixture.breakers)).toContain(g.name);
  });

  describe.each(machine.transitions.map((t, i) => [`${t.event} from ${t.from.join('|')}`, i] as const))(
    'row %s',
    (_, i) => {
      const t = machine.transitions[i]!;

      it.each(t.from)('fires from %s for each permitted caller, to a declared state, with its effects', (from) => {
        for (const f of t.by) {
          const result = apply(machine, from, t.event, callerFor(f), fixture.ok);
          expect(result).toMatchObject({ ok: true, event: t.event, from });
          if (result.ok) {
            expect(targetsOf(t.to)).toContain(result.to);
            expect(Array.isArray(result.effects)).toBe(true);
          }
        }
      });

      it('refuses every other caller with FORBIDDEN', () => {
        const others = ALL_CALLERS.filter((c) => !t.by.some((f) => callerMatches(f, c)));
        expect(others.length).toBeGreaterThan(0);
        for (const c of others)
          expect(apply(machine, t.from[0]!, t.event, c, fixture.ok)).toEqual({
            ok: false,
            code: 'FORBIDDEN',
            event: t.event,
          });
      });

      it('refuses, naming the guard, when any one guard fails', () => {
        for (const g of t.guards) {
          const ctx = fixture.breakers[g.name]!(fixture.ok);
          const result = apply(machine, t.from[0]!, t.event, callerFor(t.by[0]!), ctx);
          expect(result).toMatchObject({ ok: false, code: 'NOT_ALLOWED', guard: g.name });
        }
      });

      it('refuses it from every state not in the row', () => {
        const others = machine.states.filter(
          (s) => !machine.transitions.some((u) => u.event === t.event && u.from.includes(s)),
        );
        for (const s of others) {
          expect(apply(machine, s, t.event, callerFor(t.by[0]!), fixture.ok)).toEqual({
            ok: false,
            code: 'NOT_ALLOWED',
            guard: 'STATE',
            state: s,
            event: t.event,
          });
        }
      });
    },
  );

  it('lists as available exactly the events the caller may fire from a state, with what blocks them', () => {
    for (const state of machine.states) {
      for (const caller of ALL_CALLERS as Caller[]) {
        const available = availableEvents(machine, state, caller, fixture.ok);
        for (const a of available) {
          expect(a.blockedBy).toEqual([]);
          expect(apply(machine, state, a.event, caller, fixture.ok).ok).toBe(true);
        }
        for (const event of machine.events) {
          if (!available.some((a) => a.event === event))
            expect(apply(machine, state, event, caller, fixture.ok).ok).toBe(false);
        }
      }
    }
  });

  it('reaches every state from the start, and terminal states have no exits', () => {
    expect([...reachableStates(machine)].sort()).toEqual([...machine.states].sort());
    for (const s of machine.terminal) expect(machine.transitions.filter((t) => t.from.includes(s))).toEqual([]);
  });
});
