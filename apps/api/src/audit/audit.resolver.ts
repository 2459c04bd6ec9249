import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';

import { Requires } from '../common/auth.js';
import { AuditEvent } from './audit-event.entity.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Requires('audit.read', { type: 'audit' })
  @Query(() => [AuditEvent], { description: 'The history of one object, newest first.' })
  auditTrail(
    @Args('subjectType') subjectType: string,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
  ): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({
      where: { subjectType, subjectId },
      order: { id: 'DESC' },
      take: Math.min(Math.max(limit, 1), 500),
    });
  }
}
