import { ATTAINMENT_BANDS } from '@hundred/domain';

/**
 * The dashboard's SQL: where every team in view stands, worked out for all of them at once.
 *
 * The status arithmetic is PRODUCT.md section 7 as `libs/domain/src/rag.ts` states it (`kpiRag`,
 * `worstRag`, `teamStanding`), written here once more as set-based SQL so that the figures of
 * 10,000 teams are one statement rather than 10,000 resolver walks. It is float8 arithmetic in the
 * same order as the TypeScript; `apps/api/test/dashboard.int-spec.ts` checks that every team's
 * standing here equals its `Team.rag` through the resolvers. Change both together.
 *
 * Parameters: $1–$7 the calendar of each cohort in view (ids, today's day of the 100, local date
 * today, day 1, green and amber thresholds, days a value stays fresh), $8 whether the reader sees
 * everything, $9 the lead agency a focal point sees, $10 the reader (teams they hold a role on),
 * $11 pillar, $12 agency, $13 the agency's part (LEAD, PARTNER or null for either), $14 the one
 * cohort chosen (so that the planner reaches its teams by index).
 */
const rank = (r: string) => `CASE ${r} WHEN 0 THEN 'RED' WHEN 1 THEN 'GREY' WHEN 2 THEN 'AMBER' ELSE 'GREEN' END`;

/**
 * The rank of one KPI (RED 0, GREY 1, AMBER 2, GREEN 3) by `value` as of `asOf`, on `day` of the
 * 100 with `today` the local date: `kpiRag`, inline (no sub-select per row).
 */
function kpiRank(value: string, asOf: string, day: string, today: string): string {
  const b = 'k.baseline::float8';
  const tg = 'k.target::float8';
  const th = 'cal';
  const a = `${value}::float8`;
  const span = `((${b} + ((${tg} - ${b}) * least(greatest(${day}, 0), 100)) / 100) - ${b})`;
  const moved = `(${a} - ${b})`;
  const progress = `(CASE WHEN ${span} = 0
      THEN CASE WHEN (k.direction = 'INCREASE' AND ${moved} >= 0) OR (k.direction = 'DECREASE' AND ${moved} <= 0) THEN 1 ELSE -1 END
      ELSE ${moved} / ${span} END)`;
  return `CASE
      WHEN ${asOf} IS NULL OR (${today} - ${asOf}) > ${th}.stale THEN 1
      WHEN (k.direction = 'INCREASE' AND ${a} >= ${tg}) OR (k.direction = 'DECREASE' AND ${a} <= ${tg}) THEN 3
      WHEN ${progress} >= ${th}.green THEN 3
      WHEN ${progress} >= ${th}.amber THEN 2
      ELSE 0 END`;
}

/** Teams with a goal that has no KPI: such a goal is grey, and so its team at best. */
const EMPTY_GOALS = `SELECT DISTINCT g.team_id FROM goal g JOIN ft ON ft.id = g.team_id
                      WHERE NOT EXISTS (SELECT 1 FROM kpi WHERE kpi.goal_id = g.id)`;

