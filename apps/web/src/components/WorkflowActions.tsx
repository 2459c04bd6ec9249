import {
  Button,
  Divider,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Tooltip,
  type BadgeProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconLock } from '@tabler/icons-react';
import { useId, useState, type ComponentType, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem, type Problem } from '../api/errors';
import { useFormat } from '../lib/format';
import { blockingGuards, type AvailableEvent } from '../lib/workflow';
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

/**
 * The transitions this user may fire now on a workflow object, straight from the server's list: a button an
 * event (locked, with the guards that stop it, while blocked) and a dialog to confirm the one chosen.
 */
export function WorkflowActions<E extends string>({
  events,
  isEvent,
  labels,
  resolvedInDialog,
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
  /** Guards an event's dialog answers itself (a comment, a reason): they do not lock its button. */
  resolvedInDialog?: (event: string) => readonly string[];
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
  /** The dialog that confirms an event (a WorkflowEventDialog). */
  renderDialog: (event: E, close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<E | null>(null);
  const close = () => setOpen(null);
  const forward = events.filter((a) => tone(a.event) !== 'negative');
  const negative = events.filter((a) => tone(a.event) === 'negative');
  const stack = layout === 'stack';
  const Wrap = stack ? Stack : Group;

  const button = (available: AvailableEvent) => {
    const event = available.event;
    const reasons = blockingGuards(available, labels.guard, resolvedInDialog?.(event)).map(({ guard, reason }) =>
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
        opened={open !== null}
        onClose={close}
        title={open ? labels.event(open) : ''}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open ? renderDialog(open, close) : null}
      </Modal>
    </>
  );
}

/** The text field of a dialog: a comment or a reason. */
export interface ReasonField {
  label: string;
  description: string;
  required: boolean;
  maxLength: number;
}

/**
 * Confirms one event: the object, its state now and after, what the event does, what it asks for; then
 * performs it with the version on screen and says how it went (the server's words on a refusal or a conflict).
 */
export function WorkflowEventDialog<T>({
  subject,
  subjectLang,
  StateBadge,
  from,
  to,
  hint,
  children,
  reason,
  input,
  complete,
  perform,
  doneMessage,
  onDone,
  errorFields = ['comment', 'reason'],
  failedItems,
  label,
  negative = false,
  focusSubmit,
  onClose,
  onReload,
}: {
  /** The object's name, above the transition. */
  subject?: string;
  subjectLang?: string;
  /** Shows one of the object's states (e.g. TeamStateBadge). */
  StateBadge: ComponentType<{ state: string } & BadgeProps>;
  from: string;
  to: string;
  /** What the event does. */
  hint: string;
  /** Notes and inputs of the event's own, before the reason. */
  children?: ReactNode;
  /** The comment or reason the event asks for, if any. */
  reason?: ReasonField | null;
  /** An input of the event's own after the reason, given the field error to show. */
  input?: (fieldError: string | null) => ReactNode;
  /** False while that input still needs an answer. */
  complete?: () => boolean;
  /** Fires the event with the text typed (as typed). */
  perform: (text: string) => Promise<T>;
  /** The notification once done, if not "done: <event>". */
  doneMessage?: (result: T) => string | undefined;
  /** After the dialog closed on success. */
  onDone?: (result: T) => unknown;
  /** Input fields whose server message belongs under the dialog's field rather than in the alert. */
  errorFields?: readonly string[];
  /** The list under a NOT_ALLOWED refusal, from the guards that failed. */
  failedItems: (failed: readonly string[]) => string[];
  /** The event's name, on the submit button. */
  label: string;
  negative?: boolean;
  /** Whether the submit button takes the focus (by default when there is no reason to type). */
  focusSubmit?: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const Arrow = format.language === 'ar' ? IconArrowLeft : IconArrowRight;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setFieldError(null);
    if ((reason?.required && !text.trim()) || (complete && !complete())) {
      setFieldError(t('form.required'));
      return;
    }
    setSending(true);
    try {
      const result = await perform(text);
      notifications.show({
        color: 'teal',
        message: doneMessage?.(result) ?? t('cohorts.actions.done', { event: label }),
      });
      onClose();
      await onDone?.(result);
    } catch (error) {
      const found = toProblem(error, t);
      const message = errorFields.map((field) => found.fields[field]).find(Boolean);
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
          <StateBadge state={to} size="lg" />
        </Group>
        <Text size="sm">{hint}</Text>
        {children}
        {reason ? (
          <Textarea
            label={reason.label}
            description={reason.description}
            required={reason.required}
            autosize
            minRows={3}
            maxLength={reason.maxLength}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
        ) : null}
        {input?.(fieldError)}
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
            data-autofocus={(focusSubmit ?? !reason) ? true : undefined}
          >
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
