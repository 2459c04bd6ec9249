import { graphql } from '../../gql';

export const TeamSummaryFields = graphql(`
  fragment TeamSummary on Team {
    id
    cohortId
    challengeId
    state
    version
    nameAr
    nameEn
    leadAgencyId
    rag
    myRoles
    checkInsFlaggedAt
    goalsFrozenAt
    updatedAt
  }
`);

export const TeamMemberFields = graphql(`
  fragment TeamMemberFields on TeamMember {
    userId
    role
    addedAt
    user {
      id
      nameAr
      nameEn
      agencyId
      active
      agency {
        id
        code
        nameAr
        nameEn
      }
    }
  }
`);

export const KpiValueFields = graphql(`
  fragment KpiValueFields on KpiValue {
    kpiId
    value
    asOf
    evidence
    checkInId
    submittedAt
  }
`);

export const KpiFields = graphql(`
  fragment KpiFields on Kpi {
    id
    goalId
    version
    sort
    nameAr
    nameEn
    unit
    direction
    baseline
    target
    originalBaseline
    originalTarget
    dataSource
    isProxy
    frozenAt
    rag
    expected
    progress
    latestValue {
      ...KpiValueFields
    }
    values {
      ...KpiValueFields
    }
    trajectory {
      day
      value
    }
  }
`);

export const GoalFields = graphql(`
  fragment GoalFields on Goal {
    id
    version
    sort
    titleAr
    titleEn
    alignmentNodeIds
    rag
    kpis {
      ...KpiFields
    }
  }
`);

export const CheckInFields = graphql(`
  fragment CheckInFields on CheckIn {
    id
    week
    submittedById
    submittedBy {
      id
      nameAr
      nameEn
    }
    submittedAt
    late
    narrative
    blockers
    helpNeeded
    confidence
    supersedesId
    correctionReason
    supersededById
    values {
      ...KpiValueFields
    }
    review {
      reviewerId
      decision
      comment
      reviewedAt
    }
  }
`);

export const ChangeRequestFields = graphql(`
  fragment ChangeRequestFields on KpiChangeRequest {
    id
    kpiId
    state
    version
    fromBaseline
    fromTarget
    toBaseline
    toTarget
    reason
    proposedById
    createdAt
    availableEvents {
      ...AvailableEventFields
    }
  }
`);

export const TeamDetailFields = graphql(`
  fragment TeamDetail on Team {
    ...TeamSummary
    createdAt
    members {
      ...TeamMemberFields
    }
    goals {
      ...GoalFields
    }
    checkIns(limit: 100) {
      ...CheckInFields
    }
    changeRequests {
      ...ChangeRequestFields
    }
    weeks {
      week
      dueAt
    }
    availableEvents {
      ...AvailableEventFields
    }
    permittedActions
    history {
      ...TransitionRecordFields
    }
  }
`);

export const TeamCohortFields = graphql(`
  fragment TeamCohort on Cohort {
    id
    nameAr
    nameEn
    state
    day1
    timeZone
    currentDay
    minTeamMembers
    minTeamAgencies
    ragThresholds {
      green
      amber
      staleDays
    }
  }
`);

export const TeamWorkspaceQuery = graphql(`
  query TeamWorkspace($id: UUID!) {
    team(id: $id) {
      ...TeamDetail
      cohort {
        ...TeamCohort
      }
    }
    clock {
      now
    }
    # What the page names and tags with, in the same answer: the agencies and the alignment tree.
    agencies {
      id
      code
      nameAr
      nameEn
    }
    alignmentTree {
      ...AlignmentNodeFields
    }
  }
`);

export const TeamsQuery = graphql(`
  query Teams($cohortId: UUID) {
    teams(cohortId: $cohortId) {
      ...TeamSummary
      # The list counts the people; who they are is on the team's page.
      members {
        userId
      }
    }
  }
`);

