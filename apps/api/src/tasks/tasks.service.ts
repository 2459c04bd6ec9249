import { can, workingDaysUntil, type Actor, type CohortCalendar, type Language, type TeamRole } from '@hundred/domain';
import {
  TASK_KINDS,
  TASK_RULES,
  actionTaskOpen,
  isActionTask,
  mayHaveTask,
  ruleOf,
  taskFirers,
  taskStates,
  teamActions,
  transitionTaskOpen,
  type Caller,
  type TaskKind,
  type TaskRule,
  type TaskSubject,
} from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AppError } from '../common/app-error.js';
import { ChallengeService } from '../challenges/challenge.service.js';
import { Clock } from '../common/clock.js';
import { isMessageKey, translate, type MessageKey } from '../common/messages.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { EVENT_OF_KIND } from '../cohorts/cohort.service.js';
import { CohortDates } from './cohort-dates.js';
import type { MyTasks, Task } from './tasks.types.js';

/** Where to look for a kind's objects: all of them, the user's teams, their agency's, or their own assignments. */
type Scope = 'ALL' | 'MINE' | 'AGENCY' | 'OWNER' | 'REVIEWER';

/** One kind of candidate by everything the task kinds table decides on (see `SIGNATURE`). */
interface SignatureRow {
  sig: string;
  kind: TaskKind;
  state: string;
  cohort_state: string;
  roles: string;
  lead: Relation;
  owner: Relation;
  approved: boolean;
  review_open: boolean;
  assess_in: boolean;
  deadline_kind: string | null;
}

/** One task of the page, as the statement returns it. */
interface PageRow {
  kind: TaskKind;
  subject_type: TaskSubject | 'checkIn';
  subject_id: string;
  team_id: string | null;
  cohort_id: string;
  tid: string;
  name_ar: string;
  name_en: string;
  due_at: string | null;
  ov: number;
  week: number | null;
  checkpoint: number | null;
  deadline_kind: string | null;
  blocked_by: string[] | null;
}

/** Whether an object's agency is the user's: m(ine), o(ther) or n(one). */
type Relation = 'm' | 'o' | 'n';

/** What a cohort's calendar gives every task of a kind in it, worked out once (see `cohortValues`). */
interface CohortValues {
  cohort_id: string;
  selection_ends: string;
  launch: string;
  goals_due: string;
  midpoint_opens: string;
  assessments_due: string;
  midpoint_closes: string;
  final_report_due: string;
  sustainment_starts: string;
  check_in_week: number | null;
  check_in_due: string | null;
  checkpoints: { i: number; due: string; remind: string }[];
}

const CHALLENGE_KINDS: TaskKind[] = ['SCREEN_CHALLENGE', 'DECIDE_CHALLENGE', 'REVISE_CHALLENGE'];
/** Kinds with one task per team (the check-ins to review have one per check-in, below). */
const TEAM_KINDS: TaskKind[] = TASK_KINDS.filter((k) => TASK_RULES[k].subject === 'team' && k !== 'REVIEW_CHECK_IN');

const rel = (col: string) => `CASE WHEN ${col} IS NULL THEN 'n' WHEN ${col} = $2 THEN 'm' ELSE 'o' END`;

/**
 * A sustainment plan with all its content, in SQL over a plan aliased `p`: the same rule as
 * `contentComplete` of the sustainment service (test/plan-complete-parity.int-spec.ts compares
 * the two on every combination).
 */
export const PLAN_CONTENT_COMPLETE_SQL = `(p.owner_agency_id IS NOT NULL AND jsonb_array_length(p.actions) > 0 AND cardinality(p.kpi_ids) > 0
  AND cardinality(p.checkpoint_days) > 0)`;

/**
 * Every task object of every kind the user could have, in one set whatever the data. Candidates
 * are narrowed by state (the states the kinds' events fire from, or their actions are allowed in),
 * by where the user could act, and by the facts that say whether an allowed action still asks
 * something (the week's check-in sent, a plan complete, a checkpoint reported). Each row carries
 * its signature: the values the task kinds table decides on (kind, state, cohort state, the
 * user's team roles, whose agency, the guards' facts). Which signatures are the user's tasks is
 * decided by libs/workflow (`transitionTaskOpen`, `actionTaskOpen`), once per signature.
 *
 * $17 is the cohorts' calendar values (`CohortValues`), $18 the request's instant, $19 the working days a screening and a decision take from each local date they started on.
 */
