import { useQuery } from '@apollo/client/react';
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAfterContent } from '../../api/afterContent';
import { LoadError, PageLoader } from '../../components/PageState';
import { scrollableBy } from '../../components/scrollable';
import type { CohortTeamDeadlinesQuery as CohortTeamDeadlinesResult, TeamReviewQuery } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useCohortLabels } from '../cohorts/labels';
import { CohortTeamDeadlinesQuery } from './documents';
import { useReviewLabels } from './labels';

type TeamDeadline = NonNullable<TeamReviewQuery['team']>['deadlines'][number];
type Obligation = CohortTeamDeadlinesResult['cohort']['teamDeadlines'][number];

/** How many of the next deadlines the team's page shows before "show all". */
const UPCOMING = 6;

const STATE_COLORS: Record<string, string> = { PENDING: 'blue', FIRED: 'teal', SKIPPED: 'gray', CANCELLED: 'gray' };

function When({ iso, timeZone }: { iso: string; timeZone?: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso}>
      {format.gregorian(iso, timeZone)}
      <Text span c="dimmed" size="sm">
        {' · '}
        {format.time(iso, timeZone)}
      </Text>
    </time>
  );
}

/** Every deadline that concerns one team: what, when, its state, whom it concerns. */
export function TeamDeadlinesTable({ deadlines, timeZone }: { deadlines: readonly TeamDeadline[]; timeZone?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const cohortLabels = useCohortLabels();
  const [all, setAll] = useState(false);
  if (deadlines.length === 0) return <Text c="dimmed">{t('reviews.deadlines.none')}</Text>;
  // The next ones to meet first; the whole calendar (what passed too) on request.
  const upcoming = deadlines.filter((d) => d.state === 'PENDING').slice(0, UPCOMING);
  const shown = all || upcoming.length === 0 ? deadlines : upcoming;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640} scrollAreaProps={scrollableBy(t('reviews.deadlines.teamCaption'))}>
        <Table verticalSpacing="xs" striped data-testid="team-deadlines">
          <Table.Caption className="visually-hidden">{t('reviews.deadlines.teamCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cohorts.deadlines.what')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.deadlines.day')}</Table.Th>
              <Table.Th scope="col">{t('reviews.deadlines.due')}</Table.Th>
              <Table.Th scope="col">{t('cohorts.deadlines.state')}</Table.Th>
              <Table.Th scope="col">{t('reviews.deadlines.concerns')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.id} data-kind={d.kind} data-state={d.state}>
                <Table.Td fw={500}>{labels.deadlineKind(d.kind)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{cohortLabels.day(d.day)}</Table.Td>
                <Table.Td>
                  <When iso={d.dueAt} timeZone={timeZone} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none" color={STATE_COLORS[d.state] ?? 'gray'}>
                    {cohortLabels.deadlineState(d.state)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.list(d.concerns.map(labels.audience))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length < deadlines.length || all ? (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setAll((v) => !v)}
          aria-expanded={all}
          data-testid="all-deadlines"
          style={{ alignSelf: 'flex-start' }}
        >
          {all
            ? t('reviews.deadlines.showUpcoming')
            : t('reviews.deadlines.showAll', { number: format.number(deadlines.length) })}
        </Button>
      ) : null}
    </Stack>
  );
}

/** The team deadlines of a cohort's calendar, with how many teams have each pending, done or skipped. */
export function CohortTeamDeadlinesTable({
  obligations,
  timeZone,
}: {
  obligations: readonly Obligation[];
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const cohortLabels = useCohortLabels();
  if (obligations.length === 0) return <Text c="dimmed">{t('reviews.deadlines.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollableBy(t('reviews.deadlines.cohortCaption'))}>
      <Table verticalSpacing="xs" striped data-testid="cohort-team-deadlines">
        <Table.Caption className="visually-hidden">{t('reviews.deadlines.cohortCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cohorts.deadlines.what')}</Table.Th>
            <Table.Th scope="col">{t('cohorts.deadlines.day')}</Table.Th>
            <Table.Th scope="col">{t('reviews.deadlines.due')}</Table.Th>
            <Table.Th scope="col">{t('reviews.deadlines.teams')}</Table.Th>
            <Table.Th scope="col">{t('reviews.deadlines.concerns')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {obligations.map((o) => (
            <Table.Tr key={o.key} data-kind={o.kind}>
              <Table.Td fw={500}>{labels.deadlineKind(o.kind)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{cohortLabels.day(o.day)}</Table.Td>
              <Table.Td>
                <When iso={o.dueAt} timeZone={timeZone} />
              </Table.Td>
              <Table.Td>
                {t('reviews.deadlines.counts', {
                  pending: format.number(o.pending),
                  fired: format.number(o.fired),
                  skipped: format.number(o.skipped),
                })}
              </Table.Td>
              <Table.Td>{format.list(o.concerns.map(labels.audience))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The cohort page's section of team deadlines, loaded on its own. */
export function CohortTeamDeadlines({ cohortId }: { cohortId: string }) {
  // Asked for once the page's content shows (api/afterContent.ts).
  const deferred = !useAfterContent();
  const { data, loading, error, refetch } = useQuery(CohortTeamDeadlinesQuery, {
    variables: { id: cohortId },
    skip: deferred,
  });
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch()} />;
  if ((loading || deferred) && !data) return <PageLoader />;
  if (!data) return null;
  return <CohortTeamDeadlinesTable obligations={data.cohort.teamDeadlines} timeZone={data.cohort.timeZone} />;
}
