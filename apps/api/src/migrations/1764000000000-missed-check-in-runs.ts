import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of missed weekly check-ins: the team shows how many weeks in a row it has missed, and the
 * cohort says after how many more weeks beyond the first escalation (at two) the sponsor and the
 * office are told again.
 */
export class MissedCheckInRuns1764000000000 implements MigrationInterface {
  name = 'MissedCheckInRuns1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE team ADD COLUMN missed_check_in_weeks integer NOT NULL DEFAULT 0`);
    await q.query(
      `ALTER TABLE cohort ADD COLUMN check_in_escalation_repeat_weeks integer NOT NULL DEFAULT 4
         CHECK (check_in_escalation_repeat_weeks BETWEEN 1 AND 15)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohort DROP COLUMN check_in_escalation_repeat_weeks`);
    await q.query(`ALTER TABLE team DROP COLUMN missed_check_in_weeks`);
  }
}
