import { AlignmentNode } from './alignment/alignment-node.entity.js';
import { AlignmentModule } from './alignment/alignment.module.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { AuditModule } from './audit/audit.module.js';
import { Challenge } from './challenges/challenge.entity.js';
import { ChallengesModule } from './challenges/challenges.module.js';
import { ClockModule } from './clock/clock.module.js';
import { Cohort } from './cohorts/cohort.entity.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { createDataSource, type DatabaseSchema, type PoolOptions } from './database/data-source.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DeadlinesWorkerModule } from './deadlines/deadlines-worker.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { Agency } from './identity/agency.entity.js';
import { IdentityModule } from './identity/identity.module.js';
import { Session } from './identity/session.entity.js';
import { User } from './identity/user.entity.js';
import { Foundation1763900000000 } from './migrations/1763900000000-foundation.js';
import { Workflow1763910000000 } from './migrations/1763910000000-workflow.js';
import { Challenges1763920000000 } from './migrations/1763920000000-challenges.js';
import { TeamWork1763930000000 } from './migrations/1763930000000-team-work.js';
import { MissedCheckInRuns1764000000000 } from './migrations/1764000000000-missed-check-in-runs.js';
import { MidpointReview1764100000000 } from './migrations/1764100000000-midpoint-review.js';
import { TeamDeadlines1764110000000 } from './migrations/1764110000000-team-deadlines.js';
import { ResultsAndSustainment1764200000000 } from './migrations/1764200000000-results-and-sustainment.js';
import { TasksAndAuditSearch1764300000000 } from './migrations/1764300000000-tasks-and-audit-search.js';
import { Dashboard1764310000000 } from './migrations/1764310000000-dashboard.js';
import { Exports1764400000000 } from './migrations/1764400000000-exports.js';
import { MyTasksPaging1764500000000 } from './migrations/1764500000000-my-tasks-paging.js';
import { TeamStanding1764510000000 } from './migrations/1764510000000-team-standing.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { WorkerModule } from './jobs/worker.module.js';
import { OutboxMessage } from './outbox/outbox-message.entity.js';
import { OutboxWorkerModule } from './outbox/outbox-worker.module.js';
import { ResultsModule } from './results/results.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { SustainmentModule } from './sustainment/sustainment.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { AuditViewModule } from './audit-view/audit-view.module.js';
import { Team } from './teams/team.entity.js';
import { TeamsModule } from './teams/teams.module.js';

/**
 * What the application is made of, listed once: its feature modules, its tables and its
 * migrations. The infrastructure folders know none of these; the composition (`app.module.ts`,
 * the entry points, seed, benchmarks and tests) takes them from here.
 */
export const FEATURE_MODULES = [
  IdentityModule,
  AuditModule,
  NotificationsModule,
  ClockModule,
  CohortsModule,
  AlignmentModule,
  TeamsModule,
  ChallengesModule,
  ReviewsModule,
  ResultsModule,
  SustainmentModule,
  TasksModule,
  AuditViewModule,
  ExportsModule,
  DashboardModule,
];

/** What only the worker role runs: the queues' workers and the handlers of the infrastructure's own jobs. */
export const WORKER_MODULES = [WorkerModule, DeadlinesWorkerModule, OutboxWorkerModule];

/** Every entity and every migration, listed explicitly (no globs: the same list in tests and builds). */
export const SCHEMA: DatabaseSchema = {
  entities: [Agency, User, Session, AuditEvent, OutboxMessage, Notification, Cohort, AlignmentNode, Challenge, Team],
  migrations: [
    Foundation1763900000000,
    Workflow1763910000000,
    Challenges1763920000000,
    TeamWork1763930000000,
    MissedCheckInRuns1764000000000,
    MidpointReview1764100000000,
    TeamDeadlines1764110000000,
    ResultsAndSustainment1764200000000,
    TasksAndAuditSearch1764300000000,
    Dashboard1764310000000,
    Exports1764400000000,
    MyTasksPaging1764500000000,
    TeamStanding1764510000000,
  ],
};

export const createAppDataSource = (databaseUrl: string, applicationName?: string, pool?: PoolOptions) =>
  createDataSource(databaseUrl, SCHEMA, applicationName, pool);
