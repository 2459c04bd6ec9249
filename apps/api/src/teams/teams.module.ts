import { Module } from '@nestjs/common';

import { CohortsModule } from '../cohorts/cohorts.module.js';
import { TeamResolver } from './team.resolver.js';
import { TeamService } from './team.service.js';
import { TeamWorkService } from './team-work.service.js';
import { TEAM_WORK_RESOLVERS } from './team-work.resolver.js';

@Module({
  imports: [CohortsModule],
  providers: [TeamService, TeamWorkService, TeamResolver, ...TEAM_WORK_RESOLVERS],
  exports: [TeamService, TeamWorkService],
})
export class TeamsModule {}