export const TEAM_FACTS = `
  cal AS (
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::date[], $4::date[], $5::float8[], $6::float8[], $7::int[])
      AS c(cohort_id, day, today, day1, green, amber, stale)),
  pillar_of AS (
    SELECT id AS node_id, id AS pillar_id FROM alignment_node WHERE level = 'PILLAR'
    UNION ALL
    SELECT n.id, p.pillar_id FROM alignment_node n JOIN pillar_of p ON n.parent_id = p.node_id),
  seen AS (
    SELECT t.id, t.cohort_id, t.state, t.name_en, t.lead_agency_id, ch.partner_agency_ids, ch.alignment_node_ids,
           t.outcome, t.sustainment_status, t.missed_check_in_weeks
      FROM team t JOIN cal ON cal.cohort_id = t.cohort_id JOIN challenge ch ON ch.id = t.challenge_id
     WHERE ($14::uuid IS NULL OR t.cohort_id = $14::uuid)
       AND ($8::boolean OR t.lead_agency_id = $9::uuid
            OR EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.user_id = $10::uuid))
       AND ($12::uuid IS NULL
            OR ($13::text IS DISTINCT FROM 'PARTNER' AND t.lead_agency_id = $12::uuid)
            OR ($13::text IS DISTINCT FROM 'LEAD' AND $12::uuid = ANY (ch.partner_agency_ids)))),
  team_pillar AS (
    SELECT DISTINCT x.team_id, p.pillar_id
      FROM (SELECT s.id AS team_id, unnest(s.alignment_node_ids) AS node_id FROM seen s
            UNION ALL
            SELECT g.team_id, unnest(g.alignment_node_ids) FROM goal g JOIN seen s ON s.id = g.team_id
             WHERE g.alignment_node_ids <> '{}') x
      JOIN pillar_of p ON p.node_id = x.node_id),
  ft AS (
    SELECT s.id, s.cohort_id, s.state, s.name_en, s.lead_agency_id, s.partner_agency_ids, s.outcome,
           s.sustainment_status, s.missed_check_in_weeks
      FROM seen s
     WHERE $11::uuid IS NULL OR EXISTS (SELECT 1 FROM team_pillar tp WHERE tp.team_id = s.id AND tp.pillar_id = $11::uuid)),
  -- Each KPI's arithmetic once (kpiRag's steps as columns), then the worst rank and the mean
  -- attainment of each team. OFFSET 0 keeps each level from being folded into the next, which
  -- would evaluate its expressions again wherever they are used.
  team_kpis AS (
    SELECT p.team_id,
           min(CASE WHEN p.as_of IS NULL OR p.age > p.stale THEN 1
                    WHEN p.reached THEN 3
                    WHEN p.progress >= p.green THEN 3
                    WHEN p.progress >= p.amber THEN 2
                    ELSE 0 END) AS r,
           round(avg(least(greatest(coalesce(round(p.attainment * 10000) / 10000, 0), 0), 1)) * 10000) / 10000 AS att
      FROM (SELECT q.*,
                   CASE WHEN q.span = 0
                        THEN CASE WHEN (q.direction = 'INCREASE' AND q.moved >= 0) OR (q.direction = 'DECREASE' AND q.moved <= 0) THEN 1 ELSE -1 END
                        ELSE q.moved / q.span END AS progress
              FROM (SELECT k.team_id, k.direction, k.as_of, cal.today - k.as_of AS age, cal.stale, cal.green, cal.amber,
                           (k.direction = 'INCREASE' AND k.value >= k.target) OR (k.direction = 'DECREASE' AND k.value <= k.target) AS reached,
                           (k.baseline + ((k.target - k.baseline) * least(greatest(cal.day, 0), 100)) / 100) - k.baseline AS span,
                           k.value - k.baseline AS moved,
                           (k.value - k.baseline) / (k.target - k.baseline) AS attainment
                      FROM kpi_status_fact k JOIN ft ON ft.id = k.team_id JOIN cal ON cal.cohort_id = ft.cohort_id
                    OFFSET 0) q
            OFFSET 0) p
     GROUP BY p.team_id),
  empty_goals AS (${EMPTY_GOALS}),
  owed AS (
    SELECT ft.id AS team_id, count(*) AS n
      FROM deadline d JOIN ft ON ft.id = coalesce((d.params ->> 'teamId')::uuid, d.subject_id)
     WHERE d.state = 'FIRED' AND d.cohort_id = ANY ($1::uuid[])
       AND d.kind IN ('GOALS_OVERDUE', 'ASSESSMENTS_OVERDUE', 'FINAL_REPORT_OVERDUE', 'CHECKPOINT_OVERDUE')
       AND CASE d.kind
             WHEN 'GOALS_OVERDUE' THEN ft.state = 'FORMING'
             WHEN 'ASSESSMENTS_OVERDUE' THEN ft.state = 'UNDER_REVIEW'
             WHEN 'FINAL_REPORT_OVERDUE' THEN ft.state = 'REPORTING'
             ELSE ft.state = 'SUSTAINING' AND NOT EXISTS (
               SELECT 1 FROM checkpoint_report cr WHERE cr.team_id = ft.id AND cr.index = (d.params ->> 'index')::int)
           END
     GROUP BY ft.id),
  f AS (
    SELECT ft.id, ft.cohort_id, ft.name_en, ft.lead_agency_id, ft.partner_agency_ids,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN ft.state
                ELSE ${rank('CASE WHEN eg.team_id IS NULL THEN coalesce(tk.r, 1) ELSE least(coalesce(tk.r, 1), 1) END')} END AS standing,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN NULL ELSE tk.att END AS att,
           coalesce(o.n, 0) + CASE WHEN ft.state IN ('ACTIVE', 'UNDER_REVIEW') THEN ft.missed_check_in_weeks ELSE 0 END AS overdue,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') OR cal.day <= 100 THEN NULL
                WHEN ft.state = 'SUSTAINING' THEN 'SUSTAINING'
                WHEN ft.sustainment_status IS NOT NULL THEN ft.sustainment_status
                ELSE coalesce(ft.outcome, 'AWAITING_OUTCOME') END AS result,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') OR cal.day <= 100 THEN NULL
                ELSE coalesce(ft.outcome, 'AWAITING_OUTCOME') END AS outcome,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN NULL
                ELSE width_bucket(tk.att, ARRAY[${ATTAINMENT_BANDS.slice(1).join(', ')}]::float8[]) END AS band
      FROM ft JOIN cal ON cal.cohort_id = ft.cohort_id
      LEFT JOIN team_kpis tk ON tk.team_id = ft.id
      LEFT JOIN empty_goals eg ON eg.team_id = ft.id
      LEFT JOIN owed o ON o.team_id = ft.id)`;

