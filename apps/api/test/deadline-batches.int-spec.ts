import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import { DelayedError, type Job } from 'bullmq';
import type { EntityManager } from 'typeorm';

import { Clock } from '../src/common/clock.js';
import { DeadlineActions } from '../src/deadlines/deadline-actions.js';
import { DeadlineFireHandler } from '../src/deadlines/deadline-fire.handler.js';
import { startTestApp, type TestApp } from './support/app.js';
import { insertCohort } from './support/cohorts.js';

/**
 * The fire handler's batches, driven directly: jobs that arrive together share one transaction,
 * each deadline fires once, and every job learns what became of its deadline. The deadlines are
 * written without outbox rows, so only these calls deliver them.
 */
describe('deadline batches', () => {
  let app: TestApp;
  let handler: DeadlineFireHandler;
  const table = `test_fired_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let cohortId: string;
  let flakyRuns = 0;

  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
    handler = app.app.get(DeadlineFireHandler);
    await app.dataSource.query(`CREATE TABLE ${table} (deadline_id uuid NOT NULL, kind text NOT NULL, txid bigint)`);
    const record = (kind: string) => async (manager: EntityManager, d: { id: string }) => {
      await manager.query(`INSERT INTO ${table} (deadline_id, kind, txid) VALUES ($1, $2, txid_current())`, [
        d.id,
        kind,
      ]);
      return { status: 'FIRED' as const };
    };
    const actions = app.app.get(DeadlineActions);
    actions.register('TEST_BATCH_PING', record('TEST_BATCH_PING'));
    actions.register('TEST_BATCH_ALONE', record('TEST_BATCH_ALONE'), { batchable: false });
    // Fails the first time it runs, then works.
    actions.register('TEST_BATCH_FLAKY', async (manager, d) => {
      if (++flakyRuns === 1) throw new Error('the first run fails');
      return record('TEST_BATCH_FLAKY')(manager, d);
    });
    cohortId = await insertCohort(app.dataSource, 'Batches cohort');
  });
  afterAll(async () => {
    await app.dataSource.query(`DELETE FROM deadline WHERE cohort_id = $1`, [cohortId]);
    await app.dataSource.query(`DELETE FROM cohort WHERE id = $1`, [cohortId]);
    await app.dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await app.close();
  });

  /**
   * A pending deadline due `inMs` from now (negative: overdue), with no job. Now is the business
   * clock's, as the handler reads it: other suites of the run move it.
   */
  async function deadline(kind: string, inMs: number, state = 'PENDING'): Promise<{ id: string; seq: number }> {
    const clock = app.app.get(Clock);
    await clock.refresh();
    const due = new Date(clock.now().getTime() + inMs);
    const [row] = (await app.dataSource.query(
      `INSERT INTO deadline (cohort_id, subject_type, subject_id, kind, key, grp, original_due_at, due_at, params, state)
       VALUES ($1, 'test', $2, $3, $3, 'COHORT_CALENDAR', $4, $4, $5::jsonb, $6) RETURNING id, seq`,
      [cohortId, randomUUID(), kind, due, JSON.stringify({ rule: { rule: 'AT', at: due.toISOString() } }), state],
    )) as { id: string; seq: number }[];
    return row!;
  }

  function job() {
    const moved: number[] = [];
    return {
      moved,
      job: {
        moveToDelayed: async (at: number) => {
          moved.push(at);
        },
      } as unknown as Job,
    };
  }

  const fired = async (ids: string[]) =>
    (await app.dataSource.query(`SELECT deadline_id, kind, txid::text FROM ${table} WHERE deadline_id = ANY($1)`, [
      ids,
    ])) as { deadline_id: string; kind: string; txid: string }[];
  const states = async (ids: string[]) =>
    Object.fromEntries(
      (
        (await app.dataSource.query(`SELECT id, state FROM deadline WHERE id = ANY($1)`, [ids])) as {
          id: string;
          state: string;
        }[]
      ).map((r) => [r.id, r.state]),
    );

  it('fires the due deadlines of jobs that arrive together in one transaction, each once, and tells each job what became of its own', async () => {
    const a = await deadline('TEST_BATCH_PING', -50);
    const b = await deadline('TEST_BATCH_PING', -50);
    const c = await deadline('TEST_BATCH_PING', -50);
    const alone = await deadline('TEST_BATCH_ALONE', -50);
    const done = await deadline('TEST_BATCH_PING', -50, 'FIRED');
    const later = await deadline('TEST_BATCH_PING', 60_000);
    const jobs = [a, b, c, alone, done, later].map(() => job());
    const results = await Promise.allSettled(
      [a, b, c, alone, done, later].map((d, i) =>
        handler.handle({ deadlineId: d.id, seq: d.seq }, jobs[i]!.job, 'token'),
      ),
    );
    // The job that came a minute early went back to wait; the others completed.
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    expect((results[5] as PromiseRejectedResult).reason).toBeInstanceOf(DelayedError);
    expect(jobs[5]!.moved).toHaveLength(1);
    expect(jobs.slice(0, 5).every((j) => j.moved.length === 0)).toBe(true);

    const rows = await fired([a.id, b.id, c.id, alone.id, done.id, later.id]);
    expect(rows.map((r) => r.deadline_id).sort()).toEqual([a.id, b.id, c.id, alone.id].sort());
    const tx = (id: string) => rows.find((r) => r.deadline_id === id)!.txid;
    expect(tx(b.id)).toBe(tx(a.id));
    expect(tx(c.id)).toBe(tx(a.id));
    expect(tx(alone.id)).not.toBe(tx(a.id));
    expect(await states([a.id, b.id, c.id, alone.id, done.id, later.id])).toEqual({
      [a.id]: 'FIRED',
      [b.id]: 'FIRED',
      [c.id]: 'FIRED',
      [alone.id]: 'FIRED',
      [done.id]: 'FIRED',
      [later.id]: 'PENDING',
    });

    // Their jobs again (a retry, a stalled job run twice): nothing fires a second time.
    await Promise.all(
      [a, b, c, alone].map((d) => handler.handle({ deadlineId: d.id, seq: d.seq }, job().job, 'token')),
    );
    expect(await fired([a.id, b.id, c.id, alone.id])).toHaveLength(4);
  });

  it('leaves a deadline of another seq to its own job', async () => {
    const moved = await deadline('TEST_BATCH_PING', 60_000);
    await app.dataSource.query(
      `UPDATE deadline SET due_at = now() - interval '1 second', seq = seq + 1 WHERE id = $1`,
      [moved.id],
    );
    await handler.handle({ deadlineId: moved.id, seq: moved.seq }, job().job, 'token');
    expect(await fired([moved.id])).toEqual([]);
    await handler.handle({ deadlineId: moved.id, seq: moved.seq + 1 }, job().job, 'token');
    expect((await fired([moved.id])).map((r) => r.deadline_id)).toEqual([moved.id]);
  });

  it('fires each deadline of a failed batch alone, once', async () => {
    const flaky = await deadline('TEST_BATCH_FLAKY', -50);
    const ping = await deadline('TEST_BATCH_PING', -50);
    await Promise.all([flaky, ping].map((d) => handler.handle({ deadlineId: d.id, seq: d.seq }, job().job, 'token')));
    const rows = await fired([flaky.id, ping.id]);
    expect(rows.map((r) => r.kind).sort()).toEqual(['TEST_BATCH_FLAKY', 'TEST_BATCH_PING']);
    expect(rows[0]!.txid).not.toBe(rows[1]!.txid);
    expect(flakyRuns).toBe(2);
    expect(await states([flaky.id, ping.id])).toEqual({ [flaky.id]: 'FIRED', [ping.id]: 'FIRED' });
  });
});
