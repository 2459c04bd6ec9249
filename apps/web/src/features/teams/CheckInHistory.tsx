import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCheck,
  IconClockExclamation,
  IconEdit,
  IconGauge,
  IconHistory,
  IconMessageCircle,
  IconReplace,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { CheckInFieldsFragment, TeamDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { CheckInValues } from './CheckInValues';
import { useTeamLabels } from './labels';
import { ReviewCheckInDialog, type Decision } from './ReviewCheckInDialog';
import { mayOn } from './teams';

type Team = TeamDetailFragment;
type CheckIn = CheckInFieldsFragment;

const CONFIDENCE_COLORS: Record<string, string> = { LOW: 'red', MEDIUM: 'yellow', HIGH: 'green' };
/** How many check-ins show before "show all". */
const FIRST = 4;

function Block({ label, children, tone }: { label: string; children: ReactNode; tone?: 'help' }) {
  return (
    <Stack
      gap={2}
      style={
        tone === 'help'
          ? {
              borderInlineStart: '3px solid var(--mantine-color-orange-5)',
              paddingInlineStart: 'var(--mantine-spacing-sm)',
            }
          : undefined
      }
    >
      <Text size="xs" c={tone === 'help' ? 'orange.8' : 'dimmed'} fw={600}>
        {label}
      </Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * The team's check-ins, newest first: who sent each and when, late or not, confidence, the values,
 * the narrative, blockers and help asked for, corrections and what they replaced, and the coach's
 * review. The coach acknowledges or returns (never their own); the team corrects.
 */
export function CheckInHistory({
  team,
  timeZone,
  onCorrect,
  onReload,
}: {
  team: Team;
  timeZone: string | undefined;
  onCorrect: (checkIn: CheckIn) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useTeamLabels();
  const { user } = useSession();
  const [showAll, setShowAll] = useState(false);
  const [reviewing, setReviewing] = useState<{ checkIn: CheckIn; decision: Decision } | null>(null);
  const mayReview = mayOn(team, 'REVIEW_CHECK_IN');
  const mayCorrect = mayOn(team, 'CORRECT_CHECK_IN');
  const kpis = new Map(team.goals.flatMap((g) => g.kpis).map((k) => [k.id, k]));
  const kpiOrder = new Map([...kpis.keys()].map((id, i) => [id, i]));
  const people = new Map(team.members.map((m) => [m.userId, m.user]));
  const byId = new Map(team.checkIns.map((c) => [c.id, c]));
  const shown = showAll ? team.checkIns : team.checkIns.slice(0, FIRST);

  if (team.checkIns.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Stack align="center" gap="xs">
          <ThemeIcon size={44} radius="xl" variant="light" color="gray">
            <IconHistory size={24} aria-hidden />
          </ThemeIcon>
          <Text c="dimmed" size="sm" ta="center">
            {t('teams.checkIns.none')}
          </Text>
        </Stack>
      </Paper>
    );
  }

  return (
    <>
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} data-testid="check-ins">
        {shown.map((checkIn) => {
          const superseded = checkIn.supersededById !== null;
          const original = checkIn.supersedesId ? byId.get(checkIn.supersedesId) : undefined;
          const reviewer = checkIn.review ? people.get(checkIn.review.reviewerId) : undefined;
          const own = user?.id === checkIn.submittedById;
          const headingId = `check-in-${checkIn.id}-title`;
          return (
            <Paper
              component="li"
              key={checkIn.id}
              id={`check-in-${checkIn.id}`}
              withBorder
              radius="md"
              p="md"
              aria-labelledby={headingId}
              data-testid="check-in"
              data-superseded={superseded || undefined}
              style={{
                opacity: superseded ? 0.72 : undefined,
                borderInlineStart: `4px solid var(--mantine-color-${
                  superseded ? 'gray-4' : checkIn.supersedesId ? 'blue-5' : 'hundred-6'
                })`,
              }}
            >
              <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={700} id={headingId}>
                      {labels.week(checkIn.week)}
                    </Text>
                    {checkIn.late ? (
                      <Badge
                        size="sm"
                        variant="light"
                        color="orange"
                        tt="none"
                        leftSection={<IconClockExclamation size={12} aria-hidden />}
                      >
                        {t('teams.checkIns.late')}
                      </Badge>
                    ) : null}
                    <Badge
                      size="sm"
                      variant="outline"
                      color={CONFIDENCE_COLORS[checkIn.confidence] ?? 'gray'}
                      tt="none"
                      leftSection={<IconGauge size={12} aria-hidden />}
                      data-testid="check-in-confidence"
                    >
                      {t('teams.checkIns.confidenceOf', { confidence: labels.confidence(checkIn.confidence) })}
                    </Badge>
                    {checkIn.supersedesId ? (
                      <Badge
                        size="sm"
                        variant="light"
                        color="blue"
                        tt="none"
                        leftSection={<IconEdit size={12} aria-hidden />}
                      >
                        {t('teams.checkIns.correction')}
                      </Badge>
                    ) : null}
                    {superseded ? (
                      <Badge
                        size="sm"
                        variant="filled"
                        color="gray"
                        tt="none"
                        leftSection={<IconReplace size={12} aria-hidden />}
                        data-testid="check-in-superseded"
                      >
                        {t('teams.checkIns.superseded')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('teams.checkIns.sentBy', {
                      name: format.name(checkIn.submittedBy),
                      date: format.dateTime(checkIn.submittedAt, timeZone),
                    })}
                  </Text>
                </Stack>
                {checkIn.review ? (
                  <Badge
                    variant="light"
                    color={checkIn.review.decision === 'ACKNOWLEDGED' ? 'teal' : 'orange'}
                    tt="none"
                    leftSection={
                      checkIn.review.decision === 'ACKNOWLEDGED' ? (
                        <IconCheck size={12} aria-hidden />
                      ) : (
                        <IconArrowBackUp size={12} aria-hidden />
                      )
                    }
                    data-testid="check-in-review"
                  >
                    {labels.reviewDecision(checkIn.review.decision)}
                  </Badge>
                ) : null}
              </Group>

              {superseded ? (
                <Text size="xs" mt={6}>
                  <Anchor href={`#check-in-${checkIn.supersededById}`} size="xs" onClick={() => setShowAll(true)}>
                    {t('teams.checkIns.supersededBy')}
                  </Anchor>
                </Text>
              ) : null}
              {checkIn.supersedesId ? (
                <Text size="xs" mt={6}>
                  {original ? (
                    <Anchor href={`#check-in-${original.id}`} size="xs" onClick={() => setShowAll(true)}>
                      {t('teams.checkIns.replaces', { date: format.dateTime(original.submittedAt, timeZone) })}
                    </Anchor>
                  ) : (
                    t('teams.checkIns.replacesEarlier')
                  )}
                  {checkIn.correctionReason
                    ? ` — ${t('teams.checkIns.because', { reason: checkIn.correctionReason })}`
                    : ''}
                </Text>
              ) : null}

              <CheckInValues
                checkIn={checkIn}
                rows={checkIn.values
                  .map((v, i) => ({ v, kpi: kpis.get(v.kpiId), i }))
                  .sort((a, b) => (a.kpi ? kpiOrder.get(a.kpi.id)! : 99) - (b.kpi ? kpiOrder.get(b.kpi.id)! : 99))}
              />

              <Stack gap="sm" mt="sm">
                <Block label={t('teams.checkIn.narrative')}>{checkIn.narrative}</Block>
                {checkIn.blockers ? <Block label={t('teams.checkIn.blockers')}>{checkIn.blockers}</Block> : null}
                {checkIn.helpNeeded ? (
                  <Block label={t('teams.checkIn.helpNeeded')} tone="help">
                    {checkIn.helpNeeded}
                  </Block>
                ) : null}
              </Stack>

              {checkIn.review ? (
                <Paper
                  radius="sm"
                  p="xs"
                  mt="sm"
                  bg={checkIn.review.decision === 'ACKNOWLEDGED' ? 'teal.0' : 'orange.0'}
                >
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconMessageCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                    <Stack gap={2}>
                      <Text size="xs" fw={600}>
                        {t('teams.checkIns.reviewedBy', {
                          decision: labels.reviewDecision(checkIn.review.decision),
                          name: reviewer ? format.name(reviewer) : t('teams.roles.COACH'),
                          date: format.dateTime(checkIn.review.reviewedAt, timeZone),
                        })}
                      </Text>
                      {checkIn.review.comment ? (
                        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                          {checkIn.review.comment}
                        </Text>
                      ) : null}
                    </Stack>
                  </Group>
                </Paper>
              ) : null}

              {!superseded && ((mayReview && !own && !checkIn.review) || mayCorrect) ? (
                <Group justify="flex-end" gap="xs" mt="sm">
                  {mayCorrect ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconEdit size={16} aria-hidden />}
                      onClick={() => onCorrect(checkIn)}
                      aria-label={t('teams.checkIns.correctOf', { week: labels.week(checkIn.week) })}
                    >
                      {t('teams.checkIns.correct')}
                    </Button>
                  ) : null}
                  {mayReview && !own && !checkIn.review ? (
                    <>
                      <Button
                        size="xs"
                        variant="light"
                        color="orange"
                        leftSection={<IconArrowBackUp size={16} aria-hidden />}
                        onClick={() => setReviewing({ checkIn, decision: 'RETURNED' })}
                      >
                        {t('teams.checkIns.return')}
                      </Button>
                      <Button
                        size="xs"
                        leftSection={<IconCheck size={16} aria-hidden />}
                        onClick={() => setReviewing({ checkIn, decision: 'ACKNOWLEDGED' })}
                      >
                        {t('teams.checkIns.acknowledge')}
                      </Button>
                    </>
                  ) : null}
                </Group>
              ) : null}
            </Paper>
          );
        })}
      </Stack>
      {team.checkIns.length > FIRST ? (
        <Group justify="center" mt="md">
          <Button variant="subtle" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
            {showAll
              ? t('teams.checkIns.showFewer')
              : t('teams.checkIns.showAll', { number: format.number(team.checkIns.length) })}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={reviewing !== null}
        onClose={() => setReviewing(null)}
        title={reviewing?.decision === 'RETURNED' ? t('teams.checkIns.return') : t('teams.checkIns.acknowledge')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {reviewing ? (
          <ReviewCheckInDialog
            checkIn={reviewing.checkIn}
            decision={reviewing.decision}
            onClose={() => setReviewing(null)}
            onReload={onReload}
          />
        ) : null}
      </Modal>
    </>
  );
}
