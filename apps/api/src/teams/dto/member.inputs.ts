import { TEAM_ROLES, type TeamRole } from '@hundred/domain';
import { Field, InputType } from '@nestjs/graphql';

import { OneOf, Uuid } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { TeamRoleEnum } from '../team.entity.js';

@InputType()
export class TeamMemberInput {
  @Field(() => UuidScalar) @Uuid() teamId: string;
  @Field(() => UuidScalar) @Uuid() userId: string;
  @Field(() => TeamRoleEnum) @OneOf(TEAM_ROLES) role: TeamRole;
}