/** The challenges to look at for each kind, with the instant their screening or decision started. */
const CHALLENGES = `ck AS (
  SELECT * FROM unnest($3::text[], $4::text[], $5::text[]) AS k(kind, state, scope)
), ch AS (
  SELECT k.kind, ch.id, ch.cohort_id, ch.state, ch.title_ar, ch.title_en, ch.lead_agency_id,
         CASE WHEN k.kind = 'DECIDE_CHALLENGE' THEN
           (SELECT h.occurred_at FROM transition_history h
             WHERE h.subject_type = 'challenge' AND h.subject_id = ch.id AND h.event = 'RECOMMEND'
             ORDER BY h.id DESC LIMIT 1)
         WHEN k.kind = 'SCREEN_CHALLENGE' THEN ch.submitted_at END AS since,
         k.kind = 'DECIDE_CHALLENGE' AND EXISTS (
           SELECT 1 FROM challenge_approval a WHERE a.challenge_id = ch.id AND a.leader_id = $1) AS approved
    FROM ck k JOIN challenge ch ON ch.state = k.state
   WHERE k.scope = 'ALL' OR (k.scope = 'AGENCY' AND ch.lead_agency_id = $2)
)`;

const FOUND = `
WITH mine AS (
  SELECT team_id, string_agg(role::text, ',' ORDER BY role::text) AS roles FROM team_member WHERE user_id = $1 GROUP BY team_id
), tk AS (
  SELECT * FROM unnest($6::text[], $7::text[], $8::text[]) AS k(kind, state, scope)
), cv AS (
  SELECT v.*, c.state AS cohort_state, c.time_zone, c.min_reviewers
    FROM jsonb_to_recordset($17::jsonb) AS v(cohort_id uuid, selection_ends timestamptz, launch timestamptz,
      goals_due timestamptz, midpoint_opens timestamptz, assessments_due timestamptz, midpoint_closes timestamptz,
      final_report_due timestamptz, sustainment_starts timestamptz, check_in_week int, check_in_due timestamptz,
      checkpoints jsonb)
    JOIN cohort c ON c.id = v.cohort_id
), ${CHALLENGES}, tc AS (
  -- The teams to look at for each kind: all of them, the user's own, or those their agency owns.
  SELECT k.kind, t.id AS team_id FROM tk k JOIN team t ON t.state = k.state WHERE k.scope = 'ALL'
  UNION
  SELECT k.kind, t.id FROM tk k JOIN mine m ON k.scope = 'MINE' JOIN team t ON t.id = m.team_id AND t.state = k.state
  UNION
  SELECT k.kind, t.id FROM tk k JOIN sustainment_plan p ON k.scope = 'OWNER' AND p.owner_agency_id = $2
    JOIN team t ON t.id = p.team_id AND t.state = k.state
), found AS (
  SELECT ch.kind, 'challenge'::text AS subject_type, ch.id AS subject_id, NULL::uuid AS team_id, ch.cohort_id, ch.state,
         ch.title_ar AS name_ar, ch.title_en AS name_en, ${rel('ch.lead_agency_id')} AS lead, 'n' AS owner, ''::text AS roles,
         ch.approved, false AS review_open, false AS assess_in, NULL::text AS deadline_kind, ch.since,
         CASE ch.kind WHEN 'REVISE_CHALLENGE' THEN cv.selection_ends
                ELSE ((ch.since AT TIME ZONE cv.time_zone)
                  + make_interval(days => CASE ch.kind WHEN 'SCREEN_CHALLENGE' THEN wd.screening ELSE wd.decision END))
                  AT TIME ZONE cv.time_zone END AS due_at,
         NULL::int AS week, NULL::int AS checkpoint, NULL::text[] AS blocked_by
    FROM ch JOIN cv ON cv.cohort_id = ch.cohort_id
    LEFT JOIN jsonb_to_recordset($19::jsonb) AS wd(cohort_id uuid, day date, screening int, decision int)
             ON wd.cohort_id = ch.cohort_id AND wd.day = (ch.since AT TIME ZONE cv.time_zone)::date
  UNION ALL
  SELECT k.kind, 'team', t.id, t.id, t.cohort_id, t.state, t.name_ar, t.name_en, ${rel('t.lead_agency_id')},
         ${rel('p.owner_agency_id')}, coalesce(m.roles, ''), false, false,
         k.kind = 'DECIDE_MIDPOINT' AND ($18::timestamptz >= cv.assessments_due OR
           (SELECT count(*) FROM assessment a WHERE a.team_id = t.id AND a.state = 'SUBMITTED') >= cv.min_reviewers),
         NULL, NULL,
         CASE k.kind WHEN 'APPROVE_GOALS' THEN cv.launch WHEN 'SUBMIT_GOALS' THEN cv.goals_due
           WHEN 'DECIDE_MIDPOINT' THEN cv.midpoint_closes WHEN 'SUBMIT_FINAL_REPORT' THEN cv.final_report_due
           WHEN 'RECORD_OUTCOME' THEN cv.sustainment_starts WHEN 'CHECK_IN' THEN cv.check_in_due
           WHEN 'ASSIGN_REVIEWERS' THEN cv.midpoint_opens WHEN 'DRAFT_PLAN' THEN cv.sustainment_starts
           WHEN 'SIGN_PLEDGE' THEN cv.sustainment_starts WHEN 'REPORT_CHECKPOINT' THEN cp.due END,
         CASE WHEN k.kind = 'CHECK_IN' THEN cv.check_in_week END, cp.i + 1, NULL
    FROM tc k JOIN team t ON t.id = k.team_id
    JOIN cv ON cv.cohort_id = t.cohort_id
    LEFT JOIN mine m ON m.team_id = t.id
    LEFT JOIN sustainment_plan p ON p.team_id = t.id
    LEFT JOIN LATERAL (
      SELECT x.i, x.due FROM jsonb_to_recordset(cv.checkpoints) AS x(i int, due timestamptz, remind timestamptz)
       WHERE k.kind = 'REPORT_CHECKPOINT' AND x.remind <= $18
         AND (SELECT 1 FROM checkpoint_report r WHERE r.team_id = t.id AND r.index = x.i LIMIT 1) IS NULL
    ) cp ON true
   WHERE CASE k.kind
       WHEN 'CHECK_IN' THEN cv.check_in_week IS NOT NULL
         -- (a look-up by the index per team, never a scan of every check-in)
         AND (SELECT 1 FROM check_in c WHERE c.team_id = t.id AND c.week = cv.check_in_week LIMIT 1) IS NULL
       WHEN 'ASSIGN_REVIEWERS' THEN
         (SELECT count(*) FROM assessment a WHERE a.team_id = t.id AND a.state <> 'UNASSIGNED') < cv.min_reviewers
       WHEN 'DRAFT_PLAN' THEN NOT coalesce(${PLAN_CONTENT_COMPLETE_SQL}, false)
       WHEN 'SIGN_PLEDGE' THEN coalesce(${PLAN_CONTENT_COMPLETE_SQL}, false) AND p.pledge_version IS DISTINCT FROM p.version
       WHEN 'REPORT_CHECKPOINT' THEN cp.i IS NOT NULL
       ELSE true END
  UNION ALL
  SELECT 'REVIEW_CHECK_IN', 'checkIn', c.id, t.id, t.cohort_id, t.state, t.name_ar, t.name_en, ${rel('t.lead_agency_id')},
         'n', m.roles, false, false, false, NULL, c.submitted_at, NULL, c.week, NULL, NULL
    FROM mine m JOIN team t ON t.id = m.team_id AND t.state = ANY($9::text[])
    JOIN check_in c ON c.team_id = t.id
   WHERE $10 AND c.submitted_by <> $1
     AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
     AND NOT EXISTS (SELECT 1 FROM check_in_review r WHERE r.check_in_id = c.id)
  UNION ALL
  SELECT 'SUBMIT_ASSESSMENT', 'assessment', a.id, t.id, t.cohort_id, a.state, t.name_ar, t.name_en, 'n', 'n', '',
         false, r.state = 'OPEN', false, NULL, a.assigned_at, cv.assessments_due, NULL, NULL, NULL
    FROM assessment a JOIN review r ON r.id = a.review_id JOIN team t ON t.id = a.team_id
    JOIN cv ON cv.cohort_id = t.cohort_id
   WHERE $11 AND a.reviewer_id = $1 AND a.state = ANY($12::text[])
  UNION ALL
  SELECT 'DECIDE_CHANGE', 'changeRequest', cr.id, t.id, t.cohort_id, cr.state, t.name_ar, t.name_en, 'n', 'n', '',
         false, false, false, NULL, cr.created_at, NULL, NULL, NULL, NULL
    FROM kpi_change_request cr JOIN team t ON t.id = cr.team_id
   WHERE $13 AND cr.state = ANY($14::text[])
  UNION ALL
  SELECT 'RESOLVE_BLOCKED_TRANSITION', 'cohort', co.id, NULL, co.id, co.state, co.name_ar, co.name_en, 'n', 'n', '',
         false, false, false, d.kind, d.original_due_at, d.original_due_at, NULL, NULL, d.blocked_by
    FROM deadline d JOIN cohort co ON co.id = d.cohort_id
   WHERE $15 AND d.subject_type = 'cohort' AND d.state = 'PENDING' AND d.blocked_by IS NOT NULL
     AND NOT d.blocked_by <@ ARRAY['STATE']::text[] AND co.state = ANY($16::text[])
), sig AS (
  SELECT f.*, cv.cohort_state, cv.time_zone,
         concat_ws('|', f.kind, f.state, cv.cohort_state, f.roles, f.lead, f.owner, f.approved, f.review_open,
           f.assess_in, coalesce(f.deadline_kind, '')) COLLATE "C" AS sig
    FROM found f JOIN cv ON cv.cohort_id = f.cohort_id
)`;

