import type { Actor } from '@hundred/domain';
import { CHALLENGE_STATES, type ChallengeEvent, type ChallengeState } from '@hundred/workflow';
import {
  Args,
  ArgsType,
  Context,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Field,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

import { AlignmentNode } from '../alignment/alignment-node.entity.js';
import { Ctx, CurrentActor } from '../common/auth.js';
import { listOf, PageArgs, paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { Between, Int as IsInteger, MaxLen, OneOf, Uuid } from '../common/validation.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { COHORT } from '../cohorts/cohort.loaders.js';
import { AGENCY, USER } from '../identity/identity.loaders.js';
import { ALIGNMENT_NODE } from '../alignment/alignment.loaders.js';
import { AvailableEvent } from '../workflow/available-events.js';
import { historyKey, TRANSITION_HISTORY, TransitionRecord } from '../workflow/history.js';
import { Agency } from '../identity/agency.entity.js';
import { User } from '../identity/user.entity.js';
import {
  Challenge,
  ChallengeApproval,
  ChallengeComment,
  ChallengeScore,
  ChallengeStateEnum,
} from './challenge.entity.js';
import { CHALLENGE_APPROVALS, CHALLENGE_COMMENTS, CHALLENGE_SCORES, TEAM_OF_CHALLENGE } from './challenge.loaders.js';
import type { ChallengeEventParams } from './challenge-context.js';
import { ChallengeReadingService } from './challenge-reading.service.js';
import { ChallengeService } from './challenge.service.js';
import {
  CarryOverChallengeInput,
  ChallengeCommentEventInput,
  ChallengeCommentInput,
  ChallengeEventInput,
  ChallengeReasonEventInput,
  CreateChallengeInput,
  NameChallengeLeadersInput,
  ScoreChallengeInput,
  UpdateChallengeInput,
} from './dto/challenge.inputs.js';

@ArgsType()
class ChallengeListArgs extends PageArgs(100, 200) {
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() cohortId?: string | null;
  @Field(() => [ChallengeStateEnum], { nullable: true })
  @IsOptional()
  @OneOf(CHALLENGE_STATES, true)
  states?: ChallengeState[] | null;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() agencyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLen(100) search?: string | null;
}

@ArgsType()
class ChallengePageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many items, at most 200.' })
  @IsInteger()
  @Between(1, 200)
  limit: number;
  @Field(() => String, {
    nullable: true,
    description: 'The nextCursor of the page before; omitted for the first page.',
  })
  @IsOptional()
  @MaxLen(400)
  after?: string | null;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() cohortId?: string | null;
  @Field(() => [ChallengeStateEnum], { nullable: true })
  @IsOptional()
  @OneOf(CHALLENGE_STATES, true)
  states?: ChallengeState[] | null;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() agencyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLen(100) search?: string | null;
}

@ObjectType({ description: 'A page of challenges, most recently changed first.' })
export class ChallengePage {
  // The page's `limit` multiplies this (see `challengesPage`): counted once here.
  @Field(() => [Challenge], { complexity: listOf(1) }) items: Challenge[];
  @Field(() => String, { nullable: true, description: 'Where the next page starts; null on the last page.' })
  nextCursor: string | null;
}

@ObjectType({ description: 'An approval with its leader.' })
class ApprovalView extends ChallengeApproval {
  @Field(() => User) leader: User;
}

@ObjectType({ description: 'A comment with its author.' })
class CommentView extends ChallengeComment {
  @Field(() => User) author: User;
}

@Resolver(() => ChallengeScore)
export class ChallengeScoreResolver {
  @ResolveField(() => User, { description: 'Who gave the score.' })
  async scoredBy(@Parent() s: ChallengeScore, @Context() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.get(USER).load(s.scoredById))!;
  }
}

@Resolver(() => Challenge)
export class ChallengeResolver {
  constructor(
    private readonly challenges: ChallengeService,
    private readonly reading: ChallengeReadingService,
  ) {}

  @Query(() => [Challenge], {
    name: 'challenges',
    description: 'The challenges you may see (a focal point: their agency’s), most recent first.',
    complexity: paged(),
  })
  challengeList(@CurrentActor() actor: Actor, @Args() args: ChallengeListArgs): Promise<Challenge[]> {
    return this.reading.list(actor, args, args);
  }

  @Query(() => ChallengePage, {
    description:
      'The challenges you may see (a focal point: their agency’s), most recently changed first, a page at a time by cursor.',
    complexity: paged(),
  })
  challengesPage(@CurrentActor() actor: Actor, @Args() args: ChallengePageArgs): Promise<ChallengePage> {
    return this.reading.page(actor, args, args.limit, args.after ?? null);
  }

