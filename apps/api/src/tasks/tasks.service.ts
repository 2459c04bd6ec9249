import {
  can,
  decisionDue,
  screeningDue,
  workingDaysUntil,
  type Actor,
  type CohortCalendar,
  type Language,
  type TeamRole,
} from '@hundred/domain';
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

import { ChallengeService } from '../challenges/challenge.service.js';
import { Clock } from '../common/clock.js';
import { isMessageKey, translate, type MessageKey } from '../common/messages.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { EVENT_OF_KIND } from '../cohorts/cohort.service.js';
import { contentComplete, type PlanRow } from '../sustainment/sustainment.service.js';
import { CohortDates } from './cohort-dates.js';
import type { MyTasks, Task } from './tasks.types.js';

/** Where to look for a kind's objects: all of them, the user's teams, their agency's, or their own assignments. */
type Scope = 'ALL' | 'MINE' | 'AGENCY' | 'OWNER' | 'REVIEWER';

/** One candidate object of one kind, as the statement returns it. */
interface CandidateRow {
  kind: TaskKind;
  subject_type: TaskSubject | 'checkIn';
  subject_id: string;
  team_id: string | null;
  cohort_id: string;
  state: string;
  name_ar: string;
  name_en: string;
  lead_agency_id: string | null;
  owner_agency_id: string | null;
  since: Date | null;
  facts: Record<string, unknown>;
  roles: TeamRole[] | null;
  cohort_state: string;
  day1: string;
  time_zone: string;
  weekend_days: number[];
  holidays: string[];
  offsets: CohortCalendar['offsets'];
  min_reviewers: number;
}

const CHALLENGE_KINDS: TaskKind[] = ['SCREEN_CHALLENGE', 'DECIDE_CHALLENGE', 'REVISE_CHALLENGE'];
/** Kinds with one task per team (the check-ins to review have one per check-in, below). */
const TEAM_KINDS: TaskKind[] = TASK_KINDS.filter((k) => TASK_RULES[k].subject === 'team' && k !== 'REVIEW_CHECK_IN');

/**
 * The statement behind "My tasks": every candidate object of every kind the user could have, in
 * one round trip whatever the data. Candidates are narrowed by state (the states the kinds' events
 * fire from, or their actions are allowed in) and by where the user could act; which of them are
 * the user's tasks is decided per row by libs/workflow (`transitionTaskOpen`, `actionTaskOpen`).
 */
