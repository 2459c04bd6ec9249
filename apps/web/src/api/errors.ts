import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** Error codes the API puts in `extensions.code`. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_ALLOWED'
  | 'TOO_MANY_ATTEMPTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

/** A refusal or failure, ready to show: the server's localised message and its field messages. */
export interface Problem {
  code: ApiErrorCode;
  message: string;
  /** Messages by input field (`email`, `nameAr`, `offsets.intakeCloses`, `holidays.0`, ...). */
  fields: Record<string, string>;
  /** For NOT_ALLOWED: the guards that failed (e.g. ALL_TEAMS_READY). */
  failed: string[];
}

const KNOWN_CODES: readonly string[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_ALLOWED',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL_SERVER_ERROR',
];

export function errorCode(error: unknown): ApiErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' && KNOWN_CODES.includes(code) ? (code as ApiErrorCode) : 'INTERNAL_SERVER_ERROR';
  }
  return 'NETWORK';
}

function fieldMessages(raw: unknown): Record<string, string> {
  if (!Array.isArray(raw)) return {};
  const out: Record<string, string> = {};
  for (const item of raw as unknown[]) {
    if (item && typeof item === 'object') {
      const { field, message } = item as { field?: unknown; message?: unknown };
      if (typeof field === 'string' && typeof message === 'string' && !(field in out)) out[field] = message;
    }
  }
  return out;
}

/** Turns whatever a request threw into something to show. Messages from the server are already localised. */
export function toProblem(error: unknown, t: TFunction): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = errorCode(error);
    const fields = fieldMessages(first?.extensions?.fields);
    const failed = Array.isArray(first?.extensions?.failed)
      ? (first.extensions.failed as unknown[]).filter((g): g is string => typeof g === 'string')
      : [];
    return { code, message: first?.message || t('errors.unexpected'), fields, failed };
  }
  return { code: 'NETWORK', message: t('errors.network'), fields: {}, failed: [] };
}
