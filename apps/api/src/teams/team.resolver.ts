import { worstRag, type Actor, type Rag } from '@hundred/domain';
import { permittedActions, TEAM_ACTIONS, teamActions, type TeamAction } from '@hundred/workflow';
import {
  Args,
  ArgsType,
  Context,
  Field,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  registerEnumType,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

import { Ctx, CurrentActor } from '../common/auth.js';
import { listOf, PageArgs, paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { Between, Int as IsInteger, Uuid } from '../common/validation.js';
import { Clock } from '../common/clock.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { COHORT } from '../cohorts/cohort.loaders.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { DeadlineView } from '../deadlines/deadline.types.js';
import { AvailableEvent } from '../workflow/available-events.js';
import { historyKey, TRANSITION_HISTORY, TransitionRecord } from '../workflow/history.js';
import { CheckInCalendar } from './check-in-calendar.js';
import { TeamCommentEventInput, TeamEventInput, TeamReasonEventInput } from './dto/team-event.inputs.js';
import { goalStatus } from './team-status.js';
import { Team, TeamMember } from './team.entity.js';
import { TeamService } from './team.service.js';
import { CheckIn, Goal, KpiChangeRequest, RagEnum } from './team.types.js';
import {
  CHANGE_REQUESTS_BY_TEAM,
  CHECK_INS_BY_TEAM,
  GOALS_BY_TEAM,
  TEAM_DEADLINES,
  TEAM_MEMBERS,
} from './teams.loaders.js';

export const TeamActionEnum = Object.fromEntries(TEAM_ACTIONS.map((a) => [a, a])) as Record<TeamAction, TeamAction>;
registerEnumType(TeamActionEnum, {
  name: 'TeamAction',
  description: 'A write on a team that is not a transition (a check-in, a member added, a goal edited).',
});

@ObjectType({ description: 'A check-in week: its number and due time.' })
class CheckInWeek {
  @Field(() => Int) week: number;
  @Field() dueAt: Date;
}

@ArgsType()
class TeamListArgs extends PageArgs(50, 500) {
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() cohortId?: string | null;
}

@ArgsType()
class CheckInListArgs {
  @Field(() => Int, { defaultValue: 30, description: 'How many, at most 200.' })
  @IsInteger()
  @Between(1, 200)
  limit: number;
}

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly calendar: CheckInCalendar,
    private readonly clock: Clock,
  ) {}

  @Query(() => Team, { description: 'A team you may see; refused alike when it does not exist.' })
  team(@Args('id', { type: () => UuidScalar }) id: string, @CurrentActor() actor: Actor): Promise<Team> {
    return this.teamService.visible(actor, id);
  }

  @Query(() => [Team], { description: 'The teams you may see, of one cohort or all, by name.', complexity: paged() })
  teams(@CurrentActor() actor: Actor, @Args() args: TeamListArgs): Promise<Team[]> {
    return this.teamService.listVisible(actor, args.cohortId, args);
  }

  @ResolveField(() => Cohort)
  async cohort(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Cohort> {
    return (await ctx.loaders.get(COHORT).load(team.cohortId))!;
  }

  @ResolveField(() => [TeamMember], { complexity: listOf(12) })
  members(@Parent() team: Team, @Context() ctx: RequestContext): Promise<TeamMember[]> {
    return ctx.loaders.get(TEAM_MEMBERS).load(team.id);
  }

  @ResolveField(() => [TransitionRecord], { complexity: listOf(10) })
  history(@Parent() team: Team, @Context() ctx: RequestContext): Promise<TransitionRecord[]> {
    return ctx.loaders.get(TRANSITION_HISTORY).load(historyKey('team', team.id));
  }

  @ResolveField(() => [Goal], { complexity: listOf(5) })
  goals(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Goal[]> {
    return ctx.loaders.get(GOALS_BY_TEAM).load(team.id);
  }

  @ResolveField(() => RagEnum, { description: 'The worst status of its goals (PRODUCT.md section 7).', complexity: 10 })
  async rag(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Rag> {
    const goals = await ctx.loaders.get(GOALS_BY_TEAM).load(team.id);
    return worstRag(await Promise.all(goals.map((g) => goalStatus(ctx, this.clock, g))));
  }

  @ResolveField(() => [CheckIn], {
    description: 'Check-ins, newest first, corrections and corrected ones alike.',
    complexity: paged(),
  })
  async checkIns(
    @Parent() team: Team,
    @Context() ctx: RequestContext,
    @Args() { limit }: CheckInListArgs,
  ): Promise<CheckIn[]> {
    return (await ctx.loaders.get(CHECK_INS_BY_TEAM).load(team.id)).slice(0, limit);
  }

  @ResolveField(() => [DeadlineView], {
    description: 'Every deadline that concerns the team (goals, weekly check-ins, its review, …), in calendar order.',
    complexity: listOf(20),
  })
  deadlines(@Parent() team: Team, @Context() ctx: RequestContext): Promise<DeadlineView[]> {
    return ctx.loaders.get(TEAM_DEADLINES).load(team.id);
  }

  @ResolveField(() => [KpiChangeRequest], { complexity: listOf(5) })
  changeRequests(@Parent() team: Team, @Context() ctx: RequestContext): Promise<KpiChangeRequest[]> {
    return ctx.loaders.get(CHANGE_REQUESTS_BY_TEAM).load(team.id);
  }

  @ResolveField(() => [CheckInWeek], {
    description: 'The weeks of the 100 days and when each check-in is due.',
    complexity: listOf(15, 200),
  })
  async weeks(@Parent() team: Team): Promise<CheckInWeek[]> {
    return (await this.calendar.weeks(team.cohortId)).map((dueAt, i) => ({ week: i + 1, dueAt }));
  }

  @ResolveField(() => [AvailableEvent], { complexity: listOf(5, 150) })
  availableEvents(@Parent() team: Team, @CurrentActor() actor: Actor, @Context() ctx: RequestContext) {
    return this.teamService.availableEvents(team, actor, ctx.lang);
  }

  @ResolveField(() => [TeamActionEnum], {
    description: 'What you may do on this team now besides its transitions (libs/workflow decides, as for writes).',
    complexity: 50,
  })
  async permittedActions(
    @Parent() team: Team,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<TeamAction[]> {
    const [members, cohort] = await Promise.all([
      ctx.loaders.get(TEAM_MEMBERS).load(team.id),
      ctx.loaders.get(COHORT).load(team.cohortId),
    ]);
    const roles = members.filter((m) => m.userId === actor.id).map((m) => m.role);
    return permittedActions(
      teamActions,
      { ...actor, teamRoles: { [team.id]: roles } },
      { state: team.state, resource: { type: 'team', id: team.id, leadAgencyId: team.leadAgencyId } },
      { cohortState: cohort?.state ?? '' },
    );
  }

  @ResolveField(() => [String], { description: 'Your roles on this team.' })
  async myRoles(@Parent() team: Team, @CurrentActor() actor: Actor, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(TEAM_MEMBERS).load(team.id)).filter((m) => m.userId === actor.id).map((m) => m.role);
  }

  // ---------------------------------------------------------------- the team's own events

  @Mutation(() => Team, { description: 'SUBMIT_GOALS: FORMING → GOALS_SUBMITTED (the team leader).' })
  submitTeamGoals(@Args('input') input: TeamEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.teamService.fire(actor, input.id, input.version, 'SUBMIT_GOALS', {}, ctx.ip);
  }

  @Mutation(() => Team, { description: 'RETURN_GOALS: GOALS_SUBMITTED → FORMING, with a comment (the office).' })
  returnTeamGoals(
    @Args('input') input: TeamCommentEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.teamService.fire(actor, input.id, input.version, 'RETURN_GOALS', { comment: input.comment }, ctx.ip);
  }

  @Mutation(() => Team, {
    description: 'APPROVE_GOALS: GOALS_SUBMITTED → READY; baselines and targets freeze (the office).',
  })
  approveTeamGoals(@Args('input') input: TeamEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.teamService.fire(actor, input.id, input.version, 'APPROVE_GOALS', {}, ctx.ip);
  }

  @Mutation(() => Team, {
    description: 'WITHDRAW: any state before COMPLETED → WITHDRAWN, with a reason (the office).',
  })
  withdrawTeam(@Args('input') input: TeamReasonEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.teamService.fire(actor, input.id, input.version, 'WITHDRAW', { reason: input.reason }, ctx.ip);
  }
}
