import 'reflect-metadata';

import fastifyCookie from '@fastify/cookie';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { AppModule, type Role } from './app.module.js';
import { loadConfig, type AppConfig } from './config/config.js';
import { exposeStatementCount, type StatementCounter } from './database/statement-counter.js';
import { secureHttp, trustProxyOption } from './front-door/http.js';
import { JsonLogger } from './logging/json-logger.js';
import { REDIS } from './redis/redis.js';

export interface Started {
  app: INestApplicationContext;
  config: AppConfig;
  /** Where the HTTP server listens (api and all roles). */
  url?: string;
  /** Graceful stop: modules, then the database and Redis connections. */
  close(): Promise<void>;
}

/** Starts the service in a role: `api` (HTTP), `worker` (queues) or `all` (both, for development). */
export async function start(
  role: Role,
  config: AppConfig = loadConfig(),
  logger = new JsonLogger(config.logLevel, { role }),
): Promise<Started> {
  const http = role !== 'worker';
  let app: INestApplicationContext;
  let url: string | undefined;
  if (http) {
    const adapter = new FastifyAdapter({ trustProxy: trustProxyOption(config), bodyLimit: 1024 * 1024 });
    // The logger is ready before the modules: nothing to buffer, so every start-up line is written as it happens.
    const nest = await NestFactory.create<NestFastifyApplication>(AppModule.forRole(config, role), adapter, { logger });
    await nest.register(fastifyCookie);
    await secureHttp(nest, config);
    if (config.benchStatementsHeader) {
      exposeStatementCount(nest.getHttpAdapter().getInstance(), nest.get(DataSource).logger as StatementCounter);
    }
    await nest.listen(config.port, config.host);
    url = await (nest as INestApplication).getUrl();
    app = nest;
  } else {
    app = await NestFactory.createApplicationContext(AppModule.forRole(config, role), { logger });
    await app.init();
  }
  const dataSource = app.get(DataSource);
  const redis = app.get<Redis>(REDIS);
  const close = async () => {
    await app.close();
    await redis.quit().catch(() => redis.disconnect());
    if (dataSource.isInitialized) await dataSource.destroy();
  };
  logger.log({ role, url, nodeEnv: config.nodeEnv }, 'Hundred started');
  return { app, config, url, close };
}

/**
 * Runs a role as a process: starts it, and on SIGTERM or SIGINT stops gracefully, exiting with
 * an error if that takes longer than SHUTDOWN_TIMEOUT_MS.
 */
export async function runProcess(role: Role): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = new JsonLogger(config.logLevel, { role });
  let started: Started;
  try {
    started = await start(role, config, logger);
  } catch (err) {
    logger.fatal({ err }, 'Start-up failed');
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log({ signal, timeoutMs: config.shutdownTimeoutMs }, 'Shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'Shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    started.close().then(
      () => {
        logger.log('Stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
