import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

import { QueueService } from '../jobs/queue.service.js';
import { DeliveryMetricsService, type DeliveryMetrics, type MetricName } from './delivery-metrics.service.js';

type Check = { status: 'up' | 'down'; latencyMs: number; error?: string };

async function timed<T>(probe: () => Promise<T>, timeoutMs = 2_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await timed(probe);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  }
}

/**
 * `/health`: 503 `unavailable` when PostgreSQL or Redis does not answer; 200 `degraded` when a
 * delivery figure (pending or overdue deadlines, outbox backlog, failed jobs) is over its
 * threshold (HEALTH_MAX_* in config.ts), 200 `ok` otherwise. `/health/details`: the same with
 * every figure. `/health/live`: the process runs.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly metrics: DeliveryMetricsService,
  ) {}

  private async assess(): Promise<{
    status: 'ok' | 'degraded' | 'unavailable';
    checks: { postgres: Check; redis: Check };
    delivery: DeliveryMetrics | null;
    over: MetricName[];
  }> {
    const [postgres, redis, delivery] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.queues.producer.ping()),
      timed(() => this.metrics.gather()).catch(() => null),
    ]);
    const over = delivery ? this.metrics.over(delivery) : [];
    const status =
      postgres.status !== 'up' || redis.status !== 'up' ? 'unavailable' : over.length > 0 ? 'degraded' : 'ok';
    return { status, checks: { postgres, redis }, delivery, over };
  }

  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const { status, checks, over } = await this.assess();
    await reply.status(status === 'unavailable' ? 503 : 200).send({ status, checks, ...(over.length ? { over } : {}) });
  }

  @Get('details')
  async details(@Res() reply: FastifyReply): Promise<void> {
    const result = await this.assess();
    await reply.status(result.status === 'unavailable' ? 503 : 200).send(result);
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
