import { Module } from '@nestjs/common';

import { CohortsModule } from '../cohorts/cohorts.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { ChallengeResolver, ChallengeScoreResolver } from './challenge.resolver.js';
import { ChallengeService } from './challenge.service.js';

@Module({
  imports: [CohortsModule, TeamsModule],
  providers: [ChallengeService, ChallengeResolver, ChallengeScoreResolver],
  exports: [ChallengeService],
})
export class ChallengesModule {}
