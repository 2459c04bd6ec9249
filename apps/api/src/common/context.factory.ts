import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthService, SESSION_COOKIE } from '../identity/auth.service.js';
import { LoadersFactory } from './loaders.js';
import { actorOf, requestLanguage, type RequestContext } from './request-context.js';

/** Builds the context of one GraphQL request: session, actor, language, loaders. */
@Injectable()
export class ContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly loaders: LoadersFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(req: FastifyRequest, reply: FastifyReply): Promise<RequestContext> {
    const session = await this.auth.resolveSession(req.cookies?.[SESSION_COOKIE]);
    const user = session?.user ?? null;
    return {
      req,
      reply,
      user,
      actor: user ? actorOf(user) : null,
      sessionId: session?.sessionId ?? null,
      ip: req.ip ?? null,
      loaders: this.loaders.create(),
      secureCookies: this.config.cookieSecure,
      lang: requestLanguage(req, user),
    };
  }
}
