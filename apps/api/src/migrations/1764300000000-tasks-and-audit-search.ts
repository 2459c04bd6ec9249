import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What "My tasks" and the audit search filter on: objects by state (every task kind looks for the
 * states its events fire from), cohort transitions blocked by their guards, checkpoint reports by
 * team, and the audit trail by time, person, object and action, each paged by (occurred_at, id).
 */
export class TasksAndAuditSearch1764300000000 implements MigrationInterface {
  name = 'TasksAndAuditSearch1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX challenge_state_idx ON challenge (state)`);
    await q.query(`CREATE INDEX team_state_idx ON team (state)`);
    await q.query(`CREATE INDEX kpi_change_request_state_idx ON kpi_change_request (state)`);
    await q.query(
      `CREATE INDEX deadline_blocked_idx ON deadline (cohort_id) WHERE state = 'PENDING' AND blocked_by IS NOT NULL`,
    );
    await q.query(`CREATE INDEX checkpoint_report_team_idx ON checkpoint_report (team_id)`);
    await q.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at, id)`);
    await q.query(`CREATE INDEX audit_event_actor_time_idx ON audit_event (actor_id, occurred_at, id)`);
    await q.query(
      `CREATE INDEX audit_event_subject_time_idx ON audit_event (subject_type, subject_id, occurred_at, id)`,
    );
    await q.query(`CREATE INDEX audit_event_action_time_idx ON audit_event (action, occurred_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const i of [
      'audit_event_action_time_idx',
      'audit_event_subject_time_idx',
      'audit_event_actor_time_idx',
      'audit_event_time_idx',
      'checkpoint_report_team_idx',
      'deadline_blocked_idx',
      'kpi_change_request_state_idx',
      'team_state_idx',
      'challenge_state_idx',
    ])
      await q.query(`DROP INDEX ${i}`);
  }
}
