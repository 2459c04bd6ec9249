import { Module } from '@nestjs/common';

import { AuditResolver } from './audit.resolver.js';

/** The audit trail as the office reads it (writing it is part of the core). */
@Module({ providers: [AuditResolver] })
export class AuditModule {}
