import { Module } from '@nestjs/common';

import { ClockResolver } from './clock.resolver.js';

/**
 * The clock as people see it: its time, and (in demos and tests only) moving it forward. The
 * clock itself (`ClockService`, provided as `Clock` to the rest of the code) is part of the core.
 */
@Module({ providers: [ClockResolver] })
export class ClockModule {}
