import { TEAM_FACTS, type TeamContext, type TeamFact } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { plugIn, PlugInRegistry, type MethodDecoratorOf } from '../common/plug-ins.js';
import type { WorkflowRow } from './workflow-runner.js';

export type TeamFactsProvider = (manager: EntityManager, team: WorkflowRow) => Promise<Partial<TeamContext>>;

/** Marks the method that works out these facts of a team for its guards (each of `TEAM_FACTS` needs one). */
export function GathersTeamFacts(...facts: TeamFact[]) {
  return plugIn(...facts.map((f) => ({ key: `teamfact:${f}` }))) as MethodDecoratorOf<TeamFactsProvider>;
}

/** A fact no feature provides yet: a guard reading it does not pass. */
const UNKNOWN: Pick<TeamContext, TeamFact> = {
  goalsComplete: false,
  memberMinimumsMet: false,
  assessmentsInOrDue: false,
  finalValuesComplete: false,
  proposedOutcome: null,
  sustainmentPlanComplete: false,
  lastCheckpointPassed: false,
};

/** What the team's guards read, each fact gathered by the feature that owns it. */
@Injectable()
export class TeamFactsService {
  constructor(private readonly plugIns: PlugInRegistry) {}

  async gather(manager: EntityManager, team: WorkflowRow): Promise<Pick<TeamContext, TeamFact>> {
    const facts: Record<string, unknown> = { ...UNKNOWN };
    const providers = new Map<TeamFactsProvider, TeamFact[]>();
    for (const f of TEAM_FACTS) {
      const p = this.plugIns.get(`teamfact:${f}`)?.handler as TeamFactsProvider | undefined;
      if (p) providers.set(p, [...(providers.get(p) ?? []), f]);
    }
    for (const [provider, owned] of providers) {
      const part = await provider(manager, team);
      for (const f of owned) if (part[f] !== undefined) facts[f] = part[f];
    }
    return facts as Pick<TeamContext, TeamFact>;
  }
}
