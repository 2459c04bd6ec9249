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

/** Moves the focus to the first field in error inside `root`, bringing it into view. */
export function focusFirstInvalid(root: ParentNode): boolean {
  const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return false;
  invalid.scrollIntoView({ block: 'center' });
  invalid.focus({ preventScroll: true });
  return true;
}

/**
 * After any submit the form refused on its own checks, the first field in error takes the focus
 * (WCAG 3.3.1): the forms mark their fields `aria-invalid` as they validate, in the same event, so
 * the next task sees them. Installed once for the whole app; returns the clean-up.
 */
export function focusInvalidFieldsOnSubmit(doc: Document = document): () => void {
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    window.setTimeout(() => {
      const focused = doc.activeElement;
      if (focused && form.contains(focused) && focused.getAttribute('aria-invalid') === 'true') return;
      focusFirstInvalid(form);
    }, 0);
  };
  doc.addEventListener('submit', onSubmit);
  return () => doc.removeEventListener('submit', onSubmit);
}
