import { cohortDeadlines, dayOf, teamObligations, type Actor, type CohortDeadlineKind } from '@hundred/domain';
import { DEADLINE_CONCERNS, type CohortEvent, type CohortState } from '@hundred/workflow';
import { Args, ArgsType, Context, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';

import { Ctx, CurrentActor, Requires } from '../common/auth.js';
import { AppError } from '../common/app-error.js';
import { listOf, PageArgs, paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { selectedColumns } from '../graphql-context/selected-columns.js';
import { calendarOf, Cohort } from './cohort.entity.js';
import { CohortService } from './cohort.service.js';
import { AvailableEvent } from '../workflow/available-events.js';
import { historyKey, TRANSITION_HISTORY, TransitionRecord } from '../workflow/history.js';
import { DeadlineView, toDeadlineView, type DeadlineViewRow } from '../deadlines/deadline.types.js';
import { CalendarProblemView, CohortPhase, TeamObligationView } from './cohort.types.js';
import {
  CancelCohortInput,
  CohortEventInput,
  CreateCohortInput,
  LaunchCohortInput,
  UpdateCohortInput,
} from './dto/cohort.inputs.js';

/**
 * What a request works out once per cohort it reads, however often the cohort appears in the
 * answer (every challenge and team of a list names its cohort): kept on the cohort object,
 * which the request's loader hands out once per id, so it lives as long as the request.
 */
const perCohort = new WeakMap<Cohort, { phases?: CohortPhase[]; deadlines?: Map<string, Promise<DeadlineView[]>> }>();
const memo = (cohort: Cohort) => {
  let m = perCohort.get(cohort);
  if (!m) perCohort.set(cohort, (m = {}));
  return m;
};

@ArgsType()
class CohortListArgs extends PageArgs(50, 100) {}

@ArgsType()
class DeadlineListArgs extends PageArgs(100, 200) {}

/** The phases of the timeline, each from the transition that opens it to the one that closes it. */
const PHASES: [CohortState, CohortDeadlineKind, CohortDeadlineKind][] = [
  ['INTAKE', 'COHORT_OPEN_INTAKE', 'COHORT_CLOSE_INTAKE'],
  ['SELECTION', 'COHORT_CLOSE_INTAKE', 'COHORT_START_PREPARATION'],
  ['PREPARATION', 'COHORT_START_PREPARATION', 'COHORT_LAUNCH'],
  ['EXECUTION', 'COHORT_LAUNCH', 'COHORT_OPEN_MIDPOINT'],
  ['MIDPOINT_REVIEW', 'COHORT_OPEN_MIDPOINT', 'COHORT_CLOSE_MIDPOINT'],
  ['FINAL_STRETCH', 'COHORT_CLOSE_MIDPOINT', 'COHORT_OPEN_RESULTS'],
  ['RESULTS', 'COHORT_OPEN_RESULTS', 'COHORT_START_SUSTAINMENT'],
  ['SUSTAINMENT', 'COHORT_START_SUSTAINMENT', 'COHORT_CLOSE'],
];

@Resolver(() => Cohort)
export class CohortResolver {
  constructor(
    private readonly cohorts: CohortService,
    private readonly dataSource: DataSource,
  ) {}

  @Requires('cohort.read', { type: 'cohort' })
  @Query(() => [Cohort], {
    name: 'cohorts',
    description: 'The cohorts, the most recent day 1 first.',
    complexity: paged(),
  })
  cohortList(@Args() page: CohortListArgs, @Info() info: GraphQLResolveInfo): Promise<Cohort[]> {
    const columns = selectedColumns(info, this.dataSource.getMetadata(Cohort)) as (keyof Cohort)[] | undefined;
    return this.cohorts.list(page, columns);
  }

  @Requires('cohort.read', (args) => ({ type: 'cohort', id: args.id as string }))
  @Query(() => Cohort)
  async cohort(@Args('id', { type: () => UuidScalar }) id: string): Promise<Cohort> {
    const found = await this.cohorts.byId(id);
    if (!found) throw AppError.notFound();
    return found;
  }

  @Requires('cohort.create', { type: 'cohort' })
  @Mutation(() => Cohort, { description: 'Creates a cohort in DRAFT and schedules its calendar.' })
  createCohort(
    @Args('input') input: CreateCohortInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Cohort> {
    return this.cohorts.create(input, actor.id, ctx.ip);
  }

  @Requires('cohort.update', (args) => ({ type: 'cohort', id: (args.input as UpdateCohortInput).id }))
  @Mutation(() => Cohort, { description: 'Edits a cohort; moving its calendar moves its pending deadlines.' })
  updateCohort(
    @Args('input') input: UpdateCohortInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Cohort> {
    return this.cohorts.update(input, actor.id, ctx.ip);
  }

  private fire(input: CohortEventInput, event: CohortEvent, actor: Actor, ctx: RequestContext, params = {}) {
    return this.cohorts.fire(input.id, input.version, event, actor, params, ctx.ip);
  }

  @Mutation(() => Cohort, { description: 'OPEN_INTAKE: DRAFT → INTAKE.' })
  openCohortIntake(@Args('input') input: CohortEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.fire(input, 'OPEN_INTAKE', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'CLOSE_INTAKE: INTAKE → SELECTION.' })
  closeCohortIntake(@Args('input') input: CohortEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.fire(input, 'CLOSE_INTAKE', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'START_PREPARATION: SELECTION → PREPARATION.' })
  startCohortPreparation(
    @Args('input') input: CohortEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.fire(input, 'START_PREPARATION', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'LAUNCH: PREPARATION → EXECUTION.' })
  launchCohort(@Args('input') input: LaunchCohortInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.fire(input, 'LAUNCH', actor, ctx, {
      excludeNotReadyTeams: input.excludeNotReadyTeams,
      reason: input.reason,
    });
  }

  @Mutation(() => Cohort, {
    description: 'OPEN_MIDPOINT: EXECUTION → MIDPOINT_REVIEW (the scheduler on day 45, or the office).',
  })
  openCohortMidpoint(@Args('input') input: CohortEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.fire(input, 'OPEN_MIDPOINT', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'CLOSE_MIDPOINT: MIDPOINT_REVIEW → FINAL_STRETCH.' })
  closeCohortMidpoint(
    @Args('input') input: CohortEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.fire(input, 'CLOSE_MIDPOINT', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'START_SUSTAINMENT: RESULTS → SUSTAINMENT.' })
  startCohortSustainment(
    @Args('input') input: CohortEventInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.fire(input, 'START_SUSTAINMENT', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'CLOSE: SUSTAINMENT → CLOSED.' })
  closeCohort(@Args('input') input: CohortEventInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.fire(input, 'CLOSE', actor, ctx);
  }

  @Mutation(() => Cohort, { description: 'CANCEL: any state before CLOSED → CANCELLED, with a reason.' })
  cancelCohort(@Args('input') input: CancelCohortInput, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.fire(input, 'CANCEL', actor, ctx, { reason: input.reason });
  }

  @ResolveField(() => Int, { description: 'Today, as a day of the cohort (negative before day 1).', complexity: 50 })
  currentDay(@Parent() cohort: Cohort): number {
    return this.cohorts.currentDay(cohort);
  }

  @ResolveField(() => [AvailableEvent], {
    description: 'The events you may fire now, with what blocks each.',
    complexity: listOf(5, 150),
  })
  availableEvents(
    @Parent() cohort: Cohort,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<AvailableEvent[]> {
    return this.cohorts.availableEvents(cohort, actor, ctx.lang);
  }

  @ResolveField(() => [CalendarProblemView], {
    description: 'What makes the calendar inconsistent (empty when it is fine).',
    complexity: listOf(5, 100),
  })
  calendarProblems(@Parent() cohort: Cohort, @Context() ctx: RequestContext) {
    return this.cohorts.calendarProblemsOf(cohort, ctx.lang);
  }

  @ResolveField(() => [CohortPhase], {
    description: 'The phases on the timeline, by the calendar.',
    complexity: listOf(8, 600),
  })
  phases(@Parent() cohort: Cohort): CohortPhase[] {
    const m = memo(cohort);
    return (m.phases ??= this.phasesOf(cohort));
  }

  private phasesOf(cohort: Cohort): CohortPhase[] {
    const cal = calendarOf(cohort);
    const at = new Map(cohortDeadlines(cal).map((d) => [d.kind, d.dueAt]));
    return PHASES.map(([state, from, to]) => {
      const startsAt = at.get(from)!;
      const endsAt = at.get(to)!;
      return {
        state,
        startsAt,
        endsAt,
        startDay: dayOf(cal, startsAt),
        endDay: dayOf(cal, new Date(endsAt.getTime() - 1)),
      };
    });
  }

  @ResolveField(() => [DeadlineView], {
    description: "The cohort's own deadlines, in calendar order.",
    complexity: paged(250),
  })
  deadlines(@Parent() cohort: Cohort, @Args() page: DeadlineListArgs): Promise<DeadlineView[]> {
    const cached = (memo(cohort).deadlines ??= new Map());
    const key = `${page.limit}:${page.offset}`;
    let found = cached.get(key);
    if (!found) cached.set(key, (found = this.deadlinesOf(cohort, page)));
    return found;
  }

  private async deadlinesOf(cohort: Cohort, page: DeadlineListArgs): Promise<DeadlineView[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM deadline WHERE subject_type = 'cohort' AND subject_id = $1 AND state <> 'CANCELLED'
        ORDER BY original_due_at, kind, id LIMIT $2 OFFSET $3`,
      [cohort.id, page.limit, page.offset],
    )) as DeadlineViewRow[];
    const cal = calendarOf(cohort);
    return rows.map((r) => toDeadlineView(r, cal));
  }

  @ResolveField(() => [TeamObligationView], {
    complexity: listOf(30, 100),
    description:
      "Every deadline of the cohort's teams by its calendar (goals due, weekly check-ins, assessments due, final report, checkpoints), with how many teams have each pending, fired or skipped.",
  })
  async teamDeadlines(@Parent() cohort: Cohort): Promise<TeamObligationView[]> {
    const counts = (await this.dataSource.query(
      `SELECT key, state, count(*)::int AS n FROM deadline
        WHERE cohort_id = $1 AND subject_type IN ('team', 'review') AND state <> 'CANCELLED' GROUP BY key, state`,
      [cohort.id],
    )) as { key: string; state: string; n: number }[];
    const count = (key: string, state: string) => counts.find((c) => c.key === key && c.state === state)?.n ?? 0;
    return teamObligations(calendarOf(cohort)).map((o) => ({
      ...o,
      concerns: [...(DEADLINE_CONCERNS[o.kind] ?? [])],
      pending: count(o.key, 'PENDING'),
      fired: count(o.key, 'FIRED'),
      skipped: count(o.key, 'SKIPPED'),
    }));
  }

  @ResolveField(() => [TransitionRecord], { description: 'Every transition, oldest first.', complexity: listOf(10) })
  async history(@Parent() cohort: Cohort, @Context() ctx: RequestContext): Promise<TransitionRecord[]> {
    return ctx.loaders.get(TRANSITION_HISTORY).load(historyKey('cohort', cohort.id));
  }
}
