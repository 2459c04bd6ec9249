import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import type { AlignmentNode } from '../alignment/alignment-node.entity.js';
import { AlignmentService } from '../alignment/alignment.service.js';
import type { ChallengeApproval, ChallengeScore } from '../challenges/challenge.entity.js';
import { ChallengeService } from '../challenges/challenge.service.js';
import type { Cohort } from '../cohorts/cohort.entity.js';
import { CohortService } from '../cohorts/cohort.service.js';
import type { Agency } from '../identity/agency.entity.js';
import { AgencyService } from '../identity/agency.service.js';
import type { User } from '../identity/user.entity.js';
import { UserService } from '../identity/user.service.js';

/** Orders loaded rows like the keys DataLoader asked for. */
export function byKey<K, V>(keys: readonly K[], rows: V[], key: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** One set of DataLoaders per request: every relation a list can ask for is batched. */
export interface Loaders {
  agency: DataLoader<string, Agency | null>;
  user: DataLoader<string, User | null>;
  cohort: DataLoader<string, Cohort | null>;
  alignmentNode: DataLoader<string, AlignmentNode | null>;
  challengeScores: DataLoader<string, ChallengeScore[]>;
  challengeApprovals: DataLoader<string, ChallengeApproval[]>;
}

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly agencies: AgencyService,
    private readonly users: UserService,
    private readonly cohorts: CohortService,
    private readonly alignment: AlignmentService,
    private readonly challenges: ChallengeService,
  ) {}

  create(): Loaders {
    return {
      agency: new DataLoader(async (ids) => byKey(ids, await this.agencies.byIds(ids), (a) => a.id)),
      user: new DataLoader(async (ids) => byKey(ids, await this.users.byIds(ids), (u) => u.id)),
      cohort: new DataLoader(async (ids) => byKey(ids, await this.cohorts.byIds(ids), (c) => c.id)),
      alignmentNode: new DataLoader(async (ids) => byKey(ids, await this.alignment.byIds(ids), (n) => n.id)),
      challengeScores: new DataLoader(async (ids) => {
        const map = await this.challenges.scores(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      challengeApprovals: new DataLoader(async (ids) => {
        const map = await this.challenges.approvals(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
    };
  }
}
