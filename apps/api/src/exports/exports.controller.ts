import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AppError } from '../common/app-error.js';
import { translate } from '../common/messages.js';
import { SESSION_COOKIE, SessionResolver } from '../graphql-context/context.factory.js';
import { actorOf, requestLanguage } from '../graphql-context/request-context.js';
import { ExportsService } from './exports.service.js';

/** `filename` for old clients (ASCII), `filename*` with the real name (RFC 6266, RFC 5987). */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /exports/:id/file: the finished file, for the session of its requester (the cookie the web
 * sends), while they may still read what it holds. Another person's export, one they may no
 * longer read and one that does not exist all answer 404 alike; no session 401; not built yet 409.
 */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly sessions: SessionResolver,
  ) {}

  @Get(':id/file')
  async file(@Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessions.resolveSession(req.cookies?.[SESSION_COOKIE]);
    const lang = requestLanguage(req, session?.user ?? null);
    const refuse = (status: number, code: string, message: string) =>
      reply.status(status).header('cache-control', 'no-store').send({ code, message });
    if (!session) return void (await refuse(401, 'UNAUTHENTICATED', translate(lang, 'error.unauthenticated')));
    try {
      const file = await this.exports.file(actorOf(session.user), id);
      const extension = file.fileName.split('.').pop() ?? 'bin';
      await reply
        .status(200)
        .header('content-type', file.contentType)
        .header('content-length', String(file.content.length))
        .header('content-disposition', contentDisposition(file.fileName, `export-${id.slice(0, 8)}.${extension}`))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'NOT_ALLOWED') await refuse(409, 'NOT_READY', translate(lang, err.key));
      else await refuse(404, 'NOT_FOUND', translate(lang, 'error.notFound'));
    }
  }
}
