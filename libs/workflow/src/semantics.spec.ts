import { challengeMachine, type ChallengeContext } from './challenge.machine.js';
import { cohortMachine, type CohortContext } from './cohort.machine.js';
import { apply, availableEvents } from './core.js';
import { FIXTURES, user } from './fixtures.spec-helper.js';
import { teamMachine, type TeamContext } from './team.machine.js';

const cohortOk = FIXTURES.cohort.ok as CohortContext;
const challengeOk = FIXTURES.challenge.ok as ChallengeContext;
const teamOk = FIXTURES.team.ok as TeamContext;

describe('what the rows mean', () => {
  it('approves a challenge on the N-th approval only', () => {
    const leader = user(['LEADERSHIP']);
    const first = apply(challengeMachine, 'RECOMMENDED', 'APPROVE', leader, {
      ...challengeOk,
      approvals: 0,
      approvalsRequired: 2,
    });
    expect(first).toMatchObject({ ok: true, to: 'RECOMMENDED' });
    expect(first.ok && first.effects.map((e) => e.type)).toEqual(['recordApproval', 'notify']);
    const second = apply(challengeMachine, 'RECOMMENDED', 'APPROVE', leader, {
      ...challengeOk,
      approvals: 1,
      approvalsRequired: 2,
    });
    expect(second).toMatchObject({ ok: true, to: 'APPROVED' });
    expect(second.ok && second.effects.map((e) => e.type)).toEqual([
      'recordApproval',
      'cancelDeadlines',
      'createTeam',
      'notify',
    ]);
  });

  it('lets any one leader reject or defer with a reason', () => {
    const leader = user(['LEADERSHIP']);
    expect(
      apply(challengeMachine, 'RECOMMENDED', 'DEFER', leader, { ...challengeOk, approvals: 1, approvalsRequired: 3 }),
    ).toMatchObject({
      ok: true,
      to: 'DEFERRED',
    });
  });

  it('accepts a returned challenge again during selection, a new one only during intake', () => {
    const office = user(['ADMIN']);
    const selection = { ...challengeOk, cohortState: 'SELECTION' };
    expect(apply(challengeMachine, 'RETURNED', 'SUBMIT', office, selection)).toMatchObject({
      ok: true,
      to: 'SUBMITTED',
    });
    expect(apply(challengeMachine, 'DRAFT', 'SUBMIT', office, selection)).toMatchObject({
      ok: false,
      guard: 'COHORT_OPEN_FOR_INTAKE',
    });
  });

  it('names every failed guard, the first as the reason', () => {
    const result = apply(challengeMachine, 'RECOMMENDED', 'APPROVE', user(['LEADERSHIP']), {
      ...challengeOk,
      sponsorNamed: false,
      teamLeadNamed: false,
    });
    expect(result).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      guard: 'SPONSOR_NAMED',
      failed: ['SPONSOR_NAMED', 'TEAM_LEAD_NAMED'],
      event: 'APPROVE',
    });
  });

  it('launches without unready teams only when the office says so, with a reason, withdrawing them', () => {
    const office = user(['ADMIN']);
    const blocked = { ...cohortOk, teamsNotReady: 2 };
    expect(apply(cohortMachine, 'PREPARATION', 'LAUNCH', { kind: 'scheduler' }, blocked)).toMatchObject({
      ok: false,
      guard: 'ALL_TEAMS_READY',
    });
    expect(
      apply(cohortMachine, 'PREPARATION', 'LAUNCH', office, { ...blocked, excludeNotReadyTeams: true, reason: '' }),
    ).toMatchObject({
      ok: false,
    });
    const launched = apply(cohortMachine, 'PREPARATION', 'LAUNCH', office, {
      ...blocked,
      excludeNotReadyTeams: true,
      reason: 'two teams still without approved goals',
    });
    expect(launched.ok && launched.effects.filter((e) => e.type === 'cascade')).toEqual([
      { type: 'cascade', machine: 'team', event: 'WITHDRAW', scope: 'NOT_READY_TEAMS' },
      { type: 'cascade', machine: 'team', event: 'START', scope: 'READY_TEAMS' },
    ]);
  });

  it('continues, corrects course or escalates a team at mid-point; stops it only with a reason', () => {
    const office = user(['ADMIN']);
    for (const decision of ['CONTINUE', 'COURSE_CORRECT', 'ESCALATE'] as const) {
      expect(apply(teamMachine, 'UNDER_REVIEW', 'DECIDE_MIDPOINT', office, { ...teamOk, decision })).toMatchObject({
        to: 'ACTIVE',
      });
    }
    const escalated = apply(teamMachine, 'UNDER_REVIEW', 'DECIDE_MIDPOINT', office, {
      ...teamOk,
      decision: 'ESCALATE',
    });
    expect(escalated.ok && escalated.effects).toContainEqual({
      type: 'notify',
      template: 'TEAM_MIDPOINT_ESCALATED',
      audience: ['LEADERSHIP', 'SPONSOR'],
    });
    expect(
      apply(teamMachine, 'UNDER_REVIEW', 'DECIDE_MIDPOINT', office, { ...teamOk, decision: 'STOP', reason: 'no data' }),
    ).toMatchObject({
      to: 'STOPPED',
    });
  });

  it('needs a reason to record an outcome other than the proposed one', () => {
    const office = user(['ADMIN']);
    const override = { ...teamOk, proposedOutcome: 'ACHIEVED' as const, outcome: 'PARTIALLY_ACHIEVED' as const };
    expect(apply(teamMachine, 'FINAL_SUBMITTED', 'RECORD_OUTCOME', office, { ...override, reason: '' })).toMatchObject({
      guard: 'REASON_GIVEN_TO_OVERRIDE',
    });
    expect(
      apply(teamMachine, 'FINAL_SUBMITTED', 'RECORD_OUTCOME', office, { ...override, reason: 'one KPI is a proxy' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('shows a blocked event to the office with the guards that block it', () => {
    const available = availableEvents(cohortMachine, 'SELECTION', user(['ADMIN']), {
      ...cohortOk,
      undecidedChallenges: 3,
    });
    expect(available).toMatchObject([
      { event: 'START_PREPARATION', blockedBy: ['ALL_CHALLENGES_DECIDED'] },
      { event: 'CANCEL', blockedBy: [] },
    ]);
  });

  it('offers an event whose only failing guards its dialog answers, saying what the dialog asks for', () => {
    const office = user(['ADMIN']);
    const [returnGoals] = availableEvents(teamMachine, 'GOALS_SUBMITTED', office, { ...teamOk, comment: null }).filter(
      (a) => a.event === 'RETURN_GOALS',
    );
    expect(returnGoals).toEqual({
      event: 'RETURN_GOALS',
      blockedBy: [],
      needsInput: ['COMMENT_GIVEN'],
      targets: ['FORMING'],
      inputs: [{ input: 'COMMENT', required: true }],
    });
    const [launch] = availableEvents(cohortMachine, 'PREPARATION', office, { ...cohortOk, teamsNotReady: 2 }).filter(
      (a) => a.event === 'LAUNCH',
    );
    expect(launch).toMatchObject({ blockedBy: [], needsInput: ['ALL_TEAMS_READY'], targets: ['EXECUTION'] });
    const [decide] = availableEvents(teamMachine, 'UNDER_REVIEW', office, {
      ...teamOk,
      decision: null,
      assessmentsInOrDue: false,
    }).filter((a) => a.event === 'DECIDE_MIDPOINT');
    expect(decide).toMatchObject({
      blockedBy: ['ASSESSMENTS_IN_OR_DUE'],
      needsInput: ['DECISION_GIVEN'],
      targets: ['ACTIVE', 'STOPPED'],
    });
  });
});
