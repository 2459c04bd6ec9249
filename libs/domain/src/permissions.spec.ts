import {
  ACTIONS,
  can,
  dashboardScope,
  landsOnDashboard,
  type Action,
  type Actor,
  type Resource,
} from './permissions.js';
import { GLOBAL_ROLES, type GlobalRole } from './roles.js';

const actor = (roles: GlobalRole[], over: Partial<Actor> = {}): Actor => ({
  id: 'me',
  agencyId: 'agency-1',
  roles,
  ...over,
});

/** The resource each action is asked about in the table below: someone else, in another agency. */
const RESOURCE: Record<Action, Resource> = {
  'agency.read': { type: 'agency' },
  'agency.create': { type: 'agency' },
  'agency.update': { type: 'agency', id: 'agency-2' },
  'user.list': { type: 'user' },
  'user.read': { type: 'user', id: 'other', agencyId: 'agency-2' },
  'user.create': { type: 'user' },
  'user.update': { type: 'user', id: 'other' },
  'user.changeRoles': { type: 'user', id: 'other' },
  'user.unlock': { type: 'user' },
  'profile.update': { type: 'user', id: 'other' },
  'audit.read': { type: 'audit' },
  'audit.search': { type: 'audit' },
  'cohort.read': { type: 'cohort', id: 'c1' },
  'cohort.create': { type: 'cohort' },
  'cohort.update': { type: 'cohort', id: 'c1' },
  'cohort.report': { type: 'cohort', id: 'c1' },
  'clock.advance': { type: 'clock' },
  'challenge.read': {
    type: 'challenge',
    id: 'ch1',
    leadAgencyId: 'agency-2',
    partnerAgencyIds: ['agency-3'],
    state: 'SUBMITTED',
  },
  'challenge.create': { type: 'challenge', leadAgencyId: 'agency-2' },
  'challenge.edit': { type: 'challenge', id: 'ch1', leadAgencyId: 'agency-2', state: 'IN_SCREENING' },
  'challenge.score': { type: 'challenge', id: 'ch1', leadAgencyId: 'agency-2', state: 'IN_SCREENING' },
  'challenge.comment': { type: 'challenge', id: 'ch1', leadAgencyId: 'agency-2', state: 'IN_SCREENING' },
  'challenge.nameLeaders': { type: 'challenge', id: 'ch1', leadAgencyId: 'agency-2', state: 'RECOMMENDED' },
  'alignment.read': { type: 'alignment' },
  'alignment.manage': { type: 'alignment' },
  'team.read': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.manageMembers': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.manageLeaders': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.editGoals': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.checkIn': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.reviewCheckIn': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.proposeChange': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.decideChange': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.assignReviewers': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.writeReport': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.draftPlan': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.signPledge': { type: 'team', id: 't1', leadAgencyId: 'agency-2' },
  'team.reportCheckpoint': { type: 'team', id: 't1', leadAgencyId: 'agency-2', ownerAgencyId: 'agency-2' },
  'review.read': { type: 'review', cohortId: 'c1' },
  'review.decide': { type: 'review', cohortId: 'c1' },
  'dashboard.read': { type: 'dashboard' },
};

/** Who may do what: every role × every action of identity and administration. */
const EXPECTED: Record<GlobalRole | 'NONE', Action[]> = {
  ADMIN: [
    'agency.read',
    'agency.create',
    'agency.update',
    'user.list',
    'user.read',
    'user.create',
    'user.update',
    'user.changeRoles',
    'user.unlock',
    'audit.read',
    'audit.search',
    'cohort.read',
    'cohort.create',
    'cohort.update',
    'cohort.report',
    'clock.advance',
    'challenge.read',
    'challenge.create',
    'challenge.edit',
    'challenge.score',
    'challenge.comment',
    'challenge.nameLeaders',
    'alignment.read',
    'alignment.manage',
    'team.read',
    'team.manageMembers',
    'team.manageLeaders',
    'team.decideChange',
    'team.assignReviewers',
    'review.read',
    'review.decide',
    'dashboard.read',
  ],
  LEADERSHIP: [
    'agency.read',
    'user.list',
    'user.read',
    'audit.read',
    'cohort.read',
    'cohort.report',
    'challenge.read',
    'challenge.comment',
    'challenge.nameLeaders',
    'alignment.read',
    'team.read',
    'review.read',
    'dashboard.read',
  ],
  FOCAL_POINT: ['agency.read', 'cohort.read', 'alignment.read', 'dashboard.read'],
  REVIEWER: ['agency.read', 'cohort.read', 'alignment.read', 'dashboard.read'],
  NONE: ['agency.read', 'cohort.read', 'alignment.read', 'dashboard.read'],
};

