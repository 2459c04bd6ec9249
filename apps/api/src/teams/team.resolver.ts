import type { Actor } from '@hundred/domain';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';

import { CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../common/request-context.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { historyOf } from '../cohorts/cohort.resolver.js';
import { TransitionRecord } from '../cohorts/cohort.types.js';
import { Team, TeamMember } from './team.entity.js';
import { TeamService } from './team.service.js';

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => Team, { description: 'A team you may see; refused alike when it does not exist.' })
  team(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<Team> {
    return this.teamService.visible(actor, id);
  }

  @Query(() => [Team], { description: 'The teams you may see, of one cohort or all.' })
  teams(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, nullable: true }) cohortId?: string | null,
  ): Promise<Team[]> {
    return this.teamService.listVisible(actor, cohortId);
  }

  @ResolveField(() => Cohort)
  async cohort(@Parent() team: Team, @Context() ctx: RequestContext): Promise<Cohort> {
    return (await ctx.loaders.cohort.load(team.cohortId))!;
  }

  @ResolveField(() => [TeamMember])
  members(@Parent() team: Team, @Context() ctx: RequestContext): Promise<TeamMember[]> {
    return ctx.loaders.teamMembers.load(team.id);
  }

  @ResolveField(() => [TransitionRecord])
  history(@Parent() team: Team, @Context() ctx: RequestContext): Promise<TransitionRecord[]> {
    return historyOf(this.dataSource, 'team', team.id, ctx);
  }
}
