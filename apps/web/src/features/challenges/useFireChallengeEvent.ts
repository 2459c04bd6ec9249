import { useApolloClient } from '@apollo/client/react';
import type { ChallengeEvent } from '@hundred/workflow';

import type { ChallengeDetailFragment } from '../../gql/graphql';
import {
  ApproveChallengeMutation,
  CarryOverChallengeMutation,
  DeclineChallengeMutation,
  DeferChallengeMutation,
  RecommendChallengeMutation,
  RejectChallengeMutation,
  ReturnChallengeMutation,
  StartChallengeScreeningMutation,
  SubmitChallengeMutation,
  WithdrawChallengeMutation,
} from './documents';

type Challenge = ChallengeDetailFragment;

/** What an event's dialog gathered: the comment or reason typed, the later cohort chosen. */
export interface EventExtras {
  text: string;
  targetCohortId: string | null;
}

/** Sends one event with the version on screen; the answer replaces the challenge in the cache. */
export function useFireChallengeEvent() {
  const client = useApolloClient();
  return async (challenge: Pick<Challenge, 'id' | 'version'>, event: ChallengeEvent, extras: EventExtras) => {
    const input = { id: challenge.id, version: challenge.version };
    const text = extras.text.trim();
    switch (event) {
      case 'SUBMIT':
        return (await client.mutate({ mutation: SubmitChallengeMutation, variables: { input } })).data?.submitChallenge;
      case 'START_SCREENING':
        return (await client.mutate({ mutation: StartChallengeScreeningMutation, variables: { input } })).data
          ?.startChallengeScreening;
      case 'RETURN':
        return (
          await client.mutate({ mutation: ReturnChallengeMutation, variables: { input: { ...input, comment: text } } })
        ).data?.returnChallenge;
      case 'RECOMMEND':
        return (await client.mutate({ mutation: RecommendChallengeMutation, variables: { input } })).data
          ?.recommendChallenge;
      case 'DECLINE':
        return (
          await client.mutate({ mutation: DeclineChallengeMutation, variables: { input: { ...input, reason: text } } })
        ).data?.declineChallenge;
      case 'APPROVE':
        return (await client.mutate({ mutation: ApproveChallengeMutation, variables: { input } })).data
          ?.approveChallenge;
      case 'REJECT':
        return (
          await client.mutate({ mutation: RejectChallengeMutation, variables: { input: { ...input, reason: text } } })
        ).data?.rejectChallenge;
      case 'DEFER':
        return (
          await client.mutate({ mutation: DeferChallengeMutation, variables: { input: { ...input, reason: text } } })
        ).data?.deferChallenge;
      case 'WITHDRAW':
        return (await client.mutate({ mutation: WithdrawChallengeMutation, variables: { input } })).data
          ?.withdrawChallenge;
      case 'CARRY_OVER':
        return (
          await client.mutate({
            mutation: CarryOverChallengeMutation,
            variables: { input: { ...input, targetCohortId: extras.targetCohortId ?? '' } },
          })
        ).data?.carryOverChallenge;
      default: {
        const unknown: never = event;
        throw new Error(`no mutation fires ${String(unknown)}`);
      }
    }
  };
}
