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

/** Whether a dotted path (`offsets.intakeCloses`, `holidays.0`, `rubric.1.nameAr`) names a value of the form. */
function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts the server's field messages, whose fields are dotted paths into nested values, under the
 * matching inputs. `aliases` shows a message about a field without an input of its own under a
 * neighbour (e.g. a criterion's generated `key` under its English name). Returns the paths placed
 * and the messages that found no field.
 */
export function applyNestedProblem(
  form: { getValues: () => object; setErrors: (errors: Record<string, string>) => void },
  problem: Problem,
  options: { aliases?: Record<string, string> } = {},
): { placed: string[]; rest: string[] } {
  const values = form.getValues();
  const errors: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(problem.fields)) {
    const parts = field.split('.');
    const last = parts[parts.length - 1] ?? '';
    const alias = options.aliases?.[last];
    // A field without an input of its own shows its message under its neighbour, even where the
    // values hold it (a criterion's `key`).
    const aliased = alias ? [...parts.slice(0, -1), alias].join('.') : null;
    const target = aliased && hasPath(values, aliased) ? aliased : hasPath(values, field) ? field : null;
    if (target && !(target in errors)) errors[target] = message;
    else rest.push(message);
  }
  form.setErrors(errors);
  return { placed: Object.keys(errors), rest };
}

/** The show/hide button of password fields: named, and reachable with the keyboard. */
export function passwordToggle(t: TFunction) {
  return { 'aria-label': t('form.togglePassword'), tabIndex: 0 };
}
