import type { Actor } from '@hundred/domain';
import {
  Args,
  ArgsType,
  Context,
  Field,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, MaxLength } from 'class-validator';

import { CurrentActor } from '../common/auth.js';
import { listOf, PageArgs, paged } from '../common/paging.js';
import { Between, Int as IsInteger } from '../common/validation.js';
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
class NotificationPageArgs {
  @Field(() => Int, { defaultValue: 30, description: 'How many items, at most 100.' })
  @IsInteger()
  @Between(1, 100)
  limit: number;

  @Field(() => String, {
    nullable: true,
    description: 'The nextCursor of the page before; omitted for the first page.',
  })
  @IsOptional()
  @MaxLength(200, { message: 'validation.invalid|[]' })
  after?: string | null;

  @Field({ defaultValue: false }) @IsBoolean({ message: 'validation.boolean|[]' }) unreadOnly: boolean;
}

@ObjectType({ description: 'A page of your notifications, newest first.' })
export class NotificationPage {
  // The page's `limit` multiplies this (see `myNotificationsPage`): counted once here.
  @Field(() => [Notification], { complexity: listOf(1) }) items: Notification[];
  @Field(() => String, { nullable: true, description: 'Where the next page starts; null on the last page.' })
  nextCursor: string | null;
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

  @Query(() => NotificationPage, {
    description: 'Your notifications, newest first, a page at a time by cursor.',
    complexity: paged(),
  })
  myNotificationsPage(@CurrentActor() actor: Actor, @Args() args: NotificationPageArgs): Promise<NotificationPage> {
    return this.notifications.pageForUser(actor.id, args.unreadOnly, args.limit, args.after ?? null);
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
