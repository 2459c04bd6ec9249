import { loaderKey } from '../graphql-context/loaders.js';
import type { CheckpointReport, SustainmentPlan } from './sustainment.types.js';

export const PLAN_OF_TEAM = loaderKey<SustainmentPlan | null>('planOfTeam', null);
/** The checkpoint reports of a plan, by plan id: one per checkpoint index reported. */
export const CHECKPOINT_REPORTS = loaderKey<(CheckpointReport & { index: number })[]>('checkpointReports', []);
