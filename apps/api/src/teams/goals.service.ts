import { MAX_GOALS, MAX_KPIS, type Actor } from '@hundred/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AppError, type FieldProblem } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { queryRows } from '../database/sql.js';
import { deleteVersioned, updateVersioned } from '../database/versioned-update.js';
import { LoadsBatch } from '../graphql-context/loaders.js';
import { GathersTeamFacts } from '../workflow/team-facts.js';
import { OnEffect, type EffectContext, type WorkflowRow } from '../workflow/workflow-runner.js';
import type { CreateGoalInput, CreateKpiInput, KpiFields, UpdateGoalInput, UpdateKpiInput } from './dto/goal.inputs.js';
import { TeamGate } from './team-gate.js';
import type { Goal, Kpi } from './team.types.js';
import { GOALS_BY_TEAM, KPIS_BY_GOAL } from './teams.loaders.js';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface GoalRow {
  id: string;
  team_id: string;
  sort: number;
  title_ar: string;
  title_en: string;
  alignment_node_ids: string[];
  version: number;
}
export interface KpiRow {
  id: string;
  goal_id: string;
  team_id: string;
  sort: number;
  name_ar: string;
  name_en: string;
  unit: Kpi['unit'];
  direction: Kpi['direction'];
  baseline: string;
  target: string;
  original_baseline: string | null;
  original_target: string | null;
  data_source: string;
  is_proxy: boolean;
  frozen_at: Date | null;
  version: number;
}

export const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  teamId: r.team_id,
  sort: r.sort,
  titleAr: r.title_ar,
  titleEn: r.title_en,
  alignmentNodeIds: r.alignment_node_ids,
  version: r.version,
});

/** The columns a KPI's editable fields are kept in. */
function kpiColumns(k: KpiFields): Record<string, unknown> {
  return {
    sort: k.sort,
    name_ar: k.nameAr,
    name_en: k.nameEn,
    unit: k.unit,
    direction: k.direction,
    baseline: k.baseline,
    target: k.target,
    data_source: k.dataSource,
    is_proxy: k.isProxy,
  };
}

export const toKpi = (r: KpiRow): Kpi => ({
  id: r.id,
  goalId: r.goal_id,
  teamId: r.team_id,
  sort: r.sort,
  nameAr: r.name_ar,
  nameEn: r.name_en,
  unit: r.unit,
  direction: r.direction,
  baseline: Number(r.baseline),
  target: Number(r.target),
  originalBaseline: num(r.original_baseline),
  originalTarget: num(r.original_target),
  dataSource: r.data_source,
  isProxy: r.is_proxy,
  frozenAt: r.frozen_at,
  version: r.version,
});

/** Baseline and target: different, in the KPI's direction, percentages within 0–100. */
export function kpiProblems(k: Pick<KpiFields, 'unit' | 'direction' | 'baseline' | 'target'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (k.baseline === k.target) problems.push({ field: 'target', key: 'error.targetEqualsBaseline' });
  else if (k.direction === 'INCREASE' ? k.target < k.baseline : k.target > k.baseline) {
    problems.push({
      field: 'target',
      key: k.direction === 'INCREASE' ? 'error.targetNotAbove' : 'error.targetNotBelow',
    });
  }
  if (k.unit === 'PERCENT') {
    if (k.baseline > 100) problems.push({ field: 'baseline', key: 'validation.percent' });
    if (k.target > 100) problems.push({ field: 'target', key: 'validation.percent' });
  }
  return problems;
}

/**
 * A team's goals and KPIs: drafted by the team leader while the team forms (each write holds the
 * team, so nothing is added once the goals are submitted, and the 1–5 limits hold), frozen when
 * the office approves them.
 */
