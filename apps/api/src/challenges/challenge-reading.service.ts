import type { Actor } from '@hundred/domain';
import type { ChallengeState } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { groupBy, LoadsBatch } from '../graphql-context/loaders.js';
import { Challenge, type ChallengeApproval, type ChallengeComment, type ChallengeScore } from './challenge.entity.js';
import { CHALLENGE_APPROVALS, CHALLENGE_COMMENTS, CHALLENGE_SCORES, TEAM_OF_CHALLENGE } from './challenge.loaders.js';

export interface ChallengeFilter {
  cohortId?: string | null;
  states?: ChallengeState[] | null;
  agencyId?: string | null;
  search?: string | null;
}

const seesAll = (actor: Actor) => actor.roles.includes('ADMIN') || actor.roles.includes('LEADERSHIP');

/** Lists of challenges, and what their lists ask for of each, in batches. */
@Injectable()
export class ChallengeReadingService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, filter: ChallengeFilter, page = { limit: 100, offset: 0 }): Promise<Challenge[]> {
    const qb = this.dataSource
      .getRepository(Challenge)
      .createQueryBuilder('c')
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(page.limit)
      .skip(page.offset);
    if (!seesAll(actor)) {
      if (!actor.roles.includes('FOCAL_POINT')) return [];
      qb.andWhere('(c.lead_agency_id = :agency OR :agency = ANY(c.partner_agency_ids))', { agency: actor.agencyId });
    }
    if (filter.cohortId) qb.andWhere('c.cohort_id = :cohortId', { cohortId: filter.cohortId });
    if (filter.states?.length) qb.andWhere('c.state IN (:...states)', { states: filter.states });
    if (filter.agencyId)
      qb.andWhere('(c.lead_agency_id = :a OR :a = ANY(c.partner_agency_ids))', { a: filter.agencyId });
    if (filter.search) {
      qb.andWhere('(c.title_ar ILIKE :s OR c.title_en ILIKE :s)', {
        s: `%${filter.search.replace(/[\\%_]/g, (x) => `\\${x}`)}%`,
      });
    }
    return qb.getMany();
  }
  @LoadsBatch(CHALLENGE_SCORES)
  async scores(ids: readonly string[]): Promise<Map<string, ChallengeScore[]>> {
    const rows = (await this.dataSource.query(
      `SELECT challenge_id, criterion, score, comment, scored_by, scored_at FROM challenge_score WHERE challenge_id = ANY($1::uuid[])`,
      [ids],
    )) as {
      challenge_id: string;
      criterion: string;
      score: number;
      comment: string;
      scored_by: string;
      scored_at: Date;
    }[];
    const out = new Map<string, ChallengeScore[]>(ids.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.challenge_id)!.push({
        criterion: r.criterion,
        score: r.score,
        comment: r.comment,
        scoredById: r.scored_by,
        scoredAt: r.scored_at,
      });
    }
    return out;
  }

  @LoadsBatch(CHALLENGE_APPROVALS)
  async approvals(ids: readonly string[]): Promise<Map<string, ChallengeApproval[]>> {
    const rows = (await this.dataSource.query(
      `SELECT challenge_id, leader_id, approved_at FROM challenge_approval WHERE challenge_id = ANY($1::uuid[]) ORDER BY approved_at`,
      [ids],
    )) as { challenge_id: string; leader_id: string; approved_at: Date }[];
    const out = new Map<string, ChallengeApproval[]>(ids.map((id) => [id, []]));
    for (const r of rows) out.get(r.challenge_id)!.push({ leaderId: r.leader_id, approvedAt: r.approved_at });
    return out;
  }

  @LoadsBatch(CHALLENGE_COMMENTS)
  async comments(ids: readonly string[]): Promise<Map<string, ChallengeComment[]>> {
    const rows = (await this.dataSource.query(
      `SELECT id, challenge_id, author_id, kind, body, created_at FROM challenge_comment
        WHERE challenge_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    )) as { id: string; challenge_id: string; author_id: string; kind: string; body: string; created_at: Date }[];
    const grouped = groupBy(ids, rows, (r) => r.challenge_id);
    return new Map(
      [...grouped].map(([id, list]) => [
        id,
        list.map((r) => ({ id: r.id, authorId: r.author_id, kind: r.kind, body: r.body, createdAt: r.created_at })),
      ]),
    );
  }

  @LoadsBatch(TEAM_OF_CHALLENGE)
  async teamsOf(challengeIds: readonly string[]): Promise<Map<string, string | null>> {
    const rows = (await this.dataSource.query(
      `SELECT id, challenge_id FROM team WHERE challenge_id = ANY($1::uuid[])`,
      [challengeIds],
    )) as { id: string; challenge_id: string }[];
    return new Map(rows.map((r) => [r.challenge_id, r.id]));
  }
}
