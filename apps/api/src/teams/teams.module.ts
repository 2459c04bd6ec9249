import { Module } from '@nestjs/common';

import { CohortsModule } from '../cohorts/cohorts.module.js';
import { TeamResolver } from './team.resolver.js';
import { TeamService } from './team.service.js';

@Module({ imports: [CohortsModule], providers: [TeamService, TeamResolver], exports: [TeamService] })
export class TeamsModule {}
