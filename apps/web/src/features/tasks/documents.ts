import { graphql } from '../../gql';

export const MyTasksQuery = graphql(`
  query MyTasks {
    myTasks {
      count
      overdueCount
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
    myTasks {
      count
      overdueCount
    }
  }
`);
