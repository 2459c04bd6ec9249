import {
  ATTAINMENT_BANDS,
  calendarProblems,
  dashboardScope,
  dayOfLocalDate,
  localDateOf,
  type Actor,
} from '@hundred/domain';
import type { CohortState } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { Team } from '../teams/team.entity.js';
import { DASHBOARD_SQL, DASHBOARD_TEAMS_SQL } from './dashboard-sql.js';
import type { Dashboard, ResultCounts, StandingCounts } from './dashboard.types.js';
import type { DashboardFilter, DashboardTeamsFilter } from './dto/dashboard.inputs.js';

interface CohortRow {
  id: string;
  name_ar: string;
  name_en: string;
  state: CohortState;
  day1: string;
  time_zone: string;
  weekend_days: number[];
  holidays: string[];
  offsets: unknown;
  rag_thresholds: { green: number; amber: number; staleDays: number };
}

interface FigureRow {
  kind: 'all' | 'cohort' | 'band' | 'pillar' | 'lead' | 'partner' | 'week';
  key: string | null;
  green: number;
  amber: number;
  red: number;
  grey: number;
  withdrawn: number;
  stopped: number;
  total: number;
  overdue: number;
  att_n: number;
  att_mean: number | null;
  past100: number;
  achieved: number;
  partially: number;
  not_achieved: number;
  awaiting: number;
  sustaining: number;
  sustained: number;
  scaled: number;
  lapsed: number;
}

/** The calendar facts of the cohorts in view, as the figures' statement takes them. */
interface CohortFacts {
  rows: CohortRow[];
  day: Map<string, number>;
  params: [string[], number[], string[], string[], number[], number[], number[]];
}

const WEEKS = 15; // the 100 days span 15 check-in weeks
const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

const standing = (r: FigureRow | undefined): StandingCounts => ({
  green: r?.green ?? 0,
  amber: r?.amber ?? 0,
  red: r?.red ?? 0,
  grey: r?.grey ?? 0,
  withdrawn: r?.withdrawn ?? 0,
  stopped: r?.stopped ?? 0,
  total: r?.total ?? 0,
});

const results = (r: FigureRow | undefined): ResultCounts => ({
  teams: r?.past100 ?? 0,
  achieved: r?.achieved ?? 0,
  partiallyAchieved: r?.partially ?? 0,
  notAchieved: r?.not_achieved ?? 0,
  awaitingOutcome: r?.awaiting ?? 0,
  sustaining: r?.sustaining ?? 0,
  sustained: r?.sustained ?? 0,
  scaled: r?.scaled ?? 0,
  lapsed: r?.lapsed ?? 0,
});

