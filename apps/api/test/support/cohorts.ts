import { DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS } from '@hundred/domain';
import type { DataSource } from 'typeorm';

import type { GqlClient } from './gql.js';

export const COHORT_FIELDS = `id state version day1 currentDay
  availableEvents { event blockedBy blockedReasons }
  calendarProblems { field code message }
  deadlines { id kind state dueAt nextCheckAt day blockedBy }
  history { event fromState toState caller reason actor { id } }`;

export interface CohortView {
  id: string;
  state: string;
  version: number;
  day1: string;
  currentDay: number;
  availableEvents: { event: string; blockedBy: string[]; blockedReasons: string[] }[];
  calendarProblems: { field: string; code: string; message: string }[];
  deadlines: {
    id: string;
    kind: string;
    state: string;
    dueAt: string;
    nextCheckAt: string;
    day: number;
    blockedBy: string[];
  }[];
  history: {
    event: string;
    fromState: string;
    toState: string;
    caller: string;
    reason: string | null;
    actor: { id: string } | null;
  }[];
}

/** The clock of the app under test. */
export async function clockNow(client: GqlClient): Promise<Date> {
  const { clock } = await client.data<{ clock: { now: string } }>(`{ clock { now } }`);
  return new Date(clock.now);
}

/** A local date `days` days after the clock's today (UTC date arithmetic is enough here). */
export async function dateFromNow(client: GqlClient, days: number): Promise<string> {
  const now = await clockNow(client);
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A DRAFT cohort written straight to the database (day 1 on 1 January 2030), for tests that need a
 * cohort to hang rows on and no calendar of deadlines. It has a whole calendar: the suites of a run
 * share the database, and the dashboard and My tasks read every cohort.
 */
export async function insertCohort(dataSource: DataSource, nameEn: string): Promise<string> {
  const [cohort] = (await dataSource.query(
    `INSERT INTO cohort (name_ar, name_en, day1, time_zone, weekend_days, offsets, rubric, rag_thresholds, min_reviewers,
                         approvals_required, min_team_members, min_team_agencies)
     VALUES ($1, $1, '2030-01-01', 'Asia/Amman', '{5,6}', $2, '[]', $3, 2, 1, 3, 2) RETURNING id`,
    [nameEn, DEFAULT_OFFSETS, DEFAULT_RAG_THRESHOLDS],
  )) as { id: string }[];
  return cohort!.id;
}

let seq = 0;
export async function createCohort(
  office: GqlClient,
  day1: string,
  extra: Record<string, unknown> = {},
): Promise<CohortView> {
  seq++;
  const { createCohort } = await office.data<{ createCohort: CohortView }>(
    `mutation ($input: CreateCohortInput!) { createCohort(input: $input) { ${COHORT_FIELDS} } }`,
    {
      input: {
        nameAr: `الدفعة التجريبية ${seq}`,
        nameEn: `Test cohort ${seq}`,
        day1,
        timeZone: 'Asia/Amman',
        weekendDays: [5, 6],
        holidays: [],
        ...extra,
      },
    },
  );
  return createCohort;
}

export async function readCohort(client: GqlClient, id: string): Promise<CohortView> {
  return (
    await client.data<{ cohort: CohortView }>(`query ($id: UUID!) { cohort(id: $id) { ${COHORT_FIELDS} } }`, { id })
  ).cohort;
}

/** Moves the clock forward to just after an instant (by whole minutes). */
export async function advanceTo(office: GqlClient, instant: Date, afterMs = 60_000): Promise<void> {
  const now = await clockNow(office);
  const minutes = Math.ceil((instant.getTime() + afterMs - now.getTime()) / 60_000);
  if (minutes <= 0) return;
  await office.data(`mutation ($input: AdvanceClockInput!) { advanceClock(input: $input) { now } }`, {
    input: { days: Math.floor(minutes / 1440), minutes: minutes % 1440 },
  });
}

export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface DeadlineDb {
  id: string;
  kind: string;
  state: string;
  seq: number;
  checks: number;
  original_due_at: Date;
  due_at: Date;
  blocked_by: string[] | null;
}

export async function deadlinesOf(ds: DataSource, cohortId: string): Promise<DeadlineDb[]> {
  return (await ds.query(
    `SELECT id, kind, state, seq, checks, original_due_at, due_at, blocked_by FROM deadline WHERE cohort_id = $1 ORDER BY original_due_at, kind`,
    [cohortId],
  )) as DeadlineDb[];
}

/** Waits until a deadline is no longer pending at the given seq (fired, skipped, or moved to a re-check). */
export async function settled(ds: DataSource, id: string, seq: number): Promise<DeadlineDb> {
  return eventually(
    async () => {
      const [d] = (await ds.query(`SELECT * FROM deadline WHERE id = $1`, [id])) as DeadlineDb[];
      return d && (d.state !== 'PENDING' || d.seq !== seq) ? d : undefined;
    },
    15_000,
    `deadline ${id} settled`,
  );
}
