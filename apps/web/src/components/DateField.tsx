import {
  ActionIcon,
  Group,
  Popover,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
  type TextInputProps,
} from '@mantine/core';
import { IconCalendar, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import {
  addDays,
  addMonths,
  clampDate,
  daysInMonth,
  firstDayOfWeek,
  firstOfMonth,
  isIsoDate,
  noonInstant,
  parseTypedDate,
  startOfWeek,
  todayIso,
  typedDate,
} from '../lib/dates';
import { isolateLtr } from '../lib/bidi';
import { useFormat, type Formatters } from '../lib/format';
import classes from './DateField.module.css';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type'> {
  /** The date, `YYYY-MM-DD`; '' when empty; while a person is typing, what they have typed so far. */
  value?: string;
  /** Called with `YYYY-MM-DD` once the text is a date, '' when emptied, and the text itself otherwise. */
  onChange: (value: string) => void;
  /** The earliest and latest dates that may be picked (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
}

/**
 * A calendar date typed as the reader writes it — day/month/year, in their digits — or picked on a
 * calendar by mouse or keyboard (the WAI-ARIA date picker dialog: arrows move by day and week,
 * Page Up/Down by month, with Shift by year, Home/End to the week's ends, Enter picks, Escape
 * closes). With the Hijri preference, the Umm al-Qura date of the chosen day is shown under the
 * field and the calendar names the Hijri months it spans. Replaces the browser's own date input,
 * which writes month/day/year inside the Arabic interface.
 */
export function DateField({
  value = '',
  onChange,
  min,
  max,
  description,
  error,
  onBlur,
  label,
  disabled,
  readOnly,
  ...input
}: DateFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const digits = format.language === 'ar' && format.preferences.arabicDigits;
  const shown = (date: string) => (isIsoDate(date) ? typedDate(date, digits) : date);
  const [text, setText] = useState(() => shown(value));
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState(false);
  const calendarNameId = useId();

  // A value set from outside (a reset, a copied plan) replaces the text, unless the text says it
  // (adjusted while rendering, as React recommends for state that follows a prop).
  const [synced, setSynced] = useState({ value, digits });
  if (synced.value !== value || synced.digits !== digits) {
    setSynced({ value, digits });
    if (parseTypedDate(text) !== value && text !== value) setText(shown(value));
  }

  const typed = (next: string) => {
    setText(next);
    const date = parseTypedDate(next);
    onChange(next.trim() === '' ? '' : (date ?? next));
  };

  const date = parseTypedDate(text);
  const ownError = !touched || text.trim() === '' ? null : problemOf(date, min, max, t, format, digits);
  const hijri =
    date && format.preferences.hijri ? (
      <span>{t('dates.hijri', { date: format.hijri(noonInstant(date), 'UTC') })}</span>
    ) : null;

  return (
    <TextInput
      {...input}
      label={label}
      disabled={disabled}
      readOnly={readOnly}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={input.placeholder ?? t('dates.placeholder')}
      onChange={(event) => typed(event.currentTarget.value)}
      onBlur={(event) => {
        setTouched(true);
        if (date) setText(shown(date));
        onBlur?.(event);
      }}
      description={joined(description, hijri)}
      error={error ?? ownError}
      rightSectionPointerEvents="all"
      rightSection={
        disabled || readOnly ? null : (
          <Popover
            opened={opened}
            onChange={setOpened}
            trapFocus
            returnFocus
            position="bottom-end"
            shadow="md"
            withinPortal
          >
            <Popover.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('dates.openCalendar')}
                aria-haspopup="dialog"
                aria-expanded={opened}
                onClick={() => setOpened((open) => !open)}
              >
                <IconCalendar size={18} aria-hidden />
              </ActionIcon>
            </Popover.Target>
            {/* Named after the field, not after the button that opens it (Mantine's default). */}
            <Popover.Dropdown aria-labelledby={calendarNameId}>
              <VisuallyHidden id={calendarNameId}>
                {typeof label === 'string' ? t('dates.calendarOf', { label }) : t('dates.calendar')}
              </VisuallyHidden>
              <CalendarGrid
                selected={date}
                min={min}
                max={max}
                format={format}
                digits={digits}
                onPick={(picked) => {
                  setText(shown(picked));
                  onChange(picked);
                  setOpened(false);
                }}
              />
            </Popover.Dropdown>
          </Popover>
        )
      }
    />
  );
}

function joined(first: ReactNode, second: ReactNode): ReactNode {
  if (!first) return second;
  if (!second) return first;
  return (
    <>
      {first} · {second}
    </>
  );
}

function problemOf(
  date: string | null,
  min: string | undefined,
  max: string | undefined,
  t: TFunction,
  format: Formatters,
  digits: boolean,
): string | null {
  if (!date) return t('dates.invalid', { example: typedDate('2026-03-25', digits) });
  if (min && isIsoDate(min) && date < min) return t('dates.beforeMin', { date: format.localDate(min) });
  if (max && isIsoDate(max) && date > max) return t('dates.afterMax', { date: format.localDate(max) });
  return null;
}

