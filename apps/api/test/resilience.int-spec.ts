import pg from 'pg';
import { Redis } from 'ioredis';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { QueueService as QueueServiceToken } from '../src/jobs/queue.service.js';
import { startTestApp, type TestApp } from './support/app.js';
import {
  advanceTo,
  createCohort,
  dateFromNow,
  deadlinesOf,
  eventually,
  insertCohort,
  readCohort,
} from './support/cohorts.js';
import { freePort, run, startWorker } from './support/processes.js';

const countOf = async (app: TestApp, sql: string, params: unknown[]) =>
  ((await app.dataSource.query(sql, params)) as { n: number }[])[0]!.n;

/**
 * Earlier test files leave overdue deadlines behind; a worker starting here would work through
 * all of them first. These tests start from a quiet system: nothing pending but their own.
 */
async function quiesce(): Promise<void> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT to_regclass('deadline') IS NOT NULL AS migrated`);
    if (!rows[0]?.migrated) return; // the first test file of the run: nothing left behind yet
    await db.query(`UPDATE deadline SET state = 'CANCELLED', settled_at = now() WHERE state = 'PENDING'`);
    await db.query(`UPDATE outbox_message SET relayed_at = now() WHERE relayed_at IS NULL`);
  } finally {
    await db.end();
  }
}

/** A Redis server of the test's own (no persistence), so that stopping or emptying it touches nothing else. */
async function ownRedis(port: number) {
  const server = run(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
  );
  await server.waitFor('Ready to accept connections');
  return server;
}

describe('deadlines survive crashes and a lost Redis, and fire once', () => {
  beforeEach(quiesce);

  it('fires a deadline once when the worker handling it is killed with SIGKILL half-way', async () => {
    // The API alone: jobs are handled by worker processes started here.
    const app = await startTestApp({ role: 'api' });
    const lock = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await lock.connect();
    let worker2: ReturnType<typeof startWorker> | undefined;
    try {
      const { client: office, user: admin } = await app.signedIn(['ADMIN']);
      const cohort = await createCohort(office, await dateFromNow(office, 50));
      const open = (await deadlinesOf(app.dataSource, cohort.id)).find((d) => d.kind === 'COHORT_OPEN_INTAKE')!;

      const worker1 = startWorker({ WORKER_LOCK_MS: '2000' });
      await worker1.waitFor('Hundred started');
      // Hold the cohort so the worker's transaction stops in the middle of the job.
      await lock.query('BEGIN');
      await lock.query('SELECT id FROM cohort WHERE id = $1 FOR UPDATE', [cohort.id]);
      await advanceTo(office, open.original_due_at);
      await eventually(
        async () => {
          const rows = await lock.query(
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'hundred-worker' AND wait_event_type = 'Lock'`,
          );
          return (rows.rowCount ?? 0) > 0;
        },
        15_000,
        'the worker waiting inside the job',
      );
      worker1.child.kill('SIGKILL');
      await worker1.exited;
      await lock.query('ROLLBACK');

      // Nothing was half-written.
      expect((await readCohort(office, cohort.id)).state).toBe('DRAFT');
      const [pending] = (await app.dataSource.query(`SELECT state FROM deadline WHERE id = $1`, [open.id])) as {
        state: string;
      }[];
      expect(pending!.state).toBe('PENDING');

      // Another worker takes the stalled job over once its lock expires.
      worker2 = startWorker({ WORKER_LOCK_MS: '2000' });
      await worker2.waitFor('Hundred started');
      await eventually(
        async () => (await readCohort(office, cohort.id)).state === 'INTAKE',
        20_000,
        'the intake opening',
      );
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await readCohort(office, cohort.id)).history.map((h) => h.event)).toEqual(['OPEN_INTAKE']);
      expect(
        await countOf(
          app,
          `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND subject_id = $2 AND kind = 'COHORT_INTAKE_OPENED'`,
          [admin.id, cohort.id],
        ),
      ).toBe(1);
      const [fired] = (await app.dataSource.query(`SELECT state FROM deadline WHERE id = $1`, [open.id])) as {
        state: string;
      }[];
      expect(fired!.state).toBe('FIRED');
    } finally {
      worker2?.child.kill('SIGTERM');
      await worker2?.exited;
      await lock.end();
      await app.close();
    }
  });

  it('restores pending deadlines after Redis is emptied (FLUSHALL), and they fire', async () => {
    // A Redis of this test's own, so that emptying it touches nothing else.
    const port = await freePort();
    const redisServer = run(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
    );
    await redisServer.waitFor('Ready to accept connections');
    const redisUrl = `redis://127.0.0.1:${port}/0`;
    const redis = new Redis(redisUrl);
    let app = await startTestApp({ role: 'all', env: { REDIS_URL: redisUrl } });
    try {
      const { client: firstOffice, user: admin } = await app.signedIn(['ADMIN']);
      const cohort = await createCohort(firstOffice, await dateFromNow(firstOffice, 50));
      const delayed = () => app.app.get(QueueServiceToken).queues.deadlines.getDelayedCount();
      await eventually(async () => (await delayed()) >= 11, 10_000, 'the jobs in Redis');

      await redis.flushall();
      expect(await delayed()).toBe(0);

      // A worker starting (as after an outage) runs the reconciler first.
      await app.close();
      app = await startTestApp({ role: 'all', env: { REDIS_URL: redisUrl } });
      const pending = await countOf(app, `SELECT count(*)::int AS n FROM deadline WHERE state = 'PENDING'`, []);
      await eventually(async () => (await delayed()) === pending, 10_000, 'the jobs restored');
      const office = app.client();
      await office.signIn(admin.email, admin.password);

      const open = (await deadlinesOf(app.dataSource, cohort.id)).find((d) => d.kind === 'COHORT_OPEN_INTAKE')!;
      await advanceTo(office, open.original_due_at);
      await eventually(
        async () => (await readCohort(office, cohort.id)).state === 'INTAKE',
        15_000,
        'the intake opening',
      );
      expect((await readCohort(office, cohort.id)).history.map((h) => h.event)).toEqual(['OPEN_INTAKE']);
    } finally {
      await app.close();
      redis.disconnect();
      redisServer.child.kill('SIGTERM');
      await redisServer.exited;
    }
  });

  it('heals a running worker after FLUSHALL, without a restart: schedulers back, deadlines restored, and they fire', async () => {
    const redisServer = await ownRedis(16421);
    const redisUrl = `redis://127.0.0.1:16421/0`;
    const redis = new Redis(redisUrl);
    const app = await startTestApp({ role: 'all', env: { REDIS_URL: redisUrl, WATCHDOG_INTERVAL_MS: '500' } });
    try {
      const { client: office } = await app.signedIn(['ADMIN']);
      const cohort = await createCohort(office, await dateFromNow(office, 50));
      const queues = app.app.get(QueueServiceToken).queues;
      const delayed = () => queues.deadlines.getDelayedCount();
      await eventually(async () => (await delayed()) >= 11, 10_000, 'the jobs in Redis');

      await redis.flushall();
      const pending = await countOf(app, `SELECT count(*)::int AS n FROM deadline WHERE state = 'PENDING'`, []);
      // The same worker notices (its watchdog finds the job schedulers gone) and reconciles.
      await eventually(async () => (await delayed()) === pending, 15_000, 'the jobs restored');
      expect(await queues.system.getJobScheduler('deadline-reconcile')).toBeDefined();
      expect(await queues.system.getJobScheduler('outbox-relay')).toBeDefined();

      const open = (await deadlinesOf(app.dataSource, cohort.id)).find((d) => d.kind === 'COHORT_OPEN_INTAKE')!;
      await advanceTo(office, open.original_due_at);
      await eventually(
        async () => (await readCohort(office, cohort.id)).state === 'INTAKE',
        15_000,
        'the intake opening',
      );
      expect((await readCohort(office, cohort.id)).history.map((h) => h.event)).toEqual(['OPEN_INTAKE']);
    } finally {
      await app.close();
      redis.disconnect();
      redisServer.child.kill('SIGTERM');
      await redisServer.exited;
    }
  });

  it('answers a write while Redis is down, and delivers its jobs once Redis is back', async () => {
    let redisServer = await ownRedis(16422);
    const redisUrl = `redis://127.0.0.1:16422/0`;
    const app = await startTestApp({ role: 'all', env: { REDIS_URL: redisUrl, WATCHDOG_INTERVAL_MS: '500' } });
    try {
      const { client: office } = await app.signedIn(['ADMIN']);
      const day1 = await dateFromNow(office, 50);
      redisServer.child.kill('SIGTERM');
      await redisServer.exited;

      // Committed and answered while Redis cannot be reached: the relay is left to the background.
      const cohort = await createCohort(office, day1);
      expect(cohort.deadlines.length).toBeGreaterThanOrEqual(11);
      const [{ waiting }] = (await app.dataSource.query(
        `SELECT count(*)::int AS waiting FROM outbox_message o JOIN deadline d ON o.job_id = 'deadline-' || d.id || '-' || d.seq
          WHERE d.cohort_id = $1 AND o.relayed_at IS NULL`,
        [cohort.id],
      )) as { waiting: number }[];
      expect(waiting).toBe(cohort.deadlines.length);

      const backAt = new Date();
      redisServer = await ownRedis(16422);
      const queues = app.app.get(QueueServiceToken).queues;
      await eventually(
        async () => {
          const rows = (await app.dataSource.query(
            `SELECT o.relayed_at FROM outbox_message o JOIN deadline d ON o.job_id = 'deadline-' || d.id || '-' || d.seq
              WHERE d.cohort_id = $1`,
            [cohort.id],
          )) as { relayed_at: Date | null }[];
          return rows.every((r) => r.relayed_at !== null);
        },
        20_000,
        'the outbox relayed',
      );
      // relayed_at says when Redis accepted the jobs, not when the write's transaction began.
      const relayed = (await app.dataSource.query(
        `SELECT min(o.relayed_at) AS first FROM outbox_message o JOIN deadline d ON o.job_id = 'deadline-' || d.id || '-' || d.seq
          WHERE d.cohort_id = $1`,
        [cohort.id],
      )) as { first: Date }[];
      expect(relayed[0]!.first.getTime()).toBeGreaterThanOrEqual(backAt.getTime() - 1_000);
      for (const d of await deadlinesOf(app.dataSource, cohort.id)) {
        expect(await queues.deadlines.getJob(`deadline-${d.id}-${d.seq}`)).toBeDefined();
      }
    } finally {
      await app.close();
      redisServer.child.kill('SIGTERM');
      await redisServer.exited;
    }
  });

  it('says degraded on /health when a deadline is overdue, with the figures on /health/details', async () => {
    const app = await startTestApp({ role: 'api' });
    try {
      const cohortId = await insertCohort(app.dataSource, 'Health cohort');
      const get = async (path: string) => {
        const res = await fetch(`${app.url}${path}`);
        return { code: res.status, body: (await res.json()) as Record<string, unknown> & { over?: string[] } };
      };
      expect((await get('/health')).body.over ?? []).not.toContain('overdueDeadlines');

      // Due two minutes ago and not fired (no worker runs here).
      await app.dataSource.query(
        `INSERT INTO deadline (cohort_id, subject_type, subject_id, kind, key, grp, original_due_at, due_at)
         VALUES ($1, 'cohort', $1, 'HEALTH_TEST', 'health', 'COHORT_CALENDAR', $2, $2)`,
        [cohortId, new Date(Date.now() - 120_000)],
      );
      const health = await get('/health');
      expect(health.code).toBe(200);
      expect(health.body.status).toBe('degraded');
      expect(health.body.over).toContain('overdueDeadlines');
      const details = (await get('/health/details')).body as {
        status: string;
        delivery: {
          overdueDeadlines: number;
          pendingDeadlines: number;
          outboxBacklog: number;
          failedJobs: number | null;
        };
      };
      expect(details.status).toBe('degraded');
      expect(details.delivery.overdueDeadlines).toBe(1);
      expect(details.delivery.pendingDeadlines).toBeGreaterThanOrEqual(1);
      expect(typeof details.delivery.outboxBacklog).toBe('number');
      expect(typeof details.delivery.failedJobs).toBe('number');
    } finally {
      await app.dataSource.query(
        `UPDATE deadline SET state = 'CANCELLED', settled_at = now() WHERE kind = 'HEALTH_TEST'`,
      );
      await app.close();
    }
  });

  it('e-mails each notification once, in the recipient language, through SMTP', async () => {
    const received: ParsedMail[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    const app = await startTestApp({ role: 'all', env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const { client: office, user: arabic } = await app.signedIn(['ADMIN'], { preferredLanguage: 'ar' });
      const { user: english } = await app.signedIn(['ADMIN'], { preferredLanguage: 'en' });
      const cohort = await createCohort(office, await dateFromNow(office, 80));
      await office.data(`mutation ($input: CohortEventInput!) { openCohortIntake(input: $input) { state } }`, {
        input: { id: cohort.id, version: cohort.version },
      });
      const to = (email: string) => received.filter((m) => m.to && JSON.stringify(m.to).includes(email));
      await eventually(
        async () => to(arabic.email).length >= 1 && to(english.email).length >= 1,
        15_000,
        'both e-mails',
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(to(arabic.email)).toHaveLength(1);
      expect(to(english.email)).toHaveLength(1);
      const ar = to(arabic.email)[0]!;
      const en = to(english.email)[0]!;
      expect(ar.subject).toMatch(/^بدأ استقبال التحديات: الدفعة التجريبية \d+$/);
      expect(ar.html).toContain('dir="rtl"');
      expect(ar.text).toContain('يمكن للجهات الآن تقديم تحدياتها');
      expect(en.subject).toMatch(/^Intake is open: Test cohort \d+$/);
      expect(en.html).toContain('dir="ltr"');
      expect(ar.messageId).toMatch(/^<notification-[0-9a-f-]+@hundred>$/);
      const states = (await app.dataSource.query(
        `SELECT email_state FROM notification WHERE subject_id = $1 AND user_id = ANY($2::uuid[])`,
        [cohort.id, [arabic.id, english.id]],
      )) as { email_state: string }[];
      expect(states.map((s) => s.email_state)).toEqual(['SENT', 'SENT']);
    } finally {
      await app.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
