import { graphql } from '../../gql';

export const AgencyNameFields = graphql(`
  fragment AgencyName on Agency {
    id
    code
    nameAr
    nameEn
  }
`);

export const ChallengeSummaryFields = graphql(`
  fragment ChallengeSummary on Challenge {
    id
    cohortId
    state
    version
    titleAr
    titleEn
    submittedAt
    decidedAt
    updatedAt
    meanScore
    leadAgency {
      ...AgencyName
    }
    partnerAgencies {
      ...AgencyName
    }
    cohort {
      id
      nameAr
      nameEn
      state
      timeZone
    }
  }
`);

/** What a row of the approval queue shows and acts on: no texts, comments, history or attachments. */
export const ChallengeQueueItemFields = graphql(`
  fragment ChallengeQueueItem on Challenge {
    ...ChallengeSummary
    leadAgencyId
    partnerAgencyIds
    proposedSponsorId
    proposedTeamLeadId
    proposedSponsor {
      ...PersonName
    }
    proposedTeamLead {
      ...PersonName
    }
    alignmentNodes {
      ...AlignmentNodeFields
    }
    scores {
      criterion
      score
      comment
    }
    approvals {
      leaderId
      approvedAt
      leader {
        ...PersonName
      }
    }
    missingFields
    availableEvents {
      ...AvailableEventFields
    }
    cohort {
      id
      nameAr
      nameEn
      state
      timeZone
      day1
      approvalsRequired
      rubric {
        key
        nameAr
        nameEn
      }
    }
  }
`);

export const ChallengeDetailFields = graphql(`
  fragment ChallengeDetail on Challenge {
    ...ChallengeSummary
    problemAr
    problemEn
    whyAr
    whyEn
    baselineAr
    baselineEn
    ambitionAr
    ambitionEn
    leadAgencyId
    partnerAgencyIds
    alignmentNodeIds
    proposedSponsorId
    proposedTeamLeadId
    alignmentNodes {
      ...AlignmentNodeFields
    }
    proposedSponsor {
      ...PersonName
    }
    proposedTeamLead {
      ...PersonName
    }
    attachments {
      title
      url
    }
    createdAt
    lockedAt
    carriedFromCohortId
    scores {
      criterion
      score
      comment
      scoredById
      scoredAt
    }
    approvals {
      leaderId
      approvedAt
      leader {
        ...PersonName
      }
    }
    comments {
      id
      kind
      body
      createdAt
      authorId
      author {
        ...PersonName
      }
    }
    missingFields
    teamId
    availableEvents {
      ...AvailableEventFields
    }
    history {
      ...TransitionRecordFields
    }
    cohort {
      id
      nameAr
      nameEn
      state
      timeZone
      day1
      approvalsRequired
      rubric {
        key
        nameAr
        nameEn
      }
    }
  }
`);

export const ChallengesQuery = graphql(`
  query Challenges($cohortId: UUID, $states: [ChallengeState!], $agencyId: UUID, $search: String) {
    challenges(cohortId: $cohortId, states: $states, agencyId: $agencyId, search: $search) {
      ...ChallengeSummary
    }
  }
`);

/** The office's list: a page at a time by cursor, most recently changed first. */
export const ChallengeListPageQuery = graphql(`
  query ChallengeListPage(
    $cohortId: UUID
    $states: [ChallengeState!]
    $agencyId: UUID
    $search: String
    $limit: Int!
    $after: String
  ) {
    challengesPage(
      cohortId: $cohortId
      states: $states
      agencyId: $agencyId
      search: $search
      limit: $limit
      after: $after
    ) {
      nextCursor
      items {
        ...ChallengeSummary
      }
    }
  }
`);

export const ApprovalQueueQuery = graphql(`
  query ApprovalQueue($cohortId: UUID) {
    challenges(cohortId: $cohortId, states: [RECOMMENDED], limit: 50) {
      ...ChallengeQueueItem
    }
    # The tree the challenges' alignment is shown in, in the same answer.
    alignmentTree {
      ...AlignmentNodeFields
    }
  }
`);

export const ChallengeQuery = graphql(`
  query ChallengeDetail($id: UUID!) {
    challenge(id: $id) {
      ...ChallengeDetail
    }
  }
`);

/** The challenge's page: the challenge and the tree its alignment is shown in, in one answer. */
export const ChallengePageQuery = graphql(`
  query ChallengePage($id: UUID!) {
    challenge(id: $id) {
      ...ChallengeDetail
    }
    alignmentTree {
      ...AlignmentNodeFields
    }
  }
`);

export const ChallengeCohortsQuery = graphql(`
  query ChallengeCohorts {
    cohorts {
      id
      nameAr
      nameEn
      state
      day1
      timeZone
    }
  }
`);

export const ChallengeAgenciesQuery = graphql(`
  query ChallengeAgencies {
    agencies {
      ...AgencyName
    }
  }
`);

export const TeamQuery = graphql(`
  query ChallengeTeam($id: UUID!) {
    team(id: $id) {
      id
      state
      nameAr
      nameEn
      createdAt
      members {
        ...TeamMemberFields
      }
    }
  }
`);

export const CreateChallengeMutation = graphql(`
  mutation CreateChallenge($input: CreateChallengeInput!) {
    createChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const UpdateChallengeMutation = graphql(`
  mutation UpdateChallenge($input: UpdateChallengeInput!) {
    updateChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const NameChallengeLeadersMutation = graphql(`
  mutation NameChallengeLeaders($input: NameChallengeLeadersInput!) {
    nameChallengeLeaders(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const ScoreChallengeMutation = graphql(`
  mutation ScoreChallenge($input: ScoreChallengeInput!) {
    scoreChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const AddChallengeCommentMutation = graphql(`
  mutation AddChallengeComment($input: ChallengeCommentInput!) {
    addChallengeComment(input: $input) {
      id
    }
  }
`);

export const SubmitChallengeMutation = graphql(`
  mutation SubmitChallenge($input: ChallengeEventInput!) {
    submitChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const StartChallengeScreeningMutation = graphql(`
  mutation StartChallengeScreening($input: ChallengeEventInput!) {
    startChallengeScreening(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const ReturnChallengeMutation = graphql(`
  mutation ReturnChallenge($input: ChallengeCommentEventInput!) {
    returnChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const RecommendChallengeMutation = graphql(`
  mutation RecommendChallenge($input: ChallengeEventInput!) {
    recommendChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const DeclineChallengeMutation = graphql(`
  mutation DeclineChallenge($input: ChallengeReasonEventInput!) {
    declineChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const ApproveChallengeMutation = graphql(`
  mutation ApproveChallenge($input: ChallengeEventInput!) {
    approveChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const RejectChallengeMutation = graphql(`
  mutation RejectChallenge($input: ChallengeReasonEventInput!) {
    rejectChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const DeferChallengeMutation = graphql(`
  mutation DeferChallenge($input: ChallengeReasonEventInput!) {
    deferChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const WithdrawChallengeMutation = graphql(`
  mutation WithdrawChallenge($input: ChallengeEventInput!) {
    withdrawChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);

export const CarryOverChallengeMutation = graphql(`
  mutation CarryOverChallenge($input: CarryOverChallengeInput!) {
    carryOverChallenge(input: $input) {
      ...ChallengeDetail
    }
  }
`);
