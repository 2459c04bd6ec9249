import { DEFAULT_LANGUAGE, isLanguage, type Actor, type GlobalRole, type Language } from '@hundred/domain';
import type { ArgumentsHost, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Loaders } from './loaders.js';

/** What the request context keeps of the signed-in user (the identity feature's user satisfies it). */
export interface SessionUser {
  readonly id: string;
  readonly agencyId: string;
  readonly roles: readonly GlobalRole[];
  readonly preferredLanguage: Language;
}

/** What every resolver may know about the request. Built once per request. */
export interface RequestContext<U extends SessionUser = SessionUser> {
  req: FastifyRequest;
  reply: FastifyReply;
  /** The signed-in user, or null. */
  user: U | null;
  actor: Actor | null;
  sessionId: string | null;
  /** The language of this request's messages. */
  lang: Language;
  ip: string | null;
  /** The request's DataLoaders, one per loader the features declare. */
  loaders: Loaders;
  /** Send cookies with the Secure flag (outside development). */
  secureCookies: boolean;
  /** When this request's time budget runs out (ms since the epoch, real time): no resolver starts after it. */
  deadline: number;
}

/** The language the client asked for (the web sends its current one), else the user's preference. */
export function requestLanguage(req: FastifyRequest, user: SessionUser | null): Language {
  const header = req.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',')[0]?.trim().slice(0, 2).toLowerCase() : undefined;
  if (isLanguage(first)) return first;
  return user?.preferredLanguage ?? DEFAULT_LANGUAGE;
}

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, agencyId: user.agencyId, roles: user.roles };
}

export function gqlContext(host: ExecutionContext | ArgumentsHost): RequestContext | undefined {
  if (host.getType<string>() !== 'graphql') return undefined;
  return GqlExecutionContext.create(host as ExecutionContext).getContext<RequestContext>();
}
