import { Module } from '@nestjs/common';

import { CohortsModule } from '../cohorts/cohorts.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { ChallengeResolver } from './challenge.resolver.js';
import { ChallengeService } from './challenge.service.js';

@Module({
  imports: [CohortsModule, TeamsModule],
  providers: [ChallengeService, ChallengeResolver],
  exports: [ChallengeService],
})
export class ChallengesModule {}