/**
 * The local dates the screenings and decisions to look at started on, per cohort (their working
 * days are counted once per date), with one instant of each.
 */
const DAYS = `WITH ${CHALLENGES}
SELECT coalesce(jsonb_agg(d), '[]') AS days FROM (
  SELECT ch.cohort_id, (ch.since AT TIME ZONE c.time_zone)::date AS day, min(ch.since) AS at
    FROM ch JOIN cohort c ON c.id = ch.cohort_id
   WHERE ch.kind IN ('SCREEN_CHALLENGE', 'DECIDE_CHALLENGE') AND ch.since IS NOT NULL
   GROUP BY 1, 2) d`;

/**
 * The candidates counted by signature (all of them and the overdue ones), and each signature's
 * first candidates after the cursor ($20–$23), $24 of them, most urgent first: overdue first, then
 * by due time, those without one last, then by name and id. Whichever signatures the task kinds
 * table says are the user's, their counts add up to the user's and the page is among these rows.
 */
const PAGE = `${FOUND}, t AS (
  SELECT s.*, CASE WHEN s.due_at < $18 THEN 0 ELSE 1 END AS ov, coalesce(s.due_at, 'infinity') AS dsort,
         (s.kind || ':' || s.subject_id || CASE WHEN s.kind = 'CHECK_IN' THEN ':' || s.week
           WHEN s.kind = 'REPORT_CHECKPOINT' THEN ':' || (s.checkpoint - 1) ELSE '' END) COLLATE "C" AS tid
    FROM sig s
), g AS (
  SELECT sig, min(kind) AS kind, min(state) AS state, min(cohort_state) AS cohort_state, min(roles) AS roles,
         min(lead) AS lead, min(owner) AS owner, bool_or(approved) AS approved, bool_or(review_open) AS review_open,
         bool_or(assess_in) AS assess_in, min(deadline_kind) AS deadline_kind,
         count(*)::int AS n, (count(*) FILTER (WHERE ov = 0))::int AS overdue
    FROM t GROUP BY sig
), r AS (
  -- Ranked on the sort keys alone (narrow rows sort in memory), then joined back for the page.
  SELECT tid, row_number() OVER (PARTITION BY sig ORDER BY ov, dsort, name_en COLLATE "C", tid) AS rn
    FROM t
   WHERE $20::int IS NULL
      OR (ov, dsort, name_en COLLATE "C", tid) > ($20::int, $21::timestamptz, $22::text COLLATE "C", $23::text COLLATE "C")
), p AS (
  SELECT t.kind, t.subject_type, t.subject_id, t.team_id, t.cohort_id, t.tid, t.name_ar, t.name_en, t.due_at, t.ov,
         t.dsort, t.week, t.checkpoint, t.deadline_kind, t.blocked_by, t.sig
    FROM r JOIN t ON t.tid = r.tid
   WHERE r.rn <= $24
)
SELECT (SELECT coalesce(jsonb_agg(g), '[]') FROM g) AS sigs,
       (SELECT coalesce(jsonb_agg(p), '[]') FROM p) AS page`;

