import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mid-point review: one review per team, one assessment per assigned reviewer (scores on the
 * five criteria, a recommendation, comments), and the office's decision kept on the team.
 */
export class MidpointReview1764100000000 implements MigrationInterface {
  name = 'MidpointReview1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        team_id uuid NOT NULL UNIQUE REFERENCES team (id) ON DELETE CASCADE,
        state varchar(32) NOT NULL DEFAULT 'SCHEDULED' CHECK (state IN ('SCHEDULED', 'OPEN', 'DECIDED')),
        version integer NOT NULL DEFAULT 1,
        opened_at timestamptz,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_cohort_idx ON review (cohort_id, state)`);

    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user (id),
        state varchar(32) NOT NULL DEFAULT 'ASSIGNED'
          CHECK (state IN ('ASSIGNED', 'DRAFT', 'SUBMITTED', 'UNASSIGNED')),
        version integer NOT NULL DEFAULT 1,
        scores jsonb NOT NULL DEFAULT '[]',
        recommendation varchar(32) CHECK (recommendation IN ('CONTINUE', 'COURSE_CORRECT', 'ESCALATE', 'STOP')),
        comment text NOT NULL DEFAULT '',
        assigned_by uuid REFERENCES app_user (id),
        assigned_at timestamptz NOT NULL,
        submitted_at timestamptz,
        conflict_declared boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A reviewer holds at most one live assignment per review; an unassigned one stays on record.
    await q.query(
      `CREATE UNIQUE INDEX assessment_live_idx ON assessment (review_id, reviewer_id) WHERE state <> 'UNASSIGNED'`,
    );
    await q.query(`CREATE INDEX assessment_reviewer_idx ON assessment (reviewer_id, state)`);
    await q.query(`CREATE INDEX assessment_team_idx ON assessment (team_id)`);

    await q.query(`
      ALTER TABLE team
        ADD COLUMN midpoint_decision varchar(32) CHECK (midpoint_decision IN ('CONTINUE', 'COURSE_CORRECT', 'ESCALATE', 'STOP')),
        ADD COLUMN midpoint_corrections text,
        ADD COLUMN midpoint_decided_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE team DROP COLUMN midpoint_decision, DROP COLUMN midpoint_corrections, DROP COLUMN midpoint_decided_at`,
    );
    await q.query(`DROP TABLE assessment`);
    await q.query(`DROP TABLE review`);
  }
}
