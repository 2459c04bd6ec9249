import { graphql } from '../gql';

/** An event the current user may fire on a workflow object now, with the guards that still stop it. */
export const AvailableEventFields = graphql(`
  fragment AvailableEventFields on AvailableEvent {
    event
    blockedBy
    blockedReasons
    needsInput
    targets
    inputs {
      input
      required
    }
  }
`);

/** One transition of a workflow object, as its history table shows it. */
export const TransitionRecordFields = graphql(`
  fragment TransitionRecordFields on TransitionRecord {
    id
    event
    fromState
    toState
    caller
    reason
    occurredAt
    actor {
      id
      nameAr
      nameEn
    }
  }
`);
