import type { FastifyInstance } from 'fastify';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM's logger, here only to count the statements sent: tests use it to check that a query
 * of many objects issues a bounded number of statements. Errors are left to the callers.
 */
export class StatementCounter implements Logger {
  statements = 0;

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.statements++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The response header of the statement count (HUNDRED_BENCH=1 only; see `exposeStatementCount`). */
export const STATEMENTS_HEADER = 'x-hundred-statements';
/** The response header naming the API process that answered (HUNDRED_BENCH=1 only). */
export const PROCESS_HEADER = 'x-hundred-process';

/**
 * Benchmarks only: every HTTP answer says which process answered and how many statements that
 * process has sent so far, so a benchmark divides the difference over a run (per process, when
 * several share the port) by the requests it made (background work included).
 */
export function exposeStatementCount(fastify: FastifyInstance, counter: StatementCounter): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    void reply.header(STATEMENTS_HEADER, String(counter.statements));
    void reply.header(PROCESS_HEADER, String(process.pid));
    return payload;
  });
}
