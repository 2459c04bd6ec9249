import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

import { AuditFilterInput } from '../../audit-view/audit-view.resolver.js';
import { DashboardFilter } from '../../dashboard/dto/dashboard.inputs.js';
import { PageArgs } from '../../common/paging.js';
import { UuidScalar } from '../../common/uuid.scalar.js';
import { OneOf, Uuid } from '../../common/validation.js';
import { EXPORT_KINDS, type ExportKind } from '../export-kinds.js';
import { EXPORT_FORMATS, ExportFormatEnum, ExportKindEnum, type ExportFormat } from '../export.types.js';

/**
 * The parameters of every kind, each optional here: a kind reads the ones it needs and refuses
 * the request naming `params.<field>` when one is missing. A new kind adds its fields.
 */
@InputType()
export class ExportParamsInput {
  @Field(() => UuidScalar, { nullable: true, description: 'The cohort (COHORT_REPORT).' })
  @IsOptional()
  @Uuid()
  cohortId?: string | null;

  @Field(() => AuditFilterInput, { nullable: true, description: 'What of the audit trail (AUDIT_TRAIL).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilterInput)
  audit?: AuditFilterInput | null;

  @Field(() => DashboardFilter, {
    nullable: true,
    description: 'What of the dashboard: its filter (DASHBOARD; none: everything the requester sees).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DashboardFilter)
  dashboard?: DashboardFilter | null;
}

@InputType()
export class RequestExportInput {
  @Field(() => ExportKindEnum) @OneOf(EXPORT_KINDS) kind: ExportKind;
  @Field(() => ExportFormatEnum) @OneOf(EXPORT_FORMATS) format: ExportFormat;
  @Field(() => ExportParamsInput)
  @ValidateNested()
  @Type(() => ExportParamsInput)
  params: ExportParamsInput;
}

@ArgsType()
export class MyExportsArgs extends PageArgs(20, 100) {}
