import {
  Args,
  ArgsType,
  Context,
  Field,
  InputType,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

import { AuditEvent } from '../audit/audit-event.entity.js';
import { Requires } from '../common/auth.js';
import { listOf } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { Between, Int as IsInteger, MaxLen, Uuid } from '../common/validation.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { USER } from '../identity/identity.loaders.js';
import { User } from '../identity/user.entity.js';
import { AuditSearchService } from './audit-search.service.js';

@InputType({ description: 'What to search the audit trail by; every part optional, all of them together.' })
export class AuditFilterInput {
  @Field(() => String, { nullable: true, description: 'The type of object: team, challenge, cohort, user, agency, …' })
  @IsOptional()
  @MaxLen(40)
  @Matches(/^[a-zA-Z_]+$/, { message: 'validation.invalid|[]' })
  subjectType?: string | null;

  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() subjectId?: string | null;

  @Field(() => UuidScalar, { nullable: true, description: 'Whose actions.' }) @IsOptional() @Uuid() actorId?:
    string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An action (team.check_in_acknowledged), or all of a kind with a trailing .* (team.*).',
  })
  @IsOptional()
  @MaxLen(80)
  @Matches(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, { message: 'validation.invalid|[]' })
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until this instant (exclusive).' }) @IsOptional() to?: Date | null;
}

@ArgsType()
class AuditEventsArgs {
  @Field(() => AuditFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilterInput)
  filter?: AuditFilterInput | null;

  @Field(() => Int, { defaultValue: 50, description: 'How many events, at most 200.' })
  @IsInteger()
  @Between(1, 200)
  limit: number;

  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @MaxLen(200)
  after?: string | null;
}

@ObjectType({ description: 'A page of the audit trail, newest first.' })
export class AuditEventPage {
  // The page's `limit` multiplies this (see `auditEvents`): counted once here.
  @Field(() => [AuditEvent], { complexity: listOf(1) }) items: AuditEvent[];
  @Field(() => String, { nullable: true, description: 'Where the next page starts; null on the last page.' })
  nextCursor: string | null;
}

@Resolver(() => AuditEventPage)
export class AuditViewResolver {
  constructor(private readonly search: AuditSearchService) {}

  @Requires('audit.search', { type: 'audit' })
  @Query(() => AuditEventPage, {
    description: 'The audit trail searched by object, person, action and time (the office only).',
    complexity: ({ args, childComplexity }) => 10 + (typeof args.limit === 'number' ? args.limit : 1) * childComplexity,
  })
  auditEvents(@Args() { filter, limit, after }: AuditEventsArgs): Promise<AuditEventPage> {
    return this.search.page(filter ?? {}, limit, after);
  }
}

/** Who acted, as a person (their name and agency; e-mail and roles as `User` shows them to the reader). */
@Resolver(() => AuditEvent)
export class AuditEventActorResolver {
  @ResolveField(() => User, { nullable: true, description: 'Who acted; null when the system did.' })
  actor(@Parent() e: AuditEvent, @Context() ctx: RequestContext): Promise<User | null> | null {
    return e.actorId ? ctx.loaders.get(USER).load(e.actorId) : null;
  }
}
