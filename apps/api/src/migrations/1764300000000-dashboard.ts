import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the leadership dashboard counts with, indexed so that its figures are a few set-based
 * statements whatever the number of cohorts and teams:
 * - each KPI's latest value among check-ins not superseded (the value its status is judged on),
 *   kept by statement-level triggers in the same transaction as the check-in that changes it;
 * - the teams by lead agency, the challenges by alignment tag, and the fired overdue deadlines.
 */
export class Dashboard1764300000000 implements MigrationInterface {
  name = 'Dashboard1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_latest_value (
        kpi_id uuid PRIMARY KEY REFERENCES kpi (id) ON DELETE CASCADE,
        value numeric(18, 4) NOT NULL,
        as_of date NOT NULL
      )`);
    // The same choice as the KPI's latestValue: latest as-of date, then the latest submission,
    // among check-ins no correction supersedes.
    await q.query(`
      CREATE FUNCTION kpi_latest_value_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM kpi_latest_value l WHERE l.kpi_id = ANY(ids)
           AND NOT EXISTS (SELECT 1 FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
                            WHERE v.kpi_id = l.kpi_id AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id));
        INSERT INTO kpi_latest_value (kpi_id, value, as_of)
        SELECT k.id, lv.value, lv.as_of
          FROM unnest(ids) AS k(id)
          JOIN LATERAL (
            SELECT v.value, v.as_of FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
             WHERE v.kpi_id = k.id AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
             ORDER BY v.as_of DESC, c.submitted_at DESC LIMIT 1) lv ON true
        ON CONFLICT (kpi_id) DO UPDATE SET value = excluded.value, as_of = excluded.as_of
          WHERE (kpi_latest_value.value, kpi_latest_value.as_of) IS DISTINCT FROM (excluded.value, excluded.as_of);
      $$`);
    await q.query(`
      CREATE FUNCTION kpi_latest_value_on_values() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM kpi_latest_value_refresh(ARRAY(SELECT DISTINCT kpi_id FROM new_values));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER check_in_value_latest AFTER INSERT ON check_in_value
        REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION kpi_latest_value_on_values()`);
    // A correction supersedes a check-in: the KPIs it had values for are judged again (those the
    // correction gives values for are refreshed once more when its values are written).
    await q.query(`
      CREATE FUNCTION kpi_latest_value_on_corrections() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM kpi_latest_value_refresh(ARRAY(
          SELECT DISTINCT v.kpi_id FROM new_check_ins n JOIN check_in_value v ON v.check_in_id = n.supersedes_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER check_in_latest AFTER INSERT ON check_in
        REFERENCING NEW TABLE AS new_check_ins FOR EACH STATEMENT EXECUTE FUNCTION kpi_latest_value_on_corrections()`);
    await q.query(`SELECT kpi_latest_value_refresh(ARRAY(SELECT id FROM kpi))`);

    await q.query(`CREATE INDEX team_lead_agency_idx ON team (lead_agency_id, cohort_id)`);
    await q.query(`CREATE INDEX challenge_alignment_idx ON challenge USING gin (alignment_node_ids)`);
    await q.query(`CREATE INDEX goal_alignment_idx ON goal USING gin (alignment_node_ids)`);
    await q.query(`
      CREATE INDEX deadline_fired_overdue_idx ON deadline (cohort_id)
        WHERE state = 'FIRED' AND kind IN ('GOALS_OVERDUE', 'ASSESSMENTS_OVERDUE', 'FINAL_REPORT_OVERDUE', 'CHECKPOINT_OVERDUE')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deadline_fired_overdue_idx`);
    await q.query(`DROP INDEX goal_alignment_idx`);
    await q.query(`DROP INDEX challenge_alignment_idx`);
    await q.query(`DROP INDEX team_lead_agency_idx`);
    await q.query(`DROP TRIGGER check_in_latest ON check_in`);
    await q.query(`DROP TRIGGER check_in_value_latest ON check_in_value`);
    await q.query(`DROP FUNCTION kpi_latest_value_on_corrections()`);
    await q.query(`DROP FUNCTION kpi_latest_value_on_values()`);
    await q.query(`DROP FUNCTION kpi_latest_value_refresh(uuid[])`);
    await q.query(`DROP TABLE kpi_latest_value`);
  }
}
