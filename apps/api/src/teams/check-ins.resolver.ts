import type { Actor } from '@hundred/domain';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { USER } from '../identity/identity.loaders.js';
import { User } from '../identity/user.entity.js';
import { CheckInsService } from './check-ins.service.js';
import { CorrectCheckInInput, ReviewCheckInInput, SubmitCheckInInput } from './dto/check-in.inputs.js';
import { CheckIn } from './team.types.js';

@Resolver(() => CheckIn)
export class CheckInsResolver {
  constructor(private readonly checkIns: CheckInsService) {}

  @ResolveField(() => User)
  async submittedBy(@Parent() c: CheckIn, @Context() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.get(USER).load(c.submittedById))!;
  }

  @Mutation(() => CheckIn, { description: 'A weekly check-in (the team leader or a member).' })
  submitCheckIn(@Args('input') input: SubmitCheckInInput, @CurrentActor() actor: Actor) {
    return this.checkIns.submitCheckIn(actor, input);
  }

  @Mutation(() => CheckIn, {
    description: 'A correction: a new check-in that supersedes an earlier one, with a reason.',
  })
  correctCheckIn(@Args('input') input: CorrectCheckInInput, @CurrentActor() actor: Actor) {
    return this.checkIns.correctCheckIn(actor, input);
  }

  @Mutation(() => CheckIn, { description: 'The coach acknowledges a check-in or returns it for revision.' })
  reviewCheckIn(@Args('input') input: ReviewCheckInInput, @CurrentActor() actor: Actor) {
    return this.checkIns.review(actor, input);
  }
}
