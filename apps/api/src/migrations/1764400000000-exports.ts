import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports: a report someone asked for (its kind, its parameters, PDF or spreadsheet, in their
 * language), built by the worker with its progress, and the finished file's bytes kept apart so
 * that listing exports never reads them.
 */
export class Exports1764400000000 implements MigrationInterface {
  name = 'Exports1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requester_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        format varchar(8) NOT NULL CHECK (format IN ('PDF', 'XLSX')),
        params jsonb NOT NULL DEFAULT '{}',
        language varchar(8) NOT NULL,
        title text NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        attempt integer NOT NULL DEFAULT 0,
        file_name text,
        content_type text,
        byte_size integer,
        failure varchar(80),
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX export_requester_idx ON export (requester_id, created_at DESC, id)`);
    await q.query(`
      CREATE TABLE export_file (
        export_id uuid PRIMARY KEY REFERENCES export (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_file`);
    await q.query(`DROP TABLE export`);
  }
}
