import { loaderKey } from '../graphql-context/loaders.js';
import type { Assessment, MidpointReview } from './reviews.types.js';

/** The review of a team, by team id. */
export const REVIEW_OF_TEAM = loaderKey<MidpointReview | null>('reviewOfTeam', null);
/** Every assessment of a review (unassigned ones too), by review id, in the order they were assigned. */
export const ASSESSMENTS_OF_REVIEW = loaderKey<Assessment[]>('assessmentsOfReview', []);
