import type { Actor } from '@hundred/domain';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Ctx, CurrentActor } from '../common/auth.js';
import { paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { MyExportsArgs, RequestExportInput } from './dto/export.inputs.js';
import { Export } from './export.types.js';
import { ExportsService } from './exports.service.js';

@Resolver(() => Export)
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Mutation(() => Export, {
    description:
      'Asks for a report as a file (PDF or spreadsheet) in your language. Answers at once with the export QUEUED; the worker builds it (poll `export(id)` for its progress) and it is downloaded from `downloadPath` once DONE.',
    complexity: 50,
  })
  requestExport(
    @Args('input') input: RequestExportInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Export> {
    return this.exports.request(actor, ctx.lang, input, ctx.ip);
  }

  @Query(() => Export, {
    name: 'export',
    description: 'One of your exports, while you may still read what it holds.',
    complexity: 20,
  })
  exportById(
    @Args('id', { type: () => UuidScalar }) id: string,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Export> {
    return this.exports.visible(actor, id, ctx.lang);
  }

  @Query(() => [Export], { description: 'Your exports, the newest first.', complexity: paged(5) })
  myExports(@Args() page: MyExportsArgs, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext): Promise<Export[]> {
    return this.exports.mine(actor, ctx.lang, page);
  }
}
