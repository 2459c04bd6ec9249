import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { ATTAINMENT_BANDS } from '@hundred/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { AgencyRole, DashboardTeamsFilter, TeamResult, TeamStanding } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { isStanding } from '../dashboard/dashboard';
import { DashboardChoicesQuery } from '../dashboard/documents';
import { useDashboardLabels } from '../dashboard/labels';

const RESULTS: readonly string[] = [
  'ACHIEVED',
  'PARTIALLY_ACHIEVED',
  'NOT_ACHIEVED',
  'AWAITING_OUTCOME',
  'SUSTAINING',
  'SUSTAINED',
  'SCALED',
  'LAPSED',
];

/** The figure of the dashboard the list was opened from, read from the URL; null for the plain list. */
export function useTeamsDrill(params: URLSearchParams): Omit<DashboardTeamsFilter, 'cohortId'> | null {
  const key = params.toString();
  return useMemo(() => {
    const p = new URLSearchParams(key);
    const band = p.get('band') === null ? null : Number(p.get('band'));
    const standing = p.get('standing');
    const result = p.get('result');
    const role = p.get('agencyRole');
    const drill: Omit<DashboardTeamsFilter, 'cohortId'> = {
      pillarId: p.get('pillar'),
      agencyId: p.get('agency'),
      agencyRole: role === 'LEAD' || role === 'PARTNER' ? (role as AgencyRole) : null,
      standing: isStanding(standing) ? (standing as TeamStanding) : null,
      attainmentBand:
        band !== null && Number.isInteger(band) && band >= 0 && band < ATTAINMENT_BANDS.length ? band : null,
      result: result && RESULTS.includes(result) ? (result as TeamResult) : null,
      overdue: p.get('overdue') === '1' ? true : null,
    };
    return Object.values(drill).some((v) => v !== null) ? drill : null;
  }, [key]);
}

/** What the list holds: the figure's conditions, and the way back to every team. */
export function TeamsDrillSummary({
  drill,
  cohort,
  agency,
}: {
  drill: Omit<DashboardTeamsFilter, 'cohortId'>;
  cohort: { id: string; nameAr: string; nameEn: string } | null;
  agency: { nameAr: string; nameEn: string; code: string } | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useDashboardLabels();
  const choices = useQuery(DashboardChoicesQuery, { skip: !drill.pillarId });
  const pillar = (choices.data?.alignmentTree ?? []).find((n) => n.id === drill.pillarId);
  const conditions = [
    cohort ? <bdi key="c">{format.name(cohort)}</bdi> : null,
    pillar ? (
      <span key="p">
        {t('teams.drill.pillar')}: <bdi>{format.name(pillar)}</bdi>
      </span>
    ) : null,
    agency ? (
      <span key="a">
        {t('teams.drill.agency')}: <bdi>{format.name(agency)}</bdi>
        {drill.agencyRole
          ? ` (${drill.agencyRole === 'LEAD' ? t('teams.drill.asLead') : t('teams.drill.asPartner')})`
          : ''}
      </span>
    ) : null,
    drill.standing ? (
      <span key="s">{t('teams.drill.standing', { value: labels.standing(drill.standing) })}</span>
    ) : null,
    drill.attainmentBand !== null && drill.attainmentBand !== undefined ? (
      <span key="b">
        {t('teams.drill.band', {
          value: labels.band(
            ATTAINMENT_BANDS[drill.attainmentBand]!,
            ATTAINMENT_BANDS[drill.attainmentBand + 1] ?? null,
          ),
        })}
      </span>
    ) : null,
    drill.result ? <span key="r">{t('teams.drill.result', { value: labels.result(drill.result) })}</span> : null,
    drill.overdue ? <span key="o">{t('teams.drill.overdue')}</span> : null,
  ].filter(Boolean);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('teams.drill.drilled')}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('teams.drill.drilled')}
        </Text>
        <Group gap="xs" wrap="wrap" data-testid="teams-drill">
          {conditions.map((c, i) => (
            <Badge key={i} variant="light" tt="none" size="lg" styles={{ label: { overflow: 'visible' } }}>
              {c}
            </Badge>
          ))}
        </Group>
        <Anchor component={Link} to={cohort ? `/teams?cohort=${cohort.id}` : '/teams'} size="sm">
          {t('teams.drill.clearDrill')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
