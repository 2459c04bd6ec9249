import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the leadership dashboard counts with, indexed so that its figures are a few set-based
 * statements whatever the number of cohorts and teams:
 * - each KPI's direction, baseline, target and latest value among check-ins not superseded (what
 *   its status is judged on), in float8, kept by statement-level triggers in the same transaction
 *   as the KPI edit or the check-in that changes them;
 * - the teams by lead agency, the challenges by alignment tag, and the fired overdue deadlines.
 */
export class Dashboard1764310000000 implements MigrationInterface {
  name = 'Dashboard1764310000000';

  async up(q: QueryRunner): Promise<void> {
    // One narrow row per KPI with what its status is judged on, in float8 (the arithmetic of
    // libs/domain): its team, direction, baseline and target, and its latest value.
    await q.query(`
      CREATE TABLE kpi_status_fact (
        kpi_id uuid PRIMARY KEY REFERENCES kpi (id) ON DELETE CASCADE,
        team_id uuid NOT NULL,
        direction varchar(10) NOT NULL,
        baseline float8 NOT NULL,
        target float8 NOT NULL,
        value float8,
        as_of date
      )`);
    await q.query(`CREATE INDEX kpi_status_fact_team_idx ON kpi_status_fact (team_id)`);
    await q.query(`
      CREATE FUNCTION kpi_status_fact_on_kpis() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO kpi_status_fact (kpi_id, team_id, direction, baseline, target)
        SELECT id, team_id, direction, baseline::float8, target::float8 FROM changed_kpis
        ON CONFLICT (kpi_id) DO UPDATE SET team_id = excluded.team_id, direction = excluded.direction,
          baseline = excluded.baseline, target = excluded.target;
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE']) {
      await q.query(`
        CREATE TRIGGER kpi_status_fact_${event.toLowerCase()} AFTER ${event} ON kpi
          REFERENCING NEW TABLE AS changed_kpis FOR EACH STATEMENT EXECUTE FUNCTION kpi_status_fact_on_kpis()`);
    }
    // The same choice as the KPI's latestValue: latest as-of date, then the latest submission,
    // among check-ins no correction supersedes.
    await q.query(`
      CREATE FUNCTION kpi_status_fact_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE kpi_status_fact f SET value = lv.value::float8, as_of = lv.as_of
          FROM unnest(ids) AS k(id)
          LEFT JOIN LATERAL (
            SELECT v.value, v.as_of FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
             WHERE v.kpi_id = k.id AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
             ORDER BY v.as_of DESC, c.submitted_at DESC LIMIT 1) lv ON true
         WHERE f.kpi_id = k.id AND (f.value, f.as_of) IS DISTINCT FROM (lv.value::float8, lv.as_of);
      $$`);
    await q.query(`
      CREATE FUNCTION kpi_status_fact_on_values() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM kpi_status_fact_refresh(ARRAY(SELECT DISTINCT kpi_id FROM new_values));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER check_in_value_status_fact AFTER INSERT ON check_in_value
        REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION kpi_status_fact_on_values()`);
    // A correction supersedes a check-in: the KPIs it had values for are judged again (those the
    // correction gives values for are refreshed once more when its values are written).
    await q.query(`
      CREATE FUNCTION kpi_status_fact_on_corrections() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM kpi_status_fact_refresh(ARRAY(
          SELECT DISTINCT v.kpi_id FROM new_check_ins n JOIN check_in_value v ON v.check_in_id = n.supersedes_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER check_in_status_fact AFTER INSERT ON check_in
        REFERENCING NEW TABLE AS new_check_ins FOR EACH STATEMENT EXECUTE FUNCTION kpi_status_fact_on_corrections()`);
    await q.query(`
      INSERT INTO kpi_status_fact (kpi_id, team_id, direction, baseline, target)
      SELECT id, team_id, direction, baseline::float8, target::float8 FROM kpi`);
    await q.query(`SELECT kpi_status_fact_refresh(ARRAY(SELECT id FROM kpi))`);

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
    await q.query(`DROP TRIGGER check_in_status_fact ON check_in`);
    await q.query(`DROP TRIGGER check_in_value_status_fact ON check_in_value`);
    await q.query(`DROP TRIGGER kpi_status_fact_insert ON kpi`);
    await q.query(`DROP TRIGGER kpi_status_fact_update ON kpi`);
    await q.query(`DROP FUNCTION kpi_status_fact_on_corrections()`);
    await q.query(`DROP FUNCTION kpi_status_fact_on_values()`);
    await q.query(`DROP FUNCTION kpi_status_fact_refresh(uuid[])`);
    await q.query(`DROP FUNCTION kpi_status_fact_on_kpis()`);
    await q.query(`DROP TABLE kpi_status_fact`);
  }
}
