import type { Audience } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { plugIn, PlugInRegistry, type MethodDecoratorOf } from '../common/plug-ins.js';

/** What an audience is resolved against: the object a notification is about. */
export interface AudienceContext {
  cohortId?: string | null;
  agencyId?: string | null;
  teamId?: string | null;
  challengeId?: string | null;
  actorId?: string | null;
}

export type AudienceResolver = (manager: EntityManager, ctx: AudienceContext, audience: Audience) => Promise<string[]>;

/** Marks the method that says who these audiences are. Every audience a machine names needs one. */
export function ResolvesAudience(...audiences: Audience[]) {
  return plugIn(...audiences.map((a) => ({ key: `audience:${a}` }))) as MethodDecoratorOf<AudienceResolver>;
}

const ROLE_OF: Partial<Record<Audience, string>> = {
  OFFICE: 'ADMIN',
  LEADERSHIP: 'LEADERSHIP',
  ALL_FOCAL_POINTS: 'FOCAL_POINT',
};

/**
 * Turns an audience (OFFICE, SPONSOR, …) into user ids. The ones that follow from global roles
 * are here; the features that own teams, challenges and reviews resolve theirs.
 */
@Injectable()
export class AudienceService {
  constructor(private readonly plugIns: PlugInRegistry) {}

  @ResolvesAudience('OFFICE', 'LEADERSHIP', 'ALL_FOCAL_POINTS')
  async byRole(m: EntityManager, _ctx: AudienceContext, audience: Audience): Promise<string[]> {
    const rows = (await m.query(`SELECT id FROM app_user WHERE active AND $1 = ANY(roles)`, [ROLE_OF[audience]])) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  @ResolvesAudience('ACTOR')
  async actor(_m: EntityManager, ctx: AudienceContext): Promise<string[]> {
    return ctx.actorId ? [ctx.actorId] : [];
  }

  /** Distinct user ids of every audience; one not served yet (a feature still to come) resolves to no one. */
  async resolve(manager: EntityManager, audiences: readonly Audience[], ctx: AudienceContext): Promise<string[]> {
    const ids = new Set<string>();
    for (const a of audiences) {
      const resolver = this.plugIns.get(`audience:${a}`)?.handler as AudienceResolver | undefined;
      if (!resolver) continue;
      for (const id of await resolver(manager, ctx, a)) ids.add(id);
    }
    return [...ids];
  }
}
