import type { Actor } from '@hundred/domain';
import { Injectable } from '@nestjs/common';

import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { queryRows } from '../database/sql.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { TeamMemberInput } from './dto/member.inputs.js';
import { TeamGate } from './team-gate.js';
import type { Team } from './team.entity.js';
import { TeamService } from './team.service.js';

/** The sponsor and the leader are named by the office; coaches and members by the leader or the office. */
const isLeaderRole = (role: TeamMemberInput['role']) => role === 'SPONSOR' || role === 'TEAM_LEAD';

/** The people of a team: who is on it in which role. */
@Injectable()
export class MembersService {
  constructor(
    private readonly gate: TeamGate,
    private readonly teams: TeamService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async addMember(actor: Actor, input: TeamMemberInput): Promise<Team> {
    const action = isLeaderRole(input.role) ? 'NAME_LEADERS' : 'ADD_MEMBER';
    const added = await this.gate.write(actor, input.teamId, action, async (m, team) => {
      const [user] = await queryRows<{ id: string }>(m, `SELECT id FROM app_user WHERE id = $1 AND active`, [
        input.userId,
      ]);
      if (!user) throw AppError.field('userId', 'error.unknownUser');
      const rows = await queryRows<{ user_id: string }>(
        m,
        `INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
        [team.id, input.userId, input.role],
      );
      // Already in this role: nothing changes, nobody is told twice.
      if (!rows.length) return false;
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'team.member_added',
        subjectType: 'team',
        subjectId: team.id,
        data: { userId: input.userId, role: input.role },
      });
      await this.notifications.createMany(m, [
        {
          userId: input.userId,
          kind: 'TEAM_MEMBER_ADDED',
          dedupeKey: `member-${team.id}-${input.userId}-${input.role}-${this.clock.now().getTime()}`,
          params: { teamNameAr: team.nameAr, teamNameEn: team.nameEn, role: input.role },
          subjectType: 'team',
          subjectId: team.id,
        },
      ]);
      return true;
    });
    if (added) await this.outbox.relayNow();
    return (await this.teams.byId(input.teamId))!;
  }

  async removeMember(actor: Actor, input: TeamMemberInput): Promise<Team> {
    const action = isLeaderRole(input.role) ? 'NAME_LEADERS' : 'REMOVE_MEMBER';
    await this.gate.write(actor, input.teamId, action, async (m, team) => {
      const gone = await queryRows<{ user_id: string }>(
        m,
        `DELETE FROM team_member WHERE team_id = $1 AND user_id = $2 AND role = $3 RETURNING user_id`,
        [team.id, input.userId, input.role],
      );
      if (!gone.length) throw AppError.field('userId', 'error.notAMember');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'team.member_removed',
        subjectType: 'team',
        subjectId: team.id,
        data: { userId: input.userId, role: input.role },
      });
    });
    return (await this.teams.byId(input.teamId))!;
  }
}
