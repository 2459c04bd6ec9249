import { loaderKey } from '../graphql-context/loaders.js';
import type { ChallengeApproval, ChallengeComment, ChallengeScore } from './challenge.entity.js';

export const CHALLENGE_SCORES = loaderKey<ChallengeScore[]>('challengeScores', []);
export const CHALLENGE_APPROVALS = loaderKey<ChallengeApproval[]>('challengeApprovals', []);
export const CHALLENGE_COMMENTS = loaderKey<ChallengeComment[]>('challengeComments', []);
/** The team of an approved challenge, by the challenge's id. */
export const TEAM_OF_CHALLENGE = loaderKey<string | null>('teamOfChallenge', null);
