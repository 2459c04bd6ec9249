import type { ActionResult, Refusal } from '@hundred/workflow';

import { AppError, type Subject } from '../common/app-error.js';

/** The API's error for a refusal of libs/workflow: FORBIDDEN, or NOT_ALLOWED naming the state or the guard. */
export function refusalError(
  refusal: Refusal | Exclude<ActionResult, { ok: true }>,
  subject: Subject,
  state: string,
): AppError {
  const what = 'event' in refusal ? refusal.event : refusal.action;
  if (refusal.code === 'FORBIDDEN') return AppError.forbidden();
  if (refusal.guard === 'STATE') {
    return new AppError(
      'NOT_ALLOWED',
      'error.notAllowedState',
      { event: what, state, subject: `subject.${subject}` },
      [],
      { guard: 'STATE', failed: ['STATE'], state, event: what },
    );
  }
  const failed = 'failed' in refusal ? refusal.failed : [refusal.guard];
  return new AppError('NOT_ALLOWED', 'error.notAllowed', { guard: `guard.${refusal.guard}` }, [], {
    guard: refusal.guard,
    failed,
    event: what,
    state,
  });
}
