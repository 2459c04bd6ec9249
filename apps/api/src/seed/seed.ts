import argon2 from 'argon2';
import type { DataSource } from 'typeorm';

import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';

/**
 * Demo data, idempotent: agencies by code and users by e-mail are created when missing and
 * left alone when present, so running it again never overwrites what people changed.
 */
export async function seed(dataSource: DataSource, argon2MemoryKib: number): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const a of DEMO_AGENCIES) {
      await manager.query(
        `INSERT INTO agency (code, name_ar, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [a.code, a.nameAr, a.nameEn],
      );
    }
    const hash = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: argon2MemoryKib,
      timeCost: 2,
      parallelism: 1,
    });
    for (const u of DEMO_USERS) {
      const rows = (await manager.query(
        `INSERT INTO app_user (email, name_ar, name_en, agency_id, preferred_language, roles, password_hash)
         SELECT $1, $2, $3, id, $5, $6, $7 FROM agency WHERE code = $4
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [u.email, u.nameAr, u.nameEn, u.agency, u.preferredLanguage, u.roles, hash],
      )) as { id: string }[];
      const id = rows[0]?.id;
      if (!id) continue;
      await manager.query(
        `INSERT INTO audit_event (occurred_at, actor_id, action, subject_type, subject_id, data)
         VALUES (now(), NULL, 'user.created', 'user', $1, $2::jsonb)`,
        [id, JSON.stringify({ email: u.email, roles: u.roles, source: 'seed' })],
      );
      await manager.query(
        `INSERT INTO notification (user_id, kind, dedupe_key, params, created_at)
         VALUES ($1, 'WELCOME', $2, $3::jsonb, now()) ON CONFLICT (dedupe_key) DO NOTHING`,
        [id, `welcome-${id}`, JSON.stringify({ nameAr: u.nameAr, nameEn: u.nameEn, roles: u.roles })],
      );
    }
  });
}