const CANDIDATES = `
WITH mine AS (
  SELECT team_id, array_agg(role::text) AS roles FROM team_member WHERE user_id = $1 GROUP BY team_id
), ck AS (
  SELECT * FROM unnest($3::text[], $4::text[], $5::text[]) AS k(kind, state, scope)
), tk AS (
  SELECT * FROM unnest($6::text[], $7::text[], $8::text[]) AS k(kind, state, scope)
), found AS (
  SELECT k.kind, 'challenge'::text AS subject_type, ch.id AS subject_id, NULL::uuid AS team_id, ch.cohort_id, ch.state,
         ch.title_ar AS name_ar, ch.title_en AS name_en, ch.lead_agency_id, NULL::uuid AS owner_agency_id,
         CASE WHEN k.kind = 'DECIDE_CHALLENGE' THEN
           (SELECT h.occurred_at FROM transition_history h
             WHERE h.subject_type = 'challenge' AND h.subject_id = ch.id AND h.event = 'RECOMMEND'
             ORDER BY h.id DESC LIMIT 1)
         ELSE ch.submitted_at END AS since,
         jsonb_build_object('approvedByMe', k.kind = 'DECIDE_CHALLENGE' AND EXISTS (
           SELECT 1 FROM challenge_approval a WHERE a.challenge_id = ch.id AND a.leader_id = $1)) AS facts,
         NULL::text[] AS roles
    FROM ck k JOIN challenge ch ON ch.state = k.state
   WHERE k.scope = 'ALL' OR (k.scope = 'AGENCY' AND ch.lead_agency_id = $2)
  UNION ALL
  SELECT k.kind, 'team', t.id, t.id, t.cohort_id, t.state, t.name_ar, t.name_en, t.lead_agency_id, p.owner_agency_id,
         NULL::timestamptz,
         jsonb_build_object(
           'submitted', CASE WHEN k.kind = 'DECIDE_MIDPOINT' THEN
             (SELECT count(*) FROM assessment a WHERE a.team_id = t.id AND a.state = 'SUBMITTED') END,
           'live', CASE WHEN k.kind = 'ASSIGN_REVIEWERS' THEN
             (SELECT count(*) FROM assessment a WHERE a.team_id = t.id AND a.state <> 'UNASSIGNED') END,
           'weeks', CASE WHEN k.kind = 'CHECK_IN' THEN
             (SELECT coalesce(jsonb_agg(DISTINCT c.week), '[]') FROM check_in c WHERE c.team_id = t.id) END,
           'reported', CASE WHEN k.kind = 'REPORT_CHECKPOINT' THEN
             (SELECT coalesce(jsonb_agg(r.index), '[]') FROM checkpoint_report r WHERE r.team_id = t.id) END,
           'plan', CASE WHEN k.kind IN ('DRAFT_PLAN', 'SIGN_PLEDGE') AND p.id IS NOT NULL THEN jsonb_build_object(
             'owner_agency_id', p.owner_agency_id, 'actions', p.actions, 'kpi_ids', to_jsonb(p.kpi_ids),
             'checkpoint_days', to_jsonb(p.checkpoint_days), 'version', p.version, 'pledge_version', p.pledge_version) END
         ),
         m.roles
    FROM tk k JOIN team t ON t.state = k.state
    LEFT JOIN mine m ON m.team_id = t.id
    LEFT JOIN sustainment_plan p ON p.team_id = t.id
   WHERE k.scope = 'ALL' OR (k.scope = 'MINE' AND m.team_id IS NOT NULL) OR (k.scope = 'OWNER' AND p.owner_agency_id = $2)
  UNION ALL
  SELECT 'REVIEW_CHECK_IN', 'checkIn', c.id, t.id, t.cohort_id, t.state, t.name_ar, t.name_en, t.lead_agency_id, NULL,
         c.submitted_at, jsonb_build_object('week', c.week), m.roles
    FROM mine m JOIN team t ON t.id = m.team_id AND t.state = ANY($9::text[])
    JOIN check_in c ON c.team_id = t.id
   WHERE $10 AND c.submitted_by <> $1
     AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
     AND NOT EXISTS (SELECT 1 FROM check_in_review r WHERE r.check_in_id = c.id)
  UNION ALL
  SELECT 'SUBMIT_ASSESSMENT', 'assessment', a.id, t.id, t.cohort_id, a.state, t.name_ar, t.name_en, t.lead_agency_id, NULL,
         a.assigned_at, jsonb_build_object('reviewOpen', r.state = 'OPEN'), NULL
    FROM assessment a JOIN review r ON r.id = a.review_id JOIN team t ON t.id = a.team_id
   WHERE $11 AND a.reviewer_id = $1 AND a.state = ANY($12::text[])
  UNION ALL
  SELECT 'DECIDE_CHANGE', 'changeRequest', cr.id, t.id, t.cohort_id, cr.state, t.name_ar, t.name_en, t.lead_agency_id, NULL,
         cr.created_at, '{}'::jsonb, NULL
    FROM kpi_change_request cr JOIN team t ON t.id = cr.team_id
   WHERE $13 AND cr.state = ANY($14::text[])
  UNION ALL
  SELECT 'RESOLVE_BLOCKED_TRANSITION', 'cohort', co.id, NULL, co.id, co.state, co.name_ar, co.name_en, NULL, NULL,
         d.original_due_at, jsonb_build_object('deadlineKind', d.kind, 'blockedBy', to_jsonb(d.blocked_by)), NULL
    FROM deadline d JOIN cohort co ON co.id = d.cohort_id
   WHERE $15 AND d.subject_type = 'cohort' AND d.state = 'PENDING' AND d.blocked_by IS NOT NULL
     AND NOT d.blocked_by <@ ARRAY['STATE']::text[] AND co.state = ANY($16::text[])
)
SELECT f.*, c.state AS cohort_state, c.day1::text AS day1, c.time_zone, c.weekend_days, c.holidays, c.offsets,
       c.min_reviewers
  FROM found f JOIN cohort c ON c.id = f.cohort_id`;