/** The counting columns of a group of `f` rows, in the order `DashboardService` reads them. */
const COUNTS = `
  count(*) FILTER (WHERE standing = 'GREEN')::int AS green,
  count(*) FILTER (WHERE standing = 'AMBER')::int AS amber,
  count(*) FILTER (WHERE standing = 'RED')::int AS red,
  count(*) FILTER (WHERE standing = 'GREY')::int AS grey,
  count(*) FILTER (WHERE standing = 'WITHDRAWN')::int AS withdrawn,
  count(*) FILTER (WHERE standing = 'STOPPED')::int AS stopped,
  count(*)::int AS total,
  coalesce(sum(overdue), 0)::int AS overdue,
  count(att)::int AS att_n,
  avg(att)::float8 AS att_mean,
  count(outcome)::int AS past100,
  count(*) FILTER (WHERE outcome = 'ACHIEVED')::int AS achieved,
  count(*) FILTER (WHERE outcome = 'PARTIALLY_ACHIEVED')::int AS partially,
  count(*) FILTER (WHERE outcome = 'NOT_ACHIEVED')::int AS not_achieved,
  count(*) FILTER (WHERE outcome = 'AWAITING_OUTCOME')::int AS awaiting,
  count(*) FILTER (WHERE result = 'SUSTAINING')::int AS sustaining,
  count(*) FILTER (WHERE result = 'SUSTAINED')::int AS sustained,
  count(*) FILTER (WHERE result = 'SCALED')::int AS scaled,
  count(*) FILTER (WHERE result = 'LAPSED')::int AS lapsed`;

/**
 * Every figure in one statement: one row per group (`kind`, `key`), with the counts of `COUNTS`.
 * $15 is the number of weeks of the trend (0 unless one cohort is chosen); a week not over yet is
 * judged as of today.
 */
export const DASHBOARD_SQL = `
  WITH RECURSIVE ${TEAM_FACTS},
  team_weeks AS (
    SELECT ft.id, w.week,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN ft.state
                ELSE ${rank('CASE WHEN bool_or(eg.team_id IS NOT NULL) THEN least(coalesce(min(kw.r), 1), 1) ELSE coalesce(min(kw.r), 1) END')} END AS standing
      FROM ft CROSS JOIN generate_series(1, $15::int) AS w(week)
      JOIN cal ON cal.cohort_id = ft.cohort_id
      LEFT JOIN empty_goals eg ON eg.team_id = ft.id
      LEFT JOIN LATERAL (
        SELECT ${kpiRank('wv.value', 'wv.as_of', 'least(w.week * 7, cal.day)', 'least(cal.day1 + w.week * 7 - 1, cal.today)')} AS r
          FROM kpi k
          LEFT JOIN LATERAL (
            SELECT v.value, v.as_of FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
             WHERE v.kpi_id = k.id AND v.as_of <= least(cal.day1 + w.week * 7 - 1, cal.today)
               AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
             ORDER BY v.as_of DESC, c.submitted_at DESC LIMIT 1) wv ON true
         WHERE k.team_id = ft.id) kw ON true
     GROUP BY ft.id, ft.state, w.week)
  SELECT CASE GROUPING(cohort_id, band, lead_agency_id) WHEN 7 THEN 'all' WHEN 3 THEN 'cohort' WHEN 5 THEN 'band' ELSE 'lead' END AS kind,
         coalesce(cohort_id::text, band::text, lead_agency_id::text) AS key, ${COUNTS}
    FROM f GROUP BY GROUPING SETS ((), (cohort_id), (band), (lead_agency_id))
  UNION ALL SELECT 'pillar', tp.pillar_id::text, ${COUNTS} FROM f JOIN team_pillar tp ON tp.team_id = f.id GROUP BY tp.pillar_id
  UNION ALL SELECT 'partner', a.agency::text, ${COUNTS} FROM f CROSS JOIN unnest(f.partner_agency_ids) AS a(agency) GROUP BY a.agency
  UNION ALL SELECT 'week', week::text,
    count(*) FILTER (WHERE standing = 'GREEN')::int, count(*) FILTER (WHERE standing = 'AMBER')::int,
    count(*) FILTER (WHERE standing = 'RED')::int, count(*) FILTER (WHERE standing = 'GREY')::int,
    count(*) FILTER (WHERE standing = 'WITHDRAWN')::int, count(*) FILTER (WHERE standing = 'STOPPED')::int,
    count(*)::int, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM team_weeks GROUP BY week`;

/**
 * The ids of the teams behind one figure, by name. $15 standing, $16 attainment band (index),
 * $17 result after day 100, $18 only those with something overdue, $19 limit, $20 offset.
 */
export const DASHBOARD_TEAMS_SQL = `
  WITH RECURSIVE ${TEAM_FACTS}
  SELECT f.id FROM f
   WHERE ($15::text IS NULL OR f.standing = $15::text)
     AND ($16::int IS NULL OR f.band = $16::int)
     AND ($17::text IS NULL OR f.result = $17::text OR f.outcome = $17::text)
     AND ($18::boolean IS NOT TRUE OR f.overdue > 0)
   ORDER BY f.name_en, f.id
   LIMIT $19 OFFSET $20`;
