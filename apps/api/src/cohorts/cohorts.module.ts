import { Module } from '@nestjs/common';

import { CohortDeadlines } from './cohort-deadlines.js';
import { CohortResolver } from './cohort.resolver.js';
import { CohortService } from './cohort.service.js';

@Module({
  providers: [CohortService, CohortDeadlines, CohortResolver],
  exports: [CohortService],
})
export class CohortsModule {}
