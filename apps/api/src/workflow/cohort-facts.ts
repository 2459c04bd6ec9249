import { COHORT_FACTS, type CohortFact, type CohortFacts } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { plugIn, PlugInRegistry, type MethodDecoratorOf } from '../common/plug-ins.js';

export type CohortFactsProvider = (manager: EntityManager, cohortId: string) => Promise<Partial<CohortFacts>>;

/** Marks the method that counts these cohort facts (each fact of `COHORT_FACTS` needs one). */
export function GathersCohortFacts(...facts: CohortFact[]) {
  return plugIn(...facts.map((f) => ({ key: `fact:${f}` }))) as MethodDecoratorOf<CohortFactsProvider>;
}

/** The counts the cohort's guards read, each gathered by the feature that owns the objects. */
@Injectable()
export class CohortFactsService {
  constructor(private readonly plugIns: PlugInRegistry) {}

  async gather(manager: EntityManager, cohortId: string): Promise<CohortFacts> {
    const facts = Object.fromEntries(COHORT_FACTS.map((f) => [f, 0])) as CohortFacts;
    const providers = new Map<CohortFactsProvider, CohortFact[]>();
    for (const f of COHORT_FACTS) {
      const p = this.plugIns.get(`fact:${f}`)?.handler as CohortFactsProvider | undefined;
      if (p) providers.set(p, [...(providers.get(p) ?? []), f]);
    }
    for (const [provider, owned] of providers) {
      const part = await provider(manager, cohortId);
      for (const f of owned) facts[f] = part[f] ?? 0;
    }
    return facts;
  }
}
