import type { Actor } from '@hundred/domain';
import type { ChallengeState } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AppError } from '../common/app-error.js';
import { decodeKeyset, encodeKeyset, UUID_KEY } from '../common/keyset-cursor.js';
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
    const qb = this.filtered(actor, filter);
    return qb ? qb.take(page.limit).skip(page.offset).getMany() : [];
  }

  /**
   * A page of the challenges the actor may see, most recently changed first, after the cursor of
   * the last one read: keyset on (updated_at, id), to the microsecond PostgreSQL keeps (the cursor
   * holds the instant as microseconds since the epoch, so no two rows of one millisecond are
   * confused). A challenge changed while the pages are read moves to the top, seen on the next read.
   */
  async page(
    actor: Actor,
    filter: ChallengeFilter,
    limit: number,
    after: string | null,
  ): Promise<{ items: Challenge[]; nextCursor: string | null }> {
    const qb = this.filtered(actor, filter);
    if (!qb) return { items: [], nextCursor: null };
    qb.addSelect(`(extract(epoch FROM c.updated_at) * 1000000)::bigint::text`, 'cursor_micros').take(limit + 1);
    if (after) {
      const [micros, id] = decodeKeyset(after, 2);
      if (!/^\d{1,17}$/.test(micros!) || !UUID_KEY.test(id!)) throw AppError.field('after', 'validation.invalid');
      const at = `timestamptz 'epoch' + CAST(:micros AS bigint) * interval '1 microsecond'`;
      qb.andWhere(`(c.updated_at < ${at} OR (c.updated_at = ${at} AND c.id > :id))`, { micros, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_micros: string; c_id: string }>();
    const items = entities.slice(0, limit);
    const last = items[items.length - 1];
    const lastRaw = last ? raw.find((r) => r.c_id === last.id) : undefined;
    return {
      items,
      nextCursor: entities.length > limit && lastRaw ? encodeKeyset([lastRaw.cursor_micros, lastRaw.c_id]) : null,
    };
  }

  /** The query of the challenges the actor may see, filtered; null when they may see none. */
  private filtered(actor: Actor, filter: ChallengeFilter) {
    const qb = this.dataSource
      .getRepository(Challenge)
      .createQueryBuilder('c')
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id', 'ASC');
    if (!seesAll(actor)) {
      if (!actor.roles.includes('FOCAL_POINT')) return null;
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
    return qb;
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
