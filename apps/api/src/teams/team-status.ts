import { calendarProblems, dayOf, kpiRag, localDateOf, worstRag, type Rag } from '@hundred/domain';

import type { Clock } from '../common/clock.js';
import { calendarOf } from '../cohorts/cohort.entity.js';
import { COHORT } from '../cohorts/cohort.loaders.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import type { Goal, Kpi } from './team.types.js';
import { KPIS_BY_GOAL, LATEST_VALUE, TEAM } from './teams.loaders.js';

/**
 * What one request has worked out already: the calendar facts of each cohort and the status of
 * each KPI, asked for again by the KPI, its goal and its team. Kept with the request's context.
 */
const memos = new WeakMap<RequestContext, Map<string, Promise<unknown>>>();
function memo<T>(ctx: RequestContext, key: string, work: () => Promise<T>): Promise<T> {
  let cache = memos.get(ctx);
  if (!cache) memos.set(ctx, (cache = new Map()));
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) cache.set(key, (hit = work()));
  return hit;
}

/** The day of the 100 and the local date today, and the thresholds, for a team's cohort. */
export async function ragContext(ctx: RequestContext, clock: Clock, teamId: string) {
  const team = (await ctx.loaders.get(TEAM).load(teamId))!;
  return memo(ctx, `cohort:${team.cohortId}`, async () => {
    const cohort = (await ctx.loaders.get(COHORT).load(team.cohortId))!;
    const cal = calendarOf(cohort);
    const now = clock.now();
    const usable = calendarProblems(cal).every((p) => !['UNKNOWN_TIME_ZONE', 'BAD_DATE'].includes(p.code));
    return {
      day: usable ? dayOf(cal, now) : 0,
      today: usable ? localDateOf(cal, now) : now.toISOString().slice(0, 10),
      thresholds: cohort.ragThresholds,
    };
  });
}

export function kpiStatus(ctx: RequestContext, clock: Clock, kpi: Kpi): Promise<Rag> {
  return memo(ctx, `kpi:${kpi.id}`, async () => {
    const { day, today, thresholds } = await ragContext(ctx, clock, kpi.teamId);
    const latest = await ctx.loaders.get(LATEST_VALUE).load(kpi.id);
    return kpiRag(kpi, latest, day, today, thresholds).status;
  });
}

export async function goalStatus(ctx: RequestContext, clock: Clock, goal: Goal): Promise<Rag> {
  const kpis = await ctx.loaders.get(KPIS_BY_GOAL).load(goal.id);
  return worstRag(await Promise.all(kpis.map((k) => kpiStatus(ctx, clock, k))));
}
