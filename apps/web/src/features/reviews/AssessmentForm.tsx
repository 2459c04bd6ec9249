import { Alert, Button, Divider, Group, List, Modal, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ProblemAlert } from '../../components/ProblemAlert';
import type { AssessmentFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { blockingGuards } from '../../lib/workflow';
import { useReviewLabels } from './labels';
import { CRITERIA, RECOMMENDATION_CHOICES, SCALE, isRecommendation } from './reviews';
import { useAssessmentForm } from './useAssessmentForm';

/** Guards the form itself answers: what is typed is sent with the submission. */
const ANSWERED_BY_FORM = ['ALL_CRITERIA_SCORED', 'RECOMMENDATION_GIVEN'];

/**
 * The reviewer's form: five criteria, each with its description, a 1–5 scale (a radio group: arrow
 * keys move along it) and an optional comment; a recommendation and an overall comment. A draft is
 * saved with the version read (a stale one is refused as a conflict); a submission is confirmed first.
 * Which buttons there are, and what stops them, is the server's list.
 */
export function AssessmentForm({
  assessment,
  onReload,
}: {
  assessment: AssessmentFieldsFragment;
  onReload: () => Promise<AssessmentFieldsFragment | null | undefined>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReviewLabels();
  const form = useAssessmentForm(assessment);
  const [confirming, setConfirming] = useState(false);
  const save = assessment.availableEvents.find((e) => e.event === 'SAVE_DRAFT');
  const submit = assessment.availableEvents.find((e) => e.event === 'SUBMIT');
  const saveBlocked = save ? blockingGuards(save, labels.guard) : [];
  const submitBlocked = submit
    ? blockingGuards(submit, labels.guard).filter((g) => !ANSWERED_BY_FORM.includes(g.guard))
    : [];
  const locked = !save || saveBlocked.length > 0;
  const lockReasons = [...new Set([...saveBlocked, ...submitBlocked].map((g) => g.reason))];

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) form.reset(fresh);
  };

  const onSave = async () => {
    const done = await form.saveDraft();
    if (done) notifications.show({ color: 'teal', message: t('reviews.form.saved') });
  };
  const onSubmit = async () => {
    const done = await form.submit();
    if (done) {
      setConfirming(false);
      notifications.show({ color: 'teal', message: t('reviews.form.submitted') });
      await onReload();
    }
  };

  return (
    <Stack gap="lg" data-testid="assessment-form">
      {lockReasons.length > 0 ? (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          <Text size="sm" fw={600}>
            {t('reviews.form.locked')}
          </Text>
          <List size="sm">
            {lockReasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {CRITERIA.map((criterion, i) => {
        const value = form.values.scores[criterion];
        return (
          <Paper key={criterion} withBorder radius="md" p="md" data-testid={`criterion-${criterion}`}>
            <Stack gap="sm">
              <Radio.Group
                name={`score-${criterion}`}
                label={t('reviews.form.criterionLabel', {
                  number: format.number(i + 1),
                  name: labels.criterion(criterion),
                })}
                description={labels.criterionHint(criterion)}
                value={value.score !== null ? String(value.score) : null}
                onChange={(v) => form.setScore(criterion, Number(v))}
                readOnly={locked}
              >
                <Group gap="lg" mt="xs" wrap="wrap">
                  {SCALE.map((s) => (
                    <Radio
                      key={s}
                      value={String(s)}
                      disabled={locked}
                      label={t(`reviews.scale.${s}`, { score: format.number(s) })}
                      data-testid={`score-${criterion}-${s}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                label={t('reviews.form.criterionComment')}
                description={t('reviews.form.optional')}
                autosize
                minRows={1}
                maxLength={2000}
                value={value.comment}
                onChange={(e) => form.setCriterionComment(criterion, e.currentTarget.value)}
                disabled={locked}
                dir="auto"
                data-testid={`comment-${criterion}`}
              />
            </Stack>
          </Paper>
        );
      })}
      <Radio.Group
        name="recommendation"
        label={t('reviews.form.recommendation')}
        description={t('reviews.form.recommendationHint')}
        value={form.values.recommendation}
        onChange={(v) => form.setRecommendation(isRecommendation(v) ? v : null)}
        readOnly={locked}
      >
        <Group gap="lg" mt="xs" wrap="wrap">
          {RECOMMENDATION_CHOICES.map((r) => (
            <Radio
              key={r}
              value={r}
              disabled={locked}
              label={labels.recommendation(r)}
              data-testid={`recommendation-${r}`}
            />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('reviews.form.comment')}
        autosize
        minRows={3}
        maxLength={5000}
        value={form.values.comment}
        onChange={(e) => form.setComment(e.currentTarget.value)}
        disabled={locked}
        dir="auto"
        data-testid="overall-comment"
      />
      <ProblemAlert problem={form.problem} onReload={() => void reload()} />
      <Divider />
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed" aria-live="polite">
          {form.dirty ? t('reviews.form.unsaved') : t('reviews.form.version', { version: format.number(form.version) })}
        </Text>
        <Group gap="sm">
          {save ? (
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
              onClick={() => void onSave()}
              loading={form.busy && !confirming}
              disabled={locked}
              data-testid="save-draft"
            >
              {labels.event('SAVE_DRAFT')}
            </Button>
          ) : null}
          {submit ? (
            <Button
              leftSection={<IconSend size={18} aria-hidden />}
              onClick={() => setConfirming(true)}
              disabled={submitBlocked.length > 0}
              data-testid="submit-assessment"
            >
              {labels.event('SUBMIT')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('reviews.form.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md" data-testid="confirm-submit">
          <Text size="sm">{t('reviews.form.confirmBody')}</Text>
          {form.missing.criteria.length > 0 || form.missing.recommendation ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
              <Text size="sm">{t('reviews.form.stillMissing')}</Text>
              <List size="sm">
                {form.missing.criteria.map((c) => (
                  <List.Item key={c}>{labels.criterion(c)}</List.Item>
                ))}
                {form.missing.recommendation ? <List.Item>{t('reviews.form.recommendation')}</List.Item> : null}
              </List>
            </Alert>
          ) : null}
          <ProblemAlert problem={form.problem} onReload={() => void reload()} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={form.busy}>
              {t('cohorts.actions.dismiss')}
            </Button>
            <Button
              onClick={() => void onSubmit()}
              loading={form.busy}
              data-autofocus
              data-testid="confirm-submit-button"
            >
              {labels.event('SUBMIT')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
