import { kpiRag, trajectory, type Actor, type Rag } from '@hundred/domain';
import { Args, Context, Float, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import { listOf } from '../common/paging.js';
import { Clock } from '../common/clock.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { CreateGoalInput, CreateKpiInput, DeleteInput, UpdateGoalInput, UpdateKpiInput } from './dto/goal.inputs.js';
import { GoalsService } from './goals.service.js';
import { goalStatus, kpiStatus, ragContext } from './team-status.js';
import { Goal, Kpi, KpiValue, RagEnum, TrajectoryPoint } from './team.types.js';
import { KPI_VALUES, KPIS_BY_GOAL, LATEST_VALUE } from './teams.loaders.js';

/** Goals and KPIs: drafted while the team forms (the team leader). */
@Resolver(() => Goal)
export class GoalsResolver {
  constructor(
    private readonly goals: GoalsService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => [Kpi], { complexity: listOf(5) })
  kpis(@Parent() goal: Goal, @Context() ctx: RequestContext): Promise<Kpi[]> {
    return ctx.loaders.get(KPIS_BY_GOAL).load(goal.id);
  }

  @ResolveField(() => RagEnum, { description: 'The worst status of its KPIs.', complexity: 5 })
  rag(@Parent() goal: Goal, @Context() ctx: RequestContext): Promise<Rag> {
    return goalStatus(ctx, this.clock, goal);
  }

  @Mutation(() => Goal)
  createGoal(@Args('input') input: CreateGoalInput, @CurrentActor() actor: Actor) {
    return this.goals.createGoal(actor, input);
  }

  @Mutation(() => Goal)
  updateGoal(@Args('input') input: UpdateGoalInput, @CurrentActor() actor: Actor) {
    return this.goals.updateGoal(actor, input);
  }

  @Mutation(() => Boolean)
  deleteGoal(@Args('input') input: DeleteInput, @CurrentActor() actor: Actor) {
    return this.goals.deleteGoal(actor, input.id, input.version);
  }

  @Mutation(() => Kpi)
  createKpi(@Args('input') input: CreateKpiInput, @CurrentActor() actor: Actor) {
    return this.goals.createKpi(actor, input);
  }

  @Mutation(() => Kpi)
  updateKpi(@Args('input') input: UpdateKpiInput, @CurrentActor() actor: Actor) {
    return this.goals.updateKpi(actor, input);
  }

  @Mutation(() => Boolean)
  deleteKpi(@Args('input') input: DeleteInput, @CurrentActor() actor: Actor) {
    return this.goals.deleteKpi(actor, input.id, input.version);
  }
}

@Resolver(() => Kpi)
export class KpiResolver {
  constructor(private readonly clock: Clock) {}

  @ResolveField(() => KpiValue, { nullable: true, description: 'The latest value among check-ins not superseded.' })
  latestValue(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<KpiValue | null> {
    return ctx.loaders.get(LATEST_VALUE).load(kpi.id);
  }

  @ResolveField(() => [KpiValue], { description: 'Every value, oldest first (for the chart).', complexity: listOf(15) })
  values(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<KpiValue[]> {
    return ctx.loaders.get(KPI_VALUES).load(kpi.id);
  }

  @ResolveField(() => RagEnum, { complexity: 5 })
  rag(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<Rag> {
    return kpiStatus(ctx, this.clock, kpi);
  }

  @ResolveField(() => Float, {
    description: 'The value expected today on the line from baseline to target.',
    complexity: 5,
  })
  async expected(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<number> {
    const { day, today, thresholds } = await ragContext(ctx, this.clock, kpi.teamId);
    return kpiRag(kpi, null, day, today, thresholds).expected;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Progress toward the expected value (1 = on track).',
    complexity: 5,
  })
  async progress(@Parent() kpi: Kpi, @Context() ctx: RequestContext): Promise<number | null> {
    const { day, today, thresholds } = await ragContext(ctx, this.clock, kpi.teamId);
    return kpiRag(kpi, await ctx.loaders.get(LATEST_VALUE).load(kpi.id), day, today, thresholds).progress;
  }

  @ResolveField(() => [TrajectoryPoint], {
    description: 'The expected line from baseline (day 1) to target (day 100).',
    complexity: listOf(11, 5),
  })
  trajectory(@Parent() kpi: Kpi): TrajectoryPoint[] {
    return trajectory(kpi);
  }
}
