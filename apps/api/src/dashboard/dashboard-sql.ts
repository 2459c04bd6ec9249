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
 * Each team's worst KPI rank and attainment are kept in `team_standing` (migration
 * 1764510000000) for the day of the 100, the local date and the thresholds they were worked out
 * for; triggers bump a team's version in the same transaction as any change to its KPIs' figures
 * or its goals. The statement uses a kept row only when it holds for today's calendar and the
 * current version, works out the others afresh (the first read of a cohort's day, or after a
 * write) and stores them unless a write was committed meanwhile.
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
  -- The teams of the cohorts in view by the pillars their tags (of the challenge and of its goals)
  -- reach; read only when a pillar is chosen.
  team_pillar AS (
    SELECT DISTINCT x.team_id, p.pillar_id
      FROM (SELECT t.id AS team_id, unnest(ch.alignment_node_ids) AS node_id
              FROM team t JOIN challenge ch ON ch.id = t.challenge_id WHERE t.cohort_id = ANY ($1::uuid[])
            UNION ALL
            SELECT g.team_id, unnest(g.alignment_node_ids) FROM goal g WHERE g.alignment_node_ids <> '{}') x
      JOIN pillar_of p ON p.node_id = x.node_id),
  -- The teams in view with their cohort's calendar of today and their kept standing, which holds
  -- if it was worked out for that calendar and for every change of their figures so far; the
  -- others are worked out afresh below.
  ft AS (
    SELECT t.id, t.cohort_id, t.state, t.name_en, t.lead_agency_id, ch.partner_agency_ids, ch.alignment_node_ids,
           t.outcome, t.sustainment_status, t.missed_check_in_weeks,
           cal.day, cal.today, cal.green, cal.amber, cal.stale, coalesce(s.version, 0) AS version, s.r, s.att,
           coalesce(s.computed_version = s.version AND s.day = cal.day AND s.today = cal.today
                    AND s.green = cal.green AND s.amber = cal.amber AND s.stale = cal.stale, false) AS holds
      FROM team t JOIN cal ON cal.cohort_id = t.cohort_id JOIN challenge ch ON ch.id = t.challenge_id
      LEFT JOIN team_standing s ON s.team_id = t.id
     WHERE ($14::uuid IS NULL OR t.cohort_id = $14::uuid)
       AND ($8::boolean OR t.lead_agency_id = $9::uuid
            OR EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.user_id = $10::uuid))
       AND ($12::uuid IS NULL
            OR ($13::text IS DISTINCT FROM 'PARTNER' AND t.lead_agency_id = $12::uuid)
            OR ($13::text IS DISTINCT FROM 'LEAD' AND $12::uuid = ANY (ch.partner_agency_ids)))
       AND ($11::uuid IS NULL OR EXISTS (SELECT 1 FROM team_pillar tp WHERE tp.team_id = t.id AND tp.pillar_id = $11::uuid))),
  afresh AS (SELECT * FROM ft WHERE NOT holds),
  -- Each KPI's arithmetic once (kpiRag's steps as columns), then the worst rank and the mean
  -- attainment of each team. OFFSET 0 keeps each level from being folded into the next, which
  -- would evaluate its expressions again wherever they are used.
  computed AS (
    SELECT p.id AS team_id, p.version, p.day, p.today, p.green, p.amber, p.stale,
           CASE WHEN EXISTS (SELECT 1 FROM goal g WHERE g.team_id = p.id AND NOT EXISTS (SELECT 1 FROM kpi WHERE kpi.goal_id = g.id))
                THEN least(coalesce(min(p.r) FILTER (WHERE p.kpi_team_id IS NOT NULL), 1), 1)
                ELSE coalesce(min(p.r) FILTER (WHERE p.kpi_team_id IS NOT NULL), 1) END AS r,
           round(avg(least(greatest(coalesce(round(p.attainment * 10000) / 10000, 0), 0), 1))
                 FILTER (WHERE p.kpi_team_id IS NOT NULL) * 10000) / 10000 AS att
      FROM (SELECT q.*,
                   CASE WHEN q.as_of IS NULL OR q.age > q.stale THEN 1
                        WHEN q.reached THEN 3
                        WHEN q.progress >= q.green THEN 3
                        WHEN q.progress >= q.amber THEN 2
                        ELSE 0 END AS r
              FROM (SELECT o.*,
                           CASE WHEN o.span = 0
                                THEN CASE WHEN (o.direction = 'INCREASE' AND o.moved >= 0) OR (o.direction = 'DECREASE' AND o.moved <= 0) THEN 1 ELSE -1 END
                                ELSE o.moved / o.span END AS progress
                      FROM (SELECT a.id, a.version, a.day, a.today, a.green, a.amber, a.stale, k.team_id AS kpi_team_id,
                                   k.direction, k.as_of, a.today - k.as_of AS age,
                                   (k.direction = 'INCREASE' AND k.value >= k.target) OR (k.direction = 'DECREASE' AND k.value <= k.target) AS reached,
                                   (k.baseline + ((k.target - k.baseline) * least(greatest(a.day, 0), 100)) / 100) - k.baseline AS span,
                                   k.value - k.baseline AS moved,
                                   (k.value - k.baseline) / (k.target - k.baseline) AS attainment
                              FROM afresh a LEFT JOIN kpi_status_fact k ON k.team_id = a.id
                            OFFSET 0) o
                    OFFSET 0) q
            OFFSET 0) p
     GROUP BY p.id, p.version, p.day, p.today, p.green, p.amber, p.stale),
  -- What was worked out afresh is kept for the next request, unless the team's figures changed
  -- since this statement read them (a trigger bumped the version meanwhile).
  saved AS (
    INSERT INTO team_standing AS s (team_id, version, computed_version, day, today, green, amber, stale, r, att)
    SELECT team_id, version, version, day, today, green, amber, stale, r, att FROM computed ORDER BY team_id
    ON CONFLICT (team_id) DO UPDATE SET computed_version = excluded.computed_version, day = excluded.day,
      today = excluded.today, green = excluded.green, amber = excluded.amber, stale = excluded.stale,
      r = excluded.r, att = excluded.att
     WHERE s.version = excluded.version),
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
           ft.alignment_node_ids || coalesce(gn.nodes, '{}') AS nodes,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN ft.state
                ELSE ${rank('CASE WHEN ft.holds THEN ft.r ELSE c.r END')} END AS standing,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN NULL WHEN ft.holds THEN ft.att ELSE c.att END AS att,
           coalesce(o.n, 0) + CASE WHEN ft.state IN ('ACTIVE', 'UNDER_REVIEW') THEN ft.missed_check_in_weeks ELSE 0 END AS overdue,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') OR ft.day <= 100 THEN NULL
                WHEN ft.state = 'SUSTAINING' THEN 'SUSTAINING'
                WHEN ft.sustainment_status IS NOT NULL THEN ft.sustainment_status
                ELSE coalesce(ft.outcome, 'AWAITING_OUTCOME') END AS result,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') OR ft.day <= 100 THEN NULL
                ELSE coalesce(ft.outcome, 'AWAITING_OUTCOME') END AS outcome,
           CASE WHEN ft.state IN ('WITHDRAWN', 'STOPPED') THEN NULL
                ELSE width_bucket(CASE WHEN ft.holds THEN ft.att ELSE c.att END, ARRAY[${ATTAINMENT_BANDS.slice(1).join(', ')}]::float8[]) END AS band
      FROM ft
      LEFT JOIN computed c ON c.team_id = ft.id
      LEFT JOIN (SELECT g.team_id, array_agg(x.node_id) AS nodes FROM goal g CROSS JOIN unnest(g.alignment_node_ids) AS x(node_id)
                  WHERE g.alignment_node_ids <> '{}' GROUP BY g.team_id) gn ON gn.team_id = ft.id
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

