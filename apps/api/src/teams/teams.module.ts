import { Module } from '@nestjs/common';

import { ChangeRequestsResolver } from './change-requests.resolver.js';
import { ChangeRequestsService } from './change-requests.service.js';
import { CheckInCalendar } from './check-in-calendar.js';
import { CheckInsResolver } from './check-ins.resolver.js';
import { CheckInsService } from './check-ins.service.js';
import { GoalsResolver, KpiResolver } from './goals.resolver.js';
import { GoalsService } from './goals.service.js';
import { MembersResolver, UserTeamRolesResolver } from './members.resolver.js';
import { MembersService } from './members.service.js';
import { TeamGate } from './team-gate.js';
import { TeamResolver } from './team.resolver.js';
import { TeamService } from './team.service.js';

/** Teams: their people, goals and KPIs, weekly check-ins and change requests. */
@Module({
  providers: [
    TeamService,
    TeamGate,
    MembersService,
    GoalsService,
    CheckInsService,
    CheckInCalendar,
    ChangeRequestsService,
    TeamResolver,
    MembersResolver,
    UserTeamRolesResolver,
    GoalsResolver,
    KpiResolver,
    CheckInsResolver,
    ChangeRequestsResolver,
  ],
  exports: [TeamService, TeamGate, GoalsService, CheckInsService, MembersService, ChangeRequestsService],
})
export class TeamsModule {}
