import { useMutation } from '@apollo/client/react';
import { Button, Group, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SustainmentStatus, TeamResultsFragment } from '../../gql/graphql';
import { asksFor, type AvailableEvent } from '../../lib/workflow';
import { CloseTeamSustainmentMutation } from './documents';
import { useResultsLabels } from './labels';
import { SUSTAINMENT_STATUSES, isSustainmentStatus } from './results';

/**
 * CLOSE_SUSTAINMENT (the office): whether the result held — sustained, scaled (where to) or lapsed;
 * before the last checkpoint with a reason. The server says what is missing.
 */
export function CloseSustainmentForm({
  team,
  available,
  onReload,
}: {
  team: Pick<TeamResultsFragment, 'id' | 'version'>;
  /** CLOSE_SUSTAINMENT as the server offers it: what its form asks for. */
  available: AvailableEvent;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labels = useResultsLabels();
  const [close, closing] = useMutation(CloseTeamSustainmentMutation);
  const [status, setStatus] = useState<string>('');
  const [scaledTo, setScaledTo] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!isSustainmentStatus(status)) {
      setError(t('form.required'));
      return;
    }
    setError(null);
    try {
      await close({
        variables: {
          input: {
            id: team.id,
            version: team.version,
            status: status satisfies SustainmentStatus,
            scaledTo: scaledTo.trim(),
            reason: reason.trim(),
          },
        },
      });
      notifications.show({ color: 'teal', message: t('results.close.done') });
      await onReload();
    } catch (err) {
      setProblem(toProblem(err, t));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="close-sustainment-form">
      <Stack gap="sm">
        <Radio.Group label={t('results.close.status')} value={status} onChange={setStatus} required error={error}>
          <Stack gap={6} mt={6}>
            {SUSTAINMENT_STATUSES.map((s) => (
              <Radio key={s} value={s} label={labels.status(s)} description={t(`results.close.hints.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {asksFor(available, 'SCALED_TO') ? (
          <TextInput
            label={t('results.close.scaledTo')}
            description={t('results.close.scaledToHint')}
            value={scaledTo}
            onChange={(e) => setScaledTo(e.currentTarget.value)}
            dir="auto"
          />
        ) : null}
        {asksFor(available, 'REASON') ? (
          <Textarea
            label={t('results.close.reason')}
            description={t('results.close.reasonHint')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            dir="auto"
          />
        ) : null}
        <ProblemAlert problem={problem} onReload={() => void onReload()} title={t('results.close.failed')} />
        <Group justify="flex-end">
          <Button type="submit" loading={closing.loading} leftSection={<IconFlag size={18} aria-hidden />}>
            {t('teams.events.CLOSE_SUSTAINMENT')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
