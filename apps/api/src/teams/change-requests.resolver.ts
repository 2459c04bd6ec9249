import type { Actor } from '@hundred/domain';
import { availableEvents, changeRequestMachine } from '@hundred/workflow';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import { listOf } from '../common/paging.js';
import { COHORT } from '../cohorts/cohort.loaders.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { AvailableEvent, explainAvailable } from '../workflow/available-events.js';
import { ChangeRequestsService } from './change-requests.service.js';
import {
  ChangeRequestEventInput,
  ChangeRequestReasonInput,
  ProposeKpiChangeInput,
} from './dto/change-request.inputs.js';
import { KpiChangeRequest } from './team.types.js';
import { TEAM } from './teams.loaders.js';

@Resolver(() => KpiChangeRequest)
export class ChangeRequestsResolver {
  constructor(private readonly changes: ChangeRequestsService) {}

  @ResolveField(() => [AvailableEvent], {
    description: 'What you may decide on it now (the office).',
    complexity: listOf(3, 50),
  })
  async availableEvents(
    @Parent() cr: KpiChangeRequest,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<AvailableEvent[]> {
    const team = await ctx.loaders.get(TEAM).load(cr.teamId);
    const cohort = team ? await ctx.loaders.get(COHORT).load(team.cohortId) : null;
    if (!team || !cohort) return [];
    return explainAvailable(
      availableEvents(
        changeRequestMachine,
        cr.state,
        { kind: 'user', actor },
        {
          cohortState: cohort.state,
          teamState: team.state,
        },
      ),
      ctx.lang,
    );
  }

  @Mutation(() => KpiChangeRequest, { description: 'Asks to change a frozen baseline or target (the team leader).' })
  proposeKpiChange(@Args('input') input: ProposeKpiChangeInput, @CurrentActor() actor: Actor) {
    return this.changes.proposeChange(actor, input);
  }

  @Mutation(() => KpiChangeRequest, {
    description: 'APPROVE: the KPI takes the new values; the original stays on record.',
  })
  approveKpiChange(@Args('input') input: ChangeRequestEventInput, @CurrentActor() actor: Actor) {
    return this.changes.decideChange(actor, input.id, input.version, 'APPROVE', null);
  }

  @Mutation(() => KpiChangeRequest, { description: 'REJECT, with a reason.' })
  rejectKpiChange(@Args('input') input: ChangeRequestReasonInput, @CurrentActor() actor: Actor) {
    return this.changes.decideChange(actor, input.id, input.version, 'REJECT', input.reason);
  }
}
