import { Module } from '@nestjs/common';

import { AuditSearchService } from './audit-search.service.js';
import { AuditEventActorResolver, AuditViewResolver } from './audit-view.resolver.js';

/** The office's search of the audit trail (writing the trail is part of the core). */
@Module({ providers: [AuditSearchService, AuditViewResolver, AuditEventActorResolver], exports: [AuditSearchService] })
export class AuditViewModule {}
