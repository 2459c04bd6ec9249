import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEdit, IconLock, IconReplace, IconTrash } from '@tabler/icons-react';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { KpiFieldsFragment, TeamCohortFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { KpiChart, type CheckInFacts } from './KpiChart';
import { useTeamLabels } from './labels';
import { RagBadge } from './RagBadge';
import { roundTo } from './teams';

type Kpi = KpiFieldsFragment;

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text.trim());

/** Evidence or a data source: a link opens in a new tab, a note reads as written. */
export function EvidenceText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (isLink(text)) {
    return (
      <Anchor href={text.trim()} target="_blank" rel="noopener noreferrer" size="sm" className="ltr-data">
        {text.trim()}
        <span className="visually-hidden"> {t('challenges.view.opensInNewTab')}</span>
      </Anchor>
    );
  }
  return (
    <Text span size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
      {text}
    </Text>
  );
}

/** A figure of a KPI: its label, the value, a hint under it. */
function Stat({
  label,
  children,
  hint,
  testId,
}: {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={700} size="md" component="dd" m={0} mt={2} lh={1.3}>
        {children}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" component="dd" m={0} mt={2}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** One KPI: its unit and direction, baseline and target (and the originals a change replaced), status, chart and actions. */
export function KpiCard({
  kpi,
  cohort,
  started,
  checkIns,
  editable,
  mayPropose,
  pendingChange,
  onEdit,
  onDelete,
  onPropose,
}: {
  kpi: Kpi;
  cohort: TeamCohortFragment | null;
  /** Whether the 100 days run for this team (a status means something). */
  started: boolean;
  checkIns: ReadonlyMap<string, CheckInFacts>;
  editable: boolean;
  mayPropose: boolean;
  pendingChange: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onPropose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const name = format.name(kpi);
  const other = format.language === 'ar' ? kpi.nameEn : kpi.nameAr;
  const tz = cohort?.timeZone;
  const latest = kpi.latestValue;
  const frozen = kpi.frozenAt !== null;
  const tracking = started || kpi.values.length > 0;
  const showChart = cohort !== null && frozen;
  const targetChanged = kpi.originalTarget !== null && kpi.originalTarget !== kpi.target;
  const baselineChanged = kpi.originalBaseline !== null && kpi.originalBaseline !== kpi.baseline;
  const Direction = kpi.direction === 'DECREASE' ? IconArrowDown : IconArrowUp;
  const headingId = `kpi-${kpi.id}`;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-testid="kpi-card"
      data-kpi-id={kpi.id}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={4} fz="md" id={headingId}>
            {name}
          </Title>
          {other ? (
            <Text size="xs" c="dimmed">
              <span lang={format.language === 'ar' ? 'en' : 'ar'} dir="auto">
                {other}
              </span>
            </Text>
          ) : null}
        </Stack>
        {tracking ? (
          <Stack gap={2} align="flex-end">
            <RagBadge rag={kpi.rag} size="lg" />
            {kpi.progress !== null ? (
              <Text size="xs" c="dimmed" data-testid="kpi-progress">
                {t('teams.kpis.progressOf', { progress: labels.progress(kpi.progress) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Group>

      <Group gap={6} mt="xs" wrap="wrap">
        <Badge variant="outline" color="gray" tt="none">
          {t('teams.kpis.unitBadge', { unit: labels.unit(kpi.unit) })}
        </Badge>
        <Badge variant="outline" color="gray" tt="none" leftSection={<Direction size={14} aria-hidden />}>
          {labels.direction(kpi.direction)}
        </Badge>
        {kpi.isProxy ? (
          <Tooltip label={t('teams.kpis.isProxyHint')} multiline maw={280}>
            <Badge variant="light" color="grape" tt="none">
              {t('teams.kpis.proxy')}
            </Badge>
          </Tooltip>
        ) : null}
        {frozen ? (
          <Badge
            variant="light"
            color="gray"
            tt="none"
            leftSection={<IconLock size={12} aria-hidden />}
            data-testid="kpi-frozen"
          >
            {t('teams.kpis.frozenOn', { date: format.date(kpi.frozenAt!, tz) })}
          </Badge>
        ) : null}
        {pendingChange ? (
          <Badge variant="light" color="blue" tt="none">
            {t('teams.changes.pending')}
          </Badge>
        ) : null}
      </Group>

      <SimpleGrid cols={{ base: 2, sm: frozen ? 4 : 2 }} spacing="xs" mt="md" mb={0} component="dl">
        <Stat
          label={t('teams.kpis.baseline')}
          hint={
            baselineChanged
              ? t('teams.kpis.originalValue', { value: labels.value(kpi.unit, kpi.originalBaseline!) })
              : undefined
          }
        >
          {labels.value(kpi.unit, kpi.baseline)}
        </Stat>
        <Stat
          label={t('teams.kpis.target')}
          testId="kpi-target"
          hint={
            targetChanged ? (
              <span data-testid="kpi-original-target">
                {t('teams.kpis.originalTarget', { value: labels.value(kpi.unit, kpi.originalTarget!) })}
              </span>
            ) : undefined
          }
        >
          {labels.value(kpi.unit, kpi.target)}
        </Stat>
        {frozen ? (
          <>
            <Stat
              label={t('teams.kpis.latest')}
              testId="kpi-latest"
              hint={latest ? t('teams.kpis.asOf', { date: format.localDate(latest.asOf) }) : undefined}
            >
              {latest ? labels.value(kpi.unit, latest.value) : t('teams.kpis.noValue')}
            </Stat>
            <Stat label={t('teams.kpis.expected')} hint={t('teams.kpis.expectedHint')}>
              {labels.value(kpi.unit, roundTo(kpi.expected, 1))}
            </Stat>
          </>
        ) : null}
      </SimpleGrid>

      <Stack gap={4} mt="md">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            {t('teams.kpis.dataSource')}:
          </Text>
          <EvidenceText text={kpi.dataSource} />
        </Group>
        {latest ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {t('teams.kpis.latestEvidence')}:
            </Text>
            <EvidenceText text={latest.evidence} />
          </Group>
        ) : null}
      </Stack>

      {showChart ? (
        <Stack mt="md">
          <KpiChart kpi={kpi} name={name} day1={cohort.day1} currentDay={cohort.currentDay} checkIns={checkIns} />
        </Stack>
      ) : null}

      {editable || mayPropose ? (
        <Group justify="flex-end" gap="xs" mt="md">
          {editable ? (
            <>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconEdit size={16} aria-hidden />}
                onClick={onEdit}
                aria-label={t('teams.kpis.editOf', { name })}
              >
                {t('teams.edit')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={onDelete}
                aria-label={t('teams.kpis.deleteOf', { name })}
              >
                {t('teams.delete')}
              </Button>
            </>
          ) : null}
          {mayPropose ? (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconReplace size={16} aria-hidden />}
              onClick={onPropose}
              disabled={pendingChange}
              aria-label={t('teams.changes.proposeOf', { name })}
            >
              {t('teams.changes.propose')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
