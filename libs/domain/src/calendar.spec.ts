import fc from 'fast-check';
import { DateTime } from 'luxon';

import {
  addWorkingDays,
  atLocalTime,
  checkCalendar,
  checkInDueTimes,
  checkInWeekAt,
  cohortDeadlines,
  dateOfDay,
  dayOf,
  dayOfLocalDate,
  DEFAULT_OFFSETS,
  endOfDay,
  formatGregorian,
  formatHijri,
  isWorkingDay,
  localDateOf,
  screeningDeadline,
  startOfDay,
  workingDaysUntil,
  type CohortCalendar,
} from './calendar.js';

const amman: CohortCalendar = {
  day1: '2026-09-06', // a Sunday
  timeZone: 'Asia/Amman',
  weekendDays: [5, 6], // Friday and Saturday
  holidays: ['2026-09-24'],
  offsets: DEFAULT_OFFSETS,
};

describe('day N and instants', () => {
  it('has no day 0: the day before day 1 is day −1', () => {
    expect(dateOfDay(amman, 1)).toBe('2026-09-06');
    expect(dateOfDay(amman, -1)).toBe('2026-09-05');
    expect(dateOfDay(amman, 100)).toBe('2026-12-14');
    expect(dateOfDay(amman, -42)).toBe('2026-07-26');
    expect(() => dateOfDay(amman, 0)).toThrow(/does not exist/);
  });

  it('begins a day at local midnight and maps instants back to their day', () => {
    expect(startOfDay(amman, 1).toISOString()).toBe('2026-09-05T21:00:00.000Z'); // UTC+3
    expect(endOfDay(amman, 1).toISOString()).toBe('2026-09-06T21:00:00.000Z');
    expect(dayOf(amman, new Date('2026-09-05T21:00:00Z'))).toBe(1);
    expect(dayOf(amman, new Date('2026-09-05T20:59:59Z'))).toBe(-1);
    expect(atLocalTime(amman, 3, '12:00').toISOString()).toBe('2026-09-08T09:00:00.000Z');
  });

  it('round-trips any day through its start instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0),
        (n) => {
          expect(dayOf(amman, startOfDay(amman, n))).toBe(n);
          expect(dayOf(amman, new Date(endOfDay(amman, n).getTime() - 1))).toBe(n);
        },
      ),
    );
  });
});

