import type { Language } from '@hundred/domain';
import { EVENT_INPUTS, type AvailableEvent as Available, type EventInput } from '@hundred/workflow';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

import { isMessageKey, translate, type MessageKey } from '../common/messages.js';
import { listOf } from '../common/paging.js';

export const EventInputEnum = Object.fromEntries(EVENT_INPUTS.map((i) => [i, i])) as Record<EventInput, EventInput>;
registerEnumType(EventInputEnum, {
  name: 'EventInput',
  description: 'What a person gives together with an event (the dialog asks for it).',
});

@ObjectType({ description: 'Something the dialog of an event asks for.' })
export class EventInputSpec {
  @Field(() => EventInputEnum) input: EventInput;
  @Field({ description: 'Whether the event always needs it.' }) required: boolean;
}

@ObjectType({ description: 'An event the signed-in user may fire now; blocked while a guard fails.' })
export class AvailableEvent {
  @Field() event: string;
  @Field(() => [String], {
    description: 'Guards that fail now and that the dialog cannot answer (empty: it can be fired).',
  })
  blockedBy: string[];
  @Field(() => [String], { description: 'The same, explained in the request language.' }) blockedReasons: string[];
  @Field(() => [String], {
    description: 'Guards that fail now but are answered by what the dialog asks for (a comment, a reason).',
  })
  needsInput: string[];
  @Field(() => [String], { description: 'The same, explained in the request language.' }) needsInputReasons: string[];
  @Field(() => [String], { description: 'The states it leads to.' }) targets: string[];
  @Field(() => [EventInputSpec], { description: 'What the dialog asks for.', complexity: listOf(3) })
  inputs: EventInputSpec[];
}

/** The events a user may fire, with the guards that block each explained in the request language. */
const reason = (lang: Language, guard: string) =>
  translate(lang, (isMessageKey(`guard.${guard}`) ? `guard.${guard}` : 'guard.STATE') as MessageKey);

export function explainAvailable(events: readonly Available<string>[], lang: Language): AvailableEvent[] {
  return events.map((a) => ({
    event: a.event,
    blockedBy: [...a.blockedBy],
    blockedReasons: a.blockedBy.map((g) => reason(lang, g)),
    needsInput: [...a.needsInput],
    needsInputReasons: a.needsInput.map((g) => reason(lang, g)),
    targets: [...a.targets],
    inputs: a.inputs.map((i) => ({ input: i.input, required: i.required })),
  }));
}
