import cluster, { type Worker } from 'node:cluster';

import type { AppConfig } from './config/config.js';
import type { JsonLogger } from './logging/json-logger.js';

/**
 * The HTTP API as `count` processes sharing one port (Node's cluster module; the primary hands
 * connections round robin). Nothing the API keeps in memory has to be shared: sessions, the clock
 * and rate limits live in PostgreSQL and Redis, loaders belong to a request. The primary serves
 * nothing itself: it starts the processes, starts another when one dies after it was serving, and
 * stops them all on SIGTERM or SIGINT. A process that fails before it serves (a database that is
 * not there, a wrong setting) stops the whole, with its exit code, rather than being restarted
 * in a loop. Unless DATABASE_POOL_MAX is set, the processes share the default pool's 20
 * connections among them (at least 5 each), so that one per core does not multiply what
 * PostgreSQL must accept.
 */
export function runCluster(count: number, config: AppConfig, logger: JsonLogger): void {
  const serving = new WeakSet<Worker>();
  const running = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;

  const env = process.env.DATABASE_POOL_MAX
    ? {}
    : { DATABASE_POOL_MAX: String(Math.max(5, Math.ceil(config.databasePoolMax / count))) };
  const fork = () => running.add(cluster.fork(env));
  cluster.on('listening', (worker) => serving.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    running.delete(worker);
    if (!stopping && serving.has(worker)) {
      logger.error({ pid: worker.process.pid, code, signal }, 'An API process stopped; starting another');
      fork();
      return;
    }
    if (!stopping) {
      logger.fatal({ pid: worker.process.pid, code, signal }, 'An API process failed to start');
      exitCode = code || 1;
      stop('start-up failure');
    } else if (code) {
      exitCode = code;
    }
    if (running.size === 0) process.exit(exitCode);
  });

  function stop(reason: string) {
    if (stopping) return;
    stopping = true;
    logger.log({ reason, processes: running.size }, 'Stopping the API processes');
    for (const worker of running) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'The API processes took too long to stop; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2_000).unref();
  }
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  logger.log({ processes: count, ...env }, 'Starting the API processes');
  for (let i = 0; i < count; i++) fork();
}
