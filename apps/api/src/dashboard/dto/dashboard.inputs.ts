import { ATTAINMENT_BANDS, TEAM_STANDINGS, type TeamStanding } from '@hundred/domain';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';

import { PageArgs } from '../../common/paging.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { Between, Bool, Int as IsInteger, OneOf, Uuid } from '../../common/validation.js';
import {
  AGENCY_ROLES,
  AgencyRoleEnum,
  TEAM_RESULTS,
  TeamResultEnum,
  TeamStandingEnum,
  type AgencyRole,
  type TeamResult,
} from '../dashboard.types.js';

@InputType({ description: 'Which teams the figures are of: one cohort, one pillar, one agency (lead or partner).' })
export class DashboardFilter {
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() cohortId?: string | null;
  @Field(() => UuidScalar, { nullable: true, description: 'A pillar of the results framework.' })
  @IsOptional()
  @Uuid()
  pillarId?: string | null;
  @Field(() => UuidScalar, { nullable: true, description: 'Teams this agency leads or is a partner of.' })
  @IsOptional()
  @Uuid()
  agencyId?: string | null;
}

@InputType({ description: 'The teams behind one figure of the dashboard.' })
export class DashboardTeamsFilter extends DashboardFilter {
  @Field(() => AgencyRoleEnum, { nullable: true, description: 'With agencyId: only as lead, or only as partner.' })
  @IsOptional()
  @OneOf(AGENCY_ROLES)
  agencyRole?: AgencyRole | null;
  @Field(() => TeamStandingEnum, { nullable: true })
  @IsOptional()
  @OneOf(TEAM_STANDINGS)
  standing?: TeamStanding | null;
  @Field(() => Int, {
    nullable: true,
    description: `The attainment band, by its index in the dashboard's bands (0 to ${ATTAINMENT_BANDS.length - 1}).`,
  })
  @IsOptional()
  @IsInteger()
  @Between(0, ATTAINMENT_BANDS.length - 1)
  attainmentBand?: number | null;
  @Field(() => TeamResultEnum, { nullable: true }) @IsOptional() @OneOf(TEAM_RESULTS) result?: TeamResult | null;
  @Field(() => Boolean, { nullable: true, description: 'Only teams with something past due and still owed.' })
  @IsOptional()
  @Bool()
  overdue?: boolean | null;
}

@ArgsType()
export class DashboardArgs {
  @Field(() => DashboardFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DashboardFilter)
  filter?: DashboardFilter | null;
}

@ArgsType()
export class DashboardTeamsArgs extends PageArgs(50, 500) {
  @Field(() => DashboardTeamsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DashboardTeamsFilter)
  filter?: DashboardTeamsFilter | null;
}
