import type { Actor } from '@hundred/domain';
import { Args, ArgsType, Context, Field, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional } from 'class-validator';

import { CurrentActor } from '../common/auth.js';
import { PageArgs, paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { Uuids } from '../common/validation.js';
import { Notification } from './notification.entity.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { NotificationService } from './notification.service.js';
import { render } from './templates.js';

@ArgsType()
class NotificationListArgs extends PageArgs(50, 200) {
  @Field({ defaultValue: false }) @IsBoolean({ message: 'validation.boolean|[]' }) unreadOnly: boolean;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [UuidScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'validation.maxItems|[500]' })
  @Uuids()
  ids?: string[] | null;
}

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Query(() => [Notification], { description: 'Your notifications, newest first.', complexity: paged() })
  myNotifications(@CurrentActor() actor: Actor, @Args() args: NotificationListArgs): Promise<Notification[]> {
    return this.notifications.forUser(actor.id, args.unreadOnly, args.limit, args.offset);
  }

  @Query(() => Int)
  myUnreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notifications.unreadCount(actor.id);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read (all of them when ids is omitted).' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args() { ids }: MarkReadArgs): Promise<number> {
    return this.notifications.markRead(actor.id, ids ?? null);
  }

  @ResolveField(() => String, { description: 'The title, in the language of the request.' })
  title(@Parent() n: Notification, @Context() ctx: RequestContext): string {
    return render(n.kind, n.params, ctx.lang).title;
  }

  @ResolveField(() => String, { description: 'The text, in the language of the request.' })
  body(@Parent() n: Notification, @Context() ctx: RequestContext): string {
    return render(n.kind, n.params, ctx.lang).body;
  }
}
