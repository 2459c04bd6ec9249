import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The alignment tree, challenges with their scores, approvals and comments, and teams. */
export class Challenges1763920000000 implements MigrationInterface {
  name = 'Challenges1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alignment_node (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES alignment_node (id),
        level varchar(12) NOT NULL CHECK (level IN ('VISION', 'PILLAR', 'OBJECTIVE', 'INDICATOR')),
        code varchar(24),
        name_ar varchar(300) NOT NULL,
        name_en varchar(300) NOT NULL,
        sort integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'VISION') = (parent_id IS NULL))
      )`);
    await q.query(`CREATE INDEX alignment_node_parent_idx ON alignment_node (parent_id, sort)`);

    await q.query(`
      CREATE TABLE challenge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort (id),
        state varchar(20) NOT NULL DEFAULT 'DRAFT',
        version integer NOT NULL DEFAULT 1,
        title_ar varchar(300) NOT NULL DEFAULT '',
        title_en varchar(300) NOT NULL DEFAULT '',
        problem_ar text NOT NULL DEFAULT '',
        problem_en text NOT NULL DEFAULT '',
        why_ar text NOT NULL DEFAULT '',
        why_en text NOT NULL DEFAULT '',
        baseline_ar text NOT NULL DEFAULT '',
        baseline_en text NOT NULL DEFAULT '',
        ambition_ar text NOT NULL DEFAULT '',
        ambition_en text NOT NULL DEFAULT '',
        lead_agency_id uuid NOT NULL REFERENCES agency (id),
        partner_agency_ids uuid[] NOT NULL DEFAULT '{}',
        alignment_node_ids uuid[] NOT NULL DEFAULT '{}',
        proposed_sponsor_id uuid REFERENCES app_user (id),
        proposed_team_lead_id uuid REFERENCES app_user (id),
        attachments jsonb NOT NULL DEFAULT '[]',
        created_by uuid REFERENCES app_user (id),
        submitted_at timestamptz,
        decided_at timestamptz,
        locked_at timestamptz,
        carried_from_cohort_id uuid REFERENCES cohort (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX challenge_cohort_state_idx ON challenge (cohort_id, state)`);
    await q.query(`CREATE INDEX challenge_lead_agency_idx ON challenge (lead_agency_id)`);
    await q.query(`CREATE INDEX challenge_partners_idx ON challenge USING gin (partner_agency_ids)`);

    await q.query(`
      CREATE TABLE challenge_score (
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        criterion varchar(40) NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text NOT NULL,
        scored_by uuid NOT NULL REFERENCES app_user (id),
        scored_at timestamptz NOT NULL,
        PRIMARY KEY (challenge_id, criterion)
      )`);
    await q.query(`
      CREATE TABLE challenge_approval (
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        leader_id uuid NOT NULL REFERENCES app_user (id),
        approved_at timestamptz NOT NULL,
        PRIMARY KEY (challenge_id, leader_id)
      )`);
    await q.query(`
      CREATE TABLE challenge_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        challenge_id uuid NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user (id),
        kind varchar(16) NOT NULL DEFAULT 'COMMENT' CHECK (kind IN ('COMMENT', 'RETURN', 'DECISION')),
        body text NOT NULL CHECK (length(trim(body)) > 0),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX challenge_comment_idx ON challenge_comment (challenge_id, created_at)`);

    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort (id),
        challenge_id uuid NOT NULL UNIQUE REFERENCES challenge (id),
        state varchar(20) NOT NULL DEFAULT 'FORMING',
        version integer NOT NULL DEFAULT 1,
        name_ar varchar(300) NOT NULL,
        name_en varchar(300) NOT NULL,
        lead_agency_id uuid NOT NULL REFERENCES agency (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX team_cohort_state_idx ON team (cohort_id, state)`);
    await q.query(`
      CREATE TABLE team_member (
        team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id),
        role varchar(12) NOT NULL CHECK (role IN ('SPONSOR', 'TEAM_LEAD', 'COACH', 'TEAM_MEMBER')),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, user_id, role)
      )`);
    await q.query(`CREATE INDEX team_member_user_idx ON team_member (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'team_member',
      'team',
      'challenge_comment',
      'challenge_approval',
      'challenge_score',
      'challenge',
      'alignment_node',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
