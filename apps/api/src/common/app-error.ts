import type { MessageKey, MessageParams } from './messages.js';

/** Error codes of the whole API. Each maps to one GraphQL `extensions.code` in `graphqlCode`. */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'NOT_ALLOWED'
  | 'INVALID_CREDENTIALS'
  | 'SIGN_IN_THROTTLED'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'TOO_COMPLEX'
  | 'TIMED_OUT';

/** The codes clients see. */
export type GraphqlErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_ALLOWED'
  | 'TOO_MANY_ATTEMPTS'
  | 'RATE_LIMITED'
  | 'TOO_COMPLEX'
  | 'TIMED_OUT'
  | 'INTERNAL_SERVER_ERROR';

export function graphqlCode(code: AppErrorCode): GraphqlErrorCode {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'VALIDATION':
      return 'BAD_USER_INPUT';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'NOT_ALLOWED':
      return 'NOT_ALLOWED';
    case 'SIGN_IN_THROTTLED':
    case 'ACCOUNT_LOCKED':
      return 'TOO_MANY_ATTEMPTS';
    case 'RATE_LIMITED':
      return 'RATE_LIMITED';
    case 'TOO_COMPLEX':
      return 'TOO_COMPLEX';
    case 'TIMED_OUT':
      return 'TIMED_OUT';
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

export interface FieldProblem {
  /** Input property, dotted for nested inputs (e.g. `kpis.0.target`). */
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

export type Subject =
  'agency' | 'user' | 'cohort' | 'challenge' | 'team' | 'review' | 'assessment' | 'changeRequest' | 'alignment';

/** An expected refusal: its message is translated into the caller's language at the edge. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly fields: FieldProblem[] = [],
    /** Machine-readable details for clients (e.g. the guard that failed). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(key);
    this.name = 'AppError';
  }

  static unauthenticated(): AppError {
    return new AppError('UNAUTHENTICATED', 'error.unauthenticated');
  }
  static forbidden(): AppError {
    return new AppError('FORBIDDEN', 'error.forbidden');
  }
  static notFound(): AppError {
    return new AppError('NOT_FOUND', 'error.notFound');
  }
  static conflict(subject: Subject): AppError {
    return new AppError('CONFLICT', 'error.conflict', { subject: `subject.${subject}` });
  }
  static validation(fields: FieldProblem[]): AppError {
    return new AppError('VALIDATION', 'error.validation', {}, fields);
  }
  /** One field is wrong for a reason only the server can tell (e.g. a duplicate code). */
  static field(field: string, key: MessageKey, params: MessageParams = {}): AppError {
    return AppError.validation([{ field, key, params }]);
  }
}