const COLUMNS = [...COUNTS.matchAll(/ AS (\w+)/g)].map((m) => m[1]!);
/** The same columns summed over groups of `grouped` (the mean attainment from its sums). */
const SUMS = COLUMNS.map((c) =>
  c === 'att_mean' ? '(sum(att_sum) / nullif(sum(att_n), 0))::float8' : `sum(${c})::int`,
).join(', ');

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
     GROUP BY ft.id, ft.state, w.week),
  -- The groups, and the teams grouped by the alignment tags they carry: few distinct sets, each
  -- counted once for each pillar its tags reach.
  grouped AS (
    SELECT CASE GROUPING(cohort_id, band, lead_agency_id, nodes, partner_agency_ids) WHEN 31 THEN 'all'
                WHEN 15 THEN 'cohort' WHEN 23 THEN 'band' WHEN 27 THEN 'lead' WHEN 29 THEN 'nodes' ELSE 'partners' END AS kind,
           coalesce(cohort_id::text, band::text, lead_agency_id::text) AS key, nodes, partner_agency_ids, ${COUNTS},
           sum(att)::float8 AS att_sum
      FROM f GROUP BY GROUPING SETS ((), (cohort_id), (band), (lead_agency_id), (nodes), (partner_agency_ids)))
  SELECT kind, key, ${COLUMNS.join(', ')} FROM grouped WHERE kind NOT IN ('nodes', 'partners')
  UNION ALL SELECT 'pillar', pp.pillar_id::text, ${SUMS}
    FROM grouped g CROSS JOIN LATERAL (
      SELECT DISTINCT p.pillar_id FROM unnest(g.nodes) AS x(node_id) JOIN pillar_of p ON p.node_id = x.node_id) pp
   WHERE g.kind = 'nodes' GROUP BY pp.pillar_id
  UNION ALL SELECT 'partner', a.agency::text, ${SUMS}
    FROM grouped g CROSS JOIN unnest(g.partner_agency_ids) AS a(agency) WHERE g.kind = 'partners' GROUP BY a.agency
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
