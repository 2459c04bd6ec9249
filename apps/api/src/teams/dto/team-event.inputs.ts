import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';

import { Int as IsInteger, MaxLen, Required, Uuid } from '../../common/validation.js';
import { trim } from './fields.js';

@InputType()
export class TeamEventInput {
  @Field(() => ID) @Uuid() id: string;
  @Field(() => Int) @IsInteger() version: number;
}

@InputType()
export class TeamCommentEventInput extends TeamEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(5000) comment: string;
}

@InputType()
export class TeamReasonEventInput extends TeamEventInput {
  @Field() @Transform(trim) @Required() @MaxLen(5000) reason: string;
}
