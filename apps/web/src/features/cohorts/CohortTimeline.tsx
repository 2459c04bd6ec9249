import { Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COHORT_STATES } from '@hundred/workflow';

import type { CohortDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../lib/format';
import { isCohortState, isReminder, STATE_COLORS } from './cohorts';
import classes from './CohortTimeline.module.css';
import { useCohortLabels } from './labels';
import { DEFAULT_SCALE, timelineScale, widthFor } from './timeline-scale';

type Cohort = Pick<CohortDetailFragment, 'phases' | 'deadlines' | 'state' | 'currentDay' | 'timeZone'>;
type Phase = Cohort['phases'][number];
type Deadline = Cohort['deadlines'][number];

const TOOLTIP_EVENTS = { hover: true, focus: true, touch: true };

/** A segment's padding and border around its name (CohortTimeline.module.css), with a pixel to spare. */
const SEGMENT_CHROME_PX = 7;
/** With the names measured, a phase is kept this wide (percent) only so it never vanishes. */
const MEASURED_MIN_SHARE = 3;
/** The track's margin at each end (room for labels centred on its first and last instants). */
const TRACK_MARGIN_PX = 36;

const at = (percent: number): CSSProperties => ({ insetInlineStart: `${percent}%` });

function phaseStatus(phase: Phase, state: string): 'past' | 'current' | 'future' {
  if (phase.state === state) return 'current';
  if (state === 'CLOSED') return 'past';
  const order = COHORT_STATES as readonly string[];
  return order.indexOf(phase.state) < order.indexOf(state) && state !== 'CANCELLED' ? 'past' : 'future';
}

/** A phase's colour: lightest once past, light ahead, stronger now; its words stay dark enough on each (WCAG AA). */
function phaseStyle(phase: Phase, status: string): CSSProperties {
  const color = isCohortState(phase.state) ? STATE_COLORS[phase.state] : 'gray';
  const shade = status === 'current' ? 3 : status === 'past' ? 0 : 1;
  return {
    backgroundColor: `var(--mantine-color-${color}-${shade})`,
    color: status === 'past' ? 'var(--mantine-color-gray-7)' : 'var(--mantine-color-dark-9)',
  };
}

/**
 * The cohort's calendar as one bar: its phases on the scale of timeline-scale.ts (the 100 days take
 * most of it, a break where the scale shortens), each named; its deadlines as markers (transitions
 * above the bar, reminders below) and today as a red line. On a narrow screen the bar scrolls inside
 * its own frame, opened where today is. The legend under it says the same in words: the phases with
 * their days and dates, in order, for those who do not see the bar.
 */
export function CohortTimeline({ cohort, now }: { cohort: Cohort; now: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const scroller = useRef<HTMLDivElement>(null);
  const measurer = useRef<HTMLDivElement>(null);
  const todayAnchor = useRef<HTMLDivElement>(null);
  const { phases, deadlines, timeZone } = cohort;
  const nowMs = now ? Date.parse(now) : null;
  const scalePhases = useMemo(
    () =>
      phases.map((p) => ({
        state: p.state,
        start: Date.parse(p.startsAt),
        end: Date.parse(p.endsAt),
        startDay: p.startDay,
        endDay: p.endDay,
      })),
    [phases],
  );
  const names = phases.map((p) => labels.state(p.state)).join('|');

  // The room each phase's name needs (its longest word, measured as drawn) and the width the bar
  // has; the bar is made as wide as every name needs, and scrolls in its frame when that is wider.
  const [needs, setNeeds] = useState<number[] | null>(null);
  const [available, setAvailable] = useState(0);
  useLayoutEffect(() => {
    let live = true;
    const measure = () => {
      if (!live) return;
      const found = [...(measurer.current?.children ?? [])].map(
        (el) => el.getBoundingClientRect().width + SEGMENT_CHROME_PX,
      );
      setNeeds(found.length > 0 && found.some((w) => w > SEGMENT_CHROME_PX) ? found : null);
    };
    measure();
    // Again once the fonts are in, should they change the names' widths.
    void document.fonts?.ready.then(measure);
    return () => {
      live = false;
    };
  }, [names]);
  useLayoutEffect(() => {
    const frame = scroller.current;
    if (!frame) return;
    const measure = () => setAvailable(Math.max(0, frame.clientWidth - 2 * TRACK_MARGIN_PX));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);
  const width = needs
    ? widthFor(scalePhases, nowMs, needs, available, { ...DEFAULT_SCALE, minPhaseShare: MEASURED_MIN_SHARE })
    : null;
  const drawnWidth = width !== null ? Math.max(width, available) : null;
  const overflowing = width !== null && width > available + 1;

  // A bar wider than its frame (a phone) opens where today is, in either direction of writing.
  const hasToday = nowMs !== null && phases.length > 0;
  useEffect(() => {
    const frame = scroller.current;
    const anchor = todayAnchor.current;
    if (!frame || !anchor || frame.scrollWidth <= frame.clientWidth) return;
    const f = frame.getBoundingClientRect();
    const a = anchor.getBoundingClientRect();
    frame.scrollLeft += a.left + a.width / 2 - (f.left + f.width / 2);
  }, [hasToday, width]);

  if (phases.length === 0) return null;

  const scale = timelineScale(scalePhases, nowMs, {
    ...DEFAULT_SCALE,
    ...(needs && drawnWidth
      ? { minPhaseShare: MEASURED_MIN_SHARE, minShares: needs.map((need) => (need / drawnWidth) * 100) }
      : {}),
  });
  const percent = (iso: string | number) => scale.position(typeof iso === 'number' ? iso : Date.parse(iso));

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
      <div className={classes.scroller} ref={scroller} data-testid="timeline-scroller">
        <div className={classes.track} style={width !== null ? { minWidth: width } : undefined}>
          <div className={classes.measure} ref={measurer} aria-hidden>
            {phases.map((phase) => (
              <span key={phase.state}>{labels.state(phase.state)}</span>
            ))}
          </div>
          {nowMs !== null ? (
            <>
              <div className={`${classes.anchor} ${classes.todayRow}`} style={at(percent(nowMs))} ref={todayAnchor}>
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

          {/* The legend below says in words what the bar shows. */}
          <div className={classes.bar} data-testid="timeline-bar" aria-hidden>
            {phases.map((phase, i) => {
              const { from, to, zone } = scale.segments[i]!;
              const status = phaseStatus(phase, cohort.state);
              return (
                <Tooltip key={phase.state} label={phaseText(phase)} withArrow multiline maw={320}>
                  <div
                    className={classes.segment}
                    data-status={status}
                    data-phase={phase.state}
                    data-zone={zone}
                    style={{ ...at(from), width: `${to - from}%`, ...phaseStyle(phase, status) }}
                  >
                    <span className={classes.segmentLabel} data-testid="timeline-phase-label">
                      {labels.state(phase.state)}
                    </span>
                  </div>
                </Tooltip>
              );
            })}
            {scale.breaks.map((p) => (
              <span key={p} className={classes.break} style={at(p)} data-testid="timeline-break" />
            ))}
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

          {scale.hundred ? (
            <div
              className={classes.hundred}
              style={{ ...at(scale.hundred.from), width: `${scale.hundred.to - scale.hundred.from}%` }}
              data-testid="timeline-hundred"
              aria-hidden
            >
              <span className={classes.hundredLabel}>{t('cohorts.timeline.hundredDays')}</span>
            </div>
          ) : null}
        </div>
      </div>
      {overflowing ? (
        <Text size="xs" c="dimmed" mt={4} data-testid="timeline-scroll-hint">
          {t('cohorts.timeline.scrollHint')}
        </Text>
      ) : null}

      <TimelineLegend cohort={cohort} withBreak={scale.breaks.length > 0} />
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

function TimelineLegend({ cohort, withBreak }: { cohort: Cohort; withBreak: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCohortLabels();
  const tz = cohort.timeZone;
  // The deadline markers as the bar draws them: a transition or a reminder, done, blocked.
  const markers: { kind: string | undefined; state?: string; blocked?: string; label: string }[] = [
    { kind: classes.transition, label: t('cohorts.timeline.legendTransition') },
    { kind: classes.reminder, label: t('cohorts.timeline.legendReminder') },
    { kind: classes.transition, state: 'FIRED', label: t('cohorts.timeline.legendDone') },
    { kind: classes.transition, blocked: 'true', label: t('cohorts.timeline.legendBlocked') },
  ];
  return (
    <Stack gap="sm" mt="md">
      <SimpleGrid
        component="ol"
        cols={{ base: 1, xs: 2, md: 4 }}
        spacing="xs"
        verticalSpacing={6}
        className={classes.phaseList}
        aria-label={t('cohorts.timeline.phases')}
        data-testid="timeline-legend"
      >
        {cohort.phases.map((phase) => {
          const status = phaseStatus(phase, cohort.state);
          const lastInstant = new Date(Date.parse(phase.endsAt) - 1).toISOString();
          return (
            <Group component="li" key={phase.state} gap={8} wrap="nowrap" align="flex-start">
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
                  {' · '}
                  {t('cohorts.timeline.dayRange', {
                    from: format.dayMonth(phase.startsAt, tz),
                    to: format.dayMonth(lastInstant, tz),
                  })}
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
        {withBreak ? (
          <LegendEntry
            label={t('cohorts.timeline.legendBreak')}
            marker={<span className={classes.legendBreak} aria-hidden />}
          />
        ) : null}
      </Group>
    </Stack>
  );
}
