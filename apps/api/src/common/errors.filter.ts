import { DEFAULT_LANGUAGE, type Language } from '@hundred/domain';
import { Catch, HttpException, Inject, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';

import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError, graphqlCode } from './app-error.js';
import { fieldLabel, translate } from './messages.js';
import { gqlContext } from '../graphql-context/request-context.js';

/**
 * An expected refusal in the caller's language: its code, one message per field (named by its
 * path in the argument, `values.0.value`), and its machine-readable details.
 */
export function renderAppError(exception: AppError, lang: Language): GraphQLError {
  const fields = exception.fields.map((f) => ({
    field: f.field,
    message: translate(lang, f.key, { ...f.params, field: fieldLabel(lang, labelOf(f.field)) }),
  }));
  const message = fields.length === 1 ? fields[0]!.message : translate(lang, exception.key, exception.params);
  return new GraphQLError(message, {
    extensions: { code: graphqlCode(exception.code), ...(fields.length ? { fields } : {}), ...exception.details },
  });
}

/** The name a field is shown by: the last segment of its path that is not a list index. */
const labelOf = (path: string): string =>
  path
    .split('.')
    .reverse()
    .find((segment) => !/^\d+$/.test(segment)) ?? path;

/**
 * The one place errors become responses. Expected refusals (AppError) are translated into the
 * caller's language with their code and fields; anything else is logged with the request and
 * shown to clients as an internal error, without details in production.
 */
@Catch()
export class ErrorsFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const ctx = gqlContext(host);
    if (!ctx) return this.http(exception, host);
    const lang = ctx.lang ?? DEFAULT_LANGUAGE;

    if (exception instanceof AppError) return renderAppError(exception, lang);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT';
      const key = status === 401 ? 'error.unauthenticated' : status === 403 ? 'error.forbidden' : 'error.validation';
      return new GraphQLError(translate(lang, key), { extensions: { code } });
    }

    const info = host.getArgByIndex(3) as { operation?: { name?: { value?: string } }; fieldName?: string } | undefined;
    this.logger.error(
      {
        err: exception,
        request: {
          id: ctx.req.id,
          operation: info?.operation?.name?.value ?? null,
          field: info?.fieldName ?? null,
          userId: ctx.user?.id ?? null,
          ip: ctx.ip,
        },
      },
      'Unhandled error in a GraphQL operation',
    );
    const shown =
      this.config.nodeEnv === 'production' || !(exception instanceof Error)
        ? translate(lang, 'error.internal')
        : `${translate(lang, 'error.internal')} (${exception.message})`;
    return new GraphQLError(shown, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  private http(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      void reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    this.logger.error({ err: exception }, 'Unhandled error in an HTTP route');
    void reply.status(500).send({ statusCode: 500, message: 'Internal server error' });
  }
}
