import { can, GLOBAL_ROLES, type Actor, type GlobalRole } from '@hundred/domain';
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
import { IsOptional } from 'class-validator';

import { assertCan, Ctx, CurrentActor, Public, Requires } from '../common/auth.js';
import { AppError } from '../common/app-error.js';
import { GlobalRoleEnum } from '../common/graphql-enums.js';
import { listOf, PageArgs, paged } from '../common/paging.js';
import { UuidScalar } from '../common/uuid.scalar.js';
import { Between, Int as IsInteger, MaxLen, OneOf, Uuid } from '../common/validation.js';
import { actorOf, type RequestContext } from '../graphql-context/request-context.js';
import { TransitionRecord } from '../workflow/history.js';
import { Agency } from './agency.entity.js';
import { AgencyService } from './agency.service.js';
import { AuthService, SESSION_COOKIE } from './auth.service.js';
import { CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs.js';
import {
  ChangeMyPasswordInput,
  CreateUserInput,
  ResetUserPasswordInput,
  SetUserRolesInput,
  SignInInput,
  UpdateMyPreferencesInput,
  UpdateUserInput,
} from './dto/user.inputs.js';
import { User } from './user.entity.js';
import { AGENCY, USER } from './identity.loaders.js';
import { UserService } from './user.service.js';

const acting = (ctx: RequestContext, actor: Actor) => ({ actorId: actor.id, ip: ctx.ip });

/**
 * Whether a person's account details (e-mail, global roles) are the viewer's to see: exactly
 * when the viewer may open that person (`user.read`), so that no path to a person — a team's
 * members, a history's actor, a comment's author — shows more than `user(id)` would
 * (CONTRIBUTING.md, "What a person's name and roles reveal").
 */
const seesAccount = (actor: Actor | null, user: User): boolean =>
  can(actor, 'user.read', { type: 'user', id: user.id, agencyId: user.agencyId });

@ArgsType()
class UserListArgs extends PageArgs(200, 500) {
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() agencyId?: string | null;
  @Field(() => GlobalRoleEnum, { nullable: true }) @IsOptional() @OneOf(GLOBAL_ROLES) role?: GlobalRole | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLen(100) search?: string | null;
}

@ArgsType()
class UserPageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many items, at most 200.' })
  @IsInteger()
  @Between(1, 200)
  limit: number;
  @Field(() => String, {
    nullable: true,
    description: 'The nextCursor of the page before; omitted for the first page.',
  })
  @IsOptional()
  @MaxLen(1200)
  after?: string | null;
  @Field(() => UuidScalar, { nullable: true }) @IsOptional() @Uuid() agencyId?: string | null;
  @Field(() => GlobalRoleEnum, { nullable: true }) @IsOptional() @OneOf(GLOBAL_ROLES) role?: GlobalRole | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLen(100) search?: string | null;
}

