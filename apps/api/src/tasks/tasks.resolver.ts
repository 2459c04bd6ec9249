import type { Actor } from '@hundred/domain';
import { Context, Query, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { TasksService } from './tasks.service.js';
import { MyTasks } from './tasks.types.js';

@Resolver(() => MyTasks)
export class TasksResolver {
  constructor(private readonly tasks: TasksService) {}

  @Query(() => MyTasks, {
    description: 'What you must do now, most urgent first: one statement, whatever the number of objects.',
    complexity: 100,
  })
  myTasks(@CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<MyTasks> {
    return this.tasks.forActor(actor, ctx.lang);
  }
}
