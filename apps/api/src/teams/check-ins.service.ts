import { checkInDueTimes, checkInWeekAt, localDateOf, type Actor } from '@hundred/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError, type FieldProblem } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { pgCode, UNIQUE_VIOLATION } from '../database/postgres-errors.js';
import { queryRows } from '../database/sql.js';
import { LoadsBatch } from '../graphql-context/loaders.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type {
  CheckInFields,
  CorrectCheckInInput,
  ReviewCheckInInput,
  SubmitCheckInInput,
} from './dto/check-in.inputs.js';
import { TeamGate, type HeldTeam } from './team-gate.js';
import type { CheckIn, CheckInReview, KpiValue } from './team.types.js';
import { CHECK_INS_BY_TEAM, KPI_VALUES, LATEST_VALUE } from './teams.loaders.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Values reported for a team's KPIs (a check-in, a final report, a checkpoint): each of one of the
 * team's KPIs, once, dated no later than today, percentages within 0–100.
 */
export async function checkKpiValues(
  manager: EntityManager,
  teamId: string,
  values: readonly { kpiId: string; value: number; asOf: string }[],
  today: string,
  field = 'values',
): Promise<void> {
  const kpis = new Map(
    (
      await queryRows<{ id: string; unit: string }>(manager, `SELECT id, unit FROM kpi WHERE team_id = $1`, [teamId])
    ).map((k) => [k.id, k.unit]),
  );
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const unit = kpis.get(v.kpiId);
    if (!unit) problems.push({ field: `${field}.${i}.kpiId`, key: 'error.notThisTeamsKpi' });
    else if (unit === 'PERCENT' && v.value > 100)
      problems.push({ field: `${field}.${i}.value`, key: 'validation.percent' });
    if (seen.has(v.kpiId)) problems.push({ field: `${field}.${i}.kpiId`, key: 'validation.unique' });
    seen.add(v.kpiId);
    if (!ISO_DATE.test(v.asOf) || Number.isNaN(Date.parse(`${v.asOf}T00:00:00Z`))) {
      problems.push({ field: `${field}.${i}.asOf`, key: 'calendar.BAD_DATE', params: { value: v.asOf } });
    } else if (v.asOf > today) problems.push({ field: `${field}.${i}.asOf`, key: 'error.asOfInFuture' });
  });
  if (problems.length) throw AppError.validation(problems);
}

/** The calendar of a cohort, read in the caller's transaction. */
export async function cohortCalendar(manager: EntityManager, cohortId: string) {
  const [row] = await queryRows<Record<string, unknown>>(manager, `SELECT * FROM cohort WHERE id = $1`, [cohortId]);
  return calendarOf(row!);
}

