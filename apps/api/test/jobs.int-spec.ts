import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { loadConfig } from '../src/config/config.js';
import { CoreModule } from '../src/core.module.js';
import { ExportsModule } from '../src/exports/exports.module.js';
import { IdentityModule } from '../src/identity/identity.module.js';
import { FEATURE_MODULES, WORKER_MODULES } from '../src/manifest.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { createProducer, createRedis } from '../src/redis/redis.js';
import { startTestApp, type TestApp } from './support/app.js';

async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('jobs through BullMQ on real Redis', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
  });
  afterAll(() => app.close());

  it('welcomes a new user: outbox row in the same transaction, relayed, handled by the worker, once', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const agency = await app.createAgency();
    const email = `welcome-${Date.now()}@test.example`;
    const { createUser } = await office.data<{ createUser: { id: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email,
          nameAr: 'منى الزعبي',
          nameEn: 'Muna Al-Zoubi',
          agencyId: agency.id,
          preferredLanguage: 'ar',
          roles: ['FOCAL_POINT'],
          password: 'Welcome-2026-x',
        },
      },
    );
    const [outbox] = (await app.dataSource.query(`SELECT job_name, job_id FROM outbox_message WHERE job_id = $1`, [
      `welcome-${createUser.id}`,
    ])) as { job_name: string; job_id: string }[];
    expect(outbox).toEqual({ job_name: 'notification.welcome', job_id: `welcome-${createUser.id}` });

    const newcomer = app.client();
    await newcomer.signIn(email, 'Welcome-2026-x');
    const notifications = await eventually(async () => {
      const { myNotifications } = await newcomer.data<{
        myNotifications: { id: string; kind: string; params: { nameEn: string } }[];
      }>(`{ myNotifications { id kind params readAt } }`);
      return myNotifications.length > 0 && myNotifications;
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: 'WELCOME', params: { nameEn: 'Muna Al-Zoubi' } });

    // Relaying the same job again (a crash after enqueue, before marking) adds nothing.
    await app.dataSource.query(`UPDATE outbox_message SET relayed_at = NULL WHERE job_id = $1`, [
      `welcome-${createUser.id}`,
    ]);
    await app.app.get(OutboxService).relayAll();
    await new Promise((r) => setTimeout(r, 500));
    const [{ n }] = (await app.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [
      createUser.id,
    ])) as { n: number }[];
    expect(n).toBe(1);

    const { markNotificationsRead } = await newcomer.data<{ markNotificationsRead: number }>(
      `mutation { markNotificationsRead }`,
    );
    expect(markNotificationsRead).toBe(1);
    expect(
      (await newcomer.data<{ myUnreadNotificationCount: number }>(`{ myUnreadNotificationCount }`))
        .myUnreadNotificationCount,
    ).toBe(0);
  });

  it('relays what a process committed but never enqueued, through the periodic relay', async () => {
    const user = await app.createUser([]);
    // As if the API died right after its commit: the row is there, nothing in Redis.
    await app.dataSource.query(
      `INSERT INTO outbox_message (job_name, job_id, payload) VALUES ('notification.welcome', $1, $2::jsonb)`,
      [`welcome-${user.id}`, JSON.stringify({ userId: user.id })],
    );
    await eventually(async () => {
      const rows = (await app.dataSource.query(`SELECT 1 FROM notification WHERE user_id = $1`, [
        user.id,
      ])) as unknown[];
      return rows.length === 1;
    });
  });

  it('refuses to start a worker when a job name has no handler', async () => {
    const config = loadConfig({ ...process.env });
    const redis = createRedis(config.redisUrl, 'test-coverage');
    // The test owns the connections: an app that fails to start closes nothing.
    const producer = createProducer(redis, config);
    // Everything but the identity feature (and the exports, which import it for sessions and
    // people): its "notification.welcome" has no handler.
    const infra = CoreModule.forConfig({ ...config, clockControl: false }, 'worker', {
      dataSource: app.dataSource,
      redis,
      producer,
    });
    try {
      await expect(
        NestFactory.createApplicationContext(
          {
            module: class WorkerOnly {},
            imports: [
              infra,
              ...FEATURE_MODULES.filter((m) => m !== IdentityModule && m !== ExportsModule),
              ...WORKER_MODULES,
            ],
          },
          { logger: false, abortOnError: false },
        ),
      ).rejects.toThrow('job "notification.welcome" has no handler');
    } finally {
      producer.disconnect();
      redis.disconnect();
    }
  });
});
