import { COHORT_FACTS, type CohortFact, type CohortFacts } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { plugIn, PlugInRegistry, type MethodDecoratorOf } from '../common/plug-ins.js';

/** A team named in a blocked transition's notice. */
export interface TeamName {
  nameAr: string;
  nameEn: string;
}

/** Counts, and (when asked) the teams behind each count. */
export type CohortFactsProvider = (
  manager: EntityManager,
  cohortId: string,
  withTeams?: boolean,
) => Promise<Partial<CohortFacts> & { teams?: Partial<Record<CohortFact, TeamName[]>> }>;

/** Marks the method that counts these cohort facts (each fact of `COHORT_FACTS` needs one). */
export function GathersCohortFacts(...facts: CohortFact[]) {
  return plugIn(...facts.map((f) => ({ key: `fact:${f}` }))) as MethodDecoratorOf<CohortFactsProvider>;
}

/** The counts the cohort's guards read, each gathered by the feature that owns the objects. */
@Injectable()
export class CohortFactsService {
  constructor(private readonly plugIns: PlugInRegistry) {}

  private providers(only: readonly CohortFact[] = COHORT_FACTS): Map<CohortFactsProvider, CohortFact[]> {
    const providers = new Map<CohortFactsProvider, CohortFact[]>();
    for (const f of only) {
      const p = this.plugIns.get(`fact:${f}`)?.handler as CohortFactsProvider | undefined;
      if (p) providers.set(p, [...(providers.get(p) ?? []), f]);
    }
    return providers;
  }

  async gather(manager: EntityManager, cohortId: string): Promise<CohortFacts> {
    const facts = Object.fromEntries(COHORT_FACTS.map((f) => [f, 0])) as CohortFacts;
    for (const [provider, owned] of this.providers()) {
      const part = await provider(manager, cohortId);
      for (const f of owned) facts[f] = part[f] ?? 0;
    }
    return facts;
  }

  /** The teams behind these facts (for the office's notice of what blocks a transition). */
  async teamsBehind(manager: EntityManager, cohortId: string, facts: readonly CohortFact[]): Promise<TeamName[]> {
    const names: TeamName[] = [];
    for (const [provider, owned] of this.providers(facts)) {
      const part = await provider(manager, cohortId, true);
      for (const f of owned) names.push(...(part.teams?.[f] ?? []));
    }
    return names;
  }
}