/**
 * "My tasks" (PRODUCT.md section 6): what the signed-in user must do now, computed from the state
 * of the system — never from notifications — so a task is gone the moment anyone does it.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: ChallengeService,
    private readonly clock: Clock,
  ) {}

  /** Where a kind's candidates are, for this actor; null when they cannot have it at all. */
  private scopeOf(rule: TaskRule, actor: Actor): Scope | null {
    if (!mayHaveTask(rule, actor)) return null;
    if (isActionTask(rule)) {
      const permission = ruleOf(teamActions, rule.action).permission;
      if (can(actor, permission, { type: 'team' })) return 'ALL';
      if (can(actor, permission, { type: 'team', ownerAgencyId: actor.agencyId })) return 'OWNER';
      return 'MINE';
    }
    const firers = taskFirers(rule);
    if (firers.some((f) => f.kind === 'role' && actor.roles.includes(f.role))) return 'ALL';
    if (firers.some((f) => f.kind === 'relation' && f.relation === 'AGENCY_FOCAL_POINT')) return 'AGENCY';
    if (firers.some((f) => f.kind === 'relation' && f.relation === 'ASSIGNED_REVIEWER')) return 'REVIEWER';
    if (firers.some((f) => f.kind === 'teamRole')) return 'MINE';
    return null;
  }

  /** The statement's parameters: which kinds to look for, in which states and where. */
  private params(actor: Actor): unknown[] {
    const pairs = (kinds: TaskKind[]) => {
      const out: [string[], string[], string[]] = [[], [], []];
      for (const kind of kinds) {
        const scope = this.scopeOf(TASK_RULES[kind], actor);
        if (!scope) continue;
        for (const state of taskStates(TASK_RULES[kind])) {
          out[0].push(kind);
          out[1].push(state);
          out[2].push(scope);
        }
      }
      return out;
    };
    const single = (kind: TaskKind) => [this.scopeOf(TASK_RULES[kind], actor) !== null, taskStates(TASK_RULES[kind])];
    return [
      actor.id,
      actor.agencyId,
      ...pairs(CHALLENGE_KINDS),
      ...pairs(TEAM_KINDS),
      taskStates(TASK_RULES.REVIEW_CHECK_IN),
      this.scopeOf(TASK_RULES.REVIEW_CHECK_IN, actor) !== null,
      ...single('SUBMIT_ASSESSMENT'),
      ...single('DECIDE_CHANGE'),
      ...single('RESOLVE_BLOCKED_TRANSITION'),
    ];
  }

  /** Each cohort's dates, kept while its calendar is the same (keyed by the calendar's values). */
  private readonly dates = new Map<string, { key: string; dates: CohortDates }>();

  private datesOf(row: Record<string, unknown>): CohortDates {
    const cal = calendarOf(row);
    const key = JSON.stringify(cal);
    const kept = this.dates.get(row.id as string);
    if (kept?.key === key) return kept.dates;
    const dates = new CohortDates(cal);
    if (this.dates.size > 5_000) this.dates.clear();
    this.dates.set(row.id as string, { key, dates });
    return dates;
  }

  /** The calendar values of every cohort that can have tasks, for the statements (`cv`). */
  private cohortValues(cohorts: Record<string, unknown>[], now: Date): CohortValues[] {
    return cohorts.map((c) => {
      const d = this.datesOf(c);
      const checkIn = d.checkInAt(now);
      return {
        cohort_id: c.id as string,
        selection_ends: d.selectionEnds.toISOString(),
        launch: d.launch.toISOString(),
        goals_due: d.goalsDue.toISOString(),
        midpoint_opens: d.midpointOpens.toISOString(),
        assessments_due: d.assessmentsDue.toISOString(),
        midpoint_closes: d.midpointCloses.toISOString(),
        final_report_due: d.finalReportDue.toISOString(),
        sustainment_starts: d.sustainmentStarts.toISOString(),
        check_in_week: checkIn?.week ?? null,
        check_in_due: checkIn?.dueAt.toISOString() ?? null,
        checkpoints: d.checkpoints.map((p, i) => ({ i, due: p.dueAt.toISOString(), remind: p.remindAt.toISOString() })),
      };
    });
  }

  /** Whether a signature is a task of the user: the task kinds table decides, as for one object. */
  private decide(s: SignatureRow, actor: Actor): boolean {
    const rule = TASK_RULES[s.kind];
    const other = '00000000-0000-0000-0000-000000000000';
    const agency = (r: Relation) => (r === 'm' ? (actor.agencyId ?? undefined) : r === 'o' ? other : undefined);
    const roles = (s.roles ? s.roles.split(',') : []) as TeamRole[];
    if (isActionTask(rule)) {
      const teamId = other;
      const owner = agency(s.owner);
      const subject = {
        state: s.state,
        resource: {
          type: 'team' as const,
          id: teamId,
          leadAgencyId: agency(s.lead),
          ...(owner ? { ownerAgencyId: owner } : {}),
        },
      };
      return actionTaskOpen(rule, { ...actor, teamRoles: { [teamId]: roles } }, subject, {
        cohortState: s.cohort_state,
      });
    }
    const caller: Caller =
      rule.subject === 'challenge'
        ? this.challenges.callerFor(actor, { leadAgencyId: agency(s.lead) ?? null } as never)
        : rule.subject === 'assessment'
          ? { kind: 'user', actor, relations: ['ASSIGNED_REVIEWER'] } // the statement kept the user's own only
          : { kind: 'user', actor, teamRoles: roles };
    const ctx = {
      cohortState: s.cohort_state,
      approvedByCaller: s.approved,
      reviewOpen: s.review_open,
      assessmentsInOrDue: s.assess_in,
    };
    if (s.kind === 'RESOLVE_BLOCKED_TRANSITION') {
      const event = EVENT_OF_KIND[String(s.deadline_kind)];
      if (!event || !rule.events.includes(event)) return false;
      // Whoever may fire the blocked transition from the cohort's state resolves what blocks it.
      return transitionTaskOpen({ ...rule, events: [event] }, s.state, caller, ctx);
    }
    return transitionTaskOpen(rule, s.state, caller, ctx);
  }

  /**
   * A page of the signed-in user's tasks, most urgent first, with how many they have in all and
   * how many are overdue. Three statements whatever the data: the cohorts' calendars, the kinds of
   * candidate there are (each decided once by the task kinds table), then the decided ones counted
   * and paged, sorted and limited in PostgreSQL.
   */
  async forActor(actor: Actor, lang: Language, page: { limit: number; after: string | null }): Promise<MyTasks> {
    const now = this.clock.now();
    const cursor = page.after ? decodeCursor(page.after) : null;
    const cohorts = (await this.dataSource.query(
      `SELECT id, day1::text AS day1, time_zone, weekend_days, holidays, offsets FROM cohort`,
    )) as Record<string, unknown>[];
    const values = this.cohortValues(cohorts, now);
    const params = this.params(actor);
    const [{ days }] = (await this.dataSource.query(DAYS, params.slice(0, 5))) as [
      { days: { cohort_id: string; day: string; at: string }[] },
    ];
    const byId = new Map(cohorts.map((c) => [c.id as string, this.datesOf(c)]));
    const workingDays = days.map(({ cohort_id, day, at }) => ({
      cohort_id,
      day,
      ...byId.get(cohort_id)!.workingDaysFrom(day, new Date(at)),
    }));
    const [result] = (await this.dataSource.query(PAGE, [
      ...params,
      JSON.stringify(values),
      now,
      JSON.stringify(workingDays),
      cursor?.ov ?? null,
      cursor?.due ?? null,
      cursor?.name ?? null,
      cursor?.id ?? null,
      page.limit + 1,
    ])) as [
      { sigs: (SignatureRow & { n: number; overdue: number })[]; page: (PageRow & { sig: string; dsort: string })[] },
    ];
    const mine = new Set(result.sigs.filter((s) => this.decide(s, actor)).map((s) => s.sig));
    const count = result.sigs.reduce((n, s) => n + (mine.has(s.sig) ? s.n : 0), 0);
    const overdue = result.sigs.reduce((n, s) => n + (mine.has(s.sig) ? s.overdue : 0), 0);
    const ranked = result.page.filter((r) => mine.has(r.sig)).sort(byUrgency);
    const rows = ranked.slice(0, page.limit);
    const last = rows[rows.length - 1];
    return {
      count,
      overdueCount: overdue,
      tasks: rows.map((r) => this.taskOf(r, byId.get(r.cohort_id)!.cal, now, lang)),
      nextCursor:
        ranked.length > page.limit && last
          ? encodeCursor({ ov: last.ov, due: last.dsort, name: last.name_en, id: last.tid })
          : null,
    };
  }

  /** One task of the page, as the API shows it. */
  private taskOf(r: PageRow, cal: CohortCalendar, now: Date, lang: Language): Task {
    const dueAt = r.due_at ? new Date(r.due_at) : null;
    const countsWorkingDays = r.kind === 'SCREEN_CHALLENGE' || r.kind === 'DECIDE_CHALLENGE';
    const blockedBy = (r.blocked_by ?? []).filter((g) => g !== 'STATE');
    return {
      id: r.tid,
      kind: r.kind,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      teamId: r.team_id,
      cohortId: r.cohort_id,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      dueAt,
      overdue: r.ov === 0,
      timeZone: cal.timeZone,
      workingDaysLeft: countsWorkingDays && dueAt ? workingDaysUntil(cal, now, dueAt) : null,
      week: r.week,
      checkpoint: r.checkpoint,
      event: r.kind === 'RESOLVE_BLOCKED_TRANSITION' ? (EVENT_OF_KIND[String(r.deadline_kind)] ?? null) : null,
      blockedBy,
      blockedReasons: blockedBy.map((g) =>
        translate(lang, (isMessageKey(`guard.${g}`) ? `guard.${g}` : 'guard.STATE') as MessageKey),
      ),
    };
  }
}

