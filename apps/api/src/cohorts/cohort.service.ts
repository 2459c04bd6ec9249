import {
  calendarFormatProblems,
  calendarProblems,
  cohortDeadlines,
  dayOf,
  DEFAULT_OFFSETS,
  formatGregorian,
  type Actor,
  type CalendarProblem,
  type CohortCalendar,
  type Language,
} from '@hundred/domain';
import {
  availableEvents,
  cohortMachine,
  COHORT_STATES,
  type Caller,
  type CohortContext,
  type CohortEvent,
  type CohortState,
} from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppError, type FieldProblem } from '../common/app-error.js';
import { isMessageKey, translate } from '../common/messages.js';
import { queryRows } from '../database/sql.js';
import { updateVersioned } from '../database/versioned-update.js';
import { DeadlineService, type DeadlineRow, type DeadlineSpec } from '../deadlines/deadline.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { explainAvailable, type AvailableEvent } from '../workflow/available-events.js';
import { CohortFactsService } from '../workflow/cohort-facts.js';
import { WorkflowRunner, type TransitionDone, type WorkflowRow } from '../workflow/workflow-runner.js';
import { calendarOf, Cohort } from './cohort.entity.js';
import { CalendarOffsetsType, DEFAULT_RUBRIC, RagThresholds } from './cohort.types.js';
import type { CohortFields, CreateCohortInput, UpdateCohortInput } from './dto/cohort.inputs.js';
import { byId, LoadsBatch } from '../graphql-context/loaders.js';
import { COHORT } from './cohort.loaders.js';

/** Deadline kind of each scheduled cohort transition, and back. */
export const TRANSITION_KIND: Partial<Record<CohortEvent, string>> = {
  OPEN_INTAKE: 'COHORT_OPEN_INTAKE',
  CLOSE_INTAKE: 'COHORT_CLOSE_INTAKE',
  START_PREPARATION: 'COHORT_START_PREPARATION',
  LAUNCH: 'COHORT_LAUNCH',
  OPEN_MIDPOINT: 'COHORT_OPEN_MIDPOINT',
  CLOSE_MIDPOINT: 'COHORT_CLOSE_MIDPOINT',
  OPEN_RESULTS: 'COHORT_OPEN_RESULTS',
  START_SUSTAINMENT: 'COHORT_START_SUSTAINMENT',
  CLOSE: 'COHORT_CLOSE',
};
export const EVENT_OF_KIND: Record<string, CohortEvent> = Object.fromEntries(
  Object.entries(TRANSITION_KIND).map(([event, kind]) => [kind, event as CohortEvent]),
);
const stateIndex = (s: string) => COHORT_STATES.indexOf(s as CohortState);

/** Reminders of the cohort's calendar: the states in which each still makes sense, and its audience. */
export const REMINDERS = {
  INTAKE_CLOSE_REMINDER: { states: ['INTAKE'], audience: ['FOCAL_POINTS_WITH_DRAFTS'] },
  LAUNCH_REMINDER: { states: ['SELECTION', 'PREPARATION'], audience: ['ALL_TEAMS'] },
} as const satisfies Record<string, { states: readonly CohortState[]; audience: readonly string[] }>;
/** The state a scheduled transition starts from. */
export const fromStateOf = (event: CohortEvent): CohortState =>
  cohortMachine.transitions.find((t) => t.event === event)!.from[0]!;

/** Fields that may change only while the cohort is in one of these states. */
const EDITABLE_UNTIL: Partial<Record<keyof CohortFields, readonly CohortState[]>> = {
  rubric: ['DRAFT', 'INTAKE'],
  approvalsRequired: ['DRAFT', 'INTAKE', 'SELECTION'],
  minTeamMembers: ['DRAFT', 'INTAKE', 'SELECTION', 'PREPARATION'],
  minTeamAgencies: ['DRAFT', 'INTAKE', 'SELECTION', 'PREPARATION'],
};
const FINAL: readonly CohortState[] = ['CLOSED', 'CANCELLED'];