describe('a time zone with daylight saving', () => {
  // London moves to BST on 29 March 2026 and back on 25 October 2026.
  const london: CohortCalendar = { ...amman, timeZone: 'Europe/London', day1: '2026-03-23', holidays: [] };

  it('keeps days at local midnight across the change, so a day can last 23 hours', () => {
    expect(startOfDay(london, 1).toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(startOfDay(london, 8).toISOString()).toBe('2026-03-29T23:00:00.000Z'); // 30 March, BST
    expect(endOfDay(london, 7).getTime() - startOfDay(london, 7).getTime()).toBe(23 * 3600_000);
    expect(dayOf(london, new Date('2026-03-29T23:30:00Z'))).toBe(8);
  });

  it('keeps the weekly check-in at 12:00 local before and after the change', () => {
    const times = checkInDueTimes(london).slice(0, 3);
    expect(times.map((t) => t.toISOString())).toEqual([
      '2026-03-26T12:00:00.000Z', // Thursday, GMT
      '2026-04-02T11:00:00.000Z', // Thursday, BST
      '2026-04-09T11:00:00.000Z',
    ]);
  });

  it('keeps local time when adding working days over the change', () => {
    const friday = new Date('2026-03-27T09:00:00Z'); // 09:00 GMT
    const london5: CohortCalendar = { ...london, weekendDays: [6, 7] };
    expect(addWorkingDays(london5, friday, 1).toISOString()).toBe('2026-03-30T08:00:00.000Z'); // Monday 09:00 BST
  });
});

describe('check-in weeks', () => {
  it('puts a check-in in the first week whose due time has not passed', () => {
    const due = checkInDueTimes(amman);
    expect(due).toHaveLength(14);
    expect(checkInWeekAt(amman, new Date('2026-09-01T09:00:00Z'))).toBeNull(); // before launch
    expect(checkInWeekAt(amman, new Date(due[0]!.getTime() - 1))).toBe(1);
    expect(checkInWeekAt(amman, due[0]!)).toBe(1);
    expect(checkInWeekAt(amman, new Date(due[0]!.getTime() + 1))).toBe(2);
    expect(checkInWeekAt(amman, new Date(due[13]!.getTime() + 86_400_000))).toBe(14);
  });

  it('gives the same weeks each time, whatever a caller did with an earlier answer, and follows a changed calendar', () => {
    const first = checkInDueTimes(amman);
    const expected = first.map((d) => d.toISOString());
    first[0]!.setTime(0);
    first.pop();
    expect(checkInDueTimes(amman).map((d) => d.toISOString())).toEqual(expected);
    const later = checkInDueTimes({ ...amman, day1: '2026-09-13' });
    expect(later[0]!.getTime() - new Date(expected[0]!).getTime()).toBe(7 * 86_400_000);
    const otherHour = checkInDueTimes({ ...amman, offsets: { ...amman.offsets, checkInTime: '10:00' } });
    expect(otherHour[0]!.getTime()).not.toBe(new Date(expected[0]!).getTime());
  });
});

describe('a cohort across the year end', () => {
  const gulf: CohortCalendar = {
    day1: '2026-12-20',
    timeZone: 'Asia/Dubai',
    weekendDays: [6, 7],
    holidays: ['2026-12-31', '2027-01-01'],
    offsets: DEFAULT_OFFSETS,
  };

  it('counts days into the next year', () => {
    expect(dateOfDay(gulf, 13)).toBe('2027-01-01');
    expect(dateOfDay(gulf, 100)).toBe('2027-03-29');
    expect(dayOf(gulf, new Date('2027-01-01T10:00:00+04:00'))).toBe(13);
  });

  it('skips the weekend and new-year holidays in working days', () => {
    expect(isWorkingDay(gulf, '2026-12-31')).toBe(false);
    expect(isWorkingDay(gulf, '2027-01-02')).toBe(false); // Saturday
    expect(isWorkingDay(gulf, '2027-01-04')).toBe(true);
    // Submitted Wednesday 30 December at 10:00; the 5 working days are 4–8 January.
    const { dueAt, remindAt, escalateAt } = screeningDeadline(gulf, new Date('2026-12-30T10:00:00+04:00'));
    expect(dueAt.toISOString()).toBe('2027-01-08T06:00:00.000Z');
    expect(remindAt.toISOString()).toBe('2027-01-07T06:00:00.000Z');
    expect(escalateAt!.toISOString()).toBe('2027-01-12T06:00:00.000Z');
  });

  it('orders its calendar of deadlines', () => {
    const deadlines = cohortDeadlines(gulf);
    const times = deadlines.map((d) => d.dueAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(deadlines.find((d) => d.kind === 'COHORT_LAUNCH')).toMatchObject({ day: 1 });
    // Due at the end of its day (the next midnight), yet on day −28.
    expect(deadlines.find((d) => d.kind === 'COHORT_CLOSE_INTAKE')).toMatchObject({ day: -28 });
    expect(deadlines.find((d) => d.kind === 'INTAKE_CLOSE_REMINDER')).toMatchObject({ day: -30 });
    expect(deadlines.find((d) => d.kind === 'COHORT_CLOSE')!.dueAt.toISOString()).toBe('2027-10-09T20:00:00.000Z');
  });
});

describe('working days', () => {
  it('moves back as well as forward, and zero is the same instant', () => {
    const sunday = new Date('2026-09-06T10:00:00+03:00');
    expect(addWorkingDays(amman, sunday, 0)).toEqual(sunday);
    expect(addWorkingDays(amman, sunday, -1).toISOString()).toBe('2026-09-03T07:00:00.000Z'); // Thursday
    // Tuesday 22nd + 3: Wednesday 23rd, (holiday 24th, weekend 25th–26th), Sunday 27th, Monday 28th.
    expect(addWorkingDays(amman, new Date('2026-09-22T10:00:00+03:00'), 3).toISOString()).toBe(
      '2026-09-28T07:00:00.000Z',
    );
  });

  it('never lands on a weekend day or a holiday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -30, max: 30 }), (hours, n) => {
        const start = new Date(Date.UTC(2026, 8, 1) + hours * 3600_000);
        const result = addWorkingDays(amman, start, n);
        if (n !== 0)
          expect(isWorkingDay(amman, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Amman' }).format(result))).toBe(
            true,
          );
      }),
    );
  });
});

