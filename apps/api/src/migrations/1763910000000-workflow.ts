import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The clock offset, cohorts, transition history, deadlines, and notifications that link and e-mail. */
export class Workflow1763910000000 implements MigrationInterface {
  name = 'Workflow1763910000000';

  async up(q: QueryRunner): Promise<void> {
    // One row: how far the clock of demos and tests runs ahead of real time (0 in production).
    await q.query(`
      CREATE TABLE clock_setting (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        offset_ms bigint NOT NULL DEFAULT 0 CHECK (offset_ms >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO clock_setting (id) VALUES (1)`);

    await q.query(`
      CREATE TABLE cohort (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_ar varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        state varchar(32) NOT NULL DEFAULT 'DRAFT',
        version integer NOT NULL DEFAULT 1,
        day1 date NOT NULL,
        time_zone varchar(64) NOT NULL,
        weekend_days smallint[] NOT NULL,
        holidays text[] NOT NULL DEFAULT '{}',
        offsets jsonb NOT NULL,
        rubric jsonb NOT NULL,
        rag_thresholds jsonb NOT NULL,
        min_reviewers integer NOT NULL CHECK (min_reviewers BETWEEN 1 AND 10),
        approvals_required integer NOT NULL CHECK (approvals_required BETWEEN 1 AND 20),
        min_team_members integer NOT NULL CHECK (min_team_members BETWEEN 1 AND 50),
        min_team_agencies integer NOT NULL CHECK (min_team_agencies BETWEEN 1 AND 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cohort_day1_idx ON cohort (day1)`);

    // Every transition of every workflow object; append-only like the audit.
    await q.query(`
      CREATE TABLE transition_history (
        id bigserial PRIMARY KEY,
        subject_type varchar(32) NOT NULL,
        subject_id uuid NOT NULL,
        event varchar(40) NOT NULL,
        from_state varchar(32) NOT NULL,
        to_state varchar(32) NOT NULL,
        actor_id uuid,
        caller varchar(16) NOT NULL CHECK (caller IN ('user', 'scheduler', 'system')),
        reason text,
        data jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX transition_history_subject_idx ON transition_history (subject_type, subject_id, id)`);
    await q.query(`
      CREATE TRIGGER transition_history_no_update BEFORE UPDATE OR DELETE ON transition_history
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);

    // Every dated obligation. PostgreSQL is the truth; BullMQ only delivers. seq changes when a
    // deadline moves or is re-checked, and is part of its job id, so a stale job finds nothing to do.
    await q.query(`
      CREATE TABLE deadline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        subject_type varchar(32) NOT NULL,
        subject_id uuid NOT NULL,
        kind varchar(48) NOT NULL,
        key varchar(120) NOT NULL,
        grp varchar(24) NOT NULL,
        original_due_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        state varchar(12) NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'FIRED', 'SKIPPED', 'CANCELLED')),
        seq integer NOT NULL DEFAULT 1,
        checks integer NOT NULL DEFAULT 0,
        blocked_by text[],
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX deadline_pending_key ON deadline (subject_type, subject_id, key) WHERE state = 'PENDING'`,
    );
    await q.query(`CREATE INDEX deadline_pending_due_idx ON deadline (due_at) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX deadline_subject_idx ON deadline (subject_type, subject_id)`);
    await q.query(`CREATE INDEX deadline_cohort_idx ON deadline (cohort_id, original_due_at)`);

    await q.query(`ALTER TABLE notification ADD COLUMN subject_type varchar(32), ADD COLUMN subject_id uuid,
      ADD COLUMN email_state varchar(12) NOT NULL DEFAULT 'NONE' CHECK (email_state IN ('NONE', 'PENDING', 'SENT', 'FAILED')),
      ADD COLUMN emailed_at timestamptz`);
    await q.query(`CREATE INDEX outbox_message_job_id_idx ON outbox_message (job_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_message_job_id_idx`);
    await q.query(
      `ALTER TABLE notification DROP COLUMN subject_type, DROP COLUMN subject_id, DROP COLUMN email_state, DROP COLUMN emailed_at`,
    );
    await q.query(`DROP TABLE deadline`);
    await q.query(`DROP TABLE transition_history`);
    await q.query(`DROP TABLE cohort`);
    await q.query(`DROP TABLE clock_setting`);
  }
}
