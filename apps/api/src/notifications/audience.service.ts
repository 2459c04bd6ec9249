import type { Audience } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What an audience is resolved against: the object a notification is about. */
export interface AudienceContext {
  cohortId?: string | null;
  agencyId?: string | null;
  teamId?: string | null;
  challengeId?: string | null;
  actorId?: string | null;
}

export type AudienceResolver = (manager: EntityManager, ctx: AudienceContext) => Promise<string[]>;

const byRole =
  (role: string): AudienceResolver =>
  async (m) =>
    ((await m.query(`SELECT id FROM app_user WHERE active AND $1 = ANY(roles)`, [role])) as { id: string }[]).map(
      (r) => r.id,
    );

/**
 * Turns an audience (OFFICE, SPONSOR, …) into user ids. The identity ones are built in; the
 * features that own teams, challenges and reviews register theirs.
 */
@Injectable()
export class AudienceService {
  private readonly resolvers = new Map<Audience, AudienceResolver>([
    ['OFFICE', byRole('ADMIN')],
    ['LEADERSHIP', byRole('LEADERSHIP')],
    ['ALL_FOCAL_POINTS', byRole('FOCAL_POINT')],
    ['ACTOR', async (_m, ctx) => (ctx.actorId ? [ctx.actorId] : [])],
  ]);

  register(audience: Audience, resolver: AudienceResolver): void {
    this.resolvers.set(audience, resolver);
  }

  has(audience: Audience): boolean {
    return this.resolvers.has(audience);
  }

  /** Distinct user ids of every audience; an audience nobody registered resolves to no one. */
  async resolve(manager: EntityManager, audiences: readonly Audience[], ctx: AudienceContext): Promise<string[]> {
    const ids = new Set<string>();
    for (const a of audiences) {
      const resolver = this.resolvers.get(a);
      if (!resolver) continue;
      for (const id of await resolver(manager, ctx)) ids.add(id);
    }
    return [...ids];
  }
}
