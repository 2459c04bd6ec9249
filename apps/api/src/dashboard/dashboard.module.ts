import { Module } from '@nestjs/common';

import { DashboardResolver } from './dashboard.resolver.js';
import { DashboardService } from './dashboard.service.js';

/** The leadership dashboard: figures of every team in view, by set-based SQL. */
@Module({ providers: [DashboardService, DashboardResolver], exports: [DashboardService] })
export class DashboardModule {}
