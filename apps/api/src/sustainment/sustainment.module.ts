import { Module } from '@nestjs/common';

import { TeamsModule } from '../teams/teams.module.js';
import { SustainmentPlanResolver, TeamSustainmentResolver } from './sustainment.resolver.js';
import { SustainmentService } from './sustainment.service.js';

/** After day 100: the sustainment plan, the sponsor's pledge, the checkpoints. */
@Module({
  imports: [TeamsModule],
  providers: [SustainmentService, TeamSustainmentResolver, SustainmentPlanResolver],
  exports: [SustainmentService],
})
export class SustainmentModule {}