describe('checkCalendar', () => {
  it('accepts the defaults and names every problem', () => {
    expect(checkCalendar(amman)).toEqual([]);
    const bad: CohortCalendar = {
      ...amman,
      timeZone: 'Mars/Olympus',
      weekendDays: [1, 2, 3, 4, 5, 6, 7],
      offsets: { ...DEFAULT_OFFSETS, intakeCloses: -50, checkpoints: [130, 120] },
    };
    expect(checkCalendar(bad)).toEqual([
      'time zone "Mars/Olympus" is not known',
      'the weekend cannot be the whole week',
      'intakeCloses (day -50) must come after intakeOpens (day -42)',
      'checkpoints.1 (day 120) must come after checkpoints.0 (day 130)',
    ]);
  });
});

describe('formatting', () => {
  const d = new Date('2026-09-06T09:00:00Z');
  it('shows the Gregorian date in Arabic with Western or Arabic-Indic digits, and in English', () => {
    expect(formatGregorian(d, 'ar', 'Asia/Amman')).toBe('6 سبتمبر 2026');
    expect(formatGregorian(d, 'ar', 'Asia/Amman', true)).toBe('٦ سبتمبر ٢٠٢٦');
    expect(formatGregorian(d, 'en', 'Asia/Amman')).toBe('6 September 2026');
  });

  it('shows the Umm al-Qura Hijri date', () => {
    expect(formatHijri(d, 'ar', 'Asia/Riyadh')).toMatch(/^24 ربيع الأول 1448 هـ$/);
    expect(formatHijri(d, 'en', 'Asia/Riyadh')).toMatch(/Rabiʻ I 24, 1448 AH|24 Rabiʻ I 1448 AH/);
  });
});

describe('dayOfLocalDate()', () => {
  it('is dayOf from the local date, across time zones, day 1 and changes of summer time', () => {
    for (const timeZone of ['Asia/Amman', 'Asia/Bishkek', 'Europe/London', 'America/New_York']) {
      const cal = { ...amman, timeZone, day1: '2026-03-20' };
      for (let h = -24 * 40; h <= 24 * 300; h += 7) {
        const instant = new Date(Date.UTC(2026, 2, 20, 0, 0) + h * 3_600_000);
        expect(dayOfLocalDate(cal.day1, localDateOf(cal, instant))).toBe(dayOf(cal, instant));
      }
    }
  });
});

describe('working days until a due time', () => {
  it('counts what addWorkingDays adds, skipping the weekend and holidays', () => {
    const sunday = new Date('2026-09-20T09:00:00Z');
    // Mon 21 … Thu 24 is a holiday, so Sunday + 5 working days is Monday 28 (Fri/Sat weekend).
    const due = addWorkingDays(amman, sunday, 5);
    expect(workingDaysUntil(amman, sunday, due)).toBe(5);
    expect(workingDaysUntil(amman, due, sunday)).toBe(-5);
    expect(workingDaysUntil(amman, sunday, new Date('2026-09-20T20:00:00Z'))).toBe(0);
  });

  it('inverts addWorkingDays from any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -30, max: 30 }), (h, n) => {
        const from = new Date(Date.UTC(2026, 8, 1) + h * 3600_000);
        expect(workingDaysUntil(amman, from, addWorkingDays(amman, from, n))).toBe(n);
      }),
    );
  });
});

describe('addWorkingDays counted by dates', () => {
  /** The definition, one local day at a time in the time zone. */
  const stepwise = (cal: CohortCalendar, instant: Date, n: number) => {
    let d = DateTime.fromJSDate(instant, { zone: cal.timeZone });
    let k = 0;
    for (let left = Math.abs(n); left > 0;) {
      k += n >= 0 ? 1 : -1;
      if (isWorkingDay(cal, d.plus({ days: k }).toISODate()!)) left--;
    }
    d = d.plus({ days: k });
    return d.toJSDate();
  };

  it('lands where stepping day by day lands, across daylight saving and holidays (property)', () => {
    const london: CohortCalendar = {
      ...amman,
      timeZone: 'Europe/London',
      weekendDays: [6, 7],
      holidays: ['2026-04-03', '2026-04-06', '2026-10-26'],
    };
    fc.assert(
      fc.property(
        fc.constantFrom(amman, london),
        fc.integer({ min: 0, max: 24 * 400 }),
        fc.integer({ min: -40, max: 40 }),
        (cal, h, n) => {
          const from = new Date(Date.UTC(2026, 0, 1) + h * 3600_000 + 17 * 60_000);
          expect(addWorkingDays(cal, from, n).getTime()).toBe(stepwise(cal, from, n).getTime());
        },
      ),
    );
  });
});
