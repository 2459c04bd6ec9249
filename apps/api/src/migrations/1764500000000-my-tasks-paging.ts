import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What "My tasks" looks candidates up by, now that it counts and pages them in one pass: the
 * sustainment plans an agency owns (its checkpoints and pledges), the challenges of an agency in a
 * state (those returned to it), a team's assessments by state (how many are in or live), and the
 * latest recommendation of a challenge (where its decision's due time starts).
 */
export class MyTasksPaging1764500000000 implements MigrationInterface {
  name = 'MyTasksPaging1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX sustainment_plan_owner_idx ON sustainment_plan (owner_agency_id)`);
    await q.query(`CREATE INDEX challenge_agency_state_idx ON challenge (lead_agency_id, state)`);
    await q.query(`CREATE INDEX assessment_team_state_idx ON assessment (team_id, state)`);
    await q.query(
      `CREATE INDEX transition_history_recommend_idx ON transition_history (subject_id, id DESC)
        WHERE subject_type = 'challenge' AND event = 'RECOMMEND'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const i of [
      'transition_history_recommend_idx',
      'assessment_team_state_idx',
      'challenge_agency_state_idx',
      'sustainment_plan_owner_idx',
    ])
      await q.query(`DROP INDEX ${i}`);
  }
}
