import { DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS } from '@hundred/domain';
import argon2 from 'argon2';
import pg from 'pg';

import { createAppDataSource } from '../../src/manifest.js';

export const PASSWORD = 'Faults-2026-x';

export interface Seeded {
  cohortId: string;
  office: { email: string; password: string };
}

/** Creates and migrates a database of the case on the suite's cluster. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const ds = await createAppDataSource(url.toString(), 'hundred-faults-migrate').initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return url.toString();
}

/**
 * What every case needs: an office user to write with, and a cohort in intake with one draft
 * challenge whose agency has one focal point, so that each intake reminder notifies exactly one
 * person. Every attempt to insert a notification is counted by a trigger that runs before the
 * insert, so a second attempt is seen even where ON CONFLICT DO NOTHING would hide it.
 */
export async function seed(db: pg.Client): Promise<Seeded> {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2, parallelism: 1 });
  const [agency] = (
    await db.query(
      `INSERT INTO agency (code, name_ar, name_en) VALUES ('FLT', 'جهة الأعطال', 'Faults agency') RETURNING id`,
    )
  ).rows as { id: string }[];
  const office = { email: 'office@faults.example', password: PASSWORD };
  await db.query(
    `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
     VALUES ($1, 'المكتب', 'Office', $2, 'ar', '{ADMIN}', $3),
            ('focal@faults.example', 'ضابط الارتباط', 'Focal point', $2, 'ar', '{FOCAL_POINT}', $3)`,
    [office.email, agency!.id, hash],
  );
  const [cohort] = (
    await db.query(
      `INSERT INTO cohort (name_ar, name_en, state, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds, min_reviewers,
                           approvals_required, min_team_members, min_team_agencies)
       VALUES ('دفعة الأعطال', 'Faults cohort', 'INTAKE', '2030-01-01', 'Asia/Amman', '{5,6}', $1, '[]', $2, 2, 1, 3, 2)
       RETURNING id`,
      [JSON.stringify(DEFAULT_OFFSETS), JSON.stringify(DEFAULT_RAG_THRESHOLDS)],
    )
  ).rows as { id: string }[];
  await db.query(`INSERT INTO challenge (cohort_id, lead_agency_id, state) VALUES ($1, $2, 'DRAFT')`, [
    cohort!.id,
    agency!.id,
  ]);
  await db.query(
    `CREATE TABLE fault_attempt (dedupe_key text NOT NULL, deadline_id text, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
  await db.query(`CREATE INDEX fault_attempt_deadline_idx ON fault_attempt (deadline_id)`);
  // A reminder's notification is keyed deadline-<deadline id>-<user id>.
  await db.query(`CREATE FUNCTION fault_count_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fault_attempt (dedupe_key, deadline_id) VALUES (NEW.dedupe_key,
        CASE WHEN NEW.dedupe_key LIKE 'deadline-%' THEN substring(NEW.dedupe_key FROM 10 FOR 36) END);
      RETURN NEW;
    END $$`);
  await db.query(
    `CREATE TRIGGER fault_count_attempt BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION fault_count_attempt()`,
  );
  return { cohortId: cohort!.id, office };
}

/**
 * Inserts `count` intake reminders due evenly from `from` to `to`, each with its outbox row (the
 * delayed job), as a committed write would leave them: the worker's relay delivers them.
 */
export async function insertDeadlines(
  db: pg.Client,
  cohortId: string,
  count: number,
  from: Date,
  to: Date,
  label: string,
): Promise<void> {
  const step = count > 1 ? (to.getTime() - from.getTime()) / (count - 1) : 0;
  await db.query('BEGIN');
  await db.query(
    `WITH d AS (
       INSERT INTO deadline (cohort_id, subject_type, subject_id, kind, key, grp, original_due_at, due_at, params)
       SELECT $1, 'cohort', $1, 'INTAKE_CLOSE_REMINDER', $2 || '-' || i, 'COHORT_CALENDAR', at, at,
              jsonb_build_object('rule', jsonb_build_object('rule', 'AT', 'at', at), 'fault', $2::text)
         FROM (SELECT i, $3::timestamptz + (i * $4::float8) * interval '1 millisecond' AS at
                 FROM generate_series(0, $5::int - 1) AS i) s
       RETURNING id, seq, due_at)
     INSERT INTO outbox_message (job_name, job_id, payload, run_at)
     SELECT 'deadline.fire', 'deadline-' || id || '-' || seq, jsonb_build_object('deadlineId', id, 'seq', seq), due_at FROM d`,
    [cohortId, label, from, step, count],
  );
  await db.query('COMMIT');
}

export interface DeadlineOutcome {
  id: string;
  state: string;
  dueMs: number;
  /** The first attempt to notify, and how many attempts (1 when fired once). */
  firedMs: number | null;
  attempts: number;
}

/** The case's deadlines (by label) with their first notification attempt and the number of attempts. */
export async function outcomes(db: pg.Client, label: string): Promise<DeadlineOutcome[]> {
  const { rows } = await db.query(
    `SELECT d.id, d.state, extract(epoch FROM d.due_at) * 1000 AS due_ms,
            extract(epoch FROM min(a.at)) * 1000 AS fired_ms, count(a.*)::int AS attempts
       FROM deadline d LEFT JOIN fault_attempt a ON a.deadline_id = d.id::text
      WHERE d.params->>'fault' = $1 GROUP BY d.id`,
    [label],
  );
  return (rows as { id: string; state: string; due_ms: string; fired_ms: string | null; attempts: number }[]).map(
    (r) => ({
      id: r.id,
      state: r.state,
      dueMs: Number(r.due_ms),
      firedMs: r.fired_ms === null ? null : Number(r.fired_ms),
      attempts: r.attempts,
    }),
  );
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

/** Waits until `probe` is true, polling; returns whether it became true within `timeoutMs`. */
export async function until(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
