import { can, type Actor, type TeamRole } from '@hundred/domain';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { USER } from '../identity/identity.loaders.js';
import { User } from '../identity/user.entity.js';
import { TeamMemberInput } from './dto/member.inputs.js';
import { MembersService } from './members.service.js';
import { Team, TeamMember, TeamRoleEnum } from './team.entity.js';
import { TEAM_ROLES_OF_USER } from './teams.loaders.js';

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

/** What teams say about a person: the roles they hold on teams still running. */
@Resolver(() => User)
export class UserTeamRolesResolver {
  @ResolveField(() => [TeamRoleEnum], {
    nullable: true,
    description:
      'The roles held on teams still running (leader, member, coach, sponsor); null unless you may open this person (as for roles).',
  })
  async teamRoles(@Parent() user: User, @Context() ctx: RequestContext): Promise<TeamRole[] | null> {
    if (!can(ctx.actor, 'user.read', { type: 'user', id: user.id, agencyId: user.agencyId })) return null;
    return ctx.loaders.get(TEAM_ROLES_OF_USER).load(user.id);
  }
}
