import type { Actor, TeamRole } from '@hundred/domain';

import { checkAction, permittedActions } from './actions.js';
import { TEAM_STATES, type TeamState } from './team.machine.js';
import { CHECK_IN_STATES, TEAM_ACTIONS, teamActions, type TeamActionContext } from './team.actions.js';

const TEAM = 't1';
const actor = (roles: Actor['roles'] = [], teamRoles: TeamRole[] = []): Actor => ({
  id: 'u1',
  agencyId: 'a1',
  roles,
  teamRoles: { [TEAM]: teamRoles },
});
const subject = (state: TeamState) => ({ state, resource: { type: 'team' as const, id: TEAM, leadAgencyId: 'a2' } });
const running: TeamActionContext = { cohortState: 'EXECUTION' };

describe('the team actions', () => {
  it('has one rule per action', () => {
    expect(teamActions.rules.map((r) => r.action).sort()).toEqual([...TEAM_ACTIONS].sort());
  });

  it('lets members and the leader check in only while the team is active or under review', () => {
    for (const state of TEAM_STATES) {
      const result = checkAction(teamActions, 'CHECK_IN', actor([], ['TEAM_MEMBER']), subject(state), running);
      if (CHECK_IN_STATES.includes(state)) expect(result).toEqual({ ok: true });
      else expect(result).toMatchObject({ ok: false, code: 'NOT_ALLOWED', guard: 'STATE', state });
    }
  });

  it('refuses with FORBIDDEN before looking at the state when the user may not do it at all', () => {
    expect(checkAction(teamActions, 'CHECK_IN', actor([], ['COACH']), subject('WITHDRAWN'), running)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      action: 'CHECK_IN',
    });
    expect(checkAction(teamActions, 'CHECK_IN', null, subject('ACTIVE'), running)).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      checkAction(teamActions, 'NAME_LEADERS', actor([], ['TEAM_LEAD']), subject('FORMING'), running),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names frozen goals as such', () => {
    expect(checkAction(teamActions, 'EDIT_GOALS', actor([], ['TEAM_LEAD']), subject('READY'), running)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
      guard: 'GOALS_FROZEN',
    });
  });

  it('opens change requests only in the change window, by its guard', () => {
    const lead = actor([], ['TEAM_LEAD']);
    expect(checkAction(teamActions, 'PROPOSE_CHANGE', lead, subject('ACTIVE'), running)).toEqual({ ok: true });
    expect(
      checkAction(teamActions, 'PROPOSE_CHANGE', lead, subject('REPORTING'), { cohortState: 'RESULTS' }),
    ).toMatchObject({ ok: false, code: 'NOT_ALLOWED', guard: 'CHANGE_WINDOW_OPEN' });
    expect(
      checkAction(teamActions, 'PROPOSE_CHANGE', lead, subject('UNDER_REVIEW'), { cohortState: 'RESULTS' }),
    ).toMatchObject({ ok: false, code: 'NOT_ALLOWED', guard: 'CHANGE_WINDOW_OPEN' });
  });

  it('lists what each person may do now', () => {
    expect(permittedActions(teamActions, actor([], ['TEAM_LEAD']), subject('FORMING'), running)).toEqual([
      'EDIT_GOALS',
      'ADD_MEMBER',
      'REMOVE_MEMBER',
    ]);
    expect(permittedActions(teamActions, actor([], ['TEAM_MEMBER']), subject('ACTIVE'), running)).toEqual([
      'CHECK_IN',
      'CORRECT_CHECK_IN',
    ]);
    expect(permittedActions(teamActions, actor([], ['COACH']), subject('ACTIVE'), running)).toEqual([
      'REVIEW_CHECK_IN',
    ]);
    expect(permittedActions(teamActions, actor(['ADMIN']), subject('ACTIVE'), running)).toEqual([
      'ADD_MEMBER',
      'REMOVE_MEMBER',
      'NAME_LEADERS',
      'ASSIGN_REVIEWER',
    ]);
    // After the mid-point decision the team is active again, the cohort past its execution phase.
    expect(
      permittedActions(teamActions, actor(['ADMIN']), subject('ACTIVE'), { cohortState: 'FINAL_STRETCH' }),
    ).toEqual(['ADD_MEMBER', 'REMOVE_MEMBER', 'NAME_LEADERS']);
    expect(
      permittedActions(teamActions, actor(['ADMIN']), subject('UNDER_REVIEW'), { cohortState: 'MIDPOINT_REVIEW' }),
    ).toContain('ASSIGN_REVIEWER');
    expect(permittedActions(teamActions, actor(['ADMIN']), subject('WITHDRAWN'), running)).toEqual([]);
  });

  it('refuses every write on a team of a closed or cancelled cohort, naming the guard', () => {
    for (const cohortState of ['CLOSED', 'CANCELLED'])
      expect(
        checkAction(teamActions, 'ADD_MEMBER', actor(['ADMIN']), subject('CLOSED'), { cohortState }),
      ).toMatchObject({ ok: false, code: 'NOT_ALLOWED', guard: 'COHORT_OPEN' });
  });
});
