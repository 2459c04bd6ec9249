import { graphql } from '../../gql';

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilterInput, $limit: Int!, $after: String) {
    auditEvents(filter: $filter, limit: $limit, after: $after) {
      nextCursor
      items {
        id
        occurredAt
        action
        subjectType
        subjectId
        fromState
        toState
        reason
        data
        ip
        actorId
        actor {
          id
          nameAr
          nameEn
        }
      }
    }
  }
`);
