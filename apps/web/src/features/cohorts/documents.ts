import { graphql } from '../../gql';

export const CohortSummaryFields = graphql(`
  fragment CohortSummary on Cohort {
    id
    nameAr
    nameEn
    state
    day1
    timeZone
    currentDay
    version
  }
`);

export const CohortDetailFields = graphql(`
  fragment CohortDetail on Cohort {
    ...CohortSummary
    weekendDays
    holidays
    minReviewers
    approvalsRequired
    minTeamMembers
    minTeamAgencies
    checkInEscalationRepeatWeeks
    updatedAt
    offsets {
      intakeOpens
      intakeCloses
      intakeCloseReminderDays
      selectionEnds
      goalsDue
      goalsReminderDays
      launch
      launchReminderDays
      checkInWeekday
      checkInTime
      midpointOpens
      assessmentsDue
      assessmentReminderDays
      midpointCloses
      results
      finalReportDue
      finalReportReminderDays
      sustainmentStarts
      checkpoints
      checkpointReminderDays
      closeAfterLastCheckpointDays
      screeningWorkingDays
      screeningReminderWorkingDays
      screeningEscalationWorkingDays
      decisionWorkingDays
      decisionReminderWorkingDays
    }
    rubric {
      key
      nameAr
      nameEn
    }
    ragThresholds {
      green
      amber
      staleDays
    }
    phases {
      state
      startsAt
      endsAt
      startDay
      endDay
    }
    deadlines {
      id
      kind
      group
      dueAt
      nextCheckAt
      day
      state
      blockedBy
    }
    history {
      ...TransitionRecordFields
    }
    availableEvents {
      ...AvailableEventFields
    }
    calendarProblems {
      field
      code
      message
    }
  }
`);

export const CohortsQuery = graphql(`
  query Cohorts {
    cohorts {
      ...CohortSummary
    }
  }
`);

export const CohortQuery = graphql(`
  query CohortDetail($id: UUID!) {
    cohort(id: $id) {
      ...CohortDetail
    }
    # The clock in the same answer: the page and its demo clock read it from here.
    clock {
      now
      offsetMs
      controllable
    }
  }
`);

export const ClockQuery = graphql(`
  query Clock {
    clock {
      now
      offsetMs
      controllable
    }
  }
`);

export const AdvanceClockMutation = graphql(`
  mutation AdvanceClock($input: AdvanceClockInput!) {
    advanceClock(input: $input) {
      now
      offsetMs
      controllable
    }
  }
`);

export const CreateCohortMutation = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      ...CohortDetail
    }
  }
`);

export const UpdateCohortMutation = graphql(`
  mutation UpdateCohort($input: UpdateCohortInput!) {
    updateCohort(input: $input) {
      ...CohortDetail
    }
  }
`);

export const OpenCohortIntakeMutation = graphql(`
  mutation OpenCohortIntake($input: CohortEventInput!) {
    openCohortIntake(input: $input) {
      ...CohortDetail
    }
  }
`);

export const CloseCohortIntakeMutation = graphql(`
  mutation CloseCohortIntake($input: CohortEventInput!) {
    closeCohortIntake(input: $input) {
      ...CohortDetail
    }
  }
`);

export const StartCohortPreparationMutation = graphql(`
  mutation StartCohortPreparation($input: CohortEventInput!) {
    startCohortPreparation(input: $input) {
      ...CohortDetail
    }
  }
`);

export const LaunchCohortMutation = graphql(`
  mutation LaunchCohort($input: LaunchCohortInput!) {
    launchCohort(input: $input) {
      ...CohortDetail
    }
  }
`);

export const CloseCohortMidpointMutation = graphql(`
  mutation CloseCohortMidpoint($input: CohortEventInput!) {
    closeCohortMidpoint(input: $input) {
      ...CohortDetail
    }
  }
`);

export const StartCohortSustainmentMutation = graphql(`
  mutation StartCohortSustainment($input: CohortEventInput!) {
    startCohortSustainment(input: $input) {
      ...CohortDetail
    }
  }
`);

export const CloseCohortMutation = graphql(`
  mutation CloseCohort($input: CohortEventInput!) {
    closeCohort(input: $input) {
      ...CohortDetail
    }
  }
`);

export const CancelCohortMutation = graphql(`
  mutation CancelCohort($input: CancelCohortInput!) {
    cancelCohort(input: $input) {
      ...CohortDetail
    }
  }
`);
