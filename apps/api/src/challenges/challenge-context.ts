import { missingChallengeFields } from '@hundred/domain';
import type { Caller, ChallengeContext } from '@hundred/workflow';

import type { WorkflowRow } from '../workflow/workflow-runner.js';

export interface ChallengeEventParams {
  comment?: string | null;
  reason?: string | null;
  targetCohortId?: string | null;
}

/** What the guards of a challenge read of it. */
export interface ChallengeFacts {
  titleAr: string;
  titleEn: string;
  problemAr: string;
  whyAr: string;
  baselineAr: string;
  ambitionAr: string;
  leadAgencyId: string;
  alignmentNodeIds: string[];
  proposedSponsorId: string | null;
  proposedTeamLeadId: string | null;
}

/** The guards' context from what is known of a challenge, its cohort, scores and approvals. */
export function challengeContext(
  c: ChallengeFacts,
  cohort: { state: string; approvalsRequired: number; rubricKeys: string[] } | null,
  scoredCriteria: readonly string[],
  approverIds: readonly string[],
  caller: Caller,
  params: ChallengeEventParams = {},
  target: { state: string; later: boolean } | null = null,
): ChallengeContext {
  const rubricKeys = cohort?.rubricKeys ?? [];
  return {
    cohortState: cohort?.state ?? 'UNKNOWN',
    missingFields: missingChallengeFields(c),
    rubricScored: rubricKeys.length > 0 && rubricKeys.every((k) => scoredCriteria.includes(k)),
    sponsorNamed: !!c.proposedSponsorId,
    teamLeadNamed: !!c.proposedTeamLeadId,
    approvals: approverIds.length,
    approvalsRequired: cohort?.approvalsRequired ?? 1,
    approvedByCaller: caller.kind === 'user' && approverIds.includes(caller.actor.id),
    targetCohortState: target?.state ?? null,
    targetCohortIsLater: target?.later ?? false,
    comment: params.comment,
    reason: params.reason,
  };
}

/** Names for notifications, and whom the audiences mean, from a raw row. */
export function describeChallenge(row: WorkflowRow) {
  return {
    params: { challengeTitleAr: row.title_ar, challengeTitleEn: row.title_en },
    audience: { cohortId: row.cohort_id as string, agencyId: row.lead_agency_id as string, challengeId: row.id },
  };
}
