import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies, users, sessions, sign-in throttling, the append-only audit, the outbox, notifications. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,16}$'),
        name_ar varchar(200) NOT NULL CHECK (length(trim(name_ar)) > 0),
        name_en varchar(200) NOT NULL CHECK (length(trim(name_en)) > 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX agency_code_key ON agency (code)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name_ar varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency (id),
        preferred_language varchar(2) NOT NULL DEFAULT 'ar' CHECK (preferred_language IN ('ar', 'en')),
        roles text[] NOT NULL DEFAULT '{}'
          CHECK (roles <@ ARRAY['ADMIN', 'LEADERSHIP', 'FOCAL_POINT', 'REVIEWER']::text[]),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_agency_idx ON app_user (agency_id)`);

    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ip varchar(64),
        user_agent varchar(400)
      )`);
    await q.query(`CREATE UNIQUE INDEX user_session_token_key ON user_session (token_hash)`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);

    // Keyed by the e-mail typed, whether or not an account has it, so throttling reveals nothing.
    await q.query(`
      CREATE TABLE sign_in_throttle (
        email varchar(254) PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        last_failed_at timestamptz,
        locked_until timestamptz
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        action varchar(64) NOT NULL,
        subject_type varchar(32) NOT NULL,
        subject_id varchar(64),
        from_state varchar(32),
        to_state varchar(32),
        reason text,
        data jsonb NOT NULL DEFAULT '{}',
        ip varchar(64)
      )`);
    await q.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);

    await q.query(`
      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        job_name varchar(64) NOT NULL,
        job_id varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_message_pending_idx ON outbox_message (id) WHERE relayed_at IS NULL`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(64) NOT NULL,
        dedupe_key varchar(200) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_key ON notification (dedupe_key)`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE outbox_message`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
    await q.query(`DROP TABLE sign_in_throttle`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE agency`);
  }
}
