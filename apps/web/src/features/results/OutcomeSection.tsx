import { useMutation } from '@apollo/client/react';
import { Button, Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ScrollRegion } from './ScrollRegion';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Outcome, TeamResultsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { asksFor, type AvailableEvent } from '../../lib/workflow';
import { useTeamLabels } from '../teams/labels';
import { RecordTeamOutcomeMutation } from './documents';
import { useResultsLabels } from './labels';
import { OutcomeBadge } from './ResultBadges';
import { OUTCOMES, isOutcome } from './results';

type Team = TeamResultsFragment;

/** The proposal's arithmetic: each KPI's attainment against its current and original target, and the mean. */
function ProposalTable({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const proposal = team.outcomeProposal!;
  const kpis = new Map(team.goals.flatMap((g) => g.kpis).map((k) => [k.id, k]));
  const pct = (a: number | null | undefined) => (a === null || a === undefined ? '—' : labels.progress(a));
  return (
    <ScrollRegion minWidth={720}>
      <Table verticalSpacing="xs" striped withTableBorder data-testid="outcome-arithmetic">
        <Table.Caption>{t('results.outcome.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('results.report.kpi')}</Table.Th>
            <Table.Th scope="col">{t('results.outcome.direction')}</Table.Th>
            <Table.Th scope="col">{t('results.report.colBaseline')}</Table.Th>
            <Table.Th scope="col">{t('results.report.colOriginal')}</Table.Th>
            <Table.Th scope="col">{t('results.report.colTarget')}</Table.Th>
            <Table.Th scope="col">{t('results.report.colFinal')}</Table.Th>
            <Table.Th scope="col">{t('results.outcome.attainment')}</Table.Th>
            <Table.Th scope="col">{t('results.outcome.againstOriginal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposal.kpis.map((row) => {
            const kpi = kpis.get(row.kpiId);
            const unit = kpi?.unit ?? 'NUMBER';
            return (
              <Table.Tr key={row.kpiId} data-testid="outcome-kpi">
                <Table.Td>{kpi ? <bdi>{format.name(kpi)}</bdi> : '—'}</Table.Td>
                <Table.Td>{kpi ? labels.direction(kpi.direction) : '—'}</Table.Td>
                <Table.Td>{labels.value(unit, row.baseline)}</Table.Td>
                <Table.Td>{labels.value(unit, row.originalTarget ?? row.target)}</Table.Td>
                <Table.Td>{labels.value(unit, row.target)}</Table.Td>
                <Table.Td fw={600}>
                  {row.final === null || row.final === undefined ? '—' : labels.value(unit, row.final)}
                </Table.Td>
                <Table.Td fw={700} data-testid="outcome-attainment">
                  {pct(row.attainment)}
                </Table.Td>
                <Table.Td>{pct(row.againstOriginal)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs" data-testid="outcome-mean">
        {t('results.outcome.mean', { mean: labels.progress(proposal.mean) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('results.outcome.rule')}
      </Text>
    </ScrollRegion>
  );
}

/** The office records the outcome; another than the proposed needs a reason, which the server asks for. */
function RecordOutcomeForm({
  team,
  available,
  onReload,
}: {
  team: Team;
  available: AvailableEvent;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labels = useResultsLabels();
  const [record, recording] = useMutation(RecordTeamOutcomeMutation);
  const proposed = team.outcomeProposal?.outcome ?? null;
  const [outcome, setOutcome] = useState<string>(proposed ?? '');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!isOutcome(outcome)) return;
    try {
      await record({
        variables: {
          input: { id: team.id, version: team.version, outcome: outcome satisfies Outcome, reason: reason.trim() },
        },
      });
      notifications.show({ color: 'teal', message: t('results.outcome.recorded') });
      await onReload();
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="record-outcome-form">
      <Stack gap="sm">
        <Radio.Group label={t('results.outcome.choose')} value={outcome} onChange={setOutcome} required>
          <Group gap="md" mt={6}>
            {OUTCOMES.map((o) => (
              <Radio
                key={o}
                value={o}
                label={
                  o === proposed
                    ? t('results.outcome.proposedOption', { outcome: labels.outcome(o) })
                    : labels.outcome(o)
                }
              />
            ))}
          </Group>
        </Radio.Group>
        {asksFor(available, 'REASON') ? (
          <Textarea
            label={t('results.outcome.reason')}
            description={t('results.outcome.reasonHint')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            dir="auto"
          />
        ) : null}
        <ProblemAlert problem={problem} onReload={() => void onReload()} title={t('results.outcome.failed')} />
        <Group justify="flex-end">
          <Button type="submit" loading={recording.loading} leftSection={<IconCheck size={18} aria-hidden />}>
            {t('teams.events.RECORD_OUTCOME')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The outcome (النتيجة): proposed from the final values with its arithmetic; recorded by the office. */
export function OutcomeSection({ team, onReload }: { team: Team; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const recordEvent = team.availableEvents.find((a) => a.event === 'RECORD_OUTCOME');
  const recorded = [...team.history].reverse().find((h) => h.event === 'RECORD_OUTCOME');
  return (
    <Stack gap="md">
      {team.outcome ? (
        <Stack gap={4} data-testid="outcome-recorded">
          <Group gap="sm">
            <Text size="sm" fw={700}>
              {t('results.outcome.recordedLabel')}
            </Text>
            <OutcomeBadge outcome={team.outcome} size="lg" />
            {team.outcomeRecordedAt ? (
              <Text size="xs" c="dimmed">
                {format.dateTime(team.outcomeRecordedAt, team.cohort.timeZone)}
              </Text>
            ) : null}
          </Group>
          {team.proposedOutcome && team.proposedOutcome !== team.outcome ? (
            <Text size="sm">
              {t('results.outcome.overrode')} <OutcomeBadge outcome={team.proposedOutcome} />
            </Text>
          ) : null}
          {recorded?.reason ? (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {recorded.reason}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {team.outcomeProposal ? (
        <>
          <Group gap="sm">
            <Text size="sm" fw={700}>
              {t('results.outcome.proposedLabel')}
            </Text>
            <span data-testid="outcome-proposed">
              <OutcomeBadge outcome={team.outcomeProposal.outcome} />
            </span>
          </Group>
          <ProposalTable team={team} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('results.outcome.none')}
        </Text>
      )}
      {recordEvent ? <RecordOutcomeForm team={team} available={recordEvent} onReload={onReload} /> : null}
    </Stack>
  );
}
