import { AlignmentResolver } from '../alignment/alignment.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { ChallengeResolver, ChallengeScoreResolver } from '../challenges/challenge.resolver.js';
import { TeamResolver } from '../teams/team.resolver.js';
import { TEAM_WORK_RESOLVERS } from '../teams/team-work.resolver.js';
import { ClockResolver } from '../clock/clock.resolver.js';
import { CohortResolver } from '../cohorts/cohort.resolver.js';
import { AgencyResolver, UserResolver } from '../identity/identity.resolver.js';
import { NotificationResolver } from '../notifications/notification.resolver.js';

/**
 * Every resolver of the API, for emitting the schema without starting the app. An integration
 * test checks that the running app's schema equals the one emitted from this list.
 */
export const ALL_RESOLVERS = [
  UserResolver,
  AgencyResolver,
  AuditResolver,
  NotificationResolver,
  CohortResolver,
  ClockResolver,
  AlignmentResolver,
  ChallengeResolver,
  ChallengeScoreResolver,
  TeamResolver,
  ...TEAM_WORK_RESOLVERS,
];
