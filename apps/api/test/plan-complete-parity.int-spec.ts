import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import pg from 'pg';

import { contentComplete, type PlanRow } from '../src/sustainment/sustainment.service.js';
import { PLAN_CONTENT_COMPLETE_SQL } from '../src/tasks/tasks.service.js';

/**
 * "A sustainment plan with all its content" is stated twice: in TypeScript, where the pledge is
 * refused without it, and in SQL, where My tasks decides between "draft the plan" and "sign the
 * pledge". Both are asked about every combination of the four parts, in PostgreSQL's own types.
 */
describe('a sustainment plan complete, in My tasks and in the sustainment service', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  const combinations = Array.from({ length: 16 }, (_, i) => ({
    owner: (i & 1) !== 0,
    actions: (i & 2) !== 0,
    kpis: (i & 4) !== 0,
    checkpoints: (i & 8) !== 0,
  }));

  it.each(combinations)('owner $owner, actions $actions, KPIs $kpis, checkpoints $checkpoints', async (c) => {
    const plan = {
      owner_agency_id: c.owner ? randomUUID() : null,
      actions: c.actions ? [{ textAr: 'متابعة شهرية', textEn: 'Monthly follow-up', ownerAgencyId: randomUUID() }] : [],
      kpi_ids: c.kpis ? [randomUUID(), randomUUID()] : [],
      checkpoint_days: c.checkpoints ? [130, 190] : [],
    };
    const { rows } = await client.query<{ complete: boolean }>(
      `SELECT ${PLAN_CONTENT_COMPLETE_SQL} AS complete
         FROM (SELECT $1::uuid AS owner_agency_id, $2::jsonb AS actions, $3::uuid[] AS kpi_ids,
                      $4::integer[] AS checkpoint_days) AS p`,
      [plan.owner_agency_id, JSON.stringify(plan.actions), plan.kpi_ids, plan.checkpoint_days],
    );
    const expected = c.owner && c.actions && c.kpis && c.checkpoints;
    expect(contentComplete(plan as unknown as PlanRow)).toBe(expected);
    expect(rows[0]!.complete).toBe(expected);
  });
});
