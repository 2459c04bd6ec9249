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
