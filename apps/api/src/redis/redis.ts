import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

const logger = new Logger('Redis');

/** What a connection last reported: `up` after `ready`, `down` from its first error or reconnect attempt. */
export type RedisState = 'connecting' | 'up' | 'down';

/**
 * Follows a connection's state and logs one JSON line per change ("Redis connection lost",
 * "Redis connection restored") instead of ioredis's stack trace on every retry. Attaching the
 * `error` listener is also what keeps ioredis from printing "Unhandled error event".
 */
export function watchRedis(client: Redis, name: string): void {
  let state: RedisState = client.status === 'ready' ? 'up' : 'connecting';
  let downSince = 0;
  let lastError: string | undefined;
  const lost = (reason: string) => {
    if (state === 'down') return;
    const wasUp = state === 'up';
    state = 'down';
    downSince = Date.now();
    logger.warn(
      { connection: name, error: reason },
      wasUp ? 'Redis connection lost; reconnecting' : 'Redis unreachable; retrying',
    );
  };
  client.on('error', (err: Error & { code?: string }) => {
    lastError = err.code ? `${err.code}: ${err.message}` : err.message;
    lost(lastError);
  });
  client.on('reconnecting', () => lost(lastError ?? 'connection closed'));
  client.on('ready', () => {
    if (state === 'down') logger.log({ connection: name, downMs: Date.now() - downSince }, 'Redis connection restored');
    state = 'up';
    lastError = undefined;
  });
}

/**
 * A connection to Redis. `maxRetriesPerRequest: null` is what BullMQ workers require (blocking
 * commands must wait for a reconnect rather than fail). Used by workers and the clock's channel.
 */
export function createRedis(url: string, name: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
  watchRedis(client, name);
  return client;
}

/**
 * Options of a producer connection (the queues that add jobs, the reconciler's look-ups, health):
 * while Redis is unreachable its commands fail at once instead of waiting in ioredis's offline
 * queue, and a command that gets no answer fails after `commandTimeoutMs`. Nothing on a request
 * path may wait for Redis; the outbox keeps what could not be added.
 */
export function producerOptions(name: string, commandTimeoutMs: number): RedisOptions {
  return { connectionName: name, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: commandTimeoutMs };
}

/**
 * The producer connection of a process (the queues, the reconciler's look-ups, health), made from
 * its main connection and closed by the queues on shutdown.
 */
export function createProducer(redis: Redis, config: { redisCommandTimeoutMs: number }): Redis {
  const producer = redis.duplicate(producerOptions('hundred-producer', config.redisCommandTimeoutMs));
  watchRedis(producer, 'producer');
  return producer;
}

export const REDIS = Symbol('REDIS');
export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');
