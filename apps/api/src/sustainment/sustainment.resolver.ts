import { type Actor } from '@hundred/domain';
import { permittedActions, teamActions, type TeamAction } from '@hundred/workflow';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Ctx, CurrentActor } from '../common/auth.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { COHORT } from '../cohorts/cohort.loaders.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { TeamEventInput } from '../teams/dto/team-event.inputs.js';
import { FINAL_REPORT_OF_TEAM } from '../results/results.loaders.js';
import { Team } from '../teams/team.entity.js';
import { TeamActionEnum } from '../teams/team.resolver.js';
import { KPI_VALUES, KPIS_BY_GOAL, GOALS_BY_TEAM, TEAM, TEAM_MEMBERS } from '../teams/teams.loaders.js';
import {
  CloseSustainmentInput,
  ReportCheckpointInput,
  SaveSustainmentPlanInput,
  SignPledgeInput,
} from './dto/sustainment.inputs.js';
import { CHECKPOINT_REPORTS, PLAN_OF_TEAM } from './sustainment.loaders.js';
import { SustainmentService } from './sustainment.service.js';
import { Checkpoint, SeriesPoint, SustainedKpi, SustainmentPlan } from './sustainment.types.js';
import { listOf } from '../common/paging.js';

const PLAN_ACTIONS: readonly TeamAction[] = ['DRAFT_PLAN', 'SIGN_PLEDGE', 'REPORT_CHECKPOINT'];

@Resolver(() => Team)
export class TeamSustainmentResolver {
  constructor(private readonly sustainment: SustainmentService) {}

  @ResolveField(() => SustainmentPlan, { nullable: true, description: 'Its sustainment plan, once drafted.' })
  sustainmentPlan(@Parent() team: Team, @Context() ctx: RequestContext): Promise<SustainmentPlan | null> {
    return ctx.loaders.get(PLAN_OF_TEAM).load(team.id);
  }

  @Mutation(() => Team, {
    description: 'START_SUSTAINMENT: COMPLETED → SUSTAINING (the office; a complete plan with a valid pledge).',
  })
  startTeamSustainment(@Args('input') input: TeamEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.sustainment.start(actor, input, ctx.ip);
  }

  @Mutation(() => Team, {
    description: 'CLOSE_SUSTAINMENT: SUSTAINING → CLOSED as SUSTAINED, SCALED (where to) or LAPSED (the office).',
  })
  closeTeamSustainment(
    @Args('input') input: CloseSustainmentInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.sustainment.close(actor, input, ctx.ip);
  }
}

@Resolver(() => SustainmentPlan)
export class SustainmentPlanResolver {
  constructor(private readonly sustainment: SustainmentService) {}

  @Mutation(() => SustainmentPlan, {
    description: 'Saves the plan (the team leader); a change after the pledge voids it and asks the sponsor again.',
  })
  saveSustainmentPlan(@Args('input') input: SaveSustainmentPlanInput, @CurrentActor() actor: Actor) {
    return this.sustainment.savePlan(actor, input);
  }

  @Mutation(() => SustainmentPlan, { description: 'The sponsor signs the version of the plan they read.' })
  signSustainmentPledge(@Args('input') input: SignPledgeInput, @CurrentActor() actor: Actor) {
    return this.sustainment.signPledge(actor, input);
  }

  @Mutation(() => SustainmentPlan, { description: "The owner agency's focal point reports a checkpoint." })
  reportCheckpoint(@Args('input') input: ReportCheckpointInput, @CurrentActor() actor: Actor) {
    return this.sustainment.reportCheckpoint(actor, input);
  }

  @ResolveField(() => [Checkpoint], {
    description: 'Its checkpoints by the cohort calendar, with their reports.',
    complexity: listOf(3, 20),
  })
  async checkpoints(@Parent() plan: SustainmentPlan, @Context() ctx: RequestContext): Promise<Checkpoint[]> {
    const team = (await ctx.loaders.get(TEAM).load(plan.teamId))!;
    const cohort = (await ctx.loaders.get(COHORT).load(team.cohortId))!;
    return this.sustainment.checkpointsOf(calendarOf(cohort), await ctx.loaders.get(CHECKPOINT_REPORTS).load(plan.id));
  }

  @ResolveField(() => [SustainedKpi], {
    complexity: listOf(5, 20),
    description: 'Each kept KPI from its baseline through the check-ins and day 100 to every checkpoint.',
  })
  async kpis(@Parent() plan: SustainmentPlan, @Context() ctx: RequestContext): Promise<SustainedKpi[]> {
    const team = (await ctx.loaders.get(TEAM).load(plan.teamId))!;
    const cal = calendarOf((await ctx.loaders.get(COHORT).load(team.cohortId))!);
    const goals = await ctx.loaders.get(GOALS_BY_TEAM).load(team.id);
    const kpis = (await Promise.all(goals.map((g) => ctx.loaders.get(KPIS_BY_GOAL).load(g.id)))).flat();
    const report = await ctx.loaders.get(FINAL_REPORT_OF_TEAM).load(team.id);
    const checkpoints = await ctx.loaders.get(CHECKPOINT_REPORTS).load(plan.id);
    const kept = kpis.filter((k) => plan.kpiIds.includes(k.id));
    return Promise.all(
      kept.map(async (k) => {
        const points: SeriesPoint[] = [{ day: 1, value: k.baseline, source: 'BASELINE' }];
        for (const v of await ctx.loaders.get(KPI_VALUES).load(k.id))
          points.push({ day: this.sustainment.dayOfDate(cal, v.asOf), value: v.value, source: 'CHECK_IN' });
        const final = report?.values.find((v) => v.kpiId === k.id);
        if (final)
          points.push({ day: this.sustainment.dayOfDate(cal, final.asOf), value: final.value, source: 'FINAL' });
        for (const c of checkpoints) {
          const v = c.values.find((x) => x.kpiId === k.id);
          if (v) points.push({ day: this.sustainment.dayOfDate(cal, v.asOf), value: v.value, source: 'CHECKPOINT' });
        }
        return {
          kpiId: k.id,
          nameAr: k.nameAr,
          nameEn: k.nameEn,
          unit: k.unit,
          direction: k.direction,
          baseline: k.baseline,
          target: k.target,
          originalTarget: k.originalTarget,
          points: points.sort((a, b) => a.day - b.day),
        };
      }),
    );
  }

  @ResolveField(() => [TeamActionEnum], {
    description: 'What you may do with the plan now: draft it, sign the pledge, report a checkpoint.',
  })
  async permittedActions(
    @Parent() plan: SustainmentPlan,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<TeamAction[]> {
    const team = (await ctx.loaders.get(TEAM).load(plan.teamId))!;
    const [members, cohort] = await Promise.all([
      ctx.loaders.get(TEAM_MEMBERS).load(team.id),
      ctx.loaders.get(COHORT).load(team.cohortId),
    ]);
    const roles = members.filter((m) => m.userId === actor.id).map((m) => m.role);
    return permittedActions(
      teamActions,
      { ...actor, teamRoles: { [team.id]: roles } },
      {
        state: team.state,
        resource: {
          type: 'team',
          id: team.id,
          leadAgencyId: team.leadAgencyId,
          ownerAgencyId: plan.ownerAgencyId ?? undefined,
        },
      },
      { cohortState: cohort?.state ?? '' },
    ).filter((a) => PLAN_ACTIONS.includes(a));
  }
}
