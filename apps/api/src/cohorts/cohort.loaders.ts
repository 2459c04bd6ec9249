import { loaderKey } from '../graphql-context/loaders.js';
import type { Cohort } from './cohort.entity.js';

export const COHORT = loaderKey<Cohort | null>('cohort', null);
