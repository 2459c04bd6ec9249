import type { AvailableEventFieldsFragment } from '../gql/graphql';

export type AvailableEvent = AvailableEventFieldsFragment;

/** Why a guard stops an event, in the server's words where it gave them. */
export function guardReason(available: AvailableEvent, guard: string, guardLabel: (guard: string) => string): string {
  return available.blockedReasons[available.blockedBy.indexOf(guard)] ?? guardLabel(guard);
}

/** The guards that stop an event even with what its dialog asks for, each with its reason. */
export function blockingGuards(
  available: AvailableEvent,
  guardLabel: (guard: string) => string,
  resolvedInDialog: readonly string[] = [],
): { guard: string; reason: string }[] {
  return available.blockedBy
    .map((guard, i) => ({ guard, reason: available.blockedReasons[i] ?? guardLabel(guard) }))
    .filter(({ guard }) => !resolvedInDialog.includes(guard));
}
