import type { UseFormReturnType } from '@mantine/form';

import type { ChallengeDetailFragment, UpdateChallengeInput } from '../../../gql/graphql';

export type Challenge = ChallengeDetailFragment;

/** The intake form's values as the inputs hold them. */
export interface ChallengeFormValues {
  cohortId: string | null;
  titleAr: string;
  titleEn: string;
  problemAr: string;
  problemEn: string;
  whyAr: string;
  whyEn: string;
  baselineAr: string;
  baselineEn: string;
  ambitionAr: string;
  ambitionEn: string;
  leadAgencyId: string | null;
  partnerAgencyIds: string[];
  alignmentNodeIds: string[];
  attachments: { title: string; url: string }[];
  proposedSponsorId: string | null;
  proposedTeamLeadId: string | null;
}

export type ChallengeForm = UseFormReturnType<ChallengeFormValues>;

/** What a failed submission left to do: the server's words and the fields still empty. */
export interface SubmitFailure {
  message: string;
  missing: string[];
  failed: string[];
  /** Found before sending: nothing was saved. */
  unsent?: boolean;
}

/** What a new draft starts with: the cohort named in the address (or the only one open), the user's agency. */
export interface DraftDefaults {
  cohortId: string | null;
  leadAgencyId: string | null;
}

/** The id each input carries, so the checklist can take the focus to it. */
export const fieldId = (field: string) => `challenge-field-${field}`;

/** The form's values for a challenge being edited, or for a new draft. */
export function valuesOf(challenge: Challenge | null, defaults: DraftDefaults): ChallengeFormValues {
  return {
    cohortId: challenge?.cohortId ?? defaults.cohortId,
    titleAr: challenge?.titleAr ?? '',
    titleEn: challenge?.titleEn ?? '',
    problemAr: challenge?.problemAr ?? '',
    problemEn: challenge?.problemEn ?? '',
    whyAr: challenge?.whyAr ?? '',
    whyEn: challenge?.whyEn ?? '',
    baselineAr: challenge?.baselineAr ?? '',
    baselineEn: challenge?.baselineEn ?? '',
    ambitionAr: challenge?.ambitionAr ?? '',
    ambitionEn: challenge?.ambitionEn ?? '',
    leadAgencyId: challenge?.leadAgencyId ?? defaults.leadAgencyId,
    partnerAgencyIds: challenge ? [...challenge.partnerAgencyIds] : [],
    alignmentNodeIds: challenge ? [...challenge.alignmentNodeIds] : [],
    attachments: challenge ? challenge.attachments.map(({ title, url }) => ({ title, url })) : [],
    proposedSponsorId: challenge?.proposedSponsorId ?? null,
    proposedTeamLeadId: challenge?.proposedTeamLeadId ?? null,
  };
}

/** Attachment rows with a title or an address; empty rows are not sent. */
export const keptAttachments = (v: ChallengeFormValues) => v.attachments.filter((a) => a.title.trim() || a.url.trim());

/** What is sent for the values on screen: texts trimmed, empty rows dropped, the lead agency not a partner too. */
export function fieldsOf(v: ChallengeFormValues): Omit<UpdateChallengeInput, 'id' | 'version'> {
  return {
    titleAr: v.titleAr.trim(),
    titleEn: v.titleEn.trim(),
    problemAr: v.problemAr.trim(),
    problemEn: v.problemEn.trim(),
    whyAr: v.whyAr.trim(),
    whyEn: v.whyEn.trim(),
    baselineAr: v.baselineAr.trim(),
    baselineEn: v.baselineEn.trim(),
    ambitionAr: v.ambitionAr.trim(),
    ambitionEn: v.ambitionEn.trim(),
    leadAgencyId: v.leadAgencyId ?? '',
    partnerAgencyIds: v.partnerAgencyIds.filter((id) => id !== v.leadAgencyId),
    alignmentNodeIds: v.alignmentNodeIds,
    attachments: keptAttachments(v).map((a) => ({ title: a.title.trim(), url: a.url.trim() })),
    proposedSponsorId: v.proposedSponsorId,
    proposedTeamLeadId: v.proposedTeamLeadId,
  };
}
