import { TEAM_STANDINGS, type TeamStanding } from '@hundred/domain';

import type { StandingCountsFieldsFragment } from '../../gql/graphql';
import { RAG_CSS } from '../teams/teams';

/** The colour of each standing; withdrawn and stopped teams in neutral tones of their own. */
export const STANDING_CSS: Record<TeamStanding, string> = {
  ...RAG_CSS,
  WITHDRAWN: 'var(--mantine-color-gray-4)',
  STOPPED: 'var(--mantine-color-dark-4)',
};

/** The standings in the order they are drawn: worst first, then the teams counted apart. */
export const STANDINGS_DRAWN: readonly TeamStanding[] = ['RED', 'AMBER', 'GREEN', 'GREY', 'WITHDRAWN', 'STOPPED'];

export const countOf = (counts: StandingCountsFieldsFragment, standing: TeamStanding): number =>
  counts[standing.toLowerCase() as Lowercase<TeamStanding>];

export const isStanding = (value: string | null): value is TeamStanding =>
  value !== null && (TEAM_STANDINGS as readonly string[]).includes(value);

/** What the dashboard is filtered by, as the URL keeps it. */
export interface DashboardFilterParams {
  cohort: string | null;
  pillar: string | null;
  agency: string | null;
}

export const filterOf = (params: URLSearchParams): DashboardFilterParams => ({
  cohort: params.get('cohort'),
  pillar: params.get('pillar'),
  agency: params.get('agency'),
});

/** What one figure counts: the dashboard's filter and the figure's own condition. */
export interface Drill extends Partial<DashboardFilterParams> {
  agencyRole?: 'LEAD' | 'PARTNER';
  standing?: TeamStanding;
  band?: number;
  result?: string;
  overdue?: boolean;
}

/** The teams list filtered to the teams behind one figure. */
export function teamsLink(drill: Drill): string {
  const p = new URLSearchParams();
  const set = (key: string, value: string | number | boolean | null | undefined) => {
    if (value !== null && value !== undefined && value !== false) p.set(key, String(value === true ? 1 : value));
  };
  set('cohort', drill.cohort);
  set('pillar', drill.pillar);
  set('agency', drill.agency);
  set('agencyRole', drill.agencyRole);
  set('standing', drill.standing);
  set('band', drill.band);
  set('result', drill.result);
  set('overdue', drill.overdue);
  return `/teams?${p.toString()}`;
}

/** The drill-down parameters the teams list understands beyond its cohort. */
export const DRILL_KEYS = ['pillar', 'agency', 'agencyRole', 'standing', 'band', 'result', 'overdue'] as const;
