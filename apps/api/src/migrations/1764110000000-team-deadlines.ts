import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines that concern a team without being its own (its review's) name it in their params. */
export class TeamDeadlines1764110000000 implements MigrationInterface {
  name = 'TeamDeadlines1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deadline_team_param_idx ON deadline ((params ->> 'teamId')) WHERE params ? 'teamId'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deadline_team_param_idx`);
  }
}
