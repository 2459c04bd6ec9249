import { Redis } from 'ioredis';

/**
 * A connection to Redis. `maxRetriesPerRequest: null` is what BullMQ workers require (blocking
 * commands must wait for a reconnect rather than fail).
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

export const REDIS = Symbol('REDIS');
