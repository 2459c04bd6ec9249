import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';

import { Requires } from '../common/auth.js';
import { PageArgs, paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { MaxLen, Required, Uuid } from '../common/validation.js';
import { AuditEvent } from './audit-event.entity.js';

@ArgsType()
class AuditTrailArgs extends PageArgs(100, 500) {
  @Field() @Required() @MaxLen(40) subjectType: string;
  @Field(() => UuidScalar) @Uuid() subjectId: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Requires('audit.read', { type: 'audit' })
  @Query(() => [AuditEvent], { description: 'The history of one object, newest first.', complexity: paged() })
  auditTrail(@Args() { subjectType, subjectId, limit, offset }: AuditTrailArgs): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({
      where: { subjectType, subjectId },
      order: { id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }
}
