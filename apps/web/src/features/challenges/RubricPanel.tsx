import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, List, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ChallengeQueueItemFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { SCORES } from './challenges';
import { ScoreChallengeMutation } from './documents';
import { useChallengeLabels } from './labels';

/** The detail page, the screening drawer and the approval queue all show it. */
type Challenge = ChallengeQueueItemFragment;
type Criterion = Challenge['cohort']['rubric'][number];

/** A score as a coloured badge: "4 / 5". */
export function ScoreBadge({ score }: { score: number | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (score === null || score === undefined) {
    return (
      <Badge variant="outline" color="gray" tt="none">
        {t('challenges.rubric.notScored')}
      </Badge>
    );
  }
  const color = score >= 4 ? 'teal' : score >= 3 ? 'blue' : score >= 2 ? 'orange' : 'red';
  return (
    <Badge variant="light" color={color} tt="none">
      {t('challenges.rubric.scoreOf', { score: format.number(score), max: format.number(5) })}
    </Badge>
  );
}

/** The rubric as scored so far: each criterion's score and comment, and the mean. */
export function RubricSummary({ challenge, compact = false }: { challenge: Challenge; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const byCriterion = new Map(challenge.scores.map((s) => [s.criterion, s]));
  const rubric: Criterion[] = [...challenge.cohort.rubric];
  // Scores of criteria the rubric no longer names still show, under their key.
  for (const score of challenge.scores) {
    if (!rubric.some((c) => c.key === score.criterion)) {
      rubric.push({ key: score.criterion, nameAr: score.criterion, nameEn: score.criterion });
    }
  }
  return (
    <Stack gap="sm" data-testid="rubric-summary">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('challenges.rubric.mean')}
        </Text>
        <Badge size="lg" variant="light" tt="none" data-testid="mean-score">
          {labels.mean(challenge.meanScore)}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={compact ? 420 : 560}>
        <Table verticalSpacing="xs" horizontalSpacing="sm" layout="fixed">
          <Table.Caption className="visually-hidden">{t('challenges.rubric.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="34%">
                {t('challenges.rubric.criterion')}
              </Table.Th>
              <Table.Th scope="col" w={96}>
                {t('challenges.rubric.score')}
              </Table.Th>
              <Table.Th scope="col">{t('challenges.rubric.comment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rubric.map((criterion) => {
              const scored = byCriterion.get(criterion.key);
              return (
                <Table.Tr key={criterion.key} data-criterion={criterion.key}>
                  <Table.Td fw={500}>{format.name(criterion)}</Table.Td>
                  <Table.Td>
                    <ScoreBadge score={scored?.score} />
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      c={scored?.comment ? undefined : 'dimmed'}
                      dir={scored?.comment ? 'auto' : undefined}
                      style={{ whiteSpace: 'pre-line' }}
                    >
                      {scored?.comment || t('cohorts.history.noReason')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

interface Row {
  score: string | null;
  comment: string;
}

function CriterionInput({
  criterion,
  row,
  onChange,
  errors,
  disabled,
}: {
  criterion: Criterion;
  row: Row;
  onChange: (row: Row) => void;
  errors: { score?: string; comment?: string };
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labelId = useId();
  const scoreErrorId = useId();
  const name = format.name(criterion);
  return (
    <Card withBorder radius="md" padding="md" data-testid={`criterion-${criterion.key}`}>
      <Stack gap="xs">
        <Text fw={600} id={labelId}>
          {name}
        </Text>
        <Group gap="sm" align="center" wrap="wrap">
          <SegmentedControl
            role="radiogroup"
            aria-labelledby={labelId}
            aria-describedby={errors.score ? scoreErrorId : undefined}
            data={SCORES.map((score) => ({ value: String(score), label: format.number(score) }))}
            value={row.score as string}
            onChange={(value) => onChange({ ...row, score: value })}
            disabled={disabled}
            color={row.score ? 'hundred' : undefined}
          />
          <Text size="xs" c="dimmed">
            {t('challenges.rubric.scale')}
          </Text>
        </Group>
        {errors.score ? (
          <Text size="xs" c="red" id={scoreErrorId} role="alert">
            {errors.score}
          </Text>
        ) : null}
        <Textarea
          label={t('challenges.rubric.commentOn', { criterion: name })}
          autosize
          minRows={2}
          maxLength={2000}
          value={row.comment}
          onChange={(e) => onChange({ ...row, comment: e.currentTarget.value })}
          error={errors.comment}
          disabled={disabled}
          required={row.score !== null}
        />
      </Stack>
    </Card>
  );
}

/**
 * The office scores the rubric while screening: each criterion 1–5 with a comment. Criteria
 * left without a score are not sent; a score needs its comment.
 */
export function RubricScoring({ challenge, onReload }: { challenge: Challenge; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [scoreChallenge, { loading }] = useMutation(ScoreChallengeMutation);
  const rubric = challenge.cohort.rubric;
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      rubric.map((c) => {
        const scored = challenge.scores.find((s) => s.criterion === c.key);
        return [c.key, { score: scored ? String(scored.score) : null, comment: scored?.comment ?? '' }];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, { score?: string; comment?: string }>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setProblem(null);
    setUnplaced([]);
    const found: Record<string, { score?: string; comment?: string }> = {};
    const sent = rubric.filter((c) => rows[c.key]?.score);
    for (const c of rubric) {
      const row = rows[c.key]!;
      if (row.score && !row.comment.trim()) found[c.key] = { comment: t('challenges.rubric.commentRequired') };
      if (!row.score && row.comment.trim()) found[c.key] = { score: t('challenges.rubric.scoreRequired') };
    }
    if (sent.length === 0 && Object.keys(found).length === 0) {
      for (const c of rubric) found[c.key] = { score: t('challenges.rubric.scoreRequired') };
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus(), 0);
      return;
    }
    try {
      await scoreChallenge({
        variables: {
          input: {
            id: challenge.id,
            version: challenge.version,
            scores: sent.map((c) => ({
              criterion: c.key,
              score: Number(rows[c.key]!.score),
              comment: rows[c.key]!.comment.trim(),
            })),
          },
        },
      });
      notifications.show({ color: 'teal', message: t('challenges.rubric.saved') });
    } catch (error) {
      const result = toProblem(error, t);
      const placed: Record<string, { score?: string; comment?: string }> = {};
      const rest: string[] = [];
      for (const [field, message] of Object.entries(result.fields)) {
        const match = /^scores\.(\d+)\.(\w+)$/.exec(field);
        const criterion = match ? sent[Number(match[1])] : undefined;
        if (criterion && (match![2] === 'comment' || match![2] === 'score')) {
          placed[criterion.key] = { ...placed[criterion.key], [match![2]]: message };
        } else rest.push(message);
      }
      setErrors(placed);
      setUnplaced(rest);
      if (Object.keys(placed).length + rest.length === 0) setProblem(result);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('challenges.rubric.formLabel')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('challenges.rubric.intro')}
        </Text>
        {rubric.map((criterion) => (
          <CriterionInput
            key={criterion.key}
            criterion={criterion}
            row={rows[criterion.key] ?? { score: null, comment: '' }}
            onChange={(row) => setRows((current) => ({ ...current, [criterion.key]: row }))}
            errors={errors[criterion.key] ?? {}}
            disabled={loading}
          />
        ))}
        <ProblemAlert
          problem={problem}
          onReload={() => void onReload().then(() => setProblem(null))}
          title={t('challenges.rubric.failed')}
        />
        {unplaced.length > 0 ? (
          <List size="sm" c="red" role="alert">
            {unplaced.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={loading} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            {t('challenges.rubric.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
