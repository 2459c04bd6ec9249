import { loaderKey } from '../graphql-context/loaders.js';
import type { FinalReport } from './results.types.js';

export const FINAL_REPORT_OF_TEAM = loaderKey<FinalReport | null>('finalReportOfTeam', null);
