import type { Actor } from '@hundred/domain';
import { changeRequestMachine, type ChangeRequestEvent } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { pgCode, UNIQUE_VIOLATION } from '../database/postgres-errors.js';
import { queryRows } from '../database/sql.js';
import { LoadsBatch } from '../graphql-context/loaders.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { WorkflowRunner } from '../workflow/workflow-runner.js';
import type { ProposeKpiChangeInput } from './dto/change-request.inputs.js';
import { kpiProblems, type KpiRow } from './goals.service.js';
import { TeamGate } from './team-gate.js';
import { TeamService } from './team.service.js';
import type { KpiChangeRequest } from './team.types.js';
import { CHANGE_REQUESTS_BY_TEAM } from './teams.loaders.js';

/**
 * Changes to a frozen baseline or target: proposed by the team leader while the change window is
 * open, decided by the office through the change-request machine; the original stays on record.
 */
@Injectable()
export class ChangeRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: TeamGate,
    private readonly teams: TeamService,
    private readonly runner: WorkflowRunner,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async proposeChange(actor: Actor, input: ProposeKpiChangeInput): Promise<KpiChangeRequest> {
    const [owner] = (await this.dataSource.query(`SELECT team_id FROM kpi WHERE id = $1`, [input.kpiId])) as {
      team_id: string;
    }[];
    if (!owner) throw AppError.forbidden();
    const created = await this.gate.write(actor, owner.team_id, 'PROPOSE_CHANGE', async (m, team) => {
      const [kpi] = await queryRows<KpiRow>(m, `SELECT * FROM kpi WHERE id = $1`, [input.kpiId]);
      if (!kpi?.frozen_at) throw new AppError('NOT_ALLOWED', 'error.kpiNotFrozen', {}, [], { guard: 'FROZEN' });
      const problems = kpiProblems({
        unit: kpi.unit,
        direction: kpi.direction,
        baseline: input.baseline,
        target: input.target,
      });
      if (problems.length) throw AppError.validation(problems);
      let row: Record<string, unknown> | undefined;
      try {
        [row] = await queryRows<Record<string, unknown>>(
          m,
          `INSERT INTO kpi_change_request (kpi_id, team_id, from_baseline, from_target, to_baseline, to_target, reason, proposed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          [kpi.id, team.id, kpi.baseline, kpi.target, input.baseline, input.target, input.reason, actor.id],
        );
      } catch (err) {
        if (pgCode(err) === UNIQUE_VIOLATION) throw AppError.field('kpiId', 'error.changePending');
        throw err;
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'changeRequest.proposed',
        subjectType: 'changeRequest',
        subjectId: row!.id as string,
        toState: 'PROPOSED',
        reason: input.reason,
        data: {
          kpiId: kpi.id,
          from: { baseline: Number(kpi.baseline), target: Number(kpi.target) },
          to: { baseline: input.baseline, target: input.target },
        },
      });
      await this.notifications.broadcast(m, {
        kind: 'CHANGE_REQUEST_PROPOSED',
        audience: ['OFFICE'],
        params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, kpiNameAr: kpi.name_ar, kpiNameEn: kpi.name_en },
        dedupePrefix: `change-${row!.id as string}`,
        subjectType: 'team',
        subjectId: team.id,
        context: { teamId: team.id, cohortId: team.cohortId },
      });
      return toChangeRequest(row!);
    });
    await this.outbox.relayNow();
    return created;
  }

  /** The office approves (the KPI takes the new values; the original stays on record) or rejects. */
  async decideChange(
    actor: Actor,
    id: string,
    version: number,
    event: ChangeRequestEvent,
    reason: string | null,
  ): Promise<KpiChangeRequest> {
    const [cr] = (await this.dataSource.query(`SELECT team_id FROM kpi_change_request WHERE id = $1`, [id])) as {
      team_id: string;
    }[];
    if (!cr) throw AppError.forbidden();
    const team = await this.teams.visible(actor, cr.team_id);
    const done = await this.dataSource.transaction(async (m) => {
      await this.runner.fire(m, {
        machine: changeRequestMachine,
        subject: 'changeRequest',
        table: 'kpi_change_request',
        id,
        expectedVersion: version,
        event,
        caller: { kind: 'user', actor },
        reason,
        // The team's and the cohort's states, read under the team's lock as every team write does.
        context: async (mm) => {
          const [t] = await queryRows<{ state: string; cohort_state: string }>(
            mm,
            `SELECT t.state, c.state AS cohort_state FROM team t JOIN cohort c ON c.id = t.cohort_id
              WHERE t.id = $1 FOR NO KEY UPDATE OF t`,
            [team.id],
          );
          return { cohortState: t!.cohort_state, teamState: t!.state, reason };
        },
        notice: () => ({
          params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, reason },
          audience: { teamId: team.id, cohortId: team.cohortId },
          link: { subjectType: 'team', subjectId: team.id },
        }),
      });
      const [row] = await queryRows<Record<string, unknown>>(m, `SELECT * FROM kpi_change_request WHERE id = $1`, [id]);
      if (event === 'APPROVE') {
        await m.query(
          `UPDATE kpi SET baseline = $2, target = $3, version = version + 1, updated_at = now() WHERE id = $1`,
          [row!.kpi_id, row!.to_baseline, row!.to_target],
        );
      }
      return toChangeRequest(row!);
    });
    await this.outbox.relayNow();
    return done;
  }

  @LoadsBatch(CHANGE_REQUESTS_BY_TEAM)
  async changeRequests(teamIds: readonly string[]): Promise<Map<string, KpiChangeRequest[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM kpi_change_request WHERE team_id = ANY($1::uuid[]) ORDER BY created_at DESC`,
      [teamIds],
    )) as Record<string, unknown>[];
    const out = new Map<string, KpiChangeRequest[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id as string)!.push(toChangeRequest(r));
    return out;
  }
}

export function toChangeRequest(r: Record<string, unknown>): KpiChangeRequest {
  return {
    id: r.id as string,
    kpiId: r.kpi_id as string,
    teamId: r.team_id as string,
    state: r.state as KpiChangeRequest['state'],
    version: r.version as number,
    fromBaseline: Number(r.from_baseline),
    fromTarget: Number(r.from_target),
    toBaseline: Number(r.to_baseline),
    toTarget: Number(r.to_target),
    reason: r.reason as string,
    proposedById: r.proposed_by as string,
    createdAt: r.created_at as Date,
  };
}
