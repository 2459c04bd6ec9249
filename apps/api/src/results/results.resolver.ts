import type { Actor } from '@hundred/domain';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { Ctx, CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { Team } from '../teams/team.entity.js';
import { TeamEventInput } from '../teams/dto/team-event.inputs.js';
import { RecordOutcomeInput, SaveFinalReportInput } from './dto/results.inputs.js';
import { FINAL_REPORT_OF_TEAM } from './results.loaders.js';
import { ResultsService } from './results.service.js';
import { FinalReport, OutcomeProposal } from './results.types.js';

/** Day 100 on the team: its report, the proposed outcome, and the office's recording of it. */
@Resolver(() => Team)
export class ResultsResolver {
  constructor(private readonly results: ResultsService) {}

  @ResolveField(() => FinalReport, { nullable: true, description: 'The day-100 report, once drafted.' })
  finalReport(@Parent() team: Team, @Context() ctx: RequestContext): Promise<FinalReport | null> {
    return ctx.loaders.get(FINAL_REPORT_OF_TEAM).load(team.id);
  }

  @ResolveField(() => OutcomeProposal, {
    nullable: true,
    description: 'The outcome proposed from the final values and its arithmetic, from day 100 on.',
  })
  outcomeProposal(@Parent() team: Team): Promise<OutcomeProposal> | null {
    return ['REPORTING', 'FINAL_SUBMITTED', 'COMPLETED', 'SUSTAINING', 'CLOSED'].includes(team.state)
      ? this.results.outcomeProposal(team.id)
      : null;
  }

  @Mutation(() => FinalReport, { description: 'Saves the day-100 report as the team leader has it (a draft).' })
  saveFinalReport(@Args('input') input: SaveFinalReportInput, @CurrentActor() actor: Actor): Promise<FinalReport> {
    return this.results.saveReport(actor, input);
  }

  @Mutation(() => Team, { description: 'SUBMIT_FINAL_REPORT: REPORTING → FINAL_SUBMITTED (the team leader).' })
  submitFinalReport(
    @Args('input') input: TeamEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Team> {
    return this.results.submitReport(actor, input, ctx.ip);
  }

  @Mutation(() => Team, {
    description:
      'RECORD_OUTCOME: FINAL_SUBMITTED → COMPLETED (the office; another outcome than the proposed needs a reason).',
  })
  recordTeamOutcome(
    @Args('input') input: RecordOutcomeInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Team> {
    return this.results.recordOutcome(actor, input, ctx.ip);
  }
}
