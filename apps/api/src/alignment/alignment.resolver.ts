import type { Actor } from '@hundred/domain';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { CurrentActor, Requires } from '../common/auth.js';
import { listOf } from '../common/paging.js';
import { AlignmentNode } from './alignment-node.entity.js';
import { AlignmentService } from './alignment.service.js';
import { CreateAlignmentNodeInput, UpdateAlignmentNodeInput } from './dto/alignment.inputs.js';

@Resolver(() => AlignmentNode)
export class AlignmentResolver {
  constructor(private readonly alignment: AlignmentService) {}

  @Requires('alignment.read', { type: 'alignment' })
  @Query(() => [AlignmentNode], {
    description: 'Every node of the alignment tree, parents before children.',
    complexity: listOf(100),
  })
  alignmentTree(): Promise<AlignmentNode[]> {
    return this.alignment.tree();
  }

  @Requires('alignment.manage', { type: 'alignment' })
  @Mutation(() => AlignmentNode)
  createAlignmentNode(
    @Args('input') input: CreateAlignmentNodeInput,
    @CurrentActor() actor: Actor,
  ): Promise<AlignmentNode> {
    return this.alignment.create(input, actor.id);
  }

  @Requires('alignment.manage', { type: 'alignment' })
  @Mutation(() => AlignmentNode)
  updateAlignmentNode(
    @Args('input') input: UpdateAlignmentNodeInput,
    @CurrentActor() actor: Actor,
  ): Promise<AlignmentNode> {
    return this.alignment.update(input, actor.id);
  }
}
