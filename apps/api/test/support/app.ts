import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import type { GlobalRole } from '@hundred/domain';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';

import { start, type Started } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { createAppDataSource } from '../../src/manifest.js';
import { JsonLogger } from '../../src/logging/json-logger.js';
import { GqlClient } from './gql.js';

export interface TestApp extends Started {
  url: string;
  dataSource: DataSource;
  client(): GqlClient;
  /** A user inserted directly, with a signed-in client. */
  signedIn(roles: GlobalRole[], over?: Partial<TestUserSpec>): Promise<{ user: TestUser; client: GqlClient }>;
  createUser(roles: GlobalRole[], over?: Partial<TestUserSpec>): Promise<TestUser>;
  createAgency(code?: string): Promise<{ id: string; code: string }>;
}

export interface TestUserSpec {
  email: string;
  password: string;
  agencyId: string;
  nameAr: string;
  nameEn: string;
  preferredLanguage: 'ar' | 'en';
}
export interface TestUser extends TestUserSpec {
  id: string;
  roles: GlobalRole[];
}

let agencySeq = 0;
let migrated = false;

/** Applies the migrations to the run's database (idempotent; quick when up to date). */
export async function migrateOnce(url: string): Promise<void> {
  if (migrated) return;
  const ds = await createAppDataSource(url, 'hundred-test-migrate').initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    migrated = true;
  } finally {
    await ds.destroy();
  }
}

/** Starts the real application (HTTP and, by default, the worker) on a free port against the test database. */
export async function startTestApp(
  options: { role?: 'api' | 'all'; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = loadConfig({ ...process.env, PORT: '0', ...options.env });
  await migrateOnce(config.databaseUrl);
  const started = await start(options.role ?? 'all', config, new JsonLogger(config.logLevel, { test: true }));
  const dataSource = started.app.get(DataSource);
  const hash = await argon2.hash('Passw0rd-test', {
    type: argon2.argon2id,
    memoryCost: 4096,
    timeCost: 2,
    parallelism: 1,
  });

  const app: TestApp = {
    ...started,
    url: started.url!,
    dataSource,
    client: () => new GqlClient(started.url!),
    async createAgency(code?: string) {
      const c =
        code ??
        `T${process.pid % 1000}${(++agencySeq).toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`;
      const [row] = (await dataSource.query(
        `INSERT INTO agency (code, name_ar, name_en) VALUES ($1, 'جهة اختبار', 'Test agency') RETURNING id`,
        [c],
      )) as { id: string }[];
      return { id: row!.id, code: c };
    },
    async createUser(roles, over = {}) {
      const agencyId = over.agencyId ?? (await app.createAgency()).id;
      const spec: TestUserSpec = {
        email: over.email ?? `user-${randomUUID()}@test.example`,
        password: 'Passw0rd-test',
        agencyId,
        nameAr: over.nameAr ?? 'مستخدم اختبار',
        nameEn: over.nameEn ?? 'Test User',
        preferredLanguage: over.preferredLanguage ?? 'ar',
      };
      const [row] = (await dataSource.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [spec.email, spec.nameAr, spec.nameEn, spec.agencyId, spec.preferredLanguage, roles, hash],
      )) as { id: string }[];
      return { ...spec, id: row!.id, roles };
    },
    async signedIn(roles, over) {
      const user = await app.createUser(roles, over);
      const client = app.client();
      await client.signIn(user.email, user.password);
      return { user, client };
    },
  };
  return app;
}