/** Key names, left to right inside the reader's sentence (isolated in the Arabic one). */
const KEY_NAMES = {
  pageUp: isolateLtr('Page\u00a0Up'),
  pageDown: isolateLtr('Page\u00a0Down'),
  shift: isolateLtr('Shift'),
  enter: isolateLtr('Enter'),
  escape: isolateLtr('Esc'),
};

interface CalendarGridProps {
  selected: string | null;
  min?: string;
  max?: string;
  format: Formatters;
  digits: boolean;
  onPick: (date: string) => void;
}

/** A month as a grid of days, moved through by keyboard; the day with focus is the only tab stop. */
function CalendarGrid({ selected, min, max, format, digits, onPick }: CalendarGridProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const today = todayIso();
  const [focused, setFocused] = useState(() => clampDate(selected ?? today, min, max));
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const rtl = format.language === 'ar';

  const { locale } = format;
  const names = useMemo(() => {
    const utc = { timeZone: 'UTC' } as const;
    const hijriLocale = `${format.language}-u-ca-islamic-umalqura-nu-${digits ? 'arab' : 'latn'}`;
    return {
      month: new Intl.DateTimeFormat(locale, { ...utc, month: 'long', year: 'numeric' }),
      day: new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric' }),
      full: new Intl.DateTimeFormat(locale, {
        ...utc,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
      // Arabic's short weekday names are the whole words: one letter each fits the column.
      weekdayShort: new Intl.DateTimeFormat(locale, { ...utc, weekday: format.language === 'ar' ? 'narrow' : 'short' }),
      weekdayLong: new Intl.DateTimeFormat(locale, { ...utc, weekday: 'long' }),
      hijriMonth: new Intl.DateTimeFormat(hijriLocale, { ...utc, month: 'long', year: 'numeric' }),
    };
  }, [locale, format.language, digits]);
  const firstDay = useMemo(() => firstDayOfWeek(locale), [locale]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const month = firstOfMonth(focused);
  const length = daysInMonth(month);
  const weeks: (string | null)[][] = [];
  let cursor = startOfWeek(month, firstDay);
  const last = addDays(month, length - 1);
  while (cursor <= last) {
    const week: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(cursor.slice(0, 7) === month.slice(0, 7) ? cursor : null);
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  }
  const weekdays = Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(month, firstDay), i));
  const outOfRange = (date: string) =>
    (!!min && isIsoDate(min) && date < min) || (!!max && isIsoDate(max) && date > max);
  const hijriSpan = format.preferences.hijri
    ? names.hijriMonth.formatRange(new Date(noonInstant(month)), new Date(noonInstant(last)))
    : null;

  const move = (to: string) => {
    moved.current = true;
    setFocused(clampDate(to, min, max));
  };
  const showMonth = (months: number) => setFocused(clampDate(addMonths(focused, months), min, max));

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const week = startOfWeek(focused, firstDay);
    const steps: Record<string, () => string> = {
      ArrowRight: () => addDays(focused, rtl ? -1 : 1),
      ArrowLeft: () => addDays(focused, rtl ? 1 : -1),
      ArrowDown: () => addDays(focused, 7),
      ArrowUp: () => addDays(focused, -7),
      Home: () => week,
      End: () => addDays(week, 6),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    move(step());
  };

  const Previous = rtl ? IconChevronRight : IconChevronLeft;
  const Next = rtl ? IconChevronLeft : IconChevronRight;
  return (
    <Stack gap="xs" className={classes.calendar}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <ActionIcon variant="subtle" color="gray" aria-label={t('dates.previousMonth')} onClick={() => showMonth(-1)}>
          <Previous size={18} aria-hidden />
        </ActionIcon>
        <div className={classes.title}>
          <Text id={titleId} fw={600} size="sm" aria-live="polite">
            {names.month.format(new Date(noonInstant(month)))}
          </Text>
          {hijriSpan ? (
            <Text size="xs" c="dimmed">
              {hijriSpan}
            </Text>
          ) : null}
        </div>
        <ActionIcon variant="subtle" color="gray" aria-label={t('dates.nextMonth')} onClick={() => showMonth(1)}>
          <Next size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <table role="grid" aria-labelledby={titleId} className={classes.grid} ref={grid} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col" abbr={names.weekdayLong.format(new Date(noonInstant(day)))}>
                {names.weekdayShort.format(new Date(noonInstant(day)))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean) ?? ''}>
              {week.map((day, index) =>
                day === null ? (
                  <td key={`empty-${index}`} />
                ) : (
                  <td key={day} aria-selected={day === selected}>
                    <UnstyledButton
                      type="button"
                      className={classes.day}
                      data-date={day}
                      data-selected={day === selected || undefined}
                      data-today={day === today || undefined}
                      data-autofocus={day === focused || undefined}
                      tabIndex={day === focused ? 0 : -1}
                      aria-label={names.full.format(new Date(noonInstant(day)))}
                      aria-current={day === today ? 'date' : undefined}
                      aria-disabled={outOfRange(day) || undefined}
                      onFocus={() => setFocused(day)}
                      onClick={() => {
                        if (!outOfRange(day)) onPick(day);
                      }}
                    >
                      {names.day.format(new Date(noonInstant(day)))}
                    </UnstyledButton>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Text size="xs" c="dimmed" maw="18rem">
        {t('dates.keys', KEY_NAMES)}
      </Text>
    </Stack>
  );
}
