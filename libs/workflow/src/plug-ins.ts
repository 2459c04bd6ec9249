import { COHORT_FACTS } from './cohort.machine.js';
import { AUDIENCES, type Audience, type DeadlineGroup, type Machine } from './core.js';
import { MACHINES } from './machines.js';
import { TEAM_FACTS } from './team.machine.js';

/**
 * What the machines declare and the API must serve. Each declared effect, cascade, deadline
 * group, audience and cohort fact names a plug-in point that one handler of the API serves; the
 * API refuses to start when one has no handler (`plugInProblems`). Keys:
 *   `effect:<machine>:<type>`          createTeam, freezeTargets, … on that machine's object
 *   `schedule:<machine>:<group>`       scheduling a deadline group for that machine's object
 *   `cancel:<machine>`                 cancelling its deadlines (any group)
 *   `cascade:<machine>:<target>`       a transition reaching objects of another machine
 *   `audience:<AUDIENCE>`              whom a notification goes to (every one of AUDIENCES)
 *   `deadline:<KIND>`                  what a deadline of that kind does when it comes due
 *   `fact:<name>`                      a count the cohort's guards read
 *   `teamfact:<name>`                  a fact the team's guards read
 */

/** The kinds of deadline in each group, and so the deadline actions the API must have. */
export const DEADLINE_KINDS = {
  COHORT_CALENDAR: [
    'COHORT_OPEN_INTAKE',
    'INTAKE_CLOSE_REMINDER',
    'COHORT_CLOSE_INTAKE',
    'COHORT_START_PREPARATION',
    'LAUNCH_REMINDER',
    'COHORT_LAUNCH',
    'COHORT_OPEN_MIDPOINT',
    'COHORT_CLOSE_MIDPOINT',
    'COHORT_OPEN_RESULTS',
    'COHORT_START_SUSTAINMENT',
    'COHORT_CLOSE',
  ],
  SCREENING: ['SCREENING_REMINDER', 'SCREENING_ESCALATION'],
  DECISION: ['DECISION_REMINDER', 'DECISION_OVERDUE'],
  GOALS: ['GOALS_REMINDER', 'GOALS_OVERDUE'],
  CHECK_INS: ['CHECK_IN_REMINDER', 'CHECK_IN_DUE'],
  ASSESSMENTS: ['ASSESSMENTS_REMINDER', 'ASSESSMENTS_OVERDUE'],
  FINAL_REPORT: ['FINAL_REPORT_REMINDER', 'FINAL_REPORT_OVERDUE'],
  CHECKPOINTS: ['CHECKPOINT_REMINDER', 'CHECKPOINT_OVERDUE'],
} as const satisfies Record<DeadlineGroup, readonly string[]>;

/** Who each kind of deadline concerns: whom it reminds, or whom it tells when it passes. */
export const DEADLINE_CONCERNS: Readonly<Record<string, readonly Audience[]>> = {
  COHORT_OPEN_INTAKE: ['ALL_FOCAL_POINTS', 'OFFICE'],
  INTAKE_CLOSE_REMINDER: ['FOCAL_POINTS_WITH_DRAFTS'],
  COHORT_CLOSE_INTAKE: ['ALL_FOCAL_POINTS', 'OFFICE'],
  COHORT_START_PREPARATION: ['OFFICE', 'LEADERSHIP'],
  LAUNCH_REMINDER: ['ALL_TEAMS'],
  COHORT_LAUNCH: ['ALL_TEAMS', 'OFFICE', 'LEADERSHIP'],
  COHORT_OPEN_MIDPOINT: ['REVIEWERS', 'ALL_TEAMS', 'OFFICE'],
  COHORT_CLOSE_MIDPOINT: ['OFFICE'],
  COHORT_OPEN_RESULTS: ['ALL_TEAMS', 'OFFICE', 'LEADERSHIP'],
  COHORT_START_SUSTAINMENT: ['OFFICE'],
  COHORT_CLOSE: ['OFFICE', 'LEADERSHIP'],
  SCREENING_REMINDER: ['OFFICE'],
  SCREENING_ESCALATION: ['LEADERSHIP', 'OFFICE'],
  DECISION_REMINDER: ['LEADERSHIP'],
  DECISION_OVERDUE: ['OFFICE'],
  GOALS_REMINDER: ['TEAM_LEAD'],
  GOALS_OVERDUE: ['SPONSOR', 'OFFICE'],
  CHECK_IN_REMINDER: ['TEAM_LEAD', 'TEAM'],
  CHECK_IN_DUE: ['TEAM_LEAD', 'TEAM'],
  ASSESSMENTS_REMINDER: ['REVIEWERS'],
  ASSESSMENTS_OVERDUE: ['OFFICE'],
  FINAL_REPORT_REMINDER: ['TEAM_LEAD'],
  FINAL_REPORT_OVERDUE: ['SPONSOR'],
  CHECKPOINT_REMINDER: ['AGENCY_FOCAL_POINTS'],
  CHECKPOINT_OVERDUE: ['OFFICE'],
};

/**
 * Plug-in points whose feature is not built yet: declared by the machines, served by no handler,
 * and known to be so. The start-up check lets these pass, and fails once one of them is served
 * (so it is struck off here), so this list only ever shrinks.
 */
export const NOT_YET_SERVED: readonly string[] = [];

/** Every plug-in point the machines declare (see the keys above), sorted. */
export function declaredPlugIns(
  machines: readonly Machine<string, string, never>[] = Object.values(MACHINES),
): string[] {
  const keys = new Set<string>();
  for (const m of machines) {
    for (const t of m.transitions) {
      for (const e of t.effects) {
        switch (e.type) {
          case 'notify':
            for (const a of e.audience) keys.add(`audience:${a}`);
            break;
          case 'cascade':
            keys.add(`cascade:${m.name}:${e.machine}`);
            break;
          case 'scheduleDeadlines':
            keys.add(`schedule:${m.name}:${e.group}`);
            break;
          case 'cancelDeadlines':
            keys.add(`cancel:${m.name}`);
            break;
          default:
            keys.add(`effect:${m.name}:${e.type}`);
        }
      }
    }
  }
  // Services notify outside transitions too: every audience needs its resolver.
  for (const a of AUDIENCES) keys.add(`audience:${a}`);
  for (const kinds of Object.values(DEADLINE_KINDS)) for (const k of kinds) keys.add(`deadline:${k}`);
  for (const f of COHORT_FACTS) keys.add(`fact:${f}`);
  for (const f of TEAM_FACTS) keys.add(`teamfact:${f}`);
  return [...keys].sort();
}

/**
 * What stops the API from starting: a declared plug-in point no handler serves, a handler for
 * something no machine declares (a typo), or one marked not yet served that now is. Empty: fine.
 */
export function plugInProblems(
  served: Iterable<string>,
  declared: readonly string[] = declaredPlugIns(),
  notYetServed: readonly string[] = NOT_YET_SERVED,
): string[] {
  const have = new Set(served);
  const pending = new Set(notYetServed);
  const problems: string[] = [];
  for (const key of declared) {
    if (!have.has(key) && !pending.has(key)) problems.push(`${key} has no handler`);
    if (have.has(key) && pending.has(key)) problems.push(`${key} is served now: strike it off NOT_YET_SERVED`);
  }
  for (const key of have)
    if (!declared.includes(key)) problems.push(`a handler serves ${key}, which no machine declares`);
  for (const key of pending)
    if (!declared.includes(key)) problems.push(`NOT_YET_SERVED names ${key}, which no machine declares`);
  return problems;
}
