import type { Actor } from '@hundred/domain';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { USER } from '../identity/identity.loaders.js';
import { User } from '../identity/user.entity.js';
import { TeamMemberInput } from './dto/member.inputs.js';
import { MembersService } from './members.service.js';
import { Team, TeamMember } from './team.entity.js';

@Resolver(() => TeamMember)
export class MembersResolver {
  constructor(private readonly members: MembersService) {}

  @ResolveField(() => User)
  async user(@Parent() m: TeamMember, @Context() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.get(USER).load(m.userId))!;
  }

  @Mutation(() => Team, {
    description: 'Adds a person to the team in a role (members and coaches: the leader or the office).',
  })
  addTeamMember(@Args('input') input: TeamMemberInput, @CurrentActor() actor: Actor) {
    return this.members.addMember(actor, input);
  }

  @Mutation(() => Team)
  removeTeamMember(@Args('input') input: TeamMemberInput, @CurrentActor() actor: Actor) {
    return this.members.removeMember(actor, input);
  }
}
