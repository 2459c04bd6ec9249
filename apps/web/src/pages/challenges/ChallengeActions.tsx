import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Divider,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowLeft,
  IconArrowRight,
  IconBan,
  IconCalendarShare,
  IconCheck,
  IconClockPause,
  IconInfoCircle,
  IconLock,
  IconPlayerPlay,
  IconSend,
  IconThumbUp,
} from '@tabler/icons-react';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../../api/errors';
import { ChallengeStateBadge } from '../../components/ChallengeStateBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ChallengeDetailFragment } from '../../gql/graphql';
import {
  EVENT_INPUT,
  isChallengeEvent,
  NEGATIVE_EVENTS,
  OPEN_FOR_DRAFTS,
  RESOLVED_IN_DIALOG,
  type ChallengeEventName,
} from '../../lib/challenges';
import { useChallengeLabels } from '../../lib/challengeLabels';
import { useFormat } from '../../lib/format';
import {
  ApproveChallengeMutation,
  CarryOverChallengeMutation,
  ChallengeCohortsQuery,
  DeclineChallengeMutation,
  DeferChallengeMutation,
  RecommendChallengeMutation,
  RejectChallengeMutation,
  ReturnChallengeMutation,
  StartChallengeScreeningMutation,
  SubmitChallengeMutation,
  WithdrawChallengeMutation,
} from './documents';

type Challenge = ChallengeDetailFragment;
/** Events that step aside rather than forward: shown after the main one, in orange. */
const SECONDARY_EVENTS: readonly string[] = ['RETURN', 'DEFER', 'CARRY_OVER'];
type Available = Challenge['availableEvents'][number];

interface Extras {
  text: string;
  targetCohortId: string | null;
}

const ICONS: Record<ChallengeEventName, ReactNode> = {
  SUBMIT: <IconSend size={18} aria-hidden />,
  START_SCREENING: <IconPlayerPlay size={18} aria-hidden />,
  RETURN: <IconArrowBackUp size={18} aria-hidden />,
  RECOMMEND: <IconThumbUp size={18} aria-hidden />,
  DECLINE: <IconBan size={18} aria-hidden />,
  APPROVE: <IconCheck size={18} aria-hidden />,
  REJECT: <IconBan size={18} aria-hidden />,
  DEFER: <IconClockPause size={18} aria-hidden />,
  WITHDRAW: <IconBan size={18} aria-hidden />,
  CARRY_OVER: <IconCalendarShare size={18} aria-hidden />,
};

/** Sends one event with the version on screen; the answer replaces the challenge in the cache. */
export function useFireChallengeEvent() {
  const client = useApolloClient();
  return async (challenge: Pick<Challenge, 'id' | 'version'>, event: ChallengeEventName, extras: Extras) => {
    const input = { id: challenge.id, version: challenge.version };
    const text = extras.text.trim();
    switch (event) {
      case 'SUBMIT':
        return (await client.mutate({ mutation: SubmitChallengeMutation, variables: { input } })).data?.submitChallenge;
      case 'START_SCREENING':
        return (await client.mutate({ mutation: StartChallengeScreeningMutation, variables: { input } })).data
          ?.startChallengeScreening;
      case 'RETURN':
        return (
          await client.mutate({ mutation: ReturnChallengeMutation, variables: { input: { ...input, comment: text } } })
        ).data?.returnChallenge;
      case 'RECOMMEND':
        return (await client.mutate({ mutation: RecommendChallengeMutation, variables: { input } })).data
          ?.recommendChallenge;
      case 'DECLINE':
        return (
          await client.mutate({ mutation: DeclineChallengeMutation, variables: { input: { ...input, reason: text } } })
        ).data?.declineChallenge;
      case 'APPROVE':
        return (await client.mutate({ mutation: ApproveChallengeMutation, variables: { input } })).data
          ?.approveChallenge;
      case 'REJECT':
        return (
          await client.mutate({ mutation: RejectChallengeMutation, variables: { input: { ...input, reason: text } } })
        ).data?.rejectChallenge;
      case 'DEFER':
        return (
          await client.mutate({ mutation: DeferChallengeMutation, variables: { input: { ...input, reason: text } } })
        ).data?.deferChallenge;
      case 'WITHDRAW':
        return (await client.mutate({ mutation: WithdrawChallengeMutation, variables: { input } })).data
          ?.withdrawChallenge;
      case 'CARRY_OVER':
        return (
          await client.mutate({
            mutation: CarryOverChallengeMutation,
            variables: { input: { ...input, targetCohortId: extras.targetCohortId ?? '' } },
          })
        ).data?.carryOverChallenge;
      default: {
        const unknown: never = event;
        throw new Error(`no mutation fires ${String(unknown)}`);
      }
    }
  };
}