/** Where a page starts: after the (overdue, due time, name, id) of the last task read. */
interface TaskCursor {
  ov: number;
  due: string;
  name: string;
  id: string;
}

export function encodeCursor(c: TaskCursor): string {
  return Buffer.from(JSON.stringify([c.ov, c.due, c.name, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): TaskCursor {
  try {
    const [ov, due, name, id, ...rest] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      !rest.length &&
      (ov === 0 || ov === 1) &&
      typeof due === 'string' &&
      (due === 'infinity' || !Number.isNaN(new Date(due).getTime())) &&
      typeof name === 'string' &&
      typeof id === 'string'
    )
      return { ov, due, name, id };
  } catch {
    // not a cursor of ours
  }
  throw AppError.field('after', 'validation.invalid');
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const dueOrder = (a: string, b: string) => {
  const [x, y] = [a === 'infinity' ? Infinity : Date.parse(a), b === 'infinity' ? Infinity : Date.parse(b)];
  // Same millisecond: PostgreSQL's microseconds, in its fixed format, order as text.
  return x !== y ? (x < y ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
};

/** The statement's order (overdue, due time, name and id in byte order, as COLLATE "C"). */
function byUrgency(a: PageRow & { dsort: string }, b: PageRow & { dsort: string }): number {
  return (
    a.ov - b.ov ||
    dueOrder(a.dsort, b.dsort) ||
    Buffer.compare(utf8(a.name_en), utf8(b.name_en)) ||
    Buffer.compare(utf8(a.tid), utf8(b.tid))
  );
}