/**
 * The leadership dashboard (PRODUCT.md section 6): figures of every team the reader may see,
 * computed by a constant number of set-based statements whatever the number of cohorts and teams:
 * the cohorts (their calendars give today's day and date), every figure (`DASHBOARD_SQL`), and the
 * names of pillars and agencies. The teams behind a figure are `teams()`.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async dashboard(actor: Actor, filter: DashboardFilter = {}): Promise<Dashboard> {
    const scope = dashboardScope(actor);
    const cohorts = await this.cohorts(filter.cohortId ?? null);
    const one = filter.cohortId ? cohorts.rows[0] : undefined;
    const weeks = one ? Math.min(WEEKS, Math.max(0, Math.ceil((cohorts.day.get(one.id) ?? 0) / 7))) : 0;
    const [figures, names] = await Promise.all([
      this.dataSource.query(DASHBOARD_SQL, [
        ...cohorts.params,
        ...this.scopeParams(actor),
        filter.pillarId ?? null,
        filter.agencyId ?? null,
        null,
        filter.cohortId ?? null,
        weeks,
      ]) as Promise<FigureRow[]>,
      this.dataSource.query(
        `SELECT 'pillar' AS kind, id, code, name_ar, name_en, sort FROM alignment_node WHERE level = 'PILLAR' AND active
         UNION ALL SELECT 'agency', id, code, name_ar, name_en, 0 FROM agency
         ORDER BY kind, sort, name_en`,
      ) as Promise<{ kind: string; id: string; code: string | null; name_ar: string; name_en: string }[]>,
    ]);
    const of = (kind: FigureRow['kind']) => new Map(figures.filter((r) => r.kind === kind).map((r) => [r.key!, r]));
    const all = figures.find((r) => r.kind === 'all');
    const byCohort = of('cohort');
    const bands = of('band');
    const pillars = of('pillar');
    const lead = of('lead');
    const partner = of('partner');
    const weekRows = of('week');
    return {
      everything: scope.everything,
      teams: standing(all),
      overdue: all?.overdue ?? 0,
      cohorts: cohorts.rows
        .filter((c) => scope.everything || byCohort.has(c.id))
        .map((c) => {
          const r = byCohort.get(c.id);
          const day = cohorts.day.get(c.id)!;
          return {
            cohortId: c.id,
            nameAr: c.name_ar,
            nameEn: c.name_en,
            state: c.state,
            day,
            teams: standing(r),
            overdue: r?.overdue ?? 0,
            attainment: round4(r?.att_mean ?? null),
            results: day > 100 ? results(r) : null,
          };
        }),
      attainment: {
        teams: all?.att_n ?? 0,
        mean: round4(all?.att_mean ?? null),
        bands: ATTAINMENT_BANDS.map((from, i) => ({
          from,
          to: ATTAINMENT_BANDS[i + 1] ?? null,
          teams: bands.get(String(i))?.total ?? 0,
        })),
      },
      byPillar: names
        .filter((n) => n.kind === 'pillar' && (scope.everything || pillars.has(n.id)))
        .map((n) => ({
          pillarId: n.id,
          code: n.code,
          nameAr: n.name_ar,
          nameEn: n.name_en,
          teams: standing(pillars.get(n.id)),
          attainment: round4(pillars.get(n.id)?.att_mean ?? null),
        })),
      byAgency: names
        .filter((n) => n.kind === 'agency' && (lead.has(n.id) || partner.has(n.id)))
        .map((n) => ({
          agencyId: n.id,
          code: n.code ?? '',
          nameAr: n.name_ar,
          nameEn: n.name_en,
          lead: standing(lead.get(n.id)),
          partner: standing(partner.get(n.id)),
          attainment: round4(lead.get(n.id)?.att_mean ?? null),
        })),
      trend: Array.from({ length: weeks }, (_, i) => ({
        week: i + 1,
        endsOn: minDate(addDays(one!.day1, (i + 1) * 7 - 1), cohorts.params[2][0]!),
        teams: standing(weekRows.get(String(i + 1))),
      })),
      results: results(all),
    };
  }

  /** The teams behind one figure, by name: the same facts, the figure's condition, one page. */
  async teams(actor: Actor, filter: DashboardTeamsFilter = {}, page = { limit: 50, offset: 0 }): Promise<Team[]> {
    const cohorts = await this.cohorts(filter.cohortId ?? null);
    const ids = (
      (await this.dataSource.query(DASHBOARD_TEAMS_SQL, [
        ...cohorts.params,
        ...this.scopeParams(actor),
        filter.pillarId ?? null,
        filter.agencyId ?? null,
        filter.agencyId ? (filter.agencyRole ?? null) : null,
        filter.cohortId ?? null,
        filter.standing ?? null,
        filter.attainmentBand ?? null,
        filter.result ?? null,
        filter.overdue ?? null,
        page.limit,
        page.offset,
      ])) as { id: string }[]
    ).map((r) => r.id);
    if (ids.length === 0) return [];
    const teams = new Map((await this.dataSource.getRepository(Team).findBy({ id: In(ids) })).map((t) => [t.id, t]));
    return ids.map((id) => teams.get(id)!);
  }

  private scopeParams(actor: Actor): [boolean, string | null, string] {
    const scope = dashboardScope(actor);
    return scope.everything ? [true, null, actor.id] : [false, scope.leadAgencyId, actor.id];
  }

  /** The cohorts in view (one, or all, the most recent day 1 first) with today's day and date in each. */
  private async cohorts(cohortId: string | null): Promise<CohortFacts> {
    const rows = (await this.dataSource.query(
      `SELECT id, name_ar, name_en, state, to_char(day1, 'YYYY-MM-DD') AS day1, time_zone, weekend_days, holidays, offsets, rag_thresholds
         FROM cohort WHERE $1::uuid IS NULL OR id = $1 ORDER BY day1 DESC, name_en`,
      [cohortId],
    )) as CohortRow[];
    const now = this.clock.now();
    const day = new Map<string, number>();
    const params: CohortFacts['params'] = [[], [], [], [], [], [], []];
    // Today's local date once per time zone (resolving a zone is what costs), then day N by date
    // arithmetic; a cohort whose calendar cannot be read counts as before day 1, as elsewhere.
    const todayIn = new Map<string, string | null>();
    for (const c of rows) {
      if (!todayIn.has(c.time_zone)) {
        const cal = calendarOf(c as unknown as Record<string, unknown>);
        const known = !calendarProblems({ ...cal, day1: '2000-01-01', holidays: [] }).some(
          (p) => p.code === 'UNKNOWN_TIME_ZONE',
        );
        todayIn.set(c.time_zone, known ? localDateOf(cal, now) : null);
      }
      const today = todayIn.get(c.time_zone) ?? null;
      const d = today !== null && /^\d{4}-\d{2}-\d{2}$/.test(c.day1) ? dayOfLocalDate(c.day1, today) : 0;
      day.set(c.id, d);
      params[0].push(c.id);
      params[1].push(d);
      params[2].push(today ?? now.toISOString().slice(0, 10));
      params[3].push(c.day1);
      params[4].push(c.rag_thresholds.green);
      params[5].push(c.rag_thresholds.amber);
      params[6].push(c.rag_thresholds.staleDays);
    }
    return { rows, day, params };
  }
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
