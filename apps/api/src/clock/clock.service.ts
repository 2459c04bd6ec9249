import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { queryRows } from '../database/sql.js';
import { REDIS } from '../redis/redis.js';

/**
 * The one source of "now" on the server. In production it is the system clock. Where
 * configuration allows (demos and tests), the office can move it forward: the offset lives in
 * PostgreSQL, and every process hears of a change on a Redis channel (and re-reads it before a
 * job decides something is not yet due), so API and workers agree on the time.
 */
@Injectable()
export class ClockService extends Clock implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClockService.name);
  private offsetMs = 0;
  private subscriber: Redis | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  private get channel(): string {
    return `${this.config.redisPrefix}:clock`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.clockControl) return; // production: the system clock, nothing to follow
    await this.refresh();
    this.subscriber = this.redis.duplicate({ connectionName: 'hundred-clock' });
    this.subscriber.on('message', (_channel, message) => {
      const offset = Number(message);
      if (Number.isFinite(offset) && offset > this.offsetMs) this.offsetMs = offset;
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  get controllable(): boolean {
    return this.config.clockControl;
  }

  /** Re-reads the offset (cheap; used before a job concludes that it came too early). */
  override async refresh(): Promise<void> {
    if (!this.config.clockControl) return;
    const [row] = (await this.dataSource.query(`SELECT offset_ms FROM clock_setting WHERE id = 1`)) as {
      offset_ms: string;
    }[];
    this.offsetMs = Number(row?.offset_ms ?? 0);
  }

  /** Moves the clock forward by `ms` for every process. Only where configuration allows it. */
  async advance(ms: number): Promise<Date> {
    if (!this.config.clockControl) throw new Error('the clock cannot be moved in this configuration');
    if (!Number.isInteger(ms) || ms <= 0)
      throw new Error(`the clock only moves forward, by whole milliseconds (${ms})`);
    const [row] = await queryRows<{ offset_ms: string }>(
      this.dataSource.manager,
      `UPDATE clock_setting SET offset_ms = offset_ms + $1, updated_at = now() WHERE id = 1 RETURNING offset_ms`,
      [ms],
    );
    const offset = Number(row?.offset_ms);
    this.offsetMs = offset;
    await this.redis.publish(this.channel, String(offset));
    this.logger.log({ offsetMs: offset, now: this.now().toISOString() }, 'Clock moved forward');
    return this.now();
  }
}
