import {
  Button,
  Checkbox,
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
  type BadgeProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconLock } from '@tabler/icons-react';
import type { EventInput } from '@hundred/workflow';
import { Fragment, useId, useState, type ComponentType, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../api/errors';
import { useFormat } from '../lib/format';
import { blockingGuards, needs, type AvailableEvent } from '../lib/workflow';
import { ProblemAlert } from './ProblemAlert';

/** How an event's button looks: a step forward, a step aside (orange), or one that ends or refuses (red, last). */
export type EventTone = 'forward' | 'aside' | 'negative';

export interface WorkflowLabels {
  event: (event: string) => string;
  guard: (guard: string) => string;
}

function EventButton({
  reasons,
  blocked,
  tone,
  icon,
  label,
  testId,
  fullWidth,
  onOpen,
}: {
  reasons: string[];
  blocked: boolean;
  tone: EventTone;
  icon: ReactNode;
  label: string;
  testId: string;
  fullWidth: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const reasonsId = useId();
  const light = tone !== 'forward';
  const button = (
    <Button
      variant={light ? 'light' : 'filled'}
      color={tone === 'negative' ? 'red' : tone === 'aside' ? 'orange' : undefined}
      leftSection={blocked ? <IconLock size={18} aria-hidden /> : icon}
      data-disabled={blocked || undefined}
      aria-disabled={blocked || undefined}
      aria-describedby={blocked ? reasonsId : undefined}
      onClick={(e) => {
        if (blocked) {
          e.preventDefault();
          return;
        }
        onOpen();
      }}
      fullWidth={fullWidth}
      justify={fullWidth ? 'flex-start' : undefined}
    >
      {label}
    </Button>
  );
  const explained = blocked && reasons.length > 0;
  return (
    <Stack gap={6} data-testid={testId} style={fullWidth ? undefined : { maxWidth: 360 }}>
      {explained ? (
        <Tooltip label={reasons.join(t('cohorts.listSeparator'))} multiline maw={320} withArrow>
          {button}
        </Tooltip>
      ) : (
        button
      )}
      {explained ? (
        <Stack gap={2} id={reasonsId}>
          <Text size="xs" c="dimmed">
            {t('cohorts.actions.blockedBy')}
          </Text>
          <List
            size="xs"
            spacing={2}
            // Orange words on white fall under 4.5:1; the icons keep the colour.
            c="dark.7"
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

/**
 * The transitions this user may fire now on a workflow object, straight from the server's list: a button an
 * event (locked, with the guards that stop it, while blocked) and a dialog to confirm the one chosen.
 */
export function WorkflowActions<E extends string>({
  events,
  isEvent,
  labels,
  explain,
  tone = () => 'forward',
  icon,
  eventTestIdPrefix,
  testId,
  none,
  layout = 'stack',
  renderDialog,
}: {
  /** The events to offer, in the order to show them; the negative ones go last, apart. */
  events: readonly AvailableEvent[];
  /** The events this page can fire; any other is shown locked. */
  isEvent: (event: string) => event is E;
  labels: WorkflowLabels;
  /** A blocking guard's reason as the button shows it (the server's words, or the guard's label). */
  explain?: (guard: string, reason: string) => string;
  tone?: (event: string) => EventTone;
  /** The icon of an event's button while it can be fired. */
  icon: (event: E) => ReactNode;
  /** Each event's block is `data-testid={eventTestIdPrefix + event}`. */
  eventTestIdPrefix: string;
  testId?: string;
  /** What to say when there is nothing to fire. */
  none: string;
  /** A column of full-width buttons (side panels), or a row (cards). */
  layout?: 'stack' | 'row';
  /** The dialog that confirms an event (a WorkflowEventDialog), given the event as the server offers it. */
  renderDialog: (event: E, available: AvailableEvent, close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<E | null>(null);
  const opened = open ? events.find((a) => a.event === open) : undefined;
  const close = () => setOpen(null);
  const forward = events.filter((a) => tone(a.event) !== 'negative');
  const negative = events.filter((a) => tone(a.event) === 'negative');
  const stack = layout === 'stack';
  const Wrap = stack ? Stack : Group;

  const button = (available: AvailableEvent) => {
    const event = available.event;
    // The server leaves out the guards the event's dialog answers (a comment, a reason).
    const reasons = blockingGuards(available, labels.guard).map(({ guard, reason }) =>
      explain ? explain(guard, reason) : reason,
    );
    const known = isEvent(event);
    return (
      <EventButton
        key={event}
        reasons={reasons}
        blocked={reasons.length > 0 || !known}
        tone={tone(event)}
        icon={known ? icon(event) : null}
        label={labels.event(event)}
        testId={`${eventTestIdPrefix}${event}`}
        fullWidth={stack}
        onOpen={() => {
          if (known) setOpen(event);
        }}
      />
    );
  };

  return (
    <>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        <Wrap gap="md" align={stack ? undefined : 'flex-start'} data-testid={testId}>
          {forward.map(button)}
          {negative.length > 0 && forward.length > 0 && stack ? <Divider /> : null}
          {negative.map(button)}
        </Wrap>
      )}
      <Modal
        opened={open !== null && opened !== undefined}
        onClose={close}
        title={open ? labels.event(open) : ''}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && opened ? renderDialog(open, opened, close) : null}
      </Modal>
    </>
  );
}

/** What a dialog gathered for an event: the text typed for each input, the choices made. */
export interface EventValues {
  comment: string;
  reason: string;
  targetCohortId: string | null;
  excludeNotReady: boolean;
}

/** The input fields a refusal may name, by what the dialog asks for. */
const FIELD_OF: Partial<Record<EventInput, string>> = {
  COMMENT: 'comment',
  REASON: 'reason',
  TARGET_COHORT: 'targetCohortId',
  EXCLUDE_NOT_READY: 'excludeNotReadyTeams',
};

/**
 * Confirms one event: the object, its state now and the state(s) it leads to, what the event does,
 * and what the server says its dialog asks for (a comment, a reason, a later cohort, launching
 * without the teams that are not ready); then performs it with the version on screen and says how
 * it went (the server's words on a refusal or a conflict).
 */
export function WorkflowEventDialog<T>({
  available,
  subject,
  subjectLang,
  StateBadge,
  from,
  pickTarget,
  hint,
  children,
  inputText,
  maxLength = 5000,
  targetCohorts,
  perform,
  doneMessage,
  onDone,
  failedItems,
  label,
  negative = false,
  onClose,
  onReload,
}: {
  /** The event as the server offers it: its inputs, its targets, the guards its inputs answer. */
  available: AvailableEvent;
  /** The object's name, above the transition. */
  subject?: string;
  subjectLang?: string;
  /** Shows one of the object's states (e.g. TeamStateBadge). */
  StateBadge: ComponentType<{ state: string } & BadgeProps>;
  from: string;
  /** Which of several targets this event leads to now, when the page can tell (all are shown otherwise). */
  pickTarget?: (targets: readonly string[]) => string | undefined;
  /** What the event does. */
  hint: string;
  /** Notes of the event's own, before its inputs. */
  children?: ReactNode;
  /** The label and hint of a text the dialog asks for (a comment, a reason). */
  inputText: (input: EventInput) => { label: string; description?: string };
  maxLength?: number;
  /** The cohorts to choose from when the event asks for one. */
  targetCohorts?: { options: { value: string; label: string }[]; loading: boolean };
  /** Fires the event with what the dialog gathered (texts as typed). */
  perform: (values: EventValues) => Promise<T>;
  /** The notification once done, if not "done: <event>". */
  doneMessage?: (result: T) => string | undefined;
  /** After the dialog closed on success. */
  onDone?: (result: T) => unknown;
  /** The list under a NOT_ALLOWED refusal, from the guards that failed. */
  failedItems: (failed: readonly string[]) => string[];
  /** The event's name, on the submit button. */
  label: string;
  negative?: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const asked = available.inputs.map((spec) => spec.input);
  const [values, setValues] = useState<EventValues>(() => ({
    comment: '',
    reason: '',
    targetCohortId: null,
    // Launching while some teams are not ready: going without them is what the dialog proposes.
    excludeNotReady: needs(available, 'EXCLUDE_NOT_READY'),
  }));
  const [errors, setErrors] = useState<Partial<Record<EventInput, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;
  const picked = pickTarget?.(available.targets);
  const targets = picked ? [picked] : available.targets;
  const firstText = asked.find((input) => input === 'COMMENT' || input === 'REASON');
  const set = (change: Partial<EventValues>) => setValues((current) => ({ ...current, ...change }));

  const missing = (input: EventInput): boolean => {
    if (!needs(available, input)) return false;
    switch (input) {
      case 'COMMENT':
        return !values.comment.trim();
      case 'REASON':
        return !values.reason.trim();
      case 'TARGET_COHORT':
        return !values.targetCohortId;
      case 'EXCLUDE_NOT_READY':
        return !values.excludeNotReady;
      default:
        return false;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const empty = asked.filter(missing);
    setErrors(Object.fromEntries(empty.map((input) => [input, t('form.required')])));
    if (empty.length > 0) return;
    setSending(true);
    try {
      const result = await perform(values);
      notifications.show({
        color: 'teal',
        message: doneMessage?.(result) ?? t('cohorts.actions.done', { event: label }),
      });
      onClose();
      await onDone?.(result);
    } catch (error) {
      const found = toProblem(error, t);
      const placed = Object.fromEntries(
        asked.flatMap((input) => {
          const field = FIELD_OF[input];
          const message = field ? found.fields[field] : undefined;
          return message ? [[input, message]] : [];
        }),
      );
      setErrors(placed);
      if (Object.keys(placed).length === 0) setProblem(found);
    } finally {
      setSending(false);
    }
  };

  const reload = async () => {
    await onReload();
    setProblem(null);
  };

  const text = (input: 'COMMENT' | 'REASON') => {
    const key = input === 'COMMENT' ? 'comment' : 'reason';
    const { label: fieldLabel, description } = inputText(input);
    return (
      <Textarea
        key={input}
        label={fieldLabel}
        description={description}
        required={needs(available, input)}
        autosize
        minRows={3}
        maxLength={maxLength}
        value={values[key]}
        onChange={(e) => set({ [key]: e.currentTarget.value })}
        error={errors[input]}
        data-autofocus={input === firstText ? true : undefined}
      />
    );
  };

  const field = (input: EventInput): ReactNode => {
    switch (input) {
      case 'COMMENT':
      case 'REASON':
        return text(input);
      case 'TARGET_COHORT':
        return (
          <Select
            key={input}
            label={t('challenges.actions.targetCohort')}
            description={t('challenges.actions.targetCohortHint')}
            required={needs(available, input)}
            data={targetCohorts?.options ?? []}
            value={values.targetCohortId}
            onChange={(value) => set({ targetCohortId: value })}
            error={errors[input]}
            nothingFoundMessage={targetCohorts?.loading ? t('app.loading') : t('challenges.actions.noLaterCohort')}
            allowDeselect={false}
            data-autofocus
          />
        );
      case 'EXCLUDE_NOT_READY':
        return (
          <Checkbox
            key={input}
            label={t('cohorts.actions.excludeNotReady')}
            description={t('cohorts.actions.excludeNotReadyHint')}
            checked={values.excludeNotReady}
            onChange={(e) => set({ excludeNotReady: e.currentTarget.checked })}
            error={errors[input]}
          />
        );
      default:
        // Decisions, outcomes and sustainment statuses are given on pages of their own.
        return null;
    }
  };

  const failed = problem?.code === 'NOT_ALLOWED' ? failedItems(problem.failed) : [];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {subject !== undefined ? (
          <Text fw={600} lang={subjectLang}>
            {subject}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap" aria-label={t('cohorts.actions.transition')}>
          <StateBadge state={from} size="lg" />
          <Arrow size={18} aria-hidden />
          {targets.map((target, i) => (
            <Fragment key={target}>
              {i > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('cohorts.actions.or')}
                </Text>
              ) : null}
              <StateBadge state={target} size="lg" />
            </Fragment>
          ))}
        </Group>
        <Text size="sm">{hint}</Text>
        {children}
        {asked.map(field)}
        <ProblemAlert problem={problem} onReload={() => void reload()} title={t('cohorts.actions.failed')} />
        {failed.length > 0 ? (
          <List size="sm" spacing={2}>
            {failed.map((item) => (
              <List.Item key={item}>{item}</List.Item>
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
            data-autofocus={firstText === undefined && !asked.includes('TARGET_COHORT') ? true : undefined}
          >
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
