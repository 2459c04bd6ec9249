import { Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COHORT_STATES } from '@hundred/workflow';

import type { CohortDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { isCohortState, isReminder, STATE_COLORS } from './cohorts';
import classes from './CohortTimeline.module.css';
import { useCohortLabels } from './labels';

type Cohort = Pick<CohortDetailFragment, 'phases' | 'deadlines' | 'state' | 'currentDay' | 'timeZone'>;
type Phase = Cohort['phases'][number];
type Deadline = Cohort['deadlines'][number];

/** Phases narrower than this share of the bar carry no label of their own (the legend names them). */
const LABEL_MIN_PERCENT = 6.5;

const TOOLTIP_EVENTS = { hover: true, focus: true, touch: true };

const at = (percent: number): CSSProperties => ({ insetInlineStart: `${percent}%` });

function phaseStatus(phase: Phase, state: string): 'past' | 'current' | 'future' {
  if (phase.state === state) return 'current';
  if (state === 'CLOSED') return 'past';
  const order = COHORT_STATES as readonly string[];
  return order.indexOf(phase.state) < order.indexOf(state) && state !== 'CANCELLED' ? 'past' : 'future';
}

function phaseStyle(phase: Phase, status: string): CSSProperties {
  const color = isCohortState(phase.state) ? STATE_COLORS[phase.state] : 'gray';
  return status === 'current'
    ? { backgroundColor: `var(--mantine-color-${color}-6)`, color: 'var(--mantine-color-white)' }
    : { backgroundColor: `var(--mantine-color-${color}-2)`, color: `var(--mantine-color-${color}-9)` };
}

/**
 * The cohort's calendar as one bar: its phases in proportion to their length, its deadlines as
 * markers (transitions above the bar, reminders below) and today as a red line.
 */
export function CohortTimeline({ cohort, now }: { cohort: Cohort; now: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const { phases, deadlines, timeZone } = cohort;
  if (phases.length === 0) return null;

  const first = Date.parse(phases[0]!.startsAt);
  const last = Date.parse(phases[phases.length - 1]!.endsAt);
  const nowMs = now ? Date.parse(now) : null;
  // Today stays on the bar even before intake opens or after the cohort's last day.
  const margin = (last - first) * 0.02;
  const start = nowMs !== null && nowMs < first ? nowMs - margin : first;
  const end = nowMs !== null && nowMs > last ? nowMs + margin : last;
  const percent = (iso: string | number) => {
    const ms = typeof iso === 'number' ? iso : Date.parse(iso);
    return Math.min(100, Math.max(0, ((ms - start) / (end - start)) * 100));
  };

  const dateOf = (iso: string) => format.date(iso, timeZone);
  const phaseText = (phase: Phase) =>
    t('cohorts.timeline.phaseTooltip', {
      phase: labels.state(phase.state),
      from: dateOf(phase.startsAt),
      to: dateOf(new Date(Date.parse(phase.endsAt) - 1).toISOString()),
      fromDay: labels.day(phase.startDay),
      toDay: labels.day(phase.endDay),
    });
  const deadlineText = (deadline: Deadline) => {
    const blocked = deadline.state === 'PENDING' && deadline.blockedBy.length > 0;
    const parts = [
      labels.deadlineKind(deadline.kind),
      `${format.dateTime(deadline.dueAt, timeZone)} · ${labels.day(deadline.day)}`,
      blocked ? t('cohorts.deadlines.blocked') : labels.deadlineState(deadline.state),
    ];
    if (blocked) parts.push(deadline.blockedBy.map(labels.guard).join(t('cohorts.listSeparator')));
    return parts;
  };

  const ticks: { key: string; iso: string; day: number }[] = [];
  const addTick = (state: string, edge: 'start' | 'end') => {
    const phase = phases.find((p) => p.state === state);
    if (phase) {
      ticks.push({
        key: `${state}-${edge}`,
        iso: edge === 'start' ? phase.startsAt : phase.endsAt,
        day: edge === 'start' ? phase.startDay : phase.endDay,
      });
    }
  };
  addTick(phases[0]!.state, 'start');
  addTick('EXECUTION', 'start');
  addTick('MIDPOINT_REVIEW', 'start');
  addTick('RESULTS', 'start');
  addTick(phases[phases.length - 1]!.state, 'end');

  const todayText =
    nowMs !== null
      ? t('cohorts.timeline.todayTooltip', { date: format.date(now!, timeZone), day: labels.day(cohort.currentDay) })
      : '';

  return (
    <figure style={{ margin: 0 }} aria-label={t('cohorts.timeline.label')} data-testid="cohort-timeline">
      <div className={classes.scroller}>
        <div className={classes.track}>
          {nowMs !== null ? (
            <>
              <div className={`${classes.anchor} ${classes.todayRow}`} style={at(percent(nowMs))}>
                <Tooltip label={todayText} events={TOOLTIP_EVENTS} withArrow>
                  <button
                    type="button"
                    className={classes.todayLabel}
                    aria-label={todayText}
                    data-testid="timeline-today"
                  >
                    {t('cohorts.timeline.today')}
                  </button>
                </Tooltip>
              </div>
              <div className={classes.todayLine} style={at(percent(nowMs))} aria-hidden />
            </>
          ) : null}

          <div className={classes.eventLane}>
            {deadlines
              .filter((d) => !isReminder(d.kind))
              .map((deadline) => (
                <DeadlineMarker
                  key={deadline.id}
                  deadline={deadline}
                  percent={percent(deadline.dueAt)}
                  lines={deadlineText(deadline)}
                  className={classes.transition!}
                  withStem
                />
              ))}
          </div>

          <div className={classes.bar} data-testid="timeline-bar">
            {phases.map((phase) => {
              const from = percent(phase.startsAt);
              const width = percent(phase.endsAt) - from;
              const status = phaseStatus(phase, cohort.state);
              return (
                <Tooltip key={phase.state} label={phaseText(phase)} withArrow multiline maw={320}>
                  <div
                    className={classes.segment}
                    data-status={status}
                    data-phase={phase.state}
                    style={{ ...at(from), width: `${width}%`, ...phaseStyle(phase, status) }}
                  >
                    {width >= LABEL_MIN_PERCENT ? (
                      <span className={classes.segmentLabel}>{labels.state(phase.state)}</span>
                    ) : null}
                  </div>
                </Tooltip>
              );
            })}
          </div>

          <div className={classes.reminderLane}>
            {deadlines
              .filter((d) => isReminder(d.kind))
              .map((deadline) => (
                <DeadlineMarker
                  key={deadline.id}
                  deadline={deadline}
                  percent={percent(deadline.dueAt)}
                  lines={deadlineText(deadline)}
                  className={classes.reminder!}
                />
              ))}
          </div>

          <div className={classes.axis} aria-hidden>
            {ticks.map((tick) => (
              <div key={tick.key} className={classes.anchor} style={at(percent(tick.iso))}>
                <span className={classes.tick}>
                  <span className={classes.tickDay}>{labels.day(tick.day)}</span>
                  <span className={classes.tickDate}>{format.dayMonth(tick.iso, timeZone)}</span>
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>

      <TimelineLegend cohort={cohort} />
    </figure>
  );
}

function DeadlineMarker({
  deadline,
  percent,
  lines,
  className,
  withStem = false,
}: {
  deadline: Deadline;
  percent: number;
  lines: string[];
  className: string;
  withStem?: boolean;
}) {
  const blocked = deadline.state === 'PENDING' && deadline.blockedBy.length > 0;
  return (
    <div className={classes.anchor} style={at(percent)}>
      <Tooltip
        withArrow
        multiline
        maw={300}
        events={TOOLTIP_EVENTS}
        label={
          <Stack gap={2}>
            <Text size="sm" fw={700} inherit>
              {lines[0]}
            </Text>
            {lines.slice(1).map((line, i) => (
              <Text size="xs" key={i} inherit>
                {line}
              </Text>
            ))}
          </Stack>
        }
      >
        <button
          type="button"
          className={`${classes.marker} ${className}`}
          data-state={deadline.state}
          data-blocked={blocked ? 'true' : undefined}
          data-kind={deadline.kind}
          aria-label={lines.join(' · ')}
        />
      </Tooltip>
      {withStem ? <span className={classes.stem} aria-hidden /> : null}
    </div>
  );
}

/** A marker of the timeline and what it stands for. */
function LegendEntry({ marker, label }: { marker: ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      {marker}
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

function TimelineLegend({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const labels = useCohortLabels();
  // The deadline markers as the bar draws them: a transition or a reminder, done, blocked.
  const markers: { kind: string | undefined; state?: string; blocked?: string; label: string }[] = [
    { kind: classes.transition, label: t('cohorts.timeline.legendTransition') },
    { kind: classes.reminder, label: t('cohorts.timeline.legendReminder') },
    { kind: classes.transition, state: 'FIRED', label: t('cohorts.timeline.legendDone') },
    { kind: classes.transition, blocked: 'true', label: t('cohorts.timeline.legendBlocked') },
  ];
  return (
    <Stack gap="sm" mt="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" verticalSpacing={6}>
        {cohort.phases.map((phase) => {
          const status = phaseStatus(phase, cohort.state);
          return (
            <Group key={phase.state} gap={8} wrap="nowrap" align="flex-start">
              <span
                className={classes.swatch}
                style={{ ...phaseStyle(phase, status), marginBlockStart: 3 }}
                aria-hidden
              />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={status === 'current' ? 700 : 500} lh={1.4}>
                  {labels.state(phase.state)}
                  {status === 'current' ? ` · ${t('cohorts.timeline.current')}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('cohorts.timeline.dayRange', { from: labels.day(phase.startDay), to: labels.day(phase.endDay) })}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </SimpleGrid>
      <Group gap="lg" wrap="wrap">
        {markers.map(({ kind, state, blocked, label }) => (
          <LegendEntry
            key={label}
            label={label}
            marker={
              <span
                className={`${classes.marker} ${kind} ${classes.legendMarker}`}
                data-state={state}
                data-blocked={blocked}
                style={{ margin: 0 }}
                aria-hidden
              />
            }
          />
        ))}
        <LegendEntry
          label={t('cohorts.timeline.legendToday')}
          marker={
            <span
              style={{ width: 0, height: 14, borderInlineStart: '2px solid var(--mantine-color-red-7)' }}
              aria-hidden
            />
          }
        />
      </Group>
    </Stack>
  );
}
