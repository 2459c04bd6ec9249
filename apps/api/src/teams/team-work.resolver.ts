import {
  calendarProblems,
  dayOf,
  kpiRag,
  localDateOf,
  trajectory,
  worstRag,
  type Actor,
  type Rag,
} from '@hundred/domain';
import {
  Args,
  Context,
  Field,
  Float,
  Int,
  Mutation,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';

import { ClockService } from '../clock/clock.service.js';
import { Ctx, CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../common/request-context.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { AvailableEvent } from '../cohorts/cohort.types.js';
import { User } from '../identity/user.entity.js';
import {
  ChangeRequestEventInput,
  ChangeRequestReasonInput,
  CorrectCheckInInput,
  CreateGoalInput,
  CreateKpiInput,
  DeleteInput,
  ProposeKpiChangeInput,
  ReviewCheckInInput,
  SubmitCheckInInput,
  TeamCommentEventInput,
  TeamEventInput,
  TeamMemberInput,
  TeamReasonEventInput,
  UpdateGoalInput,
  UpdateKpiInput,
} from './dto/team-work.inputs.js';
import { Team, TeamMember } from './team.entity.js';
import { TeamService } from './team.service.js';
import { TeamWorkService } from './team-work.service.js';
import { CheckIn, Goal, Kpi, KpiChangeRequest, KpiValue, RagEnum, TrajectoryPoint } from './team-work.types.js';

@ObjectType({ description: 'A check-in week: its number and due time.' })
class CheckInWeek {
  @Field(() => Int) week: number;
  @Field() dueAt: Date;
}

/**
 * What one request has worked out already: the calendar facts of each cohort and the status of
 * each KPI, asked for again by the KPI, its goal and its team. Kept with the request's context.
 */
const memos = new WeakMap<RequestContext, Map<string, Promise<unknown>>>();
function memo<T>(ctx: RequestContext, key: string, work: () => Promise<T>): Promise<T> {
  let cache = memos.get(ctx);
  if (!cache) memos.set(ctx, (cache = new Map()));
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) cache.set(key, (hit = work()));
  return hit;
}

/** The day of the 100 and the local date today, and the thresholds, for a team's cohort. */
async function ragContext(ctx: RequestContext, clock: ClockService, teamId: string) {
  const team = (await ctx.loaders.team.load(teamId))!;
  return memo(ctx, `cohort:${team.cohortId}`, async () => {
    const cohort = (await ctx.loaders.cohort.load(team.cohortId))!;
    const cal = calendarOf(cohort);
    const now = clock.now();
    const usable = calendarProblems(cal).every((p) => !['UNKNOWN_TIME_ZONE', 'BAD_DATE'].includes(p.code));
    return {
      day: usable ? dayOf(cal, now) : 0,
      today: usable ? localDateOf(cal, now) : now.toISOString().slice(0, 10),
      thresholds: cohort.ragThresholds,
    };
  });
}

function kpiStatus(ctx: RequestContext, clock: ClockService, kpi: Kpi): Promise<Rag> {
  return memo(ctx, `kpi:${kpi.id}`, async () => {
    const { day, today, thresholds } = await ragContext(ctx, clock, kpi.teamId);
    const latest = await ctx.loaders.latestValue.load(kpi.id);
    return kpiRag(kpi, latest, day, today, thresholds).status;
  });
}

async function goalStatus(ctx: RequestContext, clock: ClockService, goal: Goal): Promise<Rag> {
  const kpis = await ctx.loaders.kpisByGoal.load(goal.id);
  return worstRag(await Promise.all(kpis.map((k) => kpiStatus(ctx, clock, k))));
}

@Resolver(() => Team)
export class TeamWorkResolver {
  constructor(
    private readonly work: TeamWorkService,
    private readonly teams: TeamService,
    private readonly clock: ClockService,
  ) {}

  @ResolveField(() => [Goal])
  goals(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Goal[]> {
    return ctx.loaders.goalsByTeam.load(team.id);
  }

  @ResolveField(() => RagEnum, { description: 'The worst status of its goals (PRODUCT.md section 7).' })
  async rag(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Rag> {
    const goals = await ctx.loaders.goalsByTeam.load(team.id);
    return worstRag(await Promise.all(goals.map((g) => goalStatus(ctx, this.clock, g))));
  }

  @ResolveField(() => [CheckIn], { description: 'Check-ins, newest first, corrections and corrected ones alike.' })
  async checkIns(
    @Parent() team: Team,
    @Context() ctx: RequestContext,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<CheckIn[]> {
    return (await ctx.loaders.checkInsByTeam.load(team.id)).slice(0, Math.min(Math.max(limit, 1), 200));
  }

  @ResolveField(() => [KpiChangeRequest])
  changeRequests(@Parent() team: Team, @Context() ctx: RequestContext): Promise<KpiChangeRequest[]> {
    return ctx.loaders.changeRequestsByTeam.load(team.id);
  }

  @ResolveField(() => [CheckInWeek], { description: 'The weeks of the 100 days and when each check-in is due.' })
  async weeks(@Parent() team: Team): Promise<CheckInWeek[]> {
    return (await this.work.weeks(team.cohortId)).map((dueAt, i) => ({ week: i + 1, dueAt }));
  }

  @ResolveField(() => [AvailableEvent])
  availableEvents(@Parent() team: Team, @CurrentActor() actor: Actor, @Context() ctx: RequestContext) {
    return this.teams.availableEvents(team, actor, ctx.lang);
  }

  @ResolveField(() => [String], { description: 'Your roles on this team.' })
  myRoles(@Parent() team: Team, @CurrentActor() actor: Actor): Promise<string[]> {
    return this.teams.rolesOf(actor.id, team.id);
  }

  // ---------------------------------------------------------------- mutations

  @Mutation(() => Team, {
    description: 'Adds a person to the team in a role (members and coaches: the leader or the office).',
  })
  addTeamMember(@Args('input') input: TeamMemberInput, @CurrentActor() actor: Actor) {
    return this.work.addMember(actor, input);
  }

  @Mutation(() => Team)
  removeTeamMember(@Args('input') input: TeamMemberInput, @CurrentActor() actor: Actor) {
    return this.work.removeMember(actor, input);
  }

  @Mutation(() => Goal)
  createGoal(@Args('input') input: CreateGoalInput, @CurrentActor() actor: Actor) {
    return this.work.createGoal(actor, input);
  }

  @Mutation(() => Goal)
  updateGoal(@Args('input') input: UpdateGoalInput, @CurrentActor() actor: Actor) {
    return this.work.updateGoal(actor, input);
  }

  @Mutation(() => Boolean)
  deleteGoal(@Args('input') input: DeleteInput, @CurrentActor() actor: Actor) {
    return this.work.deleteGoal(actor, input.id, input.version);
  }

  @Mutation(() => Kpi)
  createKpi(@Args('input') input: CreateKpiInput, @CurrentActor() actor: Actor) {
    return this.work.createKpi(actor, input);
  }

  @Mutation(() => Kpi)
  updateKpi(@Args('input') input: UpdateKpiInput, @CurrentActor() actor: Actor) {
    return this.work.updateKpi(actor, input);
  }

  @Mutation(() => Boolean)
  deleteKpi(@Args('input') input: DeleteInput, @CurrentActor() actor: Actor) {
    return this.work.deleteKpi(actor, input.id, input.version);
  }

  @Mutation(() => Team, { description: 'SUBMIT_GOALS: FORMING → GOALS_SUBMITTED (the team leader).' })
  submitTeamGoals(@Args('input') input: TeamEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.work.fire(actor, input.id, input.version, 'SUBMIT_GOALS', {}, ctx.ip);
  }

  @Mutation(() => Team, { description: 'RETURN_GOALS: GOALS_SUBMITTED → FORMING, with a comment (the office).' })
  returnTeamGoals(
    @Args('input') input: TeamCommentEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.work.fire(actor, input.id, input.version, 'RETURN_GOALS', { comment: input.comment }, ctx.ip);
  }

  @Mutation(() => Team, {
    description: 'APPROVE_GOALS: GOALS_SUBMITTED → READY; baselines and targets freeze (the office).',
  })
  approveTeamGoals(@Args('input') input: TeamEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.work.fire(actor, input.id, input.version, 'APPROVE_GOALS', {}, ctx.ip);
  }

  @Mutation(() => Team, {
    description: 'WITHDRAW: any state before COMPLETED → WITHDRAWN, with a reason (the office).',
  })
  withdrawTeam(@Args('input') input: TeamReasonEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.work.fire(actor, input.id, input.version, 'WITHDRAW', { reason: input.reason }, ctx.ip);
  }

  @Mutation(() => CheckIn, { description: 'A weekly check-in (the team leader or a member).' })
  submitCheckIn(@Args('input') input: SubmitCheckInInput, @CurrentActor() actor: Actor) {
    return this.work.submitCheckIn(actor, input);
  }

  @Mutation(() => CheckIn, {
    description: 'A correction: a new check-in that supersedes an earlier one, with a reason.',
  })
  correctCheckIn(@Args('input') input: CorrectCheckInInput, @CurrentActor() actor: Actor) {
    return this.work.correctCheckIn(actor, input);
  }

  @Mutation(() => CheckIn, { description: 'The coach acknowledges a check-in or returns it for revision.' })
  reviewCheckIn(@Args('input') input: ReviewCheckInInput, @CurrentActor() actor: Actor) {
    return this.work.review(actor, input);
  }

  @Mutation(() => KpiChangeRequest, { description: 'Asks to change a frozen baseline or target (the team leader).' })
  proposeKpiChange(@Args('input') input: ProposeKpiChangeInput, @CurrentActor() actor: Actor) {
    return this.work.proposeChange(actor, input);
  }

  @Mutation(() => KpiChangeRequest, {
    description: 'APPROVE: the KPI takes the new values; the original stays on record.',
  })
  approveKpiChange(@Args('input') input: ChangeRequestEventInput, @CurrentActor() actor: Actor) {
    return this.work.decideChange(actor, input.id, input.version, 'APPROVE', null);
  }

  @Mutation(() => KpiChangeRequest, { description: 'REJECT, with a reason.' })
  rejectKpiChange(@Args('input') input: ChangeRequestReasonInput, @CurrentActor() actor: Actor) {
    return this.work.decideChange(actor, input.id, input.version, 'REJECT', input.reason);
  }
}

@Resolver(() => Goal)
export class GoalResolver {
  constructor(private readonly clock: ClockService) {}

  @ResolveField(() => [Kpi])
  kpis(@Parent() goal: Goal, @Context() ctx: RequestContext): Promise<Kpi[]> {
    return ctx.loaders.kpisByGoal.load(goal.id);
  }

  @ResolveField(() => RagEnum, { description: 'The worst status of its KPIs.' })
  rag(@Parent() goal: Goal, @Context() ctx: RequestContext): Promise<Rag> {
    return goalStatus(ctx, this.clock, goal);
  }
}

@Resolver(() => Kpi)
export class KpiResolver {
  constructor(private readonly clock: ClockService) {}

  @ResolveField(() => KpiValue, { nullable: true, description: 'The latest value among check-ins not superseded.' })
  latestValue(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<KpiValue | null> {
    return ctx.loaders.latestValue.load(kpi.id);
  }

  @ResolveField(() => [KpiValue], { description: 'Every value, oldest first (for the chart).' })
  values(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<KpiValue[]> {
    return ctx.loaders.kpiValues.load(kpi.id);
  }

  @ResolveField(() => RagEnum)
  rag(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<Rag> {
    return kpiStatus(ctx, this.clock, kpi);
  }

  @ResolveField(() => Float, { description: 'The value expected today on the line from baseline to target.' })
  async expected(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<number> {
    const { day, today, thresholds } = await ragContext(ctx, this.clock, kpi.teamId);
    return kpiRag(kpi, null, day, today, thresholds).expected;
  }

  @ResolveField(() => Float, { nullable: true, description: 'Progress toward the expected value (1 = on track).' })
  async progress(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<number | null> {
    const { day, today, thresholds } = await ragContext(ctx, this.clock, kpi.teamId);
    return kpiRag(kpi, await ctx.loaders.latestValue.load(kpi.id), day, today, thresholds).progress;
  }

  @ResolveField(() => [TrajectoryPoint], {
    description: 'The expected line from baseline (day 1) to target (day 100).',
  })
  trajectory(@Parent() kpi: Kpi): TrajectoryPoint[] {
    return trajectory(kpi);
  }
}

@Resolver(() => CheckIn)
export class CheckInResolver {
  @ResolveField(() => User)
  async submittedBy(@Parent() c: CheckIn, @Context() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(c.submittedById))!;
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @ResolveField(() => User)
  async user(@Parent() m: TeamMember, @Context() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(m.userId))!;
  }
}

export const TEAM_WORK_RESOLVERS = [TeamWorkResolver, GoalResolver, KpiResolver, CheckInResolver, TeamMemberResolver];
