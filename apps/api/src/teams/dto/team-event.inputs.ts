import { Field, InputType, Int } from '@nestjs/graphql';

import { MaxLen, MultiLine, Required, Uuid, Version } from '../../common/validation.js';
import { UuidScalar } from '../../common/uuid.scalar.js';

@InputType()
export class TeamEventInput {
  @Field(() => UuidScalar) @Uuid() id: string;
  @Field(() => Int) @Version() version: number;
}

@InputType()
export class TeamCommentEventInput extends TeamEventInput {
  @Field() @MultiLine() @Required() @MaxLen(5000) comment: string;
}

@InputType()
export class TeamReasonEventInput extends TeamEventInput {
  @Field() @MultiLine() @Required() @MaxLen(5000) reason: string;
}
