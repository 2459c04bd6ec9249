import { TEAM_STANDINGS, type TeamStanding } from '@hundred/domain';
import type { CohortState } from '@hundred/workflow';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { CohortStateEnum } from '../cohorts/cohort.types.js';
import { listOf } from '../common/paging.js';

export const TeamStandingEnum = Object.fromEntries(TEAM_STANDINGS.map((s) => [s, s])) as Record<
  TeamStanding,
  TeamStanding
>;
registerEnumType(TeamStandingEnum, {
  name: 'TeamStanding',
  description: 'Where a team stands: its status (GREEN, AMBER, RED, GREY), or WITHDRAWN or STOPPED, counted apart.',
});

export const AGENCY_ROLES = ['LEAD', 'PARTNER'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];
export const AgencyRoleEnum = Object.fromEntries(AGENCY_ROLES.map((s) => [s, s])) as Record<AgencyRole, AgencyRole>;
registerEnumType(AgencyRoleEnum, { name: 'AgencyRole', description: "An agency's part in a team: lead or partner." });

/** What became of a team after day 100, as the dashboard counts it. */
export const TEAM_RESULTS = [
  'ACHIEVED',
  'PARTIALLY_ACHIEVED',
  'NOT_ACHIEVED',
  'AWAITING_OUTCOME',
  'SUSTAINING',
  'SUSTAINED',
  'SCALED',
  'LAPSED',
] as const;
export type TeamResult = (typeof TEAM_RESULTS)[number];
export const TeamResultEnum = Object.fromEntries(TEAM_RESULTS.map((s) => [s, s])) as Record<TeamResult, TeamResult>;
registerEnumType(TeamResultEnum, {
  name: 'TeamResult',
  description:
    'After day 100: the outcome recorded (or AWAITING_OUTCOME), and the sustainment: SUSTAINING (plan open), SUSTAINED, SCALED or LAPSED.',
});

@ObjectType({ description: 'Teams counted by where they stand; withdrawn and stopped ones apart.' })
export class StandingCounts {
  @Field(() => Int) green: number;
  @Field(() => Int) amber: number;
  @Field(() => Int) red: number;
  @Field(() => Int, { description: 'No value newer than the cohort allows (nobody knows).' }) grey: number;
  @Field(() => Int) withdrawn: number;
  @Field(() => Int) stopped: number;
  @Field(() => Int) total: number;
}

@ObjectType({ description: 'Teams past day 100 by outcome and by what became of the result.' })
export class ResultCounts {
  @Field(() => Int, { description: 'Teams of cohorts past day 100, withdrawn and stopped ones left out.' })
  teams: number;
  @Field(() => Int) achieved: number;
  @Field(() => Int) partiallyAchieved: number;
  @Field(() => Int) notAchieved: number;
  @Field(() => Int, { description: 'No outcome recorded yet.' }) awaitingOutcome: number;
  @Field(() => Int, { description: 'Sustainment plan running.' }) sustaining: number;
  @Field(() => Int) sustained: number;
  @Field(() => Int) scaled: number;
  @Field(() => Int) lapsed: number;
}

@ObjectType({ description: 'One cohort at a glance.' })
export class DashboardCohort {
  @Field(() => ID) cohortId: string;
  @Field() nameAr: string;
  @Field() nameEn: string;
  @Field(() => CohortStateEnum) state: CohortState;
  @Field(() => Int, { description: 'Today as a day of the 100 (negative before day 1).' }) day: number;
  @Field(() => StandingCounts) teams: StandingCounts;
  @Field(() => Int, {
    description:
      'Obligations past due and still owed: missed weekly check-ins, goals, assessments, final reports, checkpoint reports.',
  })
  overdue: number;
  @Field(() => Float, { nullable: true, description: 'Mean KPI attainment of its teams (0–1), when any has KPIs.' })
  attainment: number | null;
  @Field(() => ResultCounts, { nullable: true, description: 'From day 100 on.' })
  results: ResultCounts | null;
}

@ObjectType({ description: 'Teams whose KPI attainment is from `from` up to `to` (no upper bound: reached).' })
export class AttainmentBand {
  @Field(() => Float) from: number;
  @Field(() => Float, { nullable: true }) to: number | null;
  @Field(() => Int) teams: number;
}

@ObjectType({ description: 'KPI attainment across teams: its distribution and mean.' })
export class AttainmentSummary {
  @Field(() => Int, { description: 'Teams with KPIs counted (withdrawn and stopped ones left out).' })
  teams: number;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => [AttainmentBand], { complexity: listOf(5) }) bands: AttainmentBand[];
}

@ObjectType({ description: 'The results of the teams aligned with one pillar of the results framework.' })
export class PillarFigures {
  @Field(() => ID) pillarId: string;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field() nameAr: string;
  @Field() nameEn: string;
  @Field(() => StandingCounts) teams: StandingCounts;
  @Field(() => Float, { nullable: true }) attainment: number | null;
}

@ObjectType({ description: "The results of an agency's teams, as their lead and as a partner." })
export class AgencyFigures {
  @Field(() => ID) agencyId: string;
  @Field() code: string;
  @Field() nameAr: string;
  @Field() nameEn: string;
  @Field(() => StandingCounts) lead: StandingCounts;
  @Field(() => StandingCounts) partner: StandingCounts;
  @Field(() => Float, { nullable: true, description: 'Mean KPI attainment of the teams it leads.' })
  attainment: number | null;
}

@ObjectType({ description: "Where a cohort's teams stood at the end of one week of the 100 days." })
export class RagWeek {
  @Field(() => Int) week: number;
  @Field({ description: 'The last day of the week (today for this week), YYYY-MM-DD, local date of the cohort.' })
  endsOn: string;
  @Field(() => StandingCounts) teams: StandingCounts;
}

@ObjectType({ description: 'The leadership dashboard: the figures of the teams the reader may see.' })
export class Dashboard {
  @Field({ description: 'Whether the figures are of every team (the office, leadership) or of the reader’s part.' })
  everything: boolean;
  @Field(() => StandingCounts) teams: StandingCounts;
  @Field(() => Int) overdue: number;
  @Field(() => [DashboardCohort], { complexity: listOf(50) }) cohorts: DashboardCohort[];
  @Field(() => AttainmentSummary) attainment: AttainmentSummary;
  @Field(() => [PillarFigures], { complexity: listOf(10) }) byPillar: PillarFigures[];
  @Field(() => [AgencyFigures], { complexity: listOf(30) }) byAgency: AgencyFigures[];
  @Field(() => [RagWeek], {
    description:
      'Week by week, where the teams stood (only when one cohort is chosen; each KPI by its latest value of that week).',
    complexity: listOf(15),
  })
  trend: RagWeek[];
  @Field(() => ResultCounts) results: ResultCounts;
}
