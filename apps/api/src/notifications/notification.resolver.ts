import type { Actor } from '@hundred/domain';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentActor } from '../common/auth.js';
import { AppError } from '../common/app-error.js';
import { Notification } from './notification.entity.js';
import type { RequestContext } from '../graphql-context/request-context.js';
import { NotificationService } from './notification.service.js';
import { render } from './templates.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Query(() => [Notification], { description: 'Your notifications, newest first.' })
  myNotifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<Notification[]> {
    return this.notifications.forUser(actor.id, unreadOnly, Math.min(Math.max(limit, 1), 200));
  }

  @Query(() => Int)
  myUnreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notifications.unreadCount(actor.id);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read (all of them when ids is omitted).' })
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    if (ids && ids.some((id) => !UUID.test(id))) throw AppError.field('ids', 'validation.uuid');
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
