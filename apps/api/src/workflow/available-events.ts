import type { Language } from '@hundred/domain';
import type { AvailableEvent as Available } from '@hundred/workflow';

import type { AvailableEvent } from '../cohorts/cohort.types.js';
import { isMessageKey, translate, type MessageKey } from '../common/messages.js';

/** The events a user may fire, with the guards that block each explained in the request language. */
export function explainAvailable(events: readonly Available<string>[], lang: Language): AvailableEvent[] {
  return events.map((a) => ({
    event: a.event,
    blockedBy: [...a.blockedBy],
    blockedReasons: a.blockedBy.map((g) =>
      translate(lang, (isMessageKey(`guard.${g}`) ? `guard.${g}` : 'guard.STATE') as MessageKey),
    ),
  }));
}

/** Stands in, when listing available events, for what the user gives with the event itself. */
export const GIVEN_WITH_THE_EVENT = 'given with the event';
