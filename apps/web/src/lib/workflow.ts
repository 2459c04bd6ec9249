import type { EventInput } from '@hundred/workflow';

import type { AvailableEventFieldsFragment } from '../gql/graphql';

/** An event the server offers this user now: what blocks it, what its dialog asks for, where it leads. */
export type AvailableEvent = AvailableEventFieldsFragment;

/** The guards that stop an event even with what its dialog asks for, each with its reason (the server's words). */
export function blockingGuards(
  available: AvailableEvent,
  guardLabel: (guard: string) => string,
): { guard: string; reason: string }[] {
  return available.blockedBy.map((guard, i) => ({ guard, reason: available.blockedReasons[i] ?? guardLabel(guard) }));
}

/** Whether the event's dialog asks for this input. */
export const asksFor = (available: AvailableEvent, input: EventInput): boolean =>
  available.inputs.some((spec) => spec.input === input);

/**
 * Whether the dialog must have this input before sending: the event always needs it, or a guard that
 * fails now is one the dialog's inputs answer (launching while some teams are not ready needs the
 * choice to go without them, and a reason).
 */
export const needs = (available: AvailableEvent, input: EventInput): boolean =>
  available.inputs.some((spec) => spec.input === input && (spec.required || available.needsInput.length > 0));
