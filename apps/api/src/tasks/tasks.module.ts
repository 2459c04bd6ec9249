import { Module } from '@nestjs/common';

import { ChallengesModule } from '../challenges/challenges.module.js';
import { TasksResolver } from './tasks.resolver.js';
import { TasksService } from './tasks.service.js';

/** My tasks: what each user must do now, read from the state of every workflow object. */
@Module({ imports: [ChallengesModule], providers: [TasksService, TasksResolver], exports: [TasksService] })
export class TasksModule {}