  @Query(() => Challenge, { description: 'A challenge; refused alike when it does not exist or is not yours to see.' })
  challenge(@Args('id', { type: () => UuidScalar }) id: string, @CurrentActor() actor: Actor): Promise<Challenge> {
    return this.challenges.visible(actor, id);
  }

  @Mutation(() => Challenge, { description: 'Saves a new draft.' })
  createChallenge(
    @Args('input') input: CreateChallengeInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.challenges.create(actor, input, ctx.ip);
  }

  @Mutation(() => Challenge, { description: 'Saves a draft (or a returned challenge) again.' })
  updateChallenge(
    @Args('input') input: UpdateChallengeInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ) {
    return this.challenges.update(actor, input, ctx.ip);
  }

  @Mutation(() => Challenge, { description: 'Names the sponsor and the team leader.' })
  nameChallengeLeaders(@Args('input') input: NameChallengeLeadersInput, @CurrentActor() actor: Actor) {
    return this.challenges.nameLeaders(actor, input);
  }

  @Mutation(() => Challenge, { description: 'Scores rubric criteria (the office, while screening).' })
  scoreChallenge(@Args('input') input: ScoreChallengeInput, @CurrentActor() actor: Actor) {
    return this.challenges.score(actor, input);
  }

  @Mutation(() => ChallengeComment)
  addChallengeComment(@Args('input') input: ChallengeCommentInput, @CurrentActor() actor: Actor) {
    return this.challenges.addComment(actor, input.challengeId, input.body);
  }

  private fire(
    actor: Actor,
    ctx: RequestContext,
    input: ChallengeEventInput,
    event: ChallengeEvent,
    params: ChallengeEventParams = {},
  ) {
    return this.challenges.fire(actor, input.id, input.version, event, params, ctx.ip);
  }

  @Mutation(() => Challenge, { description: 'SUBMIT: DRAFT or RETURNED → SUBMITTED.' })
  submitChallenge(@Args('input') input: ChallengeEventInput, @CurrentActor() a: Actor, @Ctx() c: RequestContext) {
    return this.fire(a, c, input, 'SUBMIT');
  }

  @Mutation(() => Challenge, { description: 'START_SCREENING: SUBMITTED → IN_SCREENING.' })
  startChallengeScreening(
    @Args('input') input: ChallengeEventInput,
    @CurrentActor() a: Actor,
    @Ctx() c: RequestContext,
  ) {
    return this.fire(a, c, input, 'START_SCREENING');
  }

  @Mutation(() => Challenge, { description: 'RETURN: IN_SCREENING → RETURNED, with a comment for the agency.' })
  returnChallenge(
    @Args('input') input: ChallengeCommentEventInput,
    @CurrentActor() a: Actor,
    @Ctx() c: RequestContext,
  ) {
    return this.fire(a, c, input, 'RETURN', { comment: input.comment });
  }

  @Mutation(() => Challenge, { description: 'RECOMMEND: IN_SCREENING → RECOMMENDED, once the rubric is scored.' })
  recommendChallenge(@Args('input') input: ChallengeEventInput, @CurrentActor() a: Actor, @Ctx() c: RequestContext) {
    return this.fire(a, c, input, 'RECOMMEND');
  }

  @Mutation(() => Challenge, { description: 'DECLINE: IN_SCREENING → REJECTED, with a reason.' })
  declineChallenge(
    @Args('input') input: ChallengeReasonEventInput,
    @CurrentActor() a: Actor,
    @Ctx() c: RequestContext,
  ) {
    return this.fire(a, c, input, 'DECLINE', { reason: input.reason });
  }

  @Mutation(() => Challenge, {
    description: 'APPROVE: a leader’s approval; the N-th one decides and creates the team.',
  })
  approveChallenge(@Args('input') input: ChallengeEventInput, @CurrentActor() a: Actor, @Ctx() c: RequestContext) {
    return this.fire(a, c, input, 'APPROVE');
  }

  @Mutation(() => Challenge, { description: 'REJECT: RECOMMENDED → REJECTED, with a reason (any one leader).' })
  rejectChallenge(@Args('input') input: ChallengeReasonEventInput, @CurrentActor() a: Actor, @Ctx() c: RequestContext) {
    return this.fire(a, c, input, 'REJECT', { reason: input.reason });
  }

  @Mutation(() => Challenge, { description: 'DEFER: RECOMMENDED → DEFERRED, with a reason (any one leader).' })
  deferChallenge(@Args('input') input: ChallengeReasonEventInput, @CurrentActor() a: Actor, @Ctx() c: RequestContext) {
    return this.fire(a, c, input, 'DEFER', { reason: input.reason });
  }

