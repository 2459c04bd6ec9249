import { useMutation } from '@apollo/client/react';
import { Button, Divider, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CheckInFieldsFragment } from '../../gql/graphql';
import { ReviewCheckInMutation } from './documents';
import { useTeamLabels } from './labels';

type CheckIn = CheckInFieldsFragment;
export type Decision = 'ACKNOWLEDGED' | 'RETURNED';

/** The coach acknowledges a check-in, or returns it with a comment. */
export function ReviewCheckInDialog({
  checkIn,
  decision,
  onClose,
  onReload,
}: {
  checkIn: CheckIn;
  decision: Decision;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const labels = useTeamLabels();
  const [review, { loading }] = useMutation(ReviewCheckInMutation);
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    setProblem(null);
    if (decision === 'RETURNED' && !comment.trim()) {
      setFieldError(t('form.required'));
      return;
    }
    try {
      await review({ variables: { input: { checkInId: checkIn.id, decision, comment: comment.trim() } } });
      notifications.show({
        color: 'teal',
        message: decision === 'ACKNOWLEDGED' ? t('teams.checkIns.acknowledged') : t('teams.checkIns.returned'),
      });
      onClose();
      await onReload();
    } catch (error) {
      const found = toProblem(error, t);
      if (found.fields.comment) setFieldError(found.fields.comment);
      else setProblem(found);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {decision === 'ACKNOWLEDGED'
            ? t('teams.checkIns.acknowledgeHint', { week: labels.week(checkIn.week) })
            : t('teams.checkIns.returnHint', { week: labels.week(checkIn.week) })}
        </Text>
        <Textarea
          label={decision === 'RETURNED' ? t('teams.checkIns.returnComment') : t('teams.checkIns.optionalComment')}
          required={decision === 'RETURNED'}
          autosize
          minRows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fieldError}
          data-autofocus
        />
        <ProblemAlert problem={problem} onReload={() => void onReload().then(onClose)} />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('cohorts.actions.dismiss')}
          </Button>
          <Button type="submit" loading={loading} color={decision === 'RETURNED' ? 'orange' : undefined}>
            {decision === 'ACKNOWLEDGED' ? t('teams.checkIns.acknowledge') : t('teams.checkIns.return')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
