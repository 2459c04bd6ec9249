import { TEAM_ROLES, type TeamRole } from '@hundred/domain';
import { Field, ID, InputType } from '@nestjs/graphql';

import { OneOf, Uuid } from '../../common/validation.js';
import { TeamRoleEnum } from '../team.entity.js';

@InputType()
export class TeamMemberInput {
  @Field(() => ID) @Uuid() teamId: string;
  @Field(() => ID) @Uuid() userId: string;
  @Field(() => TeamRoleEnum) @OneOf(TEAM_ROLES) role: TeamRole;
}
