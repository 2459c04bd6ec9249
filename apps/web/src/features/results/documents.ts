import { graphql } from '../../gql';

export const SustainmentPlanFields = graphql(`
  fragment SustainmentPlanFields on SustainmentPlan {
    id
    teamId
    version
    updatedAt
    ownerAgencyId
    kpiIds
    contentComplete
    checkpointDays
    permittedActions
    actions {
      descriptionAr
      descriptionEn
      responsibleAgencyId
      dueDate
    }
    pledge {
      planVersion
      signedAt
      signedById
      valid
    }
    checkpoints {
      index
      day
      dueAt
      remindAt
      state
      report {
        note
        reportedAt
        reportedById
        values {
          kpiId
          value
          asOf
          evidence
        }
      }
    }
    kpis {
      kpiId
      nameAr
      nameEn
      unit
      direction
      baseline
      target
      originalTarget
      points {
        day
        value
        source
      }
    }
  }
`);

export const FinalReportFields = graphql(`
  fragment FinalReportFields on FinalReport {
    id
    teamId
    version
    narrative
    lessons
    scaling
    submittedAt
    updatedAt
    values {
      kpiId
      value
      asOf
      evidence
    }
  }
`);

export const TeamResultsFields = graphql(`
  fragment TeamResults on Team {
    id
    cohortId
    cohort {
      id
      timeZone
    }
    challengeId
    state
    version
    nameAr
    nameEn
    leadAgencyId
    myRoles
    permittedActions
    availableEvents {
      ...AvailableEventFields
    }
    members {
      userId
      role
      user {
        id
        nameAr
        nameEn
      }
    }
    goals {
      id
      titleAr
      titleEn
      kpis {
        id
        nameAr
        nameEn
        unit
        direction
        baseline
        target
        originalBaseline
        originalTarget
        values {
          value
          asOf
        }
      }
    }
    midpointDecision
    midpointCorrections
    midpointDecidedAt
    outcome
    proposedOutcome
    outcomeRecordedAt
    outcomeProposal {
      outcome
      mean
      kpis {
        kpiId
        baseline
        target
        originalTarget
        final
        attainment
        againstOriginal
      }
    }
    finalReport {
      ...FinalReportFields
    }
    sustainmentPlan {
      ...SustainmentPlanFields
    }
    sustainmentStatus
    scaledTo
    sustainmentClosedAt
    history {
      ...TransitionRecordFields
    }
  }
`);

export const TeamResultsQuery = graphql(`
  query TeamResultsPage($id: UUID!) {
    team(id: $id) {
      ...TeamResults
      cohort {
        id
        nameAr
        nameEn
        state
        day1
        timeZone
        currentDay
      }
    }
    agencies {
      id
      code
      nameAr
      nameEn
    }
    clock {
      now
    }
  }
`);

export const CohortResultsQuery = graphql(`
  query CohortResults($cohortId: UUID!) {
    teams(cohortId: $cohortId) {
      id
      nameAr
      nameEn
      state
      outcome
      proposedOutcome
      sustainmentStatus
      scaledTo
      finalReport {
        id
        submittedAt
      }
      sustainmentPlan {
        id
        pledge {
          valid
        }
        checkpoints {
          index
          day
          state
        }
      }
    }
  }
`);

export const SaveFinalReportMutation = graphql(`
  mutation SaveFinalReport($input: SaveFinalReportInput!) {
    saveFinalReport(input: $input) {
      ...FinalReportFields
    }
  }
`);

export const SubmitFinalReportMutation = graphql(`
  mutation SubmitFinalReport($input: TeamEventInput!) {
    submitFinalReport(input: $input) {
      id
      state
      version
    }
  }
`);

export const RecordTeamOutcomeMutation = graphql(`
  mutation RecordTeamOutcome($input: RecordOutcomeInput!) {
    recordTeamOutcome(input: $input) {
      id
      state
      version
      outcome
    }
  }
`);

export const SaveSustainmentPlanMutation = graphql(`
  mutation SaveSustainmentPlan($input: SaveSustainmentPlanInput!) {
    saveSustainmentPlan(input: $input) {
      ...SustainmentPlanFields
    }
  }
`);

export const SignSustainmentPledgeMutation = graphql(`
  mutation SignSustainmentPledge($input: SignPledgeInput!) {
    signSustainmentPledge(input: $input) {
      ...SustainmentPlanFields
    }
  }
`);

export const StartTeamSustainmentMutation = graphql(`
  mutation StartTeamSustainment($input: TeamEventInput!) {
    startTeamSustainment(input: $input) {
      id
      state
      version
    }
  }
`);

export const ReportCheckpointMutation = graphql(`
  mutation ReportCheckpoint($input: ReportCheckpointInput!) {
    reportCheckpoint(input: $input) {
      ...SustainmentPlanFields
    }
  }
`);

export const CloseTeamSustainmentMutation = graphql(`
  mutation CloseTeamSustainment($input: CloseSustainmentInput!) {
    closeTeamSustainment(input: $input) {
      id
      state
      version
      sustainmentStatus
      scaledTo
    }
  }
`);
