import { Module } from '@nestjs/common';

import { TeamsModule } from '../teams/teams.module.js';
import { ResultsResolver } from './results.resolver.js';
import { ResultsService } from './results.service.js';

/** Day 100: the final report and the outcome. */
@Module({ imports: [TeamsModule], providers: [ResultsService, ResultsResolver], exports: [ResultsService] })
export class ResultsModule {}
