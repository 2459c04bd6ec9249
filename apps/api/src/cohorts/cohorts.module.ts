import { Module } from '@nestjs/common';

import { ClockResolver } from '../clock/clock.resolver.js';
import { CohortDeadlines } from './cohort-deadlines.js';
import { CohortFactsService } from './cohort-facts.service.js';
import { CohortResolver } from './cohort.resolver.js';
import { CohortService } from './cohort.service.js';

@Module({
  providers: [CohortService, CohortFactsService, CohortDeadlines, CohortResolver, ClockResolver],
  exports: [CohortService, CohortFactsService],
})
export class CohortsModule {}
