import { graphql } from '../../gql';

export const AuditEventRowFields = graphql(`
  fragment AuditEventRow on AuditEvent {
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
`);

/** A page of the trail (the later pages, by cursor). */
export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilterInput, $limit: Int!, $after: String) {
    auditEvents(filter: $filter, limit: $limit, after: $after) {
      nextCursor
      items {
        ...AuditEventRow
      }
    }
  }
`);

/** The first page with the agencies it names, in one answer. */
export const AuditPageQuery = graphql(`
  query AuditPage($filter: AuditFilterInput, $limit: Int!, $after: String) {
    auditEvents(filter: $filter, limit: $limit, after: $after) {
      nextCursor
      items {
        ...AuditEventRow
      }
    }
    agencies {
      ...AgencyRow
    }
  }
`);
