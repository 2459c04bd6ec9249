import { can, type Action, type Actor, type Resource } from '@hundred/domain';
import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';

import { AppError } from './app-error.js';
import { gqlContext, type RequestContext } from '../graphql-context/request-context.js';

const PUBLIC = 'hundred:public';
const REQUIRES = 'hundred:requires';

/** The operation needs no session (sign-in, health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Whether the operation of this context is declared `@Public()`. */
export const isPublic = (reflector: Reflector, context: ExecutionContext): boolean =>
  reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]) === true;

type ResourceOf = (args: Record<string, unknown>) => Resource;

/**
 * Declares the permission an operation needs, checked by `can()` before the resolver runs.
 * Checks that depend on the loaded object (its agency, its team) are made again in the service.
 */
export const Requires = (action: Action, resource: Resource | ResourceOf) =>
  SetMetadata(REQUIRES, { action, resource });

/** Refuses unauthenticated calls to non-public operations, then applies `@Requires`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const ctx = gqlContext(context);
    if (!ctx) return true; // plain HTTP routes (health) declare their own access
    const targets = [context.getHandler(), context.getClass()];
    if (isPublic(this.reflector, context)) return true;
    if (!ctx.actor) throw AppError.unauthenticated();
    const required = this.reflector.getAllAndOverride<{ action: Action; resource: Resource | ResourceOf } | undefined>(
      REQUIRES,
      targets,
    );
    if (required) {
      const args = GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
      const resource = typeof required.resource === 'function' ? required.resource(args) : required.resource;
      if (!can(ctx.actor, required.action, resource)) throw AppError.forbidden();
    }
    return true;
  }
}

/** Throws FORBIDDEN unless `can` allows; use in services once the object is loaded. */
export function assertCan(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw AppError.forbidden();
}

/** The request context of a GraphQL operation. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext<RequestContext>(),
);

/** The signed-in actor; only on operations the guard has let through as authenticated. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<RequestContext>().actor;
  if (!actor) throw AppError.unauthenticated();
  return actor;
});