describe('can(): every role and action', () => {
  for (const role of [...GLOBAL_ROLES, 'NONE'] as const) {
    const a = actor(role === 'NONE' ? [] : [role]);
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(a, action, RESOURCE[action])).toBe(allowed);
      });
    }
  }
});

describe('can(): rules that depend on the resource', () => {
  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) {
      expect(can(null, action, RESOURCE[action])).toBe(false);
      expect(can(undefined, action, RESOURCE[action])).toBe(false);
    }
  });

  it('lets anyone read and update their own profile, not another one', () => {
    const me = actor(['REVIEWER']);
    expect(can(me, 'user.read', { type: 'user', id: 'me', agencyId: 'agency-9' })).toBe(true);
    expect(can(me, 'profile.update', { type: 'user', id: 'me' })).toBe(true);
    expect(can(actor(['ADMIN']), 'profile.update', { type: 'user', id: 'other' })).toBe(false);
  });

  it('lets a focal point read people of their own agency only', () => {
    const focal = actor(['FOCAL_POINT']);
    expect(can(focal, 'user.list', { type: 'user', agencyId: 'agency-1' })).toBe(true);
    expect(can(focal, 'user.list', { type: 'user', agencyId: 'agency-2' })).toBe(false);
    expect(can(focal, 'user.list', { type: 'user' })).toBe(false);
    expect(can(focal, 'user.read', { type: 'user', id: 'x', agencyId: 'agency-1' })).toBe(true);
    expect(can(focal, 'user.read', { type: 'user', id: 'x', agencyId: 'agency-2' })).toBe(false);
    expect(can(focal, 'user.read', { type: 'user', id: 'x' })).toBe(false);
    expect(can(actor(['REVIEWER']), 'user.read', { type: 'user', id: 'x', agencyId: 'agency-1' })).toBe(false);
  });

  it('combines the grants of several roles', () => {
    const both = actor(['FOCAL_POINT', 'LEADERSHIP']);
    expect(can(both, 'user.list', { type: 'user' })).toBe(true);
    expect(can(both, 'user.changeRoles', { type: 'user', id: 'x' })).toBe(false);
  });

  it("lets a focal point work on their own agency's challenges only, and read those it partners in", () => {
    const focal = actor(['FOCAL_POINT']);
    const own = { type: 'challenge', id: 'c', leadAgencyId: 'agency-1', partnerAgencyIds: [], state: 'DRAFT' } as const;
    const partner = {
      type: 'challenge',
      id: 'c',
      leadAgencyId: 'agency-9',
      partnerAgencyIds: ['agency-1'],
      state: 'SUBMITTED',
    } as const;
    const other = {
      type: 'challenge',
      id: 'c',
      leadAgencyId: 'agency-9',
      partnerAgencyIds: ['agency-8'],
      state: 'DRAFT',
    } as const;
    expect(can(focal, 'challenge.create', { type: 'challenge', leadAgencyId: 'agency-1' })).toBe(true);
    expect(can(focal, 'challenge.create', { type: 'challenge', leadAgencyId: 'agency-9' })).toBe(false);
    expect(can(focal, 'challenge.edit', own)).toBe(true);
    expect(can(focal, 'challenge.edit', { ...own, state: 'RETURNED' })).toBe(true);
    expect(can(focal, 'challenge.edit', { ...own, state: 'SUBMITTED' })).toBe(false);
    expect(can(focal, 'challenge.read', partner)).toBe(true);
    expect(can(focal, 'challenge.edit', { ...partner, state: 'DRAFT' })).toBe(false);
    expect(can(focal, 'challenge.read', other)).toBe(false);
    expect(can(focal, 'challenge.comment', other)).toBe(false);
    expect(can(actor(['REVIEWER']), 'challenge.read', own)).toBe(false);
  });

  it("lets a team's own people and its lead agency's focal points read it", () => {
    const team = { type: 'team', id: 't1', leadAgencyId: 'agency-9' } as const;
    expect(can(actor([], { teamRoles: { t1: ['TEAM_MEMBER'] } }), 'team.read', team)).toBe(true);
    expect(can(actor([], { teamRoles: { t2: ['TEAM_LEAD'] } }), 'team.read', team)).toBe(false);
    expect(can(actor(['FOCAL_POINT'], { agencyId: 'agency-9' }), 'team.read', team)).toBe(true);
    expect(can(actor(['FOCAL_POINT']), 'team.read', team)).toBe(false);
  });

  it('gives each team role its own rights on its own team only', () => {
    const team = { type: 'team', id: 't1', leadAgencyId: 'agency-9' } as const;
    const on = (role: 'SPONSOR' | 'TEAM_LEAD' | 'COACH' | 'TEAM_MEMBER', teamId = 't1') =>
      actor([], { teamRoles: { [teamId]: [role] } });
    const rights = (a: Actor) =>
      (
        ['team.manageMembers', 'team.editGoals', 'team.checkIn', 'team.reviewCheckIn', 'team.proposeChange'] as const
      ).filter((x) => can(a, x, team));
    expect(rights(on('TEAM_LEAD'))).toEqual([
      'team.manageMembers',
      'team.editGoals',
      'team.checkIn',
      'team.proposeChange',
    ]);
    expect(rights(on('TEAM_MEMBER'))).toEqual(['team.checkIn']);
    expect(rights(on('COACH'))).toEqual(['team.reviewCheckIn']);
    expect(rights(on('SPONSOR'))).toEqual([]);
    // The same roles on another team give nothing here.
    expect(rights(on('TEAM_LEAD', 't2'))).toEqual([]);
    expect(rights(on('TEAM_MEMBER', 't2'))).toEqual([]);
  });

  it('lets the office edit a challenge until it is decided', () => {
    const office = actor(['ADMIN']);
    for (const state of ['DRAFT', 'SUBMITTED', 'IN_SCREENING', 'RETURNED', 'RECOMMENDED']) {
      expect(can(office, 'challenge.edit', { type: 'challenge', id: 'c', state })).toBe(true);
    }
    for (const state of ['APPROVED', 'REJECTED', 'DEFERRED', 'WITHDRAWN']) {
      expect(can(office, 'challenge.edit', { type: 'challenge', id: 'c', state })).toBe(false);
      expect(can(office, 'challenge.nameLeaders', { type: 'challenge', id: 'c', state })).toBe(false);
    }
  });

  it('refuses an action asked about the wrong kind of resource', () => {
    const office = actor(['ADMIN']);
    expect(can(office, 'agency.create', { type: 'user' })).toBe(false);
    expect(can(office, 'user.changeRoles', { type: 'agency' })).toBe(false);
    expect(can(office, 'audit.read', { type: 'user' })).toBe(false);
  });

  it('lets a reviewer read the teams they are assigned to review, and no other', () => {
    const reviewer = actor(['REVIEWER']);
    const team = { type: 'team', id: 't1', leadAgencyId: 'agency-9' } as const;
    expect(can(reviewer, 'team.read', { ...team, reviewerIds: ['me', 'other'] })).toBe(true);
    expect(can(reviewer, 'team.read', { ...team, reviewerIds: ['other'] })).toBe(false);
    expect(can(actor([]), 'team.read', { ...team, reviewerIds: ['me'] })).toBe(false);
    expect(can(reviewer, 'team.checkIn', { ...team, reviewerIds: ['me'] })).toBe(false);
  });

  it("lets the sponsor alone sign the pledge, and the owner agency's focal point report checkpoints", () => {
    const team = { type: 'team', id: 't1', leadAgencyId: 'agency-9', ownerAgencyId: 'agency-1' } as const;
    const on = (role: 'SPONSOR' | 'TEAM_LEAD') => actor(['ADMIN'], { teamRoles: { t1: [role] } });
    expect(can(on('SPONSOR'), 'team.signPledge', team)).toBe(true);
    expect(can(on('TEAM_LEAD'), 'team.signPledge', team)).toBe(false);
    expect(can(actor(['ADMIN']), 'team.signPledge', team)).toBe(false);
    expect(can(actor(['FOCAL_POINT']), 'team.reportCheckpoint', team)).toBe(true);
    expect(can(actor(['FOCAL_POINT'], { agencyId: 'agency-9' }), 'team.reportCheckpoint', team)).toBe(false);
    expect(can(on('TEAM_LEAD'), 'team.draftPlan', team)).toBe(true);
  });
});

describe('dashboardScope(): the part of the accelerator the dashboard counts', () => {
  it('is everything for the office and leadership', () => {
    expect(dashboardScope(actor(['ADMIN']))).toEqual({ everything: true });
    expect(dashboardScope(actor(['LEADERSHIP']))).toEqual({ everything: true });
  });
  it("is a focal point's agency and own teams, and anyone else's own teams", () => {
    expect(dashboardScope(actor(['FOCAL_POINT']))).toEqual({
      everything: false,
      leadAgencyId: 'agency-1',
      ownTeams: true,
    });
    expect(dashboardScope(actor([]))).toEqual({ everything: false, leadAgencyId: null, ownTeams: true });
    expect(dashboardScope(actor(['REVIEWER']))).toEqual({ everything: false, leadAgencyId: null, ownTeams: true });
  });
  it('lands leadership on the dashboard, and no one else', () => {
    expect(landsOnDashboard(actor(['LEADERSHIP']))).toBe(true);
    expect(landsOnDashboard(actor(['ADMIN', 'LEADERSHIP']))).toBe(false);
    expect(landsOnDashboard(actor(['FOCAL_POINT']))).toBe(false);
  });
});
