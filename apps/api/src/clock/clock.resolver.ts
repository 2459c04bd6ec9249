import { Field, Float, Mutation, ObjectType, Query, Resolver, Args } from '@nestjs/graphql';

import { Requires } from '../common/auth.js';
import { AppError } from '../common/app-error.js';
import { AdvanceClockInput } from './dto/advance-clock.input.js';
import { DeadlineService } from '../deadlines/deadline.service.js';
import { ClockService } from './clock.service.js';

@ObjectType({ description: 'The time of the system (moved forward only in demos and tests).' })
export class ClockInfo {
  @Field() now: Date;
  @Field(() => Float, { description: 'How far ahead of real time the clock runs, in milliseconds.' }) offsetMs: number;
  @Field({ description: 'Whether the office may move it forward here.' }) controllable: boolean;
}

@Resolver(() => ClockInfo)
export class ClockResolver {
  constructor(
    private readonly clockService: ClockService,
    private readonly deadlines: DeadlineService,
  ) {}

  private info(): ClockInfo {
    return {
      now: this.clockService.now(),
      offsetMs: this.clockService.offset,
      controllable: this.clockService.controllable,
    };
  }

  @Query(() => ClockInfo)
  clock(): ClockInfo {
    return this.info();
  }

  @Requires('clock.advance', { type: 'clock' })
  @Mutation(() => ClockInfo, {
    description: 'Moves the clock forward and fires whatever became due (demos and tests).',
  })
  async advanceClock(@Args('input') input: AdvanceClockInput): Promise<ClockInfo> {
    if (!this.clockService.controllable)
      throw new AppError('NOT_ALLOWED', 'error.clockLocked', {}, [], { guard: 'CLOCK_CONTROL' });
    const ms = ((input.days * 24 + input.hours) * 60 + input.minutes) * 60_000;
    if (ms <= 0) throw AppError.field('days', 'validation.between', { 0: 1, 1: 1000 });
    await this.clockService.advance(ms);
    await this.deadlines.deliverDue();
    return this.info();
  }
}
