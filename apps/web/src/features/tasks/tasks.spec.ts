import { taskLink } from './tasks';

describe('where a task is done', () => {
  it('opens the object, and on a team the section of the task', () => {
    expect(taskLink({ kind: 'SCREEN_CHALLENGE', subjectType: 'challenge', subjectId: 'c1' })).toBe('/challenges/c1');
    expect(taskLink({ kind: 'RESOLVE_BLOCKED_TRANSITION', subjectType: 'cohort', subjectId: 'k1' })).toBe(
      '/cohorts/k1',
    );
    expect(taskLink({ kind: 'CHECK_IN', subjectType: 'team', subjectId: 't1', teamId: 't1' })).toBe(
      '/teams/t1#team-check-in',
    );
    // A check-in or a change request is done on its team's workspace.
    expect(taskLink({ kind: 'REVIEW_CHECK_IN', subjectType: 'checkIn', subjectId: 'ci', teamId: 't1' })).toBe(
      '/teams/t1#team-check-ins',
    );
    // The mid-point review's tasks open its own pages.
    expect(taskLink({ kind: 'SUBMIT_ASSESSMENT', subjectType: 'assessment', subjectId: 'a1', teamId: 't2' })).toBe(
      '/reviews/a1',
    );
    expect(
      taskLink({ kind: 'ASSIGN_REVIEWERS', subjectType: 'team', subjectId: 't2', teamId: 't2', cohortId: 'c1' }),
    ).toBe('/cohorts/c1/reviewers');
    expect(taskLink({ kind: 'DECIDE_MIDPOINT', subjectType: 'team', subjectId: 't2', teamId: 't2' })).toBe(
      '/teams/t2/midpoint',
    );
  });
});
