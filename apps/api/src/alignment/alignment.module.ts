import { Module } from '@nestjs/common';

import { AlignmentResolver } from './alignment.resolver.js';
import { AlignmentService } from './alignment.service.js';

@Module({ providers: [AlignmentService, AlignmentResolver], exports: [AlignmentService] })
export class AlignmentModule {}
