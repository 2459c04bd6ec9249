import { reviewAggregate, type Actor } from '@hundred/domain';
import { assessmentMachine, availableEvents } from '@hundred/workflow';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Ctx, CurrentActor } from '../common/auth.js';
import { listOf } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { COHORT } from '../cohorts/cohort.loaders.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { USER } from '../identity/identity.loaders.js';
import { User } from '../identity/user.entity.js';
import { Team } from '../teams/team.entity.js';
import { TEAM } from '../teams/teams.loaders.js';
import { AvailableEvent, explainAvailable } from '../workflow/available-events.js';
import { AssessmentsService } from './assessments.service.js';
import { AssignmentsService } from './assignments.service.js';
import {
  AssessmentEventInput,
  AssessmentFieldsInput,
  AssignReviewerInput,
  ConfirmReviewAssignmentInput,
  DecideMidpointInput,
  DeclareReviewConflictInput,
} from './dto/review.inputs.js';
import { ASSESSMENTS_OF_REVIEW, REVIEW_OF_TEAM } from './reviews.loaders.js';
import { ReviewsService } from './reviews.service.js';
import {
  Assessment,
  MidpointReview,
  ProposedAssignment,
  ReviewAggregate,
  ReviewCandidate,
  TeamCandidates,
} from './reviews.types.js';

const seesAll = (actor: Actor) => actor.roles.includes('ADMIN') || actor.roles.includes('LEADERSHIP');

/**
 * What of a review this person sees. The office and leadership: everything, with names. A reviewer:
 * their own assessment, and the others' (without names) once theirs is submitted. The team and its
 * agency: the submitted assessments without names, once the review is decided. Nobody else reaches
 * a review: they cannot read its team.
 */
function viewOf(actor: Actor, review: MidpointReview, all: readonly Assessment[]) {
  const full = seesAll(actor);
  const own = all.find((a) => a.reviewerId === actor.id && a.state !== 'UNASSIGNED') ?? null;
  const others = full || own?.state === 'SUBMITTED' || review.state === 'DECIDED';
  const shown = full
    ? [...all]
    : all.filter((a) => a === own || (others && a.state === 'SUBMITTED' && a.reviewerId !== actor.id));
  return { full, own, shown, aggregate: others };
}

async function assessmentsOf(ctx: RequestContext, review: MidpointReview): Promise<Assessment[]> {
  return ctx.loaders.get(ASSESSMENTS_OF_REVIEW).load(review.id);
}

