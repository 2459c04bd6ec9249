import { graphql } from '../../gql';

export const StandingCountsFields = graphql(`
  fragment StandingCountsFields on StandingCounts {
    green
    amber
    red
    grey
    withdrawn
    stopped
    total
  }
`);

export const ResultCountsFields = graphql(`
  fragment ResultCountsFields on ResultCounts {
    teams
    achieved
    partiallyAchieved
    notAchieved
    awaitingOutcome
    sustaining
    sustained
    scaled
    lapsed
  }
`);

export const DashboardQuery = graphql(`
  query Dashboard($filter: DashboardFilter) {
    dashboard(filter: $filter) {
      everything
      overdue
      teams {
        ...StandingCountsFields
      }
      cohorts {
        cohortId
        nameAr
        nameEn
        state
        day
        overdue
        attainment
        teams {
          ...StandingCountsFields
        }
        results {
          ...ResultCountsFields
        }
      }
      attainment {
        teams
        mean
        bands {
          from
          to
          teams
        }
      }
      byPillar {
        pillarId
        code
        nameAr
        nameEn
        attainment
        teams {
          ...StandingCountsFields
        }
      }
      byAgency {
        agencyId
        code
        nameAr
        nameEn
        attainment
        lead {
          ...StandingCountsFields
        }
        partner {
          ...StandingCountsFields
        }
      }
      trend {
        week
        endsOn
        teams {
          ...StandingCountsFields
        }
      }
      results {
        ...ResultCountsFields
      }
    }
  }
`);

export const DashboardChoicesQuery = graphql(`
  query DashboardChoices {
    cohorts {
      id
      nameAr
      nameEn
    }
    agencies {
      id
      code
      nameAr
      nameEn
    }
    alignmentTree {
      id
      level
      nameAr
      nameEn
      active
    }
  }
`);
