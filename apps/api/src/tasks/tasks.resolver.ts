import type { Actor } from '@hundred/domain';
import { Args, ArgsType, Context, Field, Int, Query, Resolver } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

import { CurrentActor } from '../common/auth.js';
import { Between, Int as IsInteger, MaxLen } from '../common/validation.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { TasksService } from './tasks.service.js';
import { MyTasks } from './tasks.types.js';

@ArgsType()
class MyTasksArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many tasks, at most 200.' })
  @IsInteger()
  @Between(1, 200)
  limit: number;

  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @MaxLen(400)
  after?: string | null;
}

@Resolver(() => MyTasks)
export class TasksResolver {
  constructor(private readonly tasks: TasksService) {}

  @Query(() => MyTasks, {
    description:
      'What you must do now, most urgent first, a page at a time, with how many in all and how many overdue: the same few statements whatever the number of objects.',
    complexity: ({ args, childComplexity }) =>
      100 + (typeof args.limit === 'number' ? args.limit : 1) * childComplexity,
  })
  myTasks(
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
    @Args() { limit, after }: MyTasksArgs,
  ): Promise<MyTasks> {
    return this.tasks.forActor(actor, ctx.lang, { limit, after: after ?? null });
  }
}
