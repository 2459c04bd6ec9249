import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each team's standing and attainment as the dashboard last worked them out, so that a dashboard
 * groups narrow rows instead of judging 40,000 KPIs at every request.
 *
 * A row is the worst rank of the team's KPIs (with a goal without KPIs counted grey) and its mean
 * attainment, worked out for one day of the 100 and one local date of its cohort with its
 * thresholds (`day`, `today`, `green`, `amber`, `stale`). `version` counts the changes of what the
 * figures are judged on: statement-level triggers bump it in the same transaction as any change to
 * a KPI's figures (`kpi_status_fact`: a check-in value, a correction, a KPI edit or deletion) or to
 * the team's goals. A row is used only when `computed_version = version` and it was worked out for
 * the cohort's calendar of today; any other team is worked out afresh by the same statement, which
 * stores its result only if no change was committed since it read the figures
 * (`WHERE version = excluded.version`), so a write is never hidden by an older answer.
 */
export class TeamStanding1764510000000 implements MigrationInterface {
  name = 'TeamStanding1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_standing (
        team_id uuid PRIMARY KEY,
        version bigint NOT NULL DEFAULT 0,
        computed_version bigint,
        day int,
        today date,
        green float8,
        amber float8,
        stale int,
        r smallint,
        att float8
      )`);
    await q.query(`
      CREATE FUNCTION team_standing_bump(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO team_standing AS s (team_id, version)
        SELECT DISTINCT id, 1 FROM unnest(ids) AS t(id) WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (team_id) DO UPDATE SET version = s.version + 1;
      $$`);
    for (const [table, event, refs] of [
      ['kpi_status_fact', 'INSERT', 'NEW TABLE AS new_rows'],
      ['kpi_status_fact', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['kpi_status_fact', 'DELETE', 'OLD TABLE AS old_rows'],
      ['goal', 'INSERT', 'NEW TABLE AS new_rows'],
      ['goal', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['goal', 'DELETE', 'OLD TABLE AS old_rows'],
    ] as const) {
      const rows = [
        refs.includes('new_rows') && 'SELECT team_id FROM new_rows',
        refs.includes('old_rows') && 'SELECT team_id FROM old_rows',
      ]
        .filter(Boolean)
        .join(' UNION ');
      const fn = `team_standing_on_${table}_${event.toLowerCase()}`;
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM team_standing_bump(ARRAY(${rows}));
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER ${fn} AFTER ${event} ON ${table}
          REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['kpi_status_fact', 'goal']) {
      for (const event of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER team_standing_on_${table}_${event} ON ${table}`);
        await q.query(`DROP FUNCTION team_standing_on_${table}_${event}()`);
      }
    }
    await q.query(`DROP FUNCTION team_standing_bump(uuid[])`);
    await q.query(`DROP TABLE team_standing`);
  }
}
