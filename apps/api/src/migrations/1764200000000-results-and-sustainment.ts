import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Day 100 and after: the team's final report (a final value for every KPI, narrative, lessons,
 * what to scale), its outcome, the sustainment plan with the sponsor's pledge of one version of it,
 * and the owner agency's reports at each checkpoint.
 */
export class ResultsAndSustainment1764200000000 implements MigrationInterface {
  name = 'ResultsAndSustainment1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE final_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL UNIQUE REFERENCES team (id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        kpi_values jsonb NOT NULL DEFAULT '[]',
        narrative text NOT NULL DEFAULT '',
        lessons text NOT NULL DEFAULT '',
        scaling text NOT NULL DEFAULT '',
        saved_by uuid REFERENCES app_user (id),
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE sustainment_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL UNIQUE REFERENCES team (id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        owner_agency_id uuid REFERENCES agency (id),
        actions jsonb NOT NULL DEFAULT '[]',
        kpi_ids uuid[] NOT NULL DEFAULT '{}',
        checkpoint_days integer[] NOT NULL DEFAULT '{}',
        pledge_signed_by uuid REFERENCES app_user (id),
        pledge_signed_at timestamptz,
        pledge_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE checkpoint_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES sustainment_plan (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        index integer NOT NULL CHECK (index >= 0),
        kpi_values jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        reported_by uuid NOT NULL REFERENCES app_user (id),
        reported_at timestamptz NOT NULL,
        UNIQUE (plan_id, index)
      )`);

    await q.query(`
      ALTER TABLE team
        ADD COLUMN outcome varchar(32) CHECK (outcome IN ('ACHIEVED', 'PARTIALLY_ACHIEVED', 'NOT_ACHIEVED')),
        ADD COLUMN proposed_outcome varchar(32) CHECK (proposed_outcome IN ('ACHIEVED', 'PARTIALLY_ACHIEVED', 'NOT_ACHIEVED')),
        ADD COLUMN outcome_recorded_at timestamptz,
        ADD COLUMN sustainment_status varchar(32) CHECK (sustainment_status IN ('SUSTAINED', 'SCALED', 'LAPSED')),
        ADD COLUMN scaled_to text,
        ADD COLUMN sustainment_closed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE team DROP COLUMN outcome, DROP COLUMN proposed_outcome, DROP COLUMN outcome_recorded_at,
        DROP COLUMN sustainment_status, DROP COLUMN scaled_to, DROP COLUMN sustainment_closed_at`);
    await q.query(`DROP TABLE checkpoint_report`);
    await q.query(`DROP TABLE sustainment_plan`);
    await q.query(`DROP TABLE final_report`);
  }
}
