import type { Actor } from '@hundred/domain';
import { checkAction, teamActions, type TeamAction, type TeamState } from '@hundred/workflow';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { queryRows } from '../database/sql.js';
import { refusalError } from '../workflow/refusals.js';
import type { WorkflowRow } from '../workflow/workflow-runner.js';
import { TeamService } from './team.service.js';

/** What a feature adds to the team's resource for the permission check (e.g. the owner agency after day 100). */
export type ResourceExtras = (manager: EntityManager, team: HeldTeam) => Promise<{ ownerAgencyId?: string }>;

/** A team held for one write: its row as locked, its cohort's state, and the actor with their roles on it. */
export interface HeldTeam {
  id: string;
  cohortId: string;
  state: TeamState;
  cohortState: string;
  nameAr: string;
  nameEn: string;
  leadAgencyId: string;
  row: WorkflowRow;
  /** The actor with their roles on this team. */
  actor: Actor;
}

/**
 * The one way into a write on a team or its parts (members, goals, KPIs, check-ins, change
 * requests): the team is looked up as the actor may see it (FORBIDDEN alike when unseen or
 * missing), then, inside the write's transaction, its row is locked as the workflow runner locks
 * it and libs/workflow's `teamActions` decides on the state read under that lock. A withdrawal and
 * a check-in therefore happen one after the other, never interleaved.
 */
@Injectable()
export class TeamGate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamService,
  ) {}

  /** Runs `work` in a transaction holding the team, if the actor may do `action` on it now. */
  async write<T>(
    actor: Actor,
    teamId: string,
    action: TeamAction | ((team: HeldTeam) => TeamAction),
    work: (manager: EntityManager, team: HeldTeam) => Promise<T>,
    extras?: ResourceExtras,
  ): Promise<T> {
    const withRoles = await this.enter(actor, teamId);
    return this.dataSource.transaction((manager) => this.writeHeld(manager, withRoles, teamId, action, work, extras));
  }

  /** The same inside the caller's transaction (several teams at once, in the caller's order). */
  async writeIn<T>(
    manager: EntityManager,
    actor: Actor,
    teamId: string,
    action: TeamAction,
    work: (manager: EntityManager, team: HeldTeam) => Promise<T>,
  ): Promise<T> {
    return this.writeHeld(manager, await this.enter(actor, teamId), teamId, action, work);
  }

  /** The actor with their roles on the team, if they may see it (FORBIDDEN alike when unseen or missing). */
  private async enter(actor: Actor, teamId: string): Promise<Actor> {
    const team = await this.teams.visible(actor, teamId);
    return { ...actor, teamRoles: { [team.id]: await this.teams.rolesOf(actor.id, team.id) } };
  }

  private async writeHeld<T>(
    manager: EntityManager,
    withRoles: Actor,
    teamId: string,
    action: TeamAction | ((team: HeldTeam) => TeamAction),
    work: (manager: EntityManager, team: HeldTeam) => Promise<T>,
    extras?: ResourceExtras,
  ): Promise<T> {
    const held = await this.hold(manager, withRoles, teamId);
    const wanted = typeof action === 'function' ? action(held) : action;
    const result = checkAction(
      teamActions,
      wanted,
      withRoles,
      {
        state: held.state,
        resource: {
          type: 'team',
          id: held.id,
          leadAgencyId: held.leadAgencyId,
          ...(extras ? await extras(manager, held) : {}),
        },
      },
      { cohortState: held.cohortState },
    );
    if (!result.ok) {
      const refusal = refusalError(result, 'team', held.state);
      // Once the cohort is closed or cancelled, the refusal names the cohort's state.
      if (refusal.details.guard === 'COHORT_OPEN') refusal.details.cohortState = held.cohortState;
      throw refusal;
    }
    return work(manager, held);
  }

  /** Locks the team row (FOR NO KEY UPDATE, as transitions do) and reads its cohort's state. */
  private async hold(manager: EntityManager, actor: Actor, teamId: string): Promise<HeldTeam> {
    const [row] = await queryRows<WorkflowRow & { cohort_state: string }>(
      manager,
      `SELECT t.*, c.state AS cohort_state FROM team t JOIN cohort c ON c.id = t.cohort_id WHERE t.id = $1 FOR NO KEY UPDATE OF t`,
      [teamId],
    );
    if (!row) throw new Error(`team ${teamId} vanished`);
    return {
      id: row.id,
      cohortId: row.cohort_id as string,
      state: row.state as TeamState,
      cohortState: row.cohort_state,
      nameAr: row.name_ar as string,
      nameEn: row.name_en as string,
      leadAgencyId: row.lead_agency_id as string,
      row,
      actor,
    };
  }
}
