import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Goals and KPIs, weekly check-ins (append-only) with their reviews, and KPI change requests. */
export class TeamWork1763930000000 implements MigrationInterface {
  name = 'TeamWork1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE team ADD COLUMN goals_frozen_at timestamptz, ADD COLUMN check_ins_flagged_at timestamptz`,
    );

    await q.query(`
      CREATE TABLE goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        sort integer NOT NULL DEFAULT 0,
        title_ar varchar(300) NOT NULL,
        title_en varchar(300) NOT NULL,
        alignment_node_ids uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX goal_team_idx ON goal (team_id, sort)`);

    await q.query(`
      CREATE TABLE kpi (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        sort integer NOT NULL DEFAULT 0,
        name_ar varchar(300) NOT NULL,
        name_en varchar(300) NOT NULL,
        unit varchar(12) NOT NULL CHECK (unit IN ('PERCENT', 'NUMBER', 'DAYS', 'HOURS', 'MINUTES', 'CURRENCY')),
        direction varchar(10) NOT NULL CHECK (direction IN ('INCREASE', 'DECREASE')),
        baseline numeric(18, 4) NOT NULL,
        target numeric(18, 4) NOT NULL,
        original_baseline numeric(18, 4),
        original_target numeric(18, 4),
        data_source text NOT NULL,
        is_proxy boolean NOT NULL DEFAULT false,
        frozen_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (baseline <> target),
        CHECK ((direction = 'INCREASE') = (target > baseline))
      )`);
    await q.query(`CREATE INDEX kpi_goal_idx ON kpi (goal_id, sort)`);
    await q.query(`CREATE INDEX kpi_team_idx ON kpi (team_id)`);

    // Append-only: a correction is a new check-in that supersedes one, never an edit.
    await q.query(`
      CREATE TABLE check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        week integer NOT NULL CHECK (week >= 1),
        submitted_by uuid NOT NULL REFERENCES app_user (id),
        submitted_at timestamptz NOT NULL,
        late boolean NOT NULL,
        narrative text NOT NULL,
        blockers text NOT NULL DEFAULT '',
        help_needed text NOT NULL DEFAULT '',
        confidence varchar(8) NOT NULL CHECK (confidence IN ('LOW', 'MEDIUM', 'HIGH')),
        supersedes_id uuid REFERENCES check_in (id),
        correction_reason text,
        CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX check_in_team_idx ON check_in (team_id, week, submitted_at)`);
    await q.query(
      `CREATE UNIQUE INDEX check_in_supersedes_key ON check_in (supersedes_id) WHERE supersedes_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE check_in_value (
        check_in_id uuid NOT NULL REFERENCES check_in (id) ON DELETE CASCADE,
        kpi_id uuid NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
        value numeric(18, 4) NOT NULL,
        as_of date NOT NULL,
        evidence text NOT NULL,
        PRIMARY KEY (check_in_id, kpi_id)
      )`);
    await q.query(`CREATE INDEX check_in_value_kpi_idx ON check_in_value (kpi_id, as_of DESC)`);
    for (const t of ['check_in', 'check_in_value']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t}
        FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION audit_event_append_only()`);
    }
    await q.query(`
      CREATE TABLE check_in_review (
        check_in_id uuid PRIMARY KEY REFERENCES check_in (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES app_user (id),
        decision varchar(12) NOT NULL CHECK (decision IN ('ACKNOWLEDGED', 'RETURNED')),
        comment text NOT NULL DEFAULT '',
        reviewed_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE kpi_change_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kpi_id uuid NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        state varchar(12) NOT NULL DEFAULT 'PROPOSED',
        version integer NOT NULL DEFAULT 1,
        from_baseline numeric(18, 4) NOT NULL,
        from_target numeric(18, 4) NOT NULL,
        to_baseline numeric(18, 4) NOT NULL,
        to_target numeric(18, 4) NOT NULL,
        reason text NOT NULL,
        proposed_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kpi_change_request_team_idx ON kpi_change_request (team_id, created_at)`);
    await q.query(
      `CREATE UNIQUE INDEX kpi_change_request_open_key ON kpi_change_request (kpi_id) WHERE state = 'PROPOSED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['kpi_change_request', 'check_in_review', 'check_in_value', 'check_in', 'kpi', 'goal'])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE team DROP COLUMN goals_frozen_at, DROP COLUMN check_ins_flagged_at`);
  }
}
