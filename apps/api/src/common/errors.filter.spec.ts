import { Logger, type ArgumentsHost } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { GraphQLError } from 'graphql';

import { loadConfig } from '../config/config.js';
import { AppError } from './app-error.js';
import { ErrorsFilter } from './errors.filter.js';

function graphqlHost(lang: 'ar' | 'en'): ArgumentsHost {
  const context = { lang, req: { id: 'req-1' }, user: null, ip: '127.0.0.1' };
  const host = new ExecutionContextHost([
    {},
    {},
    context,
    { fieldName: 'createAgency', operation: { name: { value: 'CreateAgency' } } },
  ]);
  host.setType('graphql');
  return host;
}

const production = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/x',
  REDIS_URL: 'redis://r',
  PUBLIC_WEB_URL: 'https://x.example',
  LOG_LEVEL: 'fatal',
});

describe('ErrorsFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('hides internal errors from clients in production', () => {
    const out = new ErrorsFilter(production).catch(
      new Error('relation "secret_table" does not exist'),
      graphqlHost('en'),
    );
    expect(out).toBeInstanceOf(GraphQLError);
    expect((out as GraphQLError).message).toBe(
      'Something went wrong on our side. The error was logged; please try again.',
    );
    expect((out as GraphQLError).message).not.toContain('secret_table');
    expect((out as GraphQLError).extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('translates expected refusals with their code and fields', () => {
    const err = AppError.field('code', 'error.duplicate', { value: 'MOH' });
    const out = new ErrorsFilter(production).catch(err, graphqlHost('ar')) as GraphQLError;
    expect(out.message).toBe('الرمز «MOH» مستخدم من قبل.');
    expect(out.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'code', message: 'الرمز «MOH» مستخدم من قبل.' }],
    });
  });
});