export interface CohortEventParams {
  reason?: string | null;
  excludeNotReadyTeams?: boolean;
}

@Injectable()
export class CohortService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: WorkflowRunner,
    private readonly deadlines: DeadlineService,
    private readonly facts: CohortFactsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** A page of cohorts; `columns` (selectedColumns) loads only those properties. */
  list(page = { limit: 50, offset: 0 }, columns?: (keyof Cohort)[]): Promise<Cohort[]> {
    return this.dataSource.getRepository(Cohort).find({
      ...(columns ? { select: Object.fromEntries(columns.map((c) => [c, true])) } : {}),
      order: { day1: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  byId(id: string): Promise<Cohort | null> {
    return this.dataSource.getRepository(Cohort).findOneBy({ id });
  }

  byIds(ids: readonly string[]): Promise<Cohort[]> {
    return this.dataSource.getRepository(Cohort).findBy({ id: In([...ids]) });
  }

  @LoadsBatch(COHORT)
  async cohortsById(ids: readonly string[]): Promise<Map<string, Cohort>> {
    return byId(await this.byIds(ids), (c) => c.id);
  }

  /** Normalised values of the input, with the defaults filled in. */
  private values(input: CohortFields) {
    const offsets = Object.assign(new CalendarOffsetsType(), input.offsets ?? {});
    return {
      name_ar: input.nameAr,
      name_en: input.nameEn,
      day1: input.day1,
      time_zone: input.timeZone,
      weekend_days: [...input.weekendDays].sort((a, b) => a - b),
      holidays: [...input.holidays].sort(),
      offsets: JSON.stringify({ ...DEFAULT_OFFSETS, ...offsets, checkpoints: [...offsets.checkpoints] }),
      rubric: JSON.stringify(input.rubric ?? DEFAULT_RUBRIC),
      rag_thresholds: JSON.stringify(Object.assign(new RagThresholds(), input.ragThresholds ?? {})),
      min_reviewers: input.minReviewers,
      approvals_required: input.approvalsRequired,
      min_team_members: input.minTeamMembers,
      min_team_agencies: input.minTeamAgencies,
      check_in_escalation_repeat_weeks: input.checkInEscalationRepeatWeeks,
    };
  }

  private calendarOfInput(input: CohortFields): CohortCalendar {
    return {
      day1: input.day1,
      timeZone: input.timeZone,
      weekendDays: input.weekendDays as CohortCalendar['weekendDays'],
      holidays: input.holidays,
      offsets: { ...DEFAULT_OFFSETS, ...Object.assign(new CalendarOffsetsType(), input.offsets ?? {}) },
    };
  }

  /** Field problems of a calendar; ordering problems too once the cohort is past its draft. */
  private validateCalendar(input: CohortFields, strict: boolean): void {
    const cal = this.calendarOfInput(input);
    const problems = strict ? calendarProblems(cal) : calendarFormatProblems(cal);
    const rubricKeys = (input.rubric ?? []).map((r) => r.key);
    const fields: FieldProblem[] = problems.map((p) => calendarFieldProblem(p));
    if (new Set(rubricKeys).size !== rubricKeys.length) fields.push({ field: 'rubric', key: 'validation.unique' });
    if (input.ragThresholds && input.ragThresholds.amber >= input.ragThresholds.green) {
      fields.push({ field: 'ragThresholds.amber', key: 'validation.invalid' });
    }
    if (fields.length) throw AppError.validation(fields);
  }

  async create(input: CreateCohortInput, actorId: string, ip: string | null): Promise<Cohort> {
    this.validateCalendar(input, false);
    const v = this.values(input);
    const cohort = await this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO cohort (name_ar, name_en, day1, time_zone, weekend_days, holidays, offsets, rubric, rag_thresholds,
                             min_reviewers, approvals_required, min_team_members, min_team_agencies,
                             check_in_escalation_repeat_weeks)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14) RETURNING id`,
        [
          v.name_ar,
          v.name_en,
          v.day1,
          v.time_zone,
          v.weekend_days,
          v.holidays,
          v.offsets,
          v.rubric,
          v.rag_thresholds,
          v.min_reviewers,
          v.approvals_required,
          v.min_team_members,
          v.min_team_agencies,
          v.check_in_escalation_repeat_weeks,
        ],
      );
      const cohort = await manager.getRepository(Cohort).findOneByOrFail({ id: row!.id });
      await this.deadlines.schedule(manager, calendarOf(cohort), this.calendarSpecs(cohort));
      await this.audit.record(manager, {
        actorId,
        action: 'cohort.created',
        subjectType: 'cohort',
        subjectId: cohort.id,
        toState: 'DRAFT',
        data: { nameEn: cohort.nameEn, day1: cohort.day1, timeZone: cohort.timeZone },
        ip,
      });
      return cohort;
    });
    await this.outbox.relayNow();
    return cohort;
  }

  /** The cohort's own calendar: its scheduled transitions and their reminders. */
  calendarSpecs(cohort: Cohort): DeadlineSpec[] {
    return cohortDeadlines(calendarOf(cohort)).map((d) => ({
      cohortId: cohort.id,
      subjectType: 'cohort',
      subjectId: cohort.id,
      kind: d.kind,
      group: 'COHORT_CALENDAR',
      rule: { rule: 'COHORT', kind: d.kind },
      params: EVENT_OF_KIND[d.kind] ? { event: EVENT_OF_KIND[d.kind] } : {},
    }));
  }

  async update(input: UpdateCohortInput, actorId: string, ip: string | null): Promise<Cohort> {
    const current = await this.byId(input.id);
    if (!current) throw AppError.notFound();
    if (FINAL.includes(current.state)) throw AppError.field('id', 'error.fieldLocked', { field: 'subject.cohort' });
    this.validateCalendar(input, current.state !== 'DRAFT');
    const v = this.values(input);
    const locked: FieldProblem[] = [];
    const before: Record<string, unknown> = {
      rubric: JSON.stringify(current.rubric),
      approvalsRequired: current.approvalsRequired,
      minTeamMembers: current.minTeamMembers,
      minTeamAgencies: current.minTeamAgencies,
    };
    const after: Record<string, unknown> = {
      rubric: v.rubric,
      approvalsRequired: v.approvals_required,
      minTeamMembers: v.min_team_members,
      minTeamAgencies: v.min_team_agencies,
    };
    for (const [field, states] of Object.entries(EDITABLE_UNTIL) as [keyof CohortFields, readonly CohortState[]][]) {
      if (before[field] !== after[field] && !states.includes(current.state)) {
        locked.push({ field, key: 'error.fieldLocked', params: {} });
      }
    }
    if (locked.length) throw AppError.validation(locked);

    const cohort = await this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, 'cohort', 'cohort', input.id, input.version, {
        name_ar: v.name_ar,
        name_en: v.name_en,
        day1: v.day1,
        time_zone: v.time_zone,
        weekend_days: v.weekend_days,
        holidays: v.holidays,
        offsets: v.offsets,
        rubric: v.rubric,
        rag_thresholds: v.rag_thresholds,
        min_reviewers: v.min_reviewers,
        approvals_required: v.approvals_required,
        min_team_members: v.min_team_members,
        min_team_agencies: v.min_team_agencies,
        check_in_escalation_repeat_weeks: v.check_in_escalation_repeat_weeks,
      });
      const cohort = await manager.getRepository(Cohort).findOneByOrFail({ id: input.id });
      // Moving day 1 (or the weekend, holidays, offsets) moves every pending deadline of the cohort.
      const moved = await this.deadlines.moveCohort(manager, cohort.id, calendarOf(cohort));
      // A scheduled transition that was blocked (say, by this very calendar) is checked again now.
      const waiting = await queryRows<Pick<DeadlineRow, 'id' | 'original_due_at' | 'due_at'>>(
        manager,
        `SELECT id, original_due_at, due_at FROM deadline WHERE subject_type = 'cohort' AND subject_id = $1 AND state = 'PENDING' AND kind = ANY($2)`,
        [cohort.id, Object.values(TRANSITION_KIND)],
      );
      await this.wakeOverdue(manager, waiting, this.clock.now());
      await this.audit.record(manager, {
        actorId,
        action: 'cohort.updated',
        subjectType: 'cohort',
        subjectId: cohort.id,
        data: {
          before: { day1: current.day1, timeZone: current.timeZone, nameEn: current.nameEn },
          after: { day1: cohort.day1, timeZone: cohort.timeZone, nameEn: cohort.nameEn },
          deadlinesMoved: moved,
        },
        ip,
      });
      return cohort;
    });
    await this.outbox.relayNow();
    await this.deadlines.deliverDue(cohort.id);
    return cohort;
  }

  /** The guards' context: calendar consistency, the counts of the features, the event's parameters. */
  async context(manager: EntityManager, row: WorkflowRow, params: CohortEventParams = {}): Promise<CohortContext> {
    const facts = await this.facts.gather(manager, row.id);
    return {
      calendarConsistent: calendarProblems(calendarOf(row)).length === 0,
      ...facts,
      excludeNotReadyTeams: params.excludeNotReadyTeams,
      reason: params.reason,
    };
  }

  /** Names and dates for notifications about this cohort. */
  noticeOf(row: WorkflowRow) {
    const cal = calendarOf(row);
    const deadlines = cohortDeadlines(cal); // once: each reminder that fires describes its cohort
    const at = (kind: string) => deadlines.find((d) => d.kind === kind)?.dueAt.toISOString();
    return {
      params: {
        cohortNameAr: row.name_ar,
        cohortNameEn: row.name_en,
        timeZone: cal.timeZone,
        closesOn: at('COHORT_CLOSE_INTAKE'),
        launchOn: at('COHORT_LAUNCH'),
        dueOn: at('COHORT_CLOSE_MIDPOINT'),
      },
      audience: { cohortId: row.id },
    };
  }

  /** Runs a cohort event in the caller's transaction, then settles the deadlines it supersedes. */
  async fireIn(
    manager: EntityManager,
    id: string,
    expectedVersion: number | null,
    event: CohortEvent,
    caller: Caller,
    params: CohortEventParams = {},
    ip: string | null = null,
  ): Promise<TransitionDone<CohortState, CohortEvent>> {
    const done = await this.runner.fire(manager, {
      machine: cohortMachine,
      subject: 'cohort',
      table: 'cohort',
      id,
      expectedVersion,
      event,
      caller,
      reason: params.reason,
      data: params.excludeNotReadyTeams ? { excludeNotReadyTeams: true } : undefined,
      ip,
      context: (manager, row) => this.context(manager, row, params),
      notice: (row) => this.noticeOf(row),
    });
    await this.afterTransition(manager, id, done.to, caller.kind === 'scheduler' ? TRANSITION_KIND[event] : undefined);
    return done;
  }

  /** A user fires an event on the version they read. */
  async fire(
    id: string,
    version: number,
    event: CohortEvent,
    actor: Actor,
    params: CohortEventParams,
    ip: string | null,
  ): Promise<Cohort> {
    await this.dataSource.transaction((manager) =>
      this.fireIn(manager, id, version, event, { kind: 'user', actor }, params, ip),
    );
    await this.outbox.relayNow();
    await this.deadlines.deliverDue(id);
    return (await this.byId(id))!;
  }

  /**
   * After any cohort transition: scheduled transitions it makes moot (an earlier phase, or this
   * one fired by hand) are settled as skipped, and overdue ones waiting behind it are due now.
   */
  private async afterTransition(
    manager: EntityManager,
    cohortId: string,
    state: CohortState,
    firingKind?: string,
  ): Promise<void> {
    const rows = await queryRows<Pick<DeadlineRow, 'id' | 'kind' | 'original_due_at' | 'due_at'>>(
      manager,
      `SELECT id, kind, original_due_at, due_at FROM deadline
        WHERE subject_type = 'cohort' AND subject_id = $1 AND state = 'PENDING' AND kind = ANY($2)`,
      [cohortId, [...Object.values(TRANSITION_KIND), ...Object.keys(REMINDERS)]],
    );
    // Reminders of a phase the cohort has left are moot too.
    const reminders = rows.filter((d) => d.kind in REMINDERS);
    const mootReminders = reminders.filter((d) => {
      const states = REMINDERS[d.kind as keyof typeof REMINDERS].states as readonly CohortState[];
      return FINAL.includes(state) || states.every((s) => stateIndex(s) < stateIndex(state));
    });
    await this.deadlines.skip(
      manager,
      mootReminders.map((d) => d.id),
    );
    const pending = rows.filter((d) => !(d.kind in REMINDERS));
    const now = this.clock.now();
    // The deadline that is firing this transition is settled as fired by its handler, not here.
    const others = pending.filter((d) => d.kind !== firingKind);
    const moot = others.filter(
      (d) => FINAL.includes(state) || stateIndex(fromStateOf(EVENT_OF_KIND[d.kind]!)) < stateIndex(state),
    );
    await this.deadlines.skip(
      manager,
      moot.map((d) => d.id),
    );
    await this.wakeOverdue(
      manager,
      others.filter((d) => !moot.includes(d)),
      now,
    );
  }

  /** Overdue scheduled transitions waiting for their daily re-check are checked now instead. */
  private async wakeOverdue(
    manager: EntityManager,
    pending: Pick<DeadlineRow, 'id' | 'original_due_at' | 'due_at'>[],
    now: Date,
  ): Promise<void> {
    const waiting = pending.filter((d) => d.original_due_at <= now && d.due_at > now);
    if (waiting.length === 0) return;
    const rows = await queryRows<{ id: string; seq: number; due_at: Date }>(
      manager,
      `UPDATE deadline SET due_at = $2, seq = seq + 1 WHERE id = ANY($1::uuid[]) RETURNING id, seq, due_at`,
      [waiting.map((d) => d.id), now],
    );
    await this.deadlines.enqueue(manager, rows);
  }

  async availableEvents(cohort: Cohort, actor: Actor, lang: Language): Promise<AvailableEvent[]> {
    const [row] = await queryRows<WorkflowRow>(this.dataSource.manager, `SELECT * FROM cohort WHERE id = $1`, [
      cohort.id,
    ]);
    if (!row) return [];
    const ctx = await this.context(this.dataSource.manager, row);
    return explainAvailable(
      availableEvents(cohortMachine, row.state as CohortState, { kind: 'user', actor }, ctx),
      lang,
    );
  }

  calendarProblemsOf(cohort: Cohort, lang: Language) {
    return calendarProblems(calendarOf(cohort)).map((p) => {
      const f = calendarFieldProblem(p);
      return { field: p.field, code: p.code, message: translate(lang, f.key, f.params) };
    });
  }

  /** Today's day of the cohort by the clock, and dates for display. */
  currentDay(cohort: Cohort): number {
    return dayOf(calendarOf(cohort), this.clock.now());
  }

  formatDate(instant: Date, lang: Language, cohort: Cohort): string {
    return formatGregorian(instant, lang, cohort.timeZone);
  }
}

/** A calendar problem as a field problem with a translatable message. */
export function calendarFieldProblem(p: CalendarProblem): FieldProblem {
  const key = `calendar.${p.code}`;
  const params: Record<string, string | number> = { ...(p.params ?? {}) };
  if (typeof params.after === 'string') {
    const label = `field.${params.after.replace(/\.\d+$/, '')}`;
    if (isMessageKey(label)) params.after = label;
  }
  return { field: p.field, key: isMessageKey(key) ? key : 'validation.invalid', params };
}
