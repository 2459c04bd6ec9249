import type { TFunction } from 'i18next';

import type { Problem } from '../api/errors';

/** A client-side hint only: the server's validation has the final word. */
export function required(t: TFunction) {
  return (value: unknown): string | null => {
    if (typeof value === 'string') return value.trim() ? null : t('form.required');
    if (Array.isArray(value)) return value.length > 0 ? null : t('form.required');
    return value === null || value === undefined ? t('form.required') : null;
  };
}

/**
 * Puts the server's field messages under the matching form fields. Returns true when every
 * message found a field, so nothing else needs to be said; false when the caller should show
 * the problem's message (no fields, or a field this form does not have).
 */
export function applyProblem(
  form: { getValues: () => object; setErrors: (errors: Record<string, string>) => void },
  problem: Problem,
): boolean {
  const entries = Object.entries(problem.fields);
  if (entries.length === 0) return false;
  const known = entries.filter(([field]) => field in form.getValues());
  form.setErrors(Object.fromEntries(known));
  return known.length === entries.length;
}

/** The show/hide button of password fields: named, and reachable with the keyboard. */
export function passwordToggle(t: TFunction) {
  return { 'aria-label': t('form.togglePassword'), tabIndex: 0 };
}
