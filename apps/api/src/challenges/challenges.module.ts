import { Module } from '@nestjs/common';

import { TeamsModule } from '../teams/teams.module.js';
import { ChallengeWorkflow } from './challenge-workflow.js';
import { ChallengeResolver, ChallengeScoreResolver } from './challenge.resolver.js';
import { ChallengeService } from './challenge.service.js';

@Module({
  imports: [TeamsModule],
  providers: [ChallengeService, ChallengeWorkflow, ChallengeResolver, ChallengeScoreResolver],
  exports: [ChallengeService],
})
export class ChallengesModule {}
