import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { isPublic } from '../common/auth.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { gqlContext } from '../graphql-context/request-context.js';
import { REDIS } from '../redis/redis.js';

/**
 * One attempt against the two windows, atomically: the client address's counter first; only an
 * attempt the address may make counts against everyone's, so one noisy address cannot use up
 * the global allowance. Returns [refused by: 0 none, 1 address, 2 global; its count; ms left].
 */
const CONSUME = `
local a = redis.call('INCR', KEYS[1])
if a == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if a > tonumber(ARGV[2]) then return {1, a, redis.call('PTTL', KEYS[1])} end
local g = redis.call('INCR', KEYS[2])
if g == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
if g > tonumber(ARGV[3]) then return {2, g, redis.call('PTTL', KEYS[2])} end
return {0, 0, 0}`;

/** How long a rate-limit decision may wait for Redis before the attempt is let through. */
const REDIS_TIMEOUT_MS = 500;

/**
 * Rate limits of the mutations anyone may call without a session (sign-in, sign-out), per
 * client address and for all clients together, in fixed windows kept in Redis so that they hold
 * across API replicas. It runs as a guard, after authentication and before the resolver: a
 * refused attempt hashes no password and writes nothing, except one audit row for the first
 * refusal of each window. Over the limit the client gets RATE_LIMITED with the seconds to wait
 * (and a Retry-After header). If Redis does not answer in time, the attempt is let through (the
 * per-account throttle of sign-in still holds) and a warning is logged.
 */
@Injectable()
export class PublicRateLimit implements CanActivate {
  private readonly logger = new Logger('PublicRateLimit');

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ctx = gqlContext(context);
    if (!ctx || !isPublic(this.reflector, context)) return true;
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return true;

    const address = ctx.ip ?? 'unknown';
    const verdict = await this.consume(address);
    if (!verdict) return true;
    const [scope, count, msLeft] = verdict;
    const seconds = Math.max(1, Math.ceil((msLeft > 0 ? msLeft : this.config.publicRateWindowSeconds * 1000) / 1000));
    const limit = scope === 1 ? this.config.publicRatePerAddress : this.config.publicRateGlobal;
    if (count === limit + 1) {
      await this.audit.record(this.dataSource.manager, {
        actorId: ctx.actor?.id ?? null,
        action: 'auth.rate_limited',
        subjectType: 'client',
        data: {
          scope: scope === 1 ? 'address' : 'all',
          operation: info.fieldName,
          limit,
          windowSeconds: this.config.publicRateWindowSeconds,
        },
        ip: ctx.ip,
      });
    }
    void ctx.reply.header('retry-after', String(seconds));
    throw new AppError('RATE_LIMITED', 'error.rateLimited', { seconds }, [], { retryAfterSeconds: seconds });
  }

  /** The refusal of one attempt ([scope, count, ms left]), or null when it may go ahead. */
  private async consume(address: string): Promise<[number, number, number] | null> {
    const prefix = `${this.config.redisPrefix}:{rate}:public`;
    const attempt = this.redis.eval(
      CONSUME,
      2,
      `${prefix}:address:${address}`,
      `${prefix}:all`,
      this.config.publicRateWindowSeconds * 1000,
      this.config.publicRatePerAddress,
      this.config.publicRateGlobal,
    ) as Promise<[number, number, number]>;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), REDIS_TIMEOUT_MS)),
    );
    try {
      const result = await Promise.race([attempt, timeout]);
      if (result === 'timeout') {
        this.logger.warn({ address }, 'Redis did not answer the rate limit in time; the attempt goes ahead');
        return null;
      }
      return result[0] === 0 ? null : result;
    } catch (err) {
      this.logger.warn({ err, address }, 'Rate limit not checked; the attempt goes ahead');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