@Resolver(() => MidpointReview)
export class ReviewsResolver {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Query(() => [ProposedAssignment], {
    complexity: listOf(20, 300),
    description:
      "A proposed assignment of reviewers for every active team of a cohort: the cohort's minimum each, no conflict of interest, the load spread evenly (the office).",
  })
  proposedReviewAssignment(
    @Args('cohortId', { type: () => UuidScalar }) cohortId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ProposedAssignment[]> {
    return this.assignments.propose(actor, cohortId);
  }

  @Query(() => [ReviewCandidate], {
    complexity: listOf(20, 100),
    description: 'Every reviewer, with what keeps them off this team and their load (the office).',
  })
  reviewCandidates(
    @Args('teamId', { type: () => UuidScalar }) teamId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewCandidate[]> {
    return this.assignments.candidates(actor, teamId);
  }

  @Query(() => [TeamCandidates], {
    complexity: listOf(20, 300),
    description: 'For every active team of a cohort, every reviewer with what keeps them off it (the office).',
  })
  cohortReviewCandidates(
    @Args('cohortId', { type: () => UuidScalar }) cohortId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TeamCandidates[]> {
    return this.assignments.cohortCandidates(actor, cohortId);
  }

  @Mutation(() => Assessment, {
    description: 'Assigns a reviewer to a team (the office); a conflict is refused by name.',
  })
  assignReviewer(@Args('input') input: AssignReviewerInput, @CurrentActor() actor: Actor): Promise<Assessment> {
    return this.assignments.assign(actor, input);
  }

  @Mutation(() => [Assessment], {
    complexity: listOf(40, 300),
    description: "Makes a cohort's assignment the one given (the office confirms a proposal it adjusted).",
  })
  confirmReviewAssignment(
    @Args('input') input: ConfirmReviewAssignmentInput,
    @CurrentActor() actor: Actor,
  ): Promise<Assessment[]> {
    return this.assignments.confirm(actor, input);
  }

  @Mutation(() => Assessment, { description: 'UNASSIGN: takes a reviewer off a team (not once they submitted).' })
  unassignReviewer(@Args('input') input: AssessmentEventInput, @CurrentActor() actor: Actor): Promise<Assessment> {
    return this.assignments.unassign(actor, input);
  }

  @Mutation(() => Team, {
    description: 'DECIDE_MIDPOINT: the office decides on a team under review, with a reason (STOP needs one).',
  })
  decideMidpoint(
    @Args('input') input: DecideMidpointInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Team> {
    return this.reviews.decide(actor, input, ctx.ip);
  }

  @ResolveField(() => Team)
  async team(@Parent() review: MidpointReview, @Context() ctx: RequestContext): Promise<Team> {
    return (await ctx.loaders.get(TEAM).load(review.teamId))!;
  }

  @ResolveField(() => [Assessment], {
    description: 'The assessments you may see of this review.',
    complexity: listOf(4),
  })
  async assessments(
    @Parent() review: MidpointReview,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<Assessment[]> {
    return viewOf(actor, review, await assessmentsOf(ctx, review)).shown;
  }

  @ResolveField(() => ReviewAggregate, {
    nullable: true,
    description:
      'Means, spread and disagreement per criterion of the submitted assessments; for a reviewer once their own is in.',
  })
  async aggregate(
    @Parent() review: MidpointReview,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<ReviewAggregate | null> {
    const all = await assessmentsOf(ctx, review);
    if (!viewOf(actor, review, all).aggregate) return null;
    const agg = reviewAggregate(all.filter((a) => a.state === 'SUBMITTED'));
    return {
      criteria: agg.criteria.map((c) => ({ ...c })),
      recommendations: agg.recommendations.map((r) => ({ ...r })),
      disagreement: agg.disagreement,
      submitted: agg.submitted,
    };
  }

  @ResolveField(() => Int, { description: "The cohort's minimum of assessments per team." })
  async minimumAssessments(@Parent() review: MidpointReview, @Context() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.get(COHORT).load(review.cohortId))?.minReviewers ?? 0;
  }

  @ResolveField(() => Int, { description: 'Assessments submitted so far.' })
  async submittedCount(@Parent() review: MidpointReview, @Context() ctx: RequestContext): Promise<number> {
    return (await assessmentsOf(ctx, review)).filter((a) => a.state === 'SUBMITTED').length;
  }

  @ResolveField(() => Int, { description: 'Reviewers assigned now (not unassigned).' })
  async assignedCount(@Parent() review: MidpointReview, @Context() ctx: RequestContext): Promise<number> {
    return (await assessmentsOf(ctx, review)).filter((a) => a.state !== 'UNASSIGNED').length;
  }

  @ResolveField(() => Date, { description: 'When the assessments are due (day 55 by default).' })
  assessmentsDueAt(@Parent() review: MidpointReview): Promise<Date> {
    return this.reviews.dueAt(review.cohortId);
  }
}

@Resolver(() => Assessment)
export class AssessmentsResolver {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Query(() => [Assessment], {
    description: 'Your assignments as a reviewer, the ones to do first.',
    complexity: listOf(10, 20),
  })
  myAssessments(@CurrentActor() actor: Actor): Promise<Assessment[]> {
    return this.assessments.mine(actor);
  }

  @Query(() => Assessment, { description: 'An assessment you may read: your own, or any for the office.' })
  assessment(@Args('id', { type: () => UuidScalar }) id: string, @CurrentActor() actor: Actor): Promise<Assessment> {
    return this.assessments.visible(actor, id);
  }

  @Mutation(() => Assessment, { description: 'SAVE_DRAFT: saves what the reviewer has written so far.' })
  saveAssessment(@Args('input') input: AssessmentFieldsInput, @CurrentActor() actor: Actor): Promise<Assessment> {
    return this.assessments.saveDraft(actor, input);
  }

  @Mutation(() => Assessment, {
    description: 'SUBMIT: every criterion scored and a recommendation; no edits after.',
  })
  submitAssessment(@Args('input') input: AssessmentFieldsInput, @CurrentActor() actor: Actor): Promise<Assessment> {
    return this.assessments.submit(actor, input);
  }

  @Mutation(() => Assessment, {
    description: 'DECLARE_CONFLICT: the reviewer may not review this team; they are unassigned and the office told.',
  })
  declareReviewConflict(
    @Args('input') input: DeclareReviewConflictInput,
    @CurrentActor() actor: Actor,
  ): Promise<Assessment> {
    return this.assessments.declareConflict(actor, input);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'Who wrote it: shown to the office, leadership and the reviewer themselves only.',
  })
  reviewer(@Parent() a: Assessment, @CurrentActor() actor: Actor, @Context() ctx: RequestContext) {
    return seesAll(actor) || a.reviewerId === actor.id ? ctx.loaders.get(USER).load(a.reviewerId) : null;
  }

  @ResolveField(() => Boolean, { description: 'It is your own.' })
  mine(@Parent() a: Assessment, @CurrentActor() actor: Actor): boolean {
    return a.reviewerId === actor.id;
  }

  @ResolveField(() => Int, { description: 'Its place in the review ("reviewer 2"), for views without names.' })
  async position(@Parent() a: Assessment, @Context() ctx: RequestContext): Promise<number> {
    const all = await ctx.loaders.get(ASSESSMENTS_OF_REVIEW).load(a.reviewId);
    return all.findIndex((x) => x.id === a.id) + 1;
  }

  @ResolveField(() => Team)
  async team(@Parent() a: Assessment, @Context() ctx: RequestContext): Promise<Team> {
    return (await ctx.loaders.get(TEAM).load(a.teamId))!;
  }

  @ResolveField(() => MidpointReview)
  async review(@Parent() a: Assessment, @Context() ctx: RequestContext): Promise<MidpointReview> {
    return (await ctx.loaders.get(REVIEW_OF_TEAM).load(a.teamId))!;
  }

  @ResolveField(() => Date, { description: 'When it is due.' })
  async dueAt(@Parent() a: Assessment, @Context() ctx: RequestContext): Promise<Date> {
    const review = (await ctx.loaders.get(REVIEW_OF_TEAM).load(a.teamId))!;
    return this.reviews.dueAt(review.cohortId);
  }

  @ResolveField(() => [AvailableEvent], { description: 'What you may do with it now.', complexity: listOf(3, 50) })
  async availableEvents(
    @Parent() a: Assessment,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<AvailableEvent[]> {
    const review = await ctx.loaders.get(REVIEW_OF_TEAM).load(a.teamId);
    const caller = {
      kind: 'user' as const,
      actor,
      relations: a.reviewerId === actor.id ? (['ASSIGNED_REVIEWER'] as const) : [],
    };
    return explainAvailable(
      availableEvents(assessmentMachine, a.state, caller, {
        reviewOpen: review?.state === 'OPEN',
        allCriteriaScored: a.scores.every((s) => s.score !== null),
        recommendationGiven: a.recommendation !== null,
      }),
      ctx.lang,
    );
  }
}

/** The review on the team, for those who may read the team (what of it each sees is above). */
@Resolver(() => Team)
export class TeamReviewResolver {
  @ResolveField(() => MidpointReview, {
    nullable: true,
    description: 'Its mid-point review, once reviewers are assigned.',
  })
  review(@Parent() team: Team, @Context() ctx: RequestContext): Promise<MidpointReview | null> {
    return ctx.loaders.get(REVIEW_OF_TEAM).load(team.id);
  }
}
