import type { Actor } from '@hundred/domain';

import type { ChallengeContext } from './challenge.machine.js';
import {
  TASK_KINDS,
  TASK_RULES,
  actionTaskOpen,
  isActionTask,
  mayHaveTask,
  taskStates,
  transitionTaskOpen,
} from './tasks.js';

const office: Actor = { id: 'o', agencyId: 'a0', roles: ['ADMIN'] };
const leader: Actor = { id: 'l', agencyId: 'a0', roles: ['LEADERSHIP'] };
const person: Actor = { id: 'p', agencyId: 'a1', roles: [] };
const user = (actor: Actor, extra: object = {}) => ({ kind: 'user' as const, actor, ...extra });

const challengeCtx = (over: Partial<ChallengeContext> = {}): ChallengeContext => ({
  cohortState: 'SELECTION',
  missingFields: [],
  rubricScored: false,
  sponsorNamed: true,
  teamLeadNamed: true,
  approvals: 0,
  approvalsRequired: 2,
  approvedByCaller: false,
  ...over,
});

describe('the task kinds', () => {
  it('has one rule per kind, each naming events of its machine and guards of those events', () => {
    expect(Object.keys(TASK_RULES).sort()).toEqual([...TASK_KINDS].sort());
    for (const kind of TASK_KINDS) {
      const rule = TASK_RULES[kind];
      expect(rule.kind).toBe(kind);
      expect(taskStates(rule).length).toBeGreaterThan(0);
      if (isActionTask(rule)) continue;
      for (const e of rule.events) expect(rule.machine.transitions.some((t) => t.event === e)).toBe(true);
      const guards = rule.machine.transitions.filter((t) => rule.events.includes(t.event)).flatMap((t) => t.guards);
      for (const name of rule.requires ?? []) expect(guards.map((g) => g.name)).toContain(name);
    }
  });

  it('takes its states from the machine: screening from SUBMITTED and IN_SCREENING, revising only RETURNED', () => {
    expect(taskStates(TASK_RULES.SCREEN_CHALLENGE).sort()).toEqual(['IN_SCREENING', 'SUBMITTED']);
    expect(taskStates(TASK_RULES.REVISE_CHALLENGE)).toEqual(['RETURNED']);
    expect(taskStates(TASK_RULES.CHECK_IN).sort()).toEqual(['ACTIVE', 'UNDER_REVIEW']);
  });

  it('looks for a kind only for the global roles that fire it', () => {
    expect(mayHaveTask(TASK_RULES.SCREEN_CHALLENGE, office)).toBe(true);
    expect(mayHaveTask(TASK_RULES.SCREEN_CHALLENGE, leader)).toBe(false);
    expect(mayHaveTask(TASK_RULES.DECIDE_CHALLENGE, leader)).toBe(true);
    expect(mayHaveTask(TASK_RULES.DECIDE_CHALLENGE, office)).toBe(false);
    // A team leader's or a reviewer's task depends on the object.
    expect(mayHaveTask(TASK_RULES.SUBMIT_GOALS, person)).toBe(true);
    expect(mayHaveTask(TASK_RULES.SUBMIT_ASSESSMENT, person)).toBe(true);
  });

  it('closes a leader’s decision once they approved, though others may still decide', () => {
    const rule = TASK_RULES.DECIDE_CHALLENGE;
    if (isActionTask(rule)) throw new Error('a transition rule');
    expect(transitionTaskOpen(rule, 'RECOMMENDED', user(leader), challengeCtx())).toBe(true);
    expect(transitionTaskOpen(rule, 'RECOMMENDED', user(leader), challengeCtx({ approvedByCaller: true }))).toBe(false);
    expect(transitionTaskOpen(rule, 'RECOMMENDED', user(office), challengeCtx())).toBe(false);
    expect(transitionTaskOpen(rule, 'IN_SCREENING', user(leader), challengeCtx())).toBe(false);
  });

  it('gives a returned challenge to its agency’s focal point only while the cohort takes it back', () => {
    const rule = TASK_RULES.REVISE_CHALLENGE;
    if (isActionTask(rule)) throw new Error('a transition rule');
    const focal = user({ ...person, roles: ['FOCAL_POINT'] }, { relations: ['AGENCY_FOCAL_POINT'] });
    expect(transitionTaskOpen(rule, 'RETURNED', focal, challengeCtx())).toBe(true);
    expect(transitionTaskOpen(rule, 'DRAFT', focal, challengeCtx({ cohortState: 'INTAKE' }))).toBe(false);
    expect(transitionTaskOpen(rule, 'RETURNED', focal, challengeCtx({ cohortState: 'PREPARATION' }))).toBe(false);
    // The office may resubmit a returned challenge too, but it is the agency that is asked to.
    expect(transitionTaskOpen(rule, 'RETURNED', user(office), challengeCtx())).toBe(false);
    expect(transitionTaskOpen(rule, 'RETURNED', user({ ...person, roles: ['FOCAL_POINT'] }), challengeCtx())).toBe(
      false,
    );
  });

  it('asks the action table for actions: a check-in for the team’s members while it is active', () => {
    const rule = TASK_RULES.CHECK_IN;
    if (!isActionTask(rule)) throw new Error('an action rule');
    const member = { ...person, teamRoles: { t: ['TEAM_MEMBER' as const] } };
    const team = (state: string) => ({ state, resource: { type: 'team' as const, id: 't', leadAgencyId: 'a1' } });
    expect(actionTaskOpen(rule, member, team('ACTIVE'), { cohortState: 'EXECUTION' })).toBe(true);
    expect(actionTaskOpen(rule, member, team('REPORTING'), { cohortState: 'RESULTS' })).toBe(false);
    expect(actionTaskOpen(rule, member, team('ACTIVE'), { cohortState: 'CLOSED' })).toBe(false);
    expect(actionTaskOpen(rule, person, team('ACTIVE'), { cohortState: 'EXECUTION' })).toBe(false);
  });
});