export const TeamListCohortsQuery = graphql(`
  query TeamListCohorts {
    cohorts {
      id
      nameAr
      nameEn
      state
      day1
      currentDay
      timeZone
    }
    agencies {
      id
      code
      nameAr
      nameEn
    }
  }
`);

export const AddTeamMemberMutation = graphql(`
  mutation AddTeamMember($input: TeamMemberInput!) {
    addTeamMember(input: $input) {
      id
      version
    }
  }
`);

export const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($input: TeamMemberInput!) {
    removeTeamMember(input: $input) {
      id
      version
    }
  }
`);

export const CreateGoalMutation = graphql(`
  mutation CreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      id
      version
    }
  }
`);

export const UpdateGoalMutation = graphql(`
  mutation UpdateGoal($input: UpdateGoalInput!) {
    updateGoal(input: $input) {
      id
      version
    }
  }
`);

export const DeleteGoalMutation = graphql(`
  mutation DeleteGoal($input: DeleteInput!) {
    deleteGoal(input: $input)
  }
`);

export const CreateKpiMutation = graphql(`
  mutation CreateKpi($input: CreateKpiInput!) {
    createKpi(input: $input) {
      id
      version
    }
  }
`);

export const UpdateKpiMutation = graphql(`
  mutation UpdateKpi($input: UpdateKpiInput!) {
    updateKpi(input: $input) {
      id
      version
    }
  }
`);

export const DeleteKpiMutation = graphql(`
  mutation DeleteKpi($input: DeleteInput!) {
    deleteKpi(input: $input)
  }
`);

export const SubmitTeamGoalsMutation = graphql(`
  mutation SubmitTeamGoals($input: TeamEventInput!) {
    submitTeamGoals(input: $input) {
      id
      state
      version
    }
  }
`);

export const ReturnTeamGoalsMutation = graphql(`
  mutation ReturnTeamGoals($input: TeamCommentEventInput!) {
    returnTeamGoals(input: $input) {
      id
      state
      version
    }
  }
`);

export const ApproveTeamGoalsMutation = graphql(`
  mutation ApproveTeamGoals($input: TeamEventInput!) {
    approveTeamGoals(input: $input) {
      id
      state
      version
    }
  }
`);

export const WithdrawTeamMutation = graphql(`
  mutation WithdrawTeam($input: TeamReasonEventInput!) {
    withdrawTeam(input: $input) {
      id
      state
      version
    }
  }
`);

export const SubmitCheckInMutation = graphql(`
  mutation SubmitCheckIn($input: SubmitCheckInInput!) {
    submitCheckIn(input: $input) {
      id
      week
      late
    }
  }
`);

export const CorrectCheckInMutation = graphql(`
  mutation CorrectCheckIn($input: CorrectCheckInInput!) {
    correctCheckIn(input: $input) {
      id
      week
    }
  }
`);

export const ReviewCheckInMutation = graphql(`
  mutation ReviewCheckIn($input: ReviewCheckInInput!) {
    reviewCheckIn(input: $input) {
      id
    }
  }
`);

export const ProposeKpiChangeMutation = graphql(`
  mutation ProposeKpiChange($input: ProposeKpiChangeInput!) {
    proposeKpiChange(input: $input) {
      ...ChangeRequestFields
    }
  }
`);

export const ApproveKpiChangeMutation = graphql(`
  mutation ApproveKpiChange($input: ChangeRequestEventInput!) {
    approveKpiChange(input: $input) {
      ...ChangeRequestFields
    }
  }
`);

export const RejectKpiChangeMutation = graphql(`
  mutation RejectKpiChange($input: ChangeRequestReasonInput!) {
    rejectKpiChange(input: $input) {
      ...ChangeRequestFields
    }
  }
`);

/** The teams behind one figure of the dashboard (its filter is in the list's URL). */
export const DashboardTeamsQuery = graphql(`
  query DashboardTeams($filter: DashboardTeamsFilter) {
    dashboardTeams(filter: $filter, limit: 500) {
      ...TeamSummary
      members {
        userId
      }
    }
  }
`);