@Injectable()
export class GoalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: TeamGate,
    private readonly clock: Clock,
  ) {}

  /** Baselines and targets freeze when the goals are approved; the originals are kept. */
  @OnEffect('team', 'freezeTargets')
  async freezeTargets(manager: EntityManager, _effect: unknown, ctx: EffectContext): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `UPDATE kpi SET original_baseline = baseline, original_target = target, frozen_at = $2, version = version + 1, updated_at = now()
        WHERE team_id = $1`,
      [ctx.id, now],
    );
    await manager.query(`UPDATE team SET goals_frozen_at = $2 WHERE id = $1`, [ctx.id, now]);
  }

  /** The team a goal or a KPI belongs to; refused alike when it does not exist. */
  private async teamOf(table: 'goal' | 'kpi', id: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT team_id FROM ${table} WHERE id = $1`, [id])) as {
      team_id: string;
    }[];
    if (!row) throw AppError.forbidden();
    return row.team_id;
  }

  private edit<T>(
    actor: Actor,
    teamId: string,
    work: (manager: EntityManager, teamId: string) => Promise<T>,
  ): Promise<T> {
    return this.gate.write(actor, teamId, 'EDIT_GOALS', (manager, team) => work(manager, team.id));
  }

  async createGoal(actor: Actor, input: CreateGoalInput): Promise<Goal> {
    return this.edit(actor, input.teamId, async (manager, teamId) => {
      await this.checkNodes(manager, input.alignmentNodeIds);
      const [{ n }] = await queryRows<{ n: number }>(
        manager,
        `SELECT count(*)::int AS n FROM goal WHERE team_id = $1`,
        [teamId],
      );
      if (n >= MAX_GOALS) throw AppError.field('teamId', 'error.tooManyGoals');
      const [row] = await queryRows<GoalRow>(
        manager,
        `INSERT INTO goal (team_id, sort, title_ar, title_en, alignment_node_ids) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [teamId, input.sort, input.titleAr, input.titleEn, input.alignmentNodeIds],
      );
      return toGoal(row!);
    });
  }

  async updateGoal(actor: Actor, input: UpdateGoalInput): Promise<Goal> {
    return this.edit(actor, await this.teamOf('goal', input.id), async (manager) => {
      await this.checkNodes(manager, input.alignmentNodeIds);
      const after = await updateVersioned<GoalRow & Record<string, unknown>>(
        manager,
        'goal',
        'team',
        input.id,
        input.version,
        {
          sort: input.sort,
          title_ar: input.titleAr,
          title_en: input.titleEn,
          alignment_node_ids: input.alignmentNodeIds,
        },
      );
      return toGoal(after);
    });
  }

  async deleteGoal(actor: Actor, id: string, version: number): Promise<boolean> {
    await this.edit(actor, await this.teamOf('goal', id), (manager) =>
      deleteVersioned(manager, 'goal', 'team', id, version),
    );
    return true;
  }

  private async checkNodes(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await queryRows(manager, `SELECT id FROM alignment_node WHERE active AND id = ANY($1::uuid[])`, [
      ids,
    ]);
    if (found.length !== ids.length) throw AppError.field('alignmentNodeIds', 'error.unknownAlignmentNode');
  }

  private checkKpi(k: Pick<KpiFields, 'unit' | 'direction' | 'baseline' | 'target'>): void {
    const problems = kpiProblems(k);
    if (problems.length) throw AppError.validation(problems);
  }

  async createKpi(actor: Actor, input: CreateKpiInput): Promise<Kpi> {
    return this.edit(actor, await this.teamOf('goal', input.goalId), async (manager, teamId) => {
      this.checkKpi(input);
      const [{ n }] = await queryRows<{ n: number }>(manager, `SELECT count(*)::int AS n FROM kpi WHERE goal_id = $1`, [
        input.goalId,
      ]);
      if (n >= MAX_KPIS) throw AppError.field('goalId', 'error.tooManyKpis');
      const columns = { goal_id: input.goalId, team_id: teamId, ...kpiColumns(input) };
      const names = Object.keys(columns);
      const [row] = await queryRows<KpiRow>(
        manager,
        `INSERT INTO kpi (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        Object.values(columns),
      );
      return toKpi(row!);
    });
  }

  async updateKpi(actor: Actor, input: UpdateKpiInput): Promise<Kpi> {
    return this.edit(actor, await this.teamOf('kpi', input.id), async (manager) => {
      this.checkKpi(input);
      const after = await updateVersioned<KpiRow & Record<string, unknown>>(
        manager,
        'kpi',
        'team',
        input.id,
        input.version,
        kpiColumns(input),
      );
      return toKpi(after);
    });
  }

  async deleteKpi(actor: Actor, id: string, version: number): Promise<boolean> {
    await this.edit(actor, await this.teamOf('kpi', id), (manager) =>
      deleteVersioned(manager, 'kpi', 'team', id, version),
    );
    return true;
  }

  // ---------------------------------------------------------------- reading in batches

  @LoadsBatch(GOALS_BY_TEAM)
  async goalsByTeam(teamIds: readonly string[]): Promise<Map<string, Goal[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM goal WHERE team_id = ANY($1::uuid[]) ORDER BY sort, created_at`,
      [teamIds],
    )) as GoalRow[];
    const out = new Map<string, Goal[]>(teamIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.team_id)!.push(toGoal(r));
    return out;
  }

  @LoadsBatch(KPIS_BY_GOAL)
  async kpisByGoal(goalIds: readonly string[]): Promise<Map<string, Kpi[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM kpi WHERE goal_id = ANY($1::uuid[]) ORDER BY sort, created_at`,
      [goalIds],
    )) as KpiRow[];
    const out = new Map<string, Kpi[]>(goalIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.goal_id)!.push(toKpi(r));
    return out;
  }

  /** 1–5 goals, each with 1–5 KPIs (a KPI row is complete by the table's constraints). */
  @GathersTeamFacts('goalsComplete')
  async goalsComplete(manager: EntityManager, team: WorkflowRow): Promise<{ goalsComplete: boolean }> {
    const teamId = team.id;
    const rows = (await manager.query(
      `SELECT g.id, count(k.id)::int AS kpis FROM goal g LEFT JOIN kpi k ON k.goal_id = g.id WHERE g.team_id = $1 GROUP BY g.id`,
      [teamId],
    )) as { kpis: number }[];
    return { goalsComplete: rows.length >= 1 && rows.length <= 5 && rows.every((r) => r.kpis >= 1 && r.kpis <= 5) };
  }
}
