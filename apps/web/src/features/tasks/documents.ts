import { graphql } from '../../gql';

export const MyTasksQuery = graphql(`
  query MyTasks($after: String) {
    myTasks(limit: 50, after: $after) {
      count
      overdueCount
      nextCursor
      tasks {
        id
        kind
        subjectType
        subjectId
        teamId
        cohortId
        nameAr
        nameEn
        dueAt
        overdue
        timeZone
        workingDaysLeft
        week
        checkpoint
        event
        blockedReasons
      }
    }
  }
`);

export const MyTaskCountQuery = graphql(`
  query MyTaskCount {
    myTasks(limit: 1) {
      count
      overdueCount
    }
  }
`);