/** The reasons an event is blocked now, in the server's words (the missing fields named). */
function useBlockingReasons(challenge: Challenge) {
  const labels = useChallengeLabels();
  const format = useFormat();
  const { t } = useTranslation();
  return (available: Available): string[] =>
    available.blockedBy
      .map((guard, i) => ({ guard, reason: available.blockedReasons[i] ?? labels.guard(guard) }))
      .filter(({ guard }) => !RESOLVED_IN_DIALOG.includes(guard))
      .map(({ guard, reason }) =>
        guard === 'REQUIRED_FIELDS' && challenge.missingFields.length > 0
          ? t('challenges.actions.missingList', {
              reason,
              fields: format.list(challenge.missingFields.map(labels.field)),
            })
          : reason,
      );
}

function EventButton({
  challenge,
  available,
  onOpen,
  fullWidth,
}: {
  challenge: Challenge;
  available: Available;
  onOpen: (event: ChallengeEventName) => void;
  fullWidth: boolean;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const reasonsOf = useBlockingReasons(challenge);
  const reasonsId = useId();
  const event = available.event;
  const reasons = reasonsOf(available);
  const blocked = reasons.length > 0 || !isChallengeEvent(event);
  const negative = isChallengeEvent(event) && NEGATIVE_EVENTS.includes(event);
  const secondary = SECONDARY_EVENTS.includes(event);
  const button = (
    <Button
      variant={negative || secondary ? 'light' : 'filled'}
      color={negative ? 'red' : secondary ? 'orange' : undefined}
      leftSection={blocked ? <IconLock size={18} aria-hidden /> : isChallengeEvent(event) ? ICONS[event] : null}
      data-disabled={blocked || undefined}
      aria-disabled={blocked || undefined}
      aria-describedby={blocked ? reasonsId : undefined}
      onClick={(e) => {
        if (blocked) {
          e.preventDefault();
          return;
        }
        if (isChallengeEvent(event)) onOpen(event);
      }}
      fullWidth={fullWidth}
      justify={fullWidth ? 'flex-start' : undefined}
    >
      {labels.event(event)}
    </Button>
  );
  return (
    <Stack gap={6} data-testid={`challenge-event-${event}`} style={fullWidth ? undefined : { maxWidth: 360 }}>
      {blocked && reasons.length > 0 ? (
        <Tooltip label={reasons.join(t('cohorts.listSeparator'))} multiline maw={320} withArrow>
          {button}
        </Tooltip>
      ) : (
        button
      )}
      {blocked && reasons.length > 0 ? (
        <Stack gap={2} id={reasonsId}>
          <Text size="xs" c="dimmed">
            {t('cohorts.actions.blockedBy')}
          </Text>
          <List
            size="xs"
            spacing={2}
            c="orange.9"
            icon={
              <ThemeIcon size={16} radius="xl" color="orange" variant="light">
                <IconAlertTriangle size={11} aria-hidden />
              </ThemeIcon>
            }
          >
            {reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** Later cohorts that still take drafts: where a deferred challenge may be carried over. */
function useLaterCohorts(challenge: Challenge, skip: boolean) {
  const format = useFormat();
  const { data, loading } = useQuery(ChallengeCohortsQuery, { fetchPolicy: 'cache-and-network', skip });
  const options = useMemo(
    () =>
      (data?.cohorts ?? [])
        .filter((c) => c.id !== challenge.cohortId && OPEN_FOR_DRAFTS.includes(c.state))
        .filter((c) => c.day1 > challenge.cohort.day1)
        .map((c) => ({ value: c.id, label: `${format.name(c)} · ${format.localDate(c.day1)}` })),
    [data, challenge.cohortId, challenge.cohort.day1, format],
  );
  return { options, loading };
}

/** The dialog that confirms an event, asking for what it needs (a comment, a reason, a cohort). */
function EventDialog({
  challenge,
  event,
  onClose,
  onReload,
  onDone,
}: {
  challenge: Challenge;
  event: ChallengeEventName;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onDone?: (event: ChallengeEventName, result: Challenge | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useChallengeLabels();
  const fire = useFireChallengeEvent();
  const input = EVENT_INPUT[event];
  const later = useLaterCohorts(challenge, input !== 'cohort');
  const [text, setText] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const negative = NEGATIVE_EVENTS.includes(event);
  const approvalsAfter = challenge.approvals.length + 1;
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;
  const required = challenge.cohort.approvalsRequired;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setFieldError(null);
    if ((input === 'comment' || input === 'reason') && !text.trim()) {
      setFieldError(t('form.required'));
      return;
    }
    if (input === 'cohort' && !target) {
      setFieldError(t('form.required'));
      return;
    }
    setSending(true);
    try {
      const result = await fire(challenge, event, { text, targetCohortId: target });
      const message =
        event === 'APPROVE' && result?.state === 'RECOMMENDED'
          ? t('challenges.actions.approvalRecorded', {
              count: format.number(result.approvals.length),
              required: format.number(required),
            })
          : event === 'APPROVE' && result?.state === 'APPROVED'
            ? t('challenges.actions.approvedTeamFormed')
            : t('cohorts.actions.done', { event: labels.event(event) });
      notifications.show({ color: 'teal', message });
      onClose();
      onDone?.(event, result ?? undefined);
    } catch (error) {
      const found = toProblem(error, t);
      const message = found.fields.comment ?? found.fields.reason ?? found.fields.targetCohortId;
      if (message) setFieldError(message);
      else setProblem(found);
    } finally {
      setSending(false);
    }
  };

  const reload = async () => {
    await onReload();
    setProblem(null);
  };

  const failed = problem?.code === 'NOT_ALLOWED' && problem.failed.length > 0 ? problem.failed : [];
  const missing = failed.includes('REQUIRED_FIELDS') ? challenge.missingFields : [];
  const targetState =
    event === 'APPROVE'
      ? approvalsAfter >= required
        ? 'APPROVED'
        : 'RECOMMENDED'
      : (
          {
            SUBMIT: 'SUBMITTED',
            START_SCREENING: 'IN_SCREENING',
            RETURN: 'RETURNED',
            RECOMMEND: 'RECOMMENDED',
            DECLINE: 'REJECTED',
            REJECT: 'REJECTED',
            DEFER: 'DEFERRED',
            WITHDRAW: 'WITHDRAWN',
            CARRY_OVER: 'DRAFT',
          } as const
        )[event];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text fw={600} lang={format.language}>
          {format.language === 'ar' ? challenge.titleAr || challenge.titleEn : challenge.titleEn || challenge.titleAr}
        </Text>
        <Group gap="xs" wrap="wrap" aria-label={t('cohorts.actions.transition')}>
          <ChallengeStateBadge state={challenge.state} size="lg" />
          <Arrow size={18} aria-hidden />
          <ChallengeStateBadge state={targetState} size="lg" />
        </Group>
        <Text size="sm">{t(`challenges.eventHints.${event}`)}</Text>

        {event === 'APPROVE' ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
            {approvalsAfter >= required
              ? t('challenges.actions.approveDecides', {
                  count: format.number(approvalsAfter),
                  required: format.number(required),
                })
              : t('challenges.actions.approveRecords', {
                  count: format.number(approvalsAfter),
                  required: format.number(required),
                })}
          </Alert>
        ) : null}

        {input === 'comment' || input === 'reason' ? (
          <Textarea
            label={input === 'comment' ? t('challenges.actions.comment') : t('cohorts.actions.reason')}
            description={input === 'comment' ? t('challenges.actions.commentHint') : t('challenges.actions.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
        ) : null}

        {input === 'cohort' ? (
          <Select
            label={t('challenges.actions.targetCohort')}
            description={t('challenges.actions.targetCohortHint')}
            required
            data={later.options}
            value={target}
            onChange={setTarget}
            error={fieldError}
            nothingFoundMessage={later.loading ? t('app.loading') : t('challenges.actions.noLaterCohort')}
            allowDeselect={false}
            data-autofocus
          />
        ) : null}

        <ProblemAlert problem={problem} onReload={() => void reload()} title={t('cohorts.actions.failed')} />
        {failed.length > 0 ? (
          <List size="sm" spacing={2}>
            {failed
              .filter((guard) => guard !== 'REQUIRED_FIELDS')
              .map((guard) => (
                <List.Item key={guard}>{labels.guard(guard)}</List.Item>
              ))}
            {missing.map((field) => (
              <List.Item key={field}>{labels.field(field)}</List.Item>
            ))}
          </List>
        ) : null}

        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={sending}>
            {t('cohorts.actions.dismiss')}
          </Button>
          <Button
            type="submit"
            color={negative ? 'red' : undefined}
            loading={sending}
            data-autofocus={input === 'none' ? true : undefined}
          >
            {labels.event(event)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The transitions this user may fire now on a challenge, straight from the server's list. */
export function ChallengeActions({
  challenge,
  onReload,
  onDone,
  layout = 'stack',
  exclude = [],
}: {
  challenge: Challenge;
  onReload: () => Promise<unknown>;
  onDone?: (event: ChallengeEventName, result: Challenge | undefined) => void;
  /** A column of full-width buttons (side panels), or a row (cards). */
  layout?: 'stack' | 'row';
  /** Events offered elsewhere on the page (e.g. SUBMIT on the intake form). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const [open, setOpen] = useState<ChallengeEventName | null>(null);
  const events = challenge.availableEvents.filter((a) => !exclude.includes(a.event));
  // The step forward first, then the side steps (return, defer, carry over), the refusals last.
  const rank = (event: string) => (SECONDARY_EVENTS.includes(event) ? 1 : 0);
  const forward = events
    .filter((a) => !(isChallengeEvent(a.event) && NEGATIVE_EVENTS.includes(a.event)))
    .sort((a, b) => rank(a.event) - rank(b.event));
  const negative = events.filter((a) => isChallengeEvent(a.event) && NEGATIVE_EVENTS.includes(a.event));
  const stack = layout === 'stack';
  const Wrap = stack ? Stack : Group;

  return (
    <>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('challenges.actions.none')}
        </Text>
      ) : (
        <Wrap gap="md" align={stack ? undefined : 'flex-start'} data-testid="challenge-actions">
          {forward.map((available) => (
            <EventButton
              key={available.event}
              challenge={challenge}
              available={available}
              onOpen={setOpen}
              fullWidth={stack}
            />
          ))}
          {negative.length > 0 && forward.length > 0 && stack ? <Divider /> : null}
          {negative.map((available) => (
            <EventButton
              key={available.event}
              challenge={challenge}
              available={available}
              onOpen={setOpen}
              fullWidth={stack}
            />
          ))}
        </Wrap>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? labels.event(open) : ''}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open ? (
          <EventDialog
            challenge={challenge}
            event={open}
            onClose={() => setOpen(null)}
            onReload={onReload}
            onDone={onDone}
          />
        ) : null}
      </Modal>
    </>
  );
}