const countOf = (v: unknown) => Number(v ?? 0);

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

  /** The signed-in user's tasks, most urgent first. One SQL statement. */
  async forActor(actor: Actor, lang: Language): Promise<MyTasks> {
    const rows = (await this.dataSource.query(CANDIDATES, this.params(actor))) as CandidateRow[];
    const now = this.clock.now();
    const cohorts = new Map<string, CohortDates>();
    const datesOf = (r: CandidateRow) => {
      let dates = cohorts.get(r.cohort_id);
      if (!dates)
        cohorts.set(r.cohort_id, (dates = new CohortDates(calendarOf(r as unknown as Record<string, unknown>), now)));
      return dates;
    };
    const tasks = rows.flatMap((r) => this.tasksOf(r, actor, datesOf(r), now, lang));
    tasks.sort(byUrgency);
    return { count: tasks.length, overdueCount: tasks.filter((t) => t.overdue).length, tasks };
  }

  /** The tasks one candidate gives (none, one, or one per open checkpoint). */
  private tasksOf(r: CandidateRow, actor: Actor, dates: CohortDates, now: Date, lang: Language): Task[] {
    const cal = dates.cal;
    const rule = TASK_RULES[r.kind];
    const withRoles: Actor = r.team_id ? { ...actor, teamRoles: { [r.team_id]: r.roles ?? [] } } : actor;
    const task = (dueAt: Date | null, extra: Partial<Task> = {}, key = ''): Task => ({
      id: `${r.kind}:${r.subject_id}${key}`,
      kind: r.kind,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      teamId: r.team_id,
      cohortId: r.cohort_id,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      dueAt,
      overdue: dueAt !== null && now.getTime() > dueAt.getTime(),
      timeZone: r.time_zone,
      workingDaysLeft: null,
      week: null,
      checkpoint: null,
      event: null,
      blockedBy: [],
      blockedReasons: [],
      ...extra,
    });

    if (isActionTask(rule)) {
      const subject = {
        state: r.state,
        resource: {
          type: 'team' as const,
          id: r.team_id!,
          leadAgencyId: r.lead_agency_id ?? undefined,
          ...(r.owner_agency_id ? { ownerAgencyId: r.owner_agency_id } : {}),
        },
      };
      if (!actionTaskOpen(rule, withRoles, subject, { cohortState: r.cohort_state })) return [];
      return this.actionTasks(r, dates, now, task);
    }

    const caller: Caller =
      r.subject_type === 'challenge'
        ? this.challenges.callerFor(actor, { leadAgencyId: r.lead_agency_id! })
        : r.subject_type === 'assessment'
          ? { kind: 'user', actor, relations: ['ASSIGNED_REVIEWER'] } // the statement kept the user's own only
          : { kind: 'user', actor, teamRoles: r.roles ?? [] };
    const ctx = {
      cohortState: r.cohort_state,
      approvedByCaller: r.facts.approvedByMe === true,
      reviewOpen: r.facts.reviewOpen === true,
      assessmentsInOrDue:
        r.kind === 'DECIDE_MIDPOINT' &&
        (countOf(r.facts.submitted) >= r.min_reviewers || now.getTime() >= dates.assessmentsDue.getTime()),
    };
    if (r.kind === 'RESOLVE_BLOCKED_TRANSITION') {
      const event = EVENT_OF_KIND[String(r.facts.deadlineKind)];
      if (!event || !rule.events.includes(event)) return [];
      // Whoever may fire the blocked transition from the cohort's state resolves what blocks it.
      if (!transitionTaskOpen({ ...rule, events: [event] }, r.state, caller, ctx)) return [];
      const blockedBy = ((r.facts.blockedBy as string[] | null) ?? []).filter((g) => g !== 'STATE');
      return [
        task(r.since, {
          event,
          blockedBy,
          blockedReasons: blockedBy.map((g) =>
            translate(lang, (isMessageKey(`guard.${g}`) ? `guard.${g}` : 'guard.STATE') as MessageKey),
          ),
        }),
      ];
    }
    if (!transitionTaskOpen(rule, r.state, caller, ctx)) return [];
    switch (r.kind) {
      case 'SCREEN_CHALLENGE':
      case 'DECIDE_CHALLENGE': {
        if (!r.since) return [task(null)];
        const due = (r.kind === 'SCREEN_CHALLENGE' ? screeningDue : decisionDue)(cal, r.since);
        return [task(due, { workingDaysLeft: workingDaysUntil(cal, now, due) })];
      }
      case 'REVISE_CHALLENGE':
        return [task(dates.selectionEnds)];
      case 'APPROVE_GOALS':
        return [task(dates.launch)];
      case 'SUBMIT_GOALS':
        return [task(dates.goalsDue)];
      case 'SUBMIT_ASSESSMENT':
        return [task(dates.assessmentsDue)];
      case 'DECIDE_MIDPOINT':
        return [task(dates.midpointCloses)];
      case 'SUBMIT_FINAL_REPORT':
        return [task(dates.finalReportDue)];
      case 'RECORD_OUTCOME':
        return [task(dates.sustainmentStarts)];
      default:
        return [task(null)];
    }
  }

  /** What an allowed action still asks of the user, by the facts of its object. */
  private actionTasks(
    r: CandidateRow,
    dates: CohortDates,
    now: Date,
    task: (dueAt: Date | null, extra?: Partial<Task>, key?: string) => Task,
  ): Task[] {
    switch (r.kind) {
      case 'CHECK_IN': {
        const current = dates.checkIn;
        if (!current || (r.facts.weeks as number[]).includes(current.week)) return [];
        return [task(current.dueAt, { week: current.week }, `:${current.week}`)];
      }
      case 'REVIEW_CHECK_IN':
        return [task(null, { week: Number(r.facts.week) })];
      case 'ASSIGN_REVIEWERS':
        return countOf(r.facts.live) < r.min_reviewers ? [task(dates.midpointOpens)] : [];
      case 'DRAFT_PLAN': {
        const plan = r.facts.plan as PlanRow | null;
        return plan && contentComplete(plan) ? [] : [task(dates.sustainmentStarts)];
      }
      case 'SIGN_PLEDGE': {
        const plan = r.facts.plan as PlanRow | null;
        if (!plan || !contentComplete(plan) || plan.pledge_version === plan.version) return [];
        return [task(dates.sustainmentStarts)];
      }
      case 'REPORT_CHECKPOINT': {
        const reported = new Set(r.facts.reported as number[]);
        // A checkpoint is open for its report from its reminder on (as the report itself checks).
        return dates.checkpoints.flatMap((c, index) =>
          reported.has(index) || now.getTime() < c.remindAt.getTime()
            ? []
            : [task(c.dueAt, { checkpoint: index + 1 }, `:${index}`)],
        );
      }
      default:
        return [];
    }
  }
}

/** Overdue first, then by due time; tasks without one last; then by name, for a stable order. */
function byUrgency(a: Task, b: Task): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt && b.dueAt && a.dueAt.getTime() !== b.dueAt.getTime()) return a.dueAt.getTime() - b.dueAt.getTime();
  if (!a.dueAt !== !b.dueAt) return a.dueAt ? -1 : 1;
  return a.nameEn.localeCompare(b.nameEn) || a.id.localeCompare(b.id);
}
