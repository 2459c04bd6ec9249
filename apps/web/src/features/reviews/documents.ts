import { graphql } from '../../gql';

export const CriterionScoreFields = graphql(`
  fragment CriterionScoreFields on CriterionScore {
    criterion
    score
    comment
  }
`);

export const AssessmentFields = graphql(`
  fragment AssessmentFields on Assessment {
    id
    reviewId
    teamId
    state
    version
    mine
    position
    conflictDeclared
    assignedAt
    submittedAt
    dueAt
    recommendation
    comment
    scores {
      ...CriterionScoreFields
    }
    reviewer {
      id
      nameAr
      nameEn
      agency {
        id
        nameAr
        nameEn
      }
    }
    availableEvents {
      ...AvailableEventFields
    }
  }
`);

export const ReviewAggregateFields = graphql(`
  fragment ReviewAggregateFields on ReviewAggregate {
    submitted
    disagreement
    criteria {
      criterion
      count
      mean
      min
      max
      spread
      disagreement
    }
    recommendations {
      recommendation
      count
    }
  }
`);

export const ReviewFields = graphql(`
  fragment ReviewFields on MidpointReview {
    id
    teamId
    cohortId
    state
    version
    openedAt
    decidedAt
    assessmentsDueAt
    assignedCount
    submittedCount
    minimumAssessments
    assessments {
      ...AssessmentFields
    }
    aggregate {
      ...ReviewAggregateFields
    }
  }
`);

/** A reviewer's own assignments, the ones to do first. */
export const MyAssessmentsQuery = graphql(`
  query MyAssessments {
    myAssessments {
      id
      state
      version
      conflictDeclared
      dueAt
      submittedAt
      team {
        id
        nameAr
        nameEn
        state
        cohort {
          id
          nameAr
          nameEn
          timeZone
        }
      }
      review {
        id
        state
      }
    }
  }
`);

/** One assessment with its review, for the reviewer's form. */
export const AssessmentQuery = graphql(`
  query Assessment($id: UUID!) {
    assessment(id: $id) {
      ...AssessmentFields
      review {
        ...ReviewFields
      }
      team {
        id
        nameAr
        nameEn
        cohort {
          id
          nameAr
          nameEn
          timeZone
        }
      }
    }
  }
`);

export const SaveAssessmentMutation = graphql(`
  mutation SaveAssessment($input: AssessmentFieldsInput!) {
    saveAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const SubmitAssessmentMutation = graphql(`
  mutation SubmitAssessment($input: AssessmentFieldsInput!) {
    submitAssessment(input: $input) {
      ...AssessmentFields
    }
  }
`);

export const DeclareReviewConflictMutation = graphql(`
  mutation DeclareReviewConflict($input: DeclareReviewConflictInput!) {
    declareReviewConflict(input: $input) {
      id
      state
      version
      conflictDeclared
    }
  }
`);

/** The office's assignment page: the cohort's teams, every reviewer, what keeps each off each team. */
export const CohortAssignmentQuery = graphql(`
  query CohortAssignment($cohortId: UUID!) {
    cohort(id: $cohortId) {
      id
      nameAr
      nameEn
      state
      timeZone
      minReviewers
    }
    teams(cohortId: $cohortId) {
      id
      nameAr
      nameEn
      state
      version
      permittedActions
      review {
        id
        state
        assessments {
          id
          state
          version
          teamId
          conflictDeclared
          reviewer {
            id
          }
          availableEvents {
            ...AvailableEventFields
          }
        }
      }
    }
    cohortReviewCandidates(cohortId: $cohortId) {
      teamId
      candidates {
        reviewerId
        assigned
        conflict
        load
      }
    }
    users(role: REVIEWER, limit: 500) {
      id
      nameAr
      nameEn
      active
      agency {
        id
        nameAr
        nameEn
      }
    }
  }
`);

export const ProposedAssignmentQuery = graphql(`
  query ProposedReviewAssignment($cohortId: UUID!) {
    proposedReviewAssignment(cohortId: $cohortId) {
      teamId
      reviewerIds
      short
    }
  }
`);

export const AssignReviewerMutation = graphql(`
  mutation AssignReviewer($input: AssignReviewerInput!) {
    assignReviewer(input: $input) {
      id
      state
    }
  }
`);

export const UnassignReviewerMutation = graphql(`
  mutation UnassignReviewer($input: AssessmentEventInput!) {
    unassignReviewer(input: $input) {
      id
      state
    }
  }
`);

export const ConfirmReviewAssignmentMutation = graphql(`
  mutation ConfirmReviewAssignment($input: ConfirmReviewAssignmentInput!) {
    confirmReviewAssignment(input: $input) {
      id
      teamId
      state
    }
  }
`);

/** The office's decision page: the team, its review with every assessment, the aggregate. */
export const TeamDecisionQuery = graphql(`
  query TeamDecision($id: UUID!) {
    team(id: $id) {
      id
      nameAr
      nameEn
      state
      version
      rag
      midpointDecision
      midpointCorrections
      midpointDecidedAt
      availableEvents {
        ...AvailableEventFields
      }
      review {
        ...ReviewFields
      }
      cohort {
        id
        nameAr
        nameEn
        state
        timeZone
        day1
        currentDay
      }
    }
  }
`);

/** The mid-point teams of a cohort, for the office to open each decision. */
export const CohortReviewsQuery = graphql(`
  query CohortReviews($cohortId: UUID!) {
    cohort(id: $cohortId) {
      id
      nameAr
      nameEn
      state
      timeZone
      minReviewers
    }
    teams(cohortId: $cohortId) {
      id
      nameAr
      nameEn
      state
      rag
      midpointDecision
      review {
        id
        state
        assignedCount
        submittedCount
        minimumAssessments
        aggregate {
          disagreement
        }
      }
    }
  }
`);

export const DecideMidpointMutation = graphql(`
  mutation DecideMidpoint($input: DecideMidpointInput!) {
    decideMidpoint(input: $input) {
      id
      state
      version
      midpointDecision
      midpointCorrections
      midpointDecidedAt
    }
  }
`);

/** What the team's workspace shows of its review and its deadlines. */
export const TeamReviewQuery = graphql(`
  query TeamReview($id: UUID!) {
    team(id: $id) {
      id
      state
      midpointDecision
      midpointCorrections
      midpointDecidedAt
      review {
        ...ReviewFields
      }
      deadlines {
        id
        kind
        group
        dueAt
        day
        state
        concerns
        settledAt
      }
      cohort {
        id
        timeZone
      }
    }
  }
`);

/** The cohort's team deadlines by the calendar. */
export const CohortTeamDeadlinesQuery = graphql(`
  query CohortTeamDeadlines($id: UUID!) {
    cohort(id: $id) {
      id
      timeZone
      teamDeadlines {
        key
        kind
        day
        dueAt
        concerns
        pending
        fired
        skipped
      }
    }
  }
`);