/**
 * Weekly check-ins: append-only (a correction is a new check-in that supersedes an earlier one),
 * each write holding the team so none lands after the team stopped or was withdrawn; the coach's
 * acknowledgement or return; and reading them, their values and each KPI's latest value in batches.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: TeamGate,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private async insertCheckIn(
    manager: EntityManager,
    team: HeldTeam,
    actorId: string,
    week: number,
    late: boolean,
    fields: CheckInFields,
    correction?: { supersedesId: string; reason: string },
  ): Promise<string> {
    let row: { id: string } | undefined;
    try {
      [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, blockers, help_needed, confidence, supersedes_id, correction_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          team.id,
          week,
          actorId,
          this.clock.now(),
          late,
          fields.narrative,
          fields.blockers,
          fields.helpNeeded,
          fields.confidence,
          correction?.supersedesId ?? null,
          correction?.reason ?? null,
        ],
      );
    } catch (err) {
      // Two corrections of one check-in: the second is stale.
      if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.conflict('team');
      throw err;
    }
    const values: unknown[] = [];
    const tuples = fields.values.map((v, i) => {
      values.push(row!.id, v.kpiId, v.value, v.asOf, v.evidence);
      return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`;
    });
    await manager.query(
      `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ${tuples.join(', ')}`,
      values,
    );
    // A check-in ends a run of missed weeks.
    await manager.query(
      `UPDATE team SET check_ins_flagged_at = NULL, missed_check_in_weeks = 0
        WHERE id = $1 AND (check_ins_flagged_at IS NOT NULL OR missed_check_in_weeks > 0)`,
      [team.id],
    );
    await this.audit.record(manager, {
      actorId,
      action: correction ? 'team.check_in_corrected' : 'team.check_in_submitted',
      subjectType: 'team',
      subjectId: team.id,
      reason: correction?.reason ?? null,
      data: { checkInId: row!.id, week, late, values: fields.values.length },
    });
    if (fields.helpNeeded) {
      await this.notifications.broadcast(manager, {
        kind: 'HELP_NEEDED',
        audience: ['SPONSOR'],
        params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, helpNeeded: fields.helpNeeded, week },
        dedupePrefix: `help-${row!.id}`,
        subjectType: 'team',
        subjectId: team.id,
        context: { teamId: team.id, cohortId: team.cohortId },
      });
    }
    return row!.id;
  }

  async submitCheckIn(actor: Actor, input: SubmitCheckInInput): Promise<CheckIn> {
    const id = await this.gate.write(actor, input.teamId, 'CHECK_IN', async (manager, team) => {
      const cal = await cohortCalendar(manager, team.cohortId);
      const now = this.clock.now();
      const due = checkInDueTimes(cal);
      const current = checkInWeekAt(cal, now) ?? 1;
      const week = input.week ?? current;
      if (week > current || week > due.length) throw AppError.field('week', 'error.futureWeek');
      await checkKpiValues(manager, team.id, input.values, localDateOf(cal, now));
      return this.insertCheckIn(manager, team, actor.id, week, now.getTime() > due[week - 1]!.getTime(), input);
    });
    await this.outbox.relayNow();
    return (await this.checkIns([id], true)).get(id)![0]!;
  }

  async correctCheckIn(actor: Actor, input: CorrectCheckInInput): Promise<CheckIn> {
    const original = await this.original(input.supersedesId);
    const id = await this.gate.write(actor, original.team_id, 'CORRECT_CHECK_IN', async (manager, team) => {
      const cal = await cohortCalendar(manager, team.cohortId);
      await checkKpiValues(manager, team.id, input.values, localDateOf(cal, this.clock.now()));
      return this.insertCheckIn(manager, team, actor.id, original.week, original.late, input, {
        supersedesId: input.supersedesId,
        reason: input.reason,
      });
    });
    await this.outbox.relayNow();
    return (await this.checkIns([id], true)).get(id)![0]!;
  }

  /** The check-in a correction or a review is about; refused alike when it does not exist. */
  private async original(checkInId: string) {
    const [row] = (await this.dataSource.query(`SELECT team_id, week, late, submitted_by FROM check_in WHERE id = $1`, [
      checkInId,
    ])) as { team_id: string; week: number; late: boolean; submitted_by: string }[];
    if (!row) throw AppError.forbidden();
    return row;
  }

  /** The coach acknowledges a check-in or returns it for revision; never their own. */
  async review(actor: Actor, input: ReviewCheckInInput): Promise<CheckIn> {
    const original = await this.original(input.checkInId);
    await this.gate.write(actor, original.team_id, 'REVIEW_CHECK_IN', async (manager, team) => {
      if (original.submitted_by === actor.id)
        throw new AppError('NOT_ALLOWED', 'error.ownCheckIn', {}, [], { guard: 'NOT_OWN_CHECK_IN' });
      const superseded = await queryRows(manager, `SELECT 1 FROM check_in WHERE supersedes_id = $1`, [input.checkInId]);
      if (superseded.length)
        throw new AppError('NOT_ALLOWED', 'error.checkInSuperseded', {}, [], { guard: 'NOT_SUPERSEDED' });
      if (input.decision === 'RETURNED' && !input.comment) throw AppError.field('comment', 'validation.required');
      try {
        await manager.query(
          `INSERT INTO check_in_review (check_in_id, reviewer_id, decision, comment, reviewed_at) VALUES ($1, $2, $3, $4, $5)`,
          [input.checkInId, actor.id, input.decision, input.comment, this.clock.now()],
        );
      } catch (err) {
        if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.conflict('team');
        throw err;
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: `team.check_in_${input.decision.toLowerCase()}`,
        subjectType: 'team',
        subjectId: team.id,
        reason: input.comment || null,
        data: { checkInId: input.checkInId },
      });
      if (input.decision === 'RETURNED') {
        await this.notifications.createMany(manager, [
          {
            userId: original.submitted_by,
            kind: 'CHECK_IN_RETURNED',
            dedupeKey: `review-${input.checkInId}`,
            params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, reason: input.comment },
            subjectType: 'team',
            subjectId: team.id,
          },
        ]);
      }
    });
    await this.outbox.relayNow();
    return (await this.checkIns([input.checkInId], true)).get(input.checkInId)![0]!;
  }

  // ---------------------------------------------------------------- reading in batches

  @LoadsBatch(CHECK_INS_BY_TEAM)
  checkInsByTeam(teamIds: readonly string[]): Promise<Map<string, CheckIn[]>> {
    return this.checkIns(teamIds);
  }

  /** Check-ins by team (or by id with `byId`), newest first, with their values and reviews. */
  async checkIns(ids: readonly string[], byId = false, limit = 200): Promise<Map<string, CheckIn[]>> {
    const rows = (await this.dataSource.query(
      `SELECT c.*, s.id AS superseded_by,
              r.reviewer_id, r.decision, r.comment AS review_comment, r.reviewed_at
         FROM check_in c
         LEFT JOIN check_in s ON s.supersedes_id = c.id
         LEFT JOIN check_in_review r ON r.check_in_id = c.id
        WHERE ${byId ? 'c.id' : 'c.team_id'} = ANY($1::uuid[])
        ORDER BY c.submitted_at DESC, c.id DESC`,
      [ids],
    )) as (Record<string, unknown> & { id: string; team_id: string })[];
    const values = (await this.dataSource.query(
      `SELECT v.*, c.submitted_at FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id WHERE v.check_in_id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    )) as { check_in_id: string; kpi_id: string; value: string; as_of: string; evidence: string; submitted_at: Date }[];
    const valuesOf = new Map<string, typeof values>();
    for (const v of values) {
      const list = valuesOf.get(v.check_in_id);
      if (list) list.push(v);
      else valuesOf.set(v.check_in_id, [v]);
    }
    const out = new Map<string, CheckIn[]>(ids.map((id) => [id, []]));
    for (const r of rows) {
      const key = byId ? r.id : r.team_id;
      const list = out.get(key)!;
      if (list.length >= limit) continue;
      list.push({
        id: r.id,
        teamId: r.team_id,
        week: r.week as number,
        submittedById: r.submitted_by as string,
        submittedAt: r.submitted_at as Date,
        late: r.late as boolean,
        narrative: r.narrative as string,
        blockers: r.blockers as string,
        helpNeeded: r.help_needed as string,
        confidence: r.confidence as CheckIn['confidence'],
        supersedesId: (r.supersedes_id as string | null) ?? null,
        correctionReason: (r.correction_reason as string | null) ?? null,
        supersededById: (r.superseded_by as string | null) ?? null,
        values: (valuesOf.get(r.id) ?? []).map((v) => ({
          kpiId: v.kpi_id,
          value: Number(v.value),
          asOf: v.as_of,
          evidence: v.evidence,
          checkInId: r.id,
          submittedAt: v.submitted_at,
        })),
        review: r.decision
          ? ({
              reviewerId: r.reviewer_id as string,
              decision: r.decision as CheckInReview['decision'],
              comment: r.review_comment as string,
              reviewedAt: r.reviewed_at as Date,
            } satisfies CheckInReview)
          : null,
      });
    }
    return out;
  }

  @LoadsBatch(LATEST_VALUE)
  /** The latest value of each KPI among check-ins not superseded (latest as-of date, then submission). */
  async latestValues(kpiIds: readonly string[]): Promise<Map<string, KpiValue | null>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (v.kpi_id) v.kpi_id, v.value, v.as_of, v.evidence, c.id AS check_in_id, c.submitted_at
         FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
        WHERE v.kpi_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
        ORDER BY v.kpi_id, v.as_of DESC, c.submitted_at DESC`,
      [kpiIds],
    )) as { kpi_id: string; value: string; as_of: string; evidence: string; check_in_id: string; submitted_at: Date }[];
    const out = new Map<string, KpiValue | null>(kpiIds.map((id) => [id, null]));
    for (const r of rows) {
      out.set(r.kpi_id, {
        kpiId: r.kpi_id,
        value: Number(r.value),
        asOf: r.as_of,
        evidence: r.evidence,
        checkInId: r.check_in_id,
        submittedAt: r.submitted_at,
      });
    }
    return out;
  }

  /** Every value of each KPI among check-ins not superseded, oldest first (for charts). */
  @LoadsBatch(KPI_VALUES)
  async valuesOf(kpiIds: readonly string[]): Promise<Map<string, KpiValue[]>> {
    const rows = (await this.dataSource.query(
      `SELECT v.kpi_id, v.value, v.as_of, v.evidence, c.id AS check_in_id, c.submitted_at
         FROM check_in_value v JOIN check_in c ON c.id = v.check_in_id
        WHERE v.kpi_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM check_in s WHERE s.supersedes_id = c.id)
        ORDER BY v.kpi_id, v.as_of, c.submitted_at`,
      [kpiIds],
    )) as { kpi_id: string; value: string; as_of: string; evidence: string; check_in_id: string; submitted_at: Date }[];
    const out = new Map<string, KpiValue[]>(kpiIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.kpi_id)!.push({
        kpiId: r.kpi_id,
        value: Number(r.value),
        asOf: r.as_of,
        evidence: r.evidence,
        checkInId: r.check_in_id,
        submittedAt: r.submitted_at,
      });
    }
    return out;
  }
}