@ObjectType({ description: 'A page of people, by name.' })
export class UserPage {
  // The page's `limit` multiplies this (see `usersPage`): counted once here.
  @Field(() => [User], { complexity: listOf(1) }) items: User[];
  @Field(() => String, { nullable: true, description: 'Where the next page starts; null on the last page.' })
  nextCursor: string | null;
}

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Mutation(() => User, { description: 'Signs in and sets the session cookie.' })
  async signIn(@Args('input') input: SignInInput, @Ctx() ctx: RequestContext<User>): Promise<User> {
    const result = await this.auth.signIn(input.email, input.password, {
      ip: ctx.ip,
      userAgent: ctx.req.headers['user-agent'] ?? null,
    });
    void ctx.reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    ctx.user = result.user;
    ctx.actor = actorOf(result.user);
    return result.user;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends this session; true when one was open.' })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    void ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (!ctx.user || !ctx.sessionId) return false;
    await this.auth.signOut(ctx.sessionId, ctx.user.id, ctx.ip);
    return true;
  }

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Ctx() ctx: RequestContext<User>): User | null {
    return ctx.user;
  }

  @Mutation(() => User)
  updateMyPreferences(@Args('input') input: UpdateMyPreferencesInput, @CurrentActor() actor: Actor): Promise<User> {
    return this.userService.updateMyPreferences(actor.id, input);
  }

  @Mutation(() => Boolean, { description: 'Changes your password and signs out your other sessions.' })
  async changeMyPassword(
    @Args('input') input: ChangeMyPasswordInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await this.userService.changeMyPassword(actor.id, input, ctx.sessionId, ctx.ip);
    return true;
  }

  @Requires('user.list', (args) => ({ type: 'user', agencyId: (args.agencyId as string | undefined) ?? undefined }))
  @Query(() => [User], {
    description: 'People, by English name; a focal point sees those of their own agency.',
    complexity: paged(),
  })
  users(@Args() args: UserListArgs): Promise<User[]> {
    return this.userService.list(
      { agencyId: args.agencyId ?? undefined, role: args.role ?? undefined, search: args.search ?? undefined },
      args,
    );
  }

  @Requires('user.list', (args) => ({ type: 'user', agencyId: (args.agencyId as string | undefined) ?? undefined }))
  @Query(() => UserPage, {
    description:
      'People, by name in the language of the request, a page at a time by cursor; a focal point sees those of their own agency.',
    complexity: paged(),
  })
  usersPage(@Args() args: UserPageArgs, @Ctx() ctx: RequestContext): Promise<UserPage> {
    return this.userService.page(
      { agencyId: args.agencyId ?? undefined, role: args.role ?? undefined, search: args.search ?? undefined },
      args.limit,
      args.after ?? null,
      ctx.lang,
    );
  }

  @Query(() => User, { description: 'One user; refused alike whether or not it exists when you may not read it.' })
  async user(@Args('id', { type: () => UuidScalar }) id: string, @CurrentActor() actor: Actor): Promise<User> {
    const found = await this.userService.byId(id).catch(() => null);
    if (!found) {
      // Only those who may read any user learn that it does not exist.
      assertCan(actor, 'user.read', { type: 'user', id, agencyId: '' });
      throw AppError.notFound();
    }
    assertCan(actor, 'user.read', { type: 'user', id, agencyId: found.agencyId });
    return found;
  }

  @Requires('user.create', { type: 'user' })
  @Mutation(() => User)
  createUser(
    @Args('input') input: CreateUserInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.userService.create(input, acting(ctx, actor));
  }

  @Requires('user.update', (args) => ({ type: 'user', id: (args.input as UpdateUserInput).id }))
  @Mutation(() => User)
  updateUser(
    @Args('input') input: UpdateUserInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.userService.update(input, acting(ctx, actor));
  }

  @Requires('user.changeRoles', (args) => ({ type: 'user', id: (args.input as SetUserRolesInput).id }))
  @Mutation(() => User)
  setUserRoles(
    @Args('input') input: SetUserRolesInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.userService.setRoles(input, acting(ctx, actor));
  }

  @Requires('user.update', (args) => ({ type: 'user', id: (args.input as ResetUserPasswordInput).id }))
  @Mutation(() => User, { description: 'Sets a new password for a user and ends their sessions.' })
  resetUserPassword(
    @Args('input') input: ResetUserPasswordInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return this.userService.resetPassword(input, acting(ctx, actor));
  }

  @Requires('user.unlock', { type: 'user' })
  @Mutation(() => Boolean, { description: 'Lifts a sign-in lock-out on an e-mail address.' })
  async unlockSignIn(
    @Args('email') email: string,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await this.auth.unlock(email.trim().toLowerCase(), actor.id, ctx.ip);
    return true;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The e-mail address; null unless you may open this person (yourself, the office, leadership, your agency’s focal point).',
  })
  email(@Parent() user: User, @Context() ctx: RequestContext): string | null {
    return seesAccount(ctx.actor, user) ? user.email : null;
  }

  @ResolveField(() => [GlobalRoleEnum], {
    nullable: true,
    description: 'Roles across the system; null unless you may open this person (as for email).',
  })
  roles(@Parent() user: User, @Context() ctx: RequestContext): GlobalRole[] | null {
    return seesAccount(ctx.actor, user) ? user.roles : null;
  }

  @ResolveField(() => Agency)
  async agency(@Parent() user: User, @Context() ctx: RequestContext): Promise<Agency> {
    const agency = await ctx.loaders.get(AGENCY).load(user.agencyId);
    if (!agency) throw new Error(`agency ${user.agencyId} of user ${user.id} is missing`);
    return agency;
  }
}

@Resolver(() => Agency)
export class AgencyResolver {
  constructor(private readonly agencyService: AgencyService) {}

  @Requires('agency.read', { type: 'agency' })
  @Query(() => [Agency], { complexity: listOf(50) })
  agencies(): Promise<Agency[]> {
    return this.agencyService.list();
  }

  @Requires('agency.create', { type: 'agency' })
  @Mutation(() => Agency)
  createAgency(
    @Args('input') input: CreateAgencyInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Agency> {
    return this.agencyService.create(input, acting(ctx, actor));
  }

  @Requires('agency.update', (args) => ({ type: 'agency', id: (args.input as UpdateAgencyInput).id }))
  @Mutation(() => Agency)
  updateAgency(
    @Args('input') input: UpdateAgencyInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
  ): Promise<Agency> {
    return this.agencyService.update(input, acting(ctx, actor));
  }
}

/** Who fired a transition, as the history shows it. */
@Resolver(() => TransitionRecord)
export class TransitionActorResolver {
  @ResolveField(() => User, {
    nullable: true,
    description: 'The person who fired it; null for the scheduler and cascades.',
  })
  actor(@Parent() record: TransitionRecord, @Context() ctx: RequestContext): Promise<User | null> {
    return record.actorId ? ctx.loaders.get(USER).load(record.actorId) : Promise.resolve(null);
  }
}
