import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

import type { AlignmentNode } from '../alignment/alignment-node.entity.js';
import { AlignmentService } from '../alignment/alignment.service.js';
import type { ChallengeApproval, ChallengeScore } from '../challenges/challenge.entity.js';
import { ChallengeService } from '../challenges/challenge.service.js';
import type { Cohort } from '../cohorts/cohort.entity.js';
import { CohortService } from '../cohorts/cohort.service.js';
import type { Agency } from '../identity/agency.entity.js';
import type { Team, TeamMember } from '../teams/team.entity.js';
import { TeamService } from '../teams/team.service.js';
import { TeamWorkService } from '../teams/team-work.service.js';
import type { CheckIn, Goal, Kpi, KpiChangeRequest, KpiValue } from '../teams/team-work.types.js';
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
  team: DataLoader<string, Team | null>;
  teamMembers: DataLoader<string, TeamMember[]>;
  goalsByTeam: DataLoader<string, Goal[]>;
  kpisByGoal: DataLoader<string, Kpi[]>;
  latestValue: DataLoader<string, KpiValue | null>;
  kpiValues: DataLoader<string, KpiValue[]>;
  checkInsByTeam: DataLoader<string, CheckIn[]>;
  changeRequestsByTeam: DataLoader<string, KpiChangeRequest[]>;
}

const fromMap =
  <V>(load: (ids: readonly string[]) => Promise<Map<string, V>>, empty: V) =>
  async (ids: readonly string[]): Promise<V[]> => {
    const map = await load(ids);
    return ids.map((id) => map.get(id) ?? empty);
  };

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly agencies: AgencyService,
    private readonly users: UserService,
    private readonly cohorts: CohortService,
    private readonly alignment: AlignmentService,
    private readonly challenges: ChallengeService,
    private readonly teams: TeamService,
    private readonly work: TeamWorkService,
  ) {}

  create(): Loaders {
    return {
      agency: new DataLoader(async (ids) => byKey(ids, await this.agencies.byIds(ids), (a) => a.id)),
      user: new DataLoader(async (ids) => byKey(ids, await this.users.byIds(ids), (u) => u.id)),
      cohort: new DataLoader(async (ids) => byKey(ids, await this.cohorts.byIds(ids), (c) => c.id)),
      alignmentNode: new DataLoader(async (ids) => byKey(ids, await this.alignment.byIds(ids), (n) => n.id)),
      challengeScores: new DataLoader(fromMap((ids) => this.challenges.scores(ids), [])),
      challengeApprovals: new DataLoader(fromMap((ids) => this.challenges.approvals(ids), [])),
      team: new DataLoader(async (ids) => byKey(ids, await this.teams.byIds(ids), (t) => t.id)),
      teamMembers: new DataLoader(fromMap((ids) => this.teams.members(ids), [])),
      goalsByTeam: new DataLoader(fromMap((ids) => this.work.goalsByTeam(ids), [])),
      kpisByGoal: new DataLoader(fromMap((ids) => this.work.kpisByGoal(ids), [])),
      latestValue: new DataLoader(fromMap((ids) => this.work.latestValues(ids), null)),
      kpiValues: new DataLoader(fromMap((ids) => this.work.valuesOf(ids), [])),
      checkInsByTeam: new DataLoader(fromMap((ids) => this.work.checkIns(ids), [])),
      changeRequestsByTeam: new DataLoader(fromMap((ids) => this.work.changeRequests(ids), [])),
    };
  }
}
