import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LoaderRegistry } from './loaders.js';
import { actorOf, requestLanguage, type RequestContext, type SessionUser } from './request-context.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'hundred_session';

/** Who the session cookie belongs to: the identity feature provides it. */
export abstract class SessionResolver {
  abstract resolveSession(token: string | undefined): Promise<{ user: SessionUser; sessionId: string } | null>;
}

/** Builds the context of one GraphQL request: session, actor, language, loaders. */
@Injectable()
export class ContextFactory {
  constructor(
    private readonly sessions: SessionResolver,
    private readonly loaders: LoaderRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(req: FastifyRequest, reply: FastifyReply): Promise<RequestContext> {
    const deadline = Date.now() + this.config.requestTimeBudgetMs;
    const session = await this.sessions.resolveSession(req.cookies?.[SESSION_COOKIE]);
    const user = session?.user ?? null;
    return {
      req,
      reply,
      user,
      actor: user ? actorOf(user) : null,
      sessionId: session?.sessionId ?? null,
      ip: req.ip ?? null,
      loaders: this.loaders.forRequest(),
      secureCookies: this.config.cookieSecure,
      lang: requestLanguage(req, user),
      deadline,
    };
  }
}
