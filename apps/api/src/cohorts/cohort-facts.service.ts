import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The counts the cohort's guards read, each gathered by the feature that owns the objects. */
export interface CohortFacts {
  undecidedChallenges: number;
  teamsNotReady: number;
  teamsShortOfReviewers: number;
  teamsWithoutMidpointDecision: number;
  teamsWithoutOutcome: number;
  openSustainmentPlans: number;
}

export type CohortFactsProvider = (manager: EntityManager, cohortId: string) => Promise<Partial<CohortFacts>>;

const ZERO: CohortFacts = {
  undecidedChallenges: 0,
  teamsNotReady: 0,
  teamsShortOfReviewers: 0,
  teamsWithoutMidpointDecision: 0,
  teamsWithoutOutcome: 0,
  openSustainmentPlans: 0,
};

@Injectable()
export class CohortFactsService {
  private readonly providers: CohortFactsProvider[] = [];

  register(provider: CohortFactsProvider): void {
    this.providers.push(provider);
  }

  async gather(manager: EntityManager, cohortId: string): Promise<CohortFacts> {
    const facts = { ...ZERO };
    for (const p of this.providers) {
      const part = await p(manager, cohortId);
      for (const [k, v] of Object.entries(part) as [keyof CohortFacts, number][]) facts[k] += v;
    }
    return facts;
  }
}
