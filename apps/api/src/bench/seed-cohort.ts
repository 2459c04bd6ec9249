import { DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS } from '@hundred/domain';
import type { DataSource } from 'typeorm';

/** A cohort in its 85th day with `teams` teams, inserted in a few set-based statements. */
export async function seedCohort(db: DataSource, teams: number, users: string[], agencies: string[]): Promise<string> {
  const [cohort] = (await db.query(
    `INSERT INTO cohort (name_ar, name_en, state, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds,
                         min_reviewers, approvals_required, min_team_members, min_team_agencies)
     VALUES ($1, $2, 'EXECUTION', current_date - 84, 'Asia/Amman', '{5,6}', $3, '[]', $4, 2, 1, 3, 2) RETURNING id`,
    [`دفعة ${teams} فريقاً`, `Cohort of ${teams} teams`, DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS],
  )) as { id: string }[];
  const cohortId = cohort!.id;
  await db.query(
    `WITH c AS (
       INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id)
       SELECT $1, 'APPROVED', 'تحدٍّ ' || i, 'Challenge ' || i, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)]
         FROM generate_series(1, $3) AS i RETURNING id, title_ar, lead_agency_id)
     INSERT INTO team (cohort_id, challenge_id, state, name_ar, name_en, lead_agency_id, goals_frozen_at)
     SELECT $1, c.id, 'ACTIVE', c.title_ar, 'Team', c.lead_agency_id, now() - interval '90 days' FROM c`,
    [cohortId, agencies, teams],
  );
  await db.query(
    `INSERT INTO team_member (team_id, user_id, role)
     SELECT t.id, ($2::uuid[])[1 + ((row_number() OVER ()) * 4 + r.n) % array_length($2::uuid[], 1)], r.role
       FROM team t CROSS JOIN (VALUES (0, 'TEAM_LEAD'), (1, 'TEAM_MEMBER'), (2, 'COACH'), (3, 'SPONSOR')) AS r(n, role)
      WHERE t.cohort_id = $1`,
    [cohortId, users],
  );
  await db.query(
    `INSERT INTO goal (team_id, title_ar, title_en, sort)
     SELECT t.id, 'هدف ' || g, 'Goal ' || g, g FROM team t CROSS JOIN generate_series(0, 1) AS g WHERE t.cohort_id = $1`,
    [cohortId],
  );
  await db.query(
    `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source, sort,
                      original_baseline, original_target, frozen_at)
     SELECT g.id, g.team_id, 'مؤشر ' || k, 'KPI ' || k, 'DAYS', 'DECREASE', 30, 7, 'سجلات النظام', k, 30, 7, now()
       FROM goal g JOIN team t ON t.id = g.team_id CROSS JOIN generate_series(0, 2) AS k WHERE t.cohort_id = $1`,
    [cohortId],
  );
  await db.query(
    `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence)
     SELECT t.id, w, m.user_id, now() - (12 - w) * interval '7 days', false, 'تقدّم الأسبوع ' || w, 'MEDIUM'
       FROM team t JOIN team_member m ON m.team_id = t.id AND m.role = 'TEAM_MEMBER'
      CROSS JOIN generate_series(1, 12) AS w WHERE t.cohort_id = $1`,
    [cohortId],
  );
  await db.query(
    `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence)
     SELECT c.id, k.id, 30 - c.week * 1.5, (c.submitted_at AT TIME ZONE 'Asia/Amman')::date, 'تقرير أسبوعي'
       FROM check_in c JOIN team t ON t.id = c.team_id JOIN kpi k ON k.team_id = t.id WHERE t.cohort_id = $1`,
    [cohortId],
  );
  return cohortId;
}
