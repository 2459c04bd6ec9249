import type { Actor } from '@hundred/domain';
import { Args, Query, Resolver } from '@nestjs/graphql';

import { CurrentActor, Requires } from '../common/auth.js';
import { paged } from '../common/paging.js';
import { Team } from '../teams/team.entity.js';
import { DashboardService } from './dashboard.service.js';
import { Dashboard } from './dashboard.types.js';
import { DashboardArgs, DashboardTeamsArgs } from './dto/dashboard.inputs.js';

/** The leadership dashboard and the teams behind each of its figures. */
@Resolver(() => Dashboard)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  @Requires('dashboard.read', { type: 'dashboard' })
  @Query(() => Dashboard, {
    description:
      'Every cohort at a glance, KPI attainment, results by pillar and by agency, the weekly trend of one cohort and the results after day 100, of the teams you may see.',
    complexity: 200,
  })
  dashboard(@CurrentActor() actor: Actor, @Args() { filter }: DashboardArgs): Promise<Dashboard> {
    return this.dashboards.dashboard(actor, filter ?? {});
  }

  @Requires('dashboard.read', { type: 'dashboard' })
  @Query(() => [Team], {
    description: 'The teams behind one figure of the dashboard, by name.',
    complexity: paged(50),
  })
  dashboardTeams(@CurrentActor() actor: Actor, @Args() { filter, limit, offset }: DashboardTeamsArgs): Promise<Team[]> {
    return this.dashboards.teams(actor, filter ?? {}, { limit, offset });
  }
}