  @Mutation(() => Challenge, { description: 'WITHDRAW: DRAFT, SUBMITTED or RETURNED → WITHDRAWN.' })
  withdrawChallenge(@Args('input') input: ChallengeEventInput, @CurrentActor() a: Actor, @Ctx() c: RequestContext) {
    return this.fire(a, c, input, 'WITHDRAW');
  }

  @Mutation(() => Challenge, { description: 'CARRY_OVER: a deferred challenge becomes a draft of a later cohort.' })
  carryOverChallenge(
    @Args('input') input: CarryOverChallengeInput,
    @CurrentActor() a: Actor,
    @Ctx() c: RequestContext,
  ) {
    return this.fire(a, c, input, 'CARRY_OVER', { targetCohortId: input.targetCohortId });
  }

  // ---------------------------------------------------------------- relations

  @ResolveField(() => Cohort)
  async cohort(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<Cohort> {
    return (await ctx.loaders.get(COHORT).load(c.cohortId))!;
  }

  @ResolveField(() => Agency)
  async leadAgency(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.get(AGENCY).load(c.leadAgencyId))!;
  }

  @ResolveField(() => [Agency], { complexity: listOf(5) })
  async partnerAgencies(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<Agency[]> {
    return (await ctx.loaders.get(AGENCY).loadMany(c.partnerAgencyIds)).filter(
      (a): a is Agency => !!a && !(a instanceof Error),
    );
  }

  @ResolveField(() => [AlignmentNode], { complexity: listOf(5) })
  async alignmentNodes(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<AlignmentNode[]> {
    return (await ctx.loaders.get(ALIGNMENT_NODE).loadMany(c.alignmentNodeIds)).filter(
      (n): n is AlignmentNode => !!n && !(n instanceof Error),
    );
  }

  @ResolveField(() => User, { nullable: true })
  proposedSponsor(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<User | null> | null {
    return c.proposedSponsorId ? ctx.loaders.get(USER).load(c.proposedSponsorId) : null;
  }

  @ResolveField(() => User, { nullable: true })
  proposedTeamLead(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<User | null> | null {
    return c.proposedTeamLeadId ? ctx.loaders.get(USER).load(c.proposedTeamLeadId) : null;
  }

  @ResolveField(() => [ChallengeScore], { complexity: listOf(5) })
  async scores(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<ChallengeScore[]> {
    return ctx.loaders.get(CHALLENGE_SCORES).load(c.id);
  }

  @ResolveField(() => Float, { nullable: true, description: 'The mean score over the scored criteria.' })
  async meanScore(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<number | null> {
    const scores = await ctx.loaders.get(CHALLENGE_SCORES).load(c.id);
    return scores.length ? Math.round((scores.reduce((s, x) => s + x.score, 0) / scores.length) * 100) / 100 : null;
  }

  @ResolveField(() => [ApprovalView], { complexity: listOf(3) })
  async approvals(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<ApprovalView[]> {
    const approvals = await ctx.loaders.get(CHALLENGE_APPROVALS).load(c.id);
    return Promise.all(approvals.map(async (a) => ({ ...a, leader: (await ctx.loaders.get(USER).load(a.leaderId))! })));
  }

  @ResolveField(() => [CommentView], { complexity: listOf(10) })
  async comments(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<CommentView[]> {
    const comments = await ctx.loaders.get(CHALLENGE_COMMENTS).load(c.id);
    return Promise.all(comments.map(async (x) => ({ ...x, author: (await ctx.loaders.get(USER).load(x.authorId))! })));
  }

  @ResolveField(() => [String], { description: 'Required fields still empty (SUBMIT needs none).' })
  missingFields(@Parent() c: Challenge): string[] {
    return this.challenges.missingFields(c);
  }

  @ResolveField(() => ID, { nullable: true, description: 'The team, once approved.' })
  teamId(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<string | null> | null {
    return c.state === 'APPROVED' ? ctx.loaders.get(TEAM_OF_CHALLENGE).load(c.id) : null;
  }

  @ResolveField(() => [AvailableEvent], { complexity: listOf(5, 50) })
  async availableEvents(
    @Parent() c: Challenge,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<AvailableEvent[]> {
    const [cohort, scores, approvals] = await Promise.all([
      ctx.loaders.get(COHORT).load(c.cohortId),
      ctx.loaders.get(CHALLENGE_SCORES).load(c.id),
      ctx.loaders.get(CHALLENGE_APPROVALS).load(c.id),
    ]);
    return this.challenges.availableEvents(actor, c, { cohort, scores, approvals }, ctx.lang);
  }

  @ResolveField(() => [TransitionRecord], { complexity: listOf(10) })
  history(@Parent() c: Challenge, @Context() ctx: RequestContext): Promise<TransitionRecord[]> {
    return ctx.loaders.get(TRANSITION_HISTORY).load(historyKey('challenge', c.id));
  }
}
