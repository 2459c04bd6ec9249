import {
  assessmentsDeadline,
  checkInDueTimes,
  checkInWeekOf,
  checkpointDeadlines,
  decisionDue,
  endOfDay,
  finalReportDeadline,
  goalsDeadline,
  screeningDue,
  startOfDay,
  type CohortCalendar,
} from '@hundred/domain';

/**
 * A cohort's calendar and the instants "My tasks" reads from it, each worked out once however many
 * tasks of the cohort there are (time-zone arithmetic is the costly part of a task). None depends
 * on the time of the request, so one is kept for as long as the calendar does not change.
 */
export class CohortDates {
  private readonly memo = new Map<string, unknown>();

  constructor(readonly cal: CohortCalendar) {}

  private once<T>(key: string, work: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, work());
    return this.memo.get(key) as T;
  }

  private get o() {
    return this.cal.offsets;
  }

  get selectionEnds(): Date {
    return this.once('selectionEnds', () => endOfDay(this.cal, this.o.selectionEnds));
  }
  get goalsDue(): Date {
    return this.once('goalsDue', () => goalsDeadline(this.cal).dueAt);
  }
  get launch(): Date {
    return this.once('launch', () => startOfDay(this.cal, this.o.launch));
  }
  get midpointOpens(): Date {
    return this.once('midpointOpens', () => startOfDay(this.cal, this.o.midpointOpens));
  }
  get assessmentsDue(): Date {
    return this.once('assessmentsDue', () => assessmentsDeadline(this.cal).dueAt);
  }
  get midpointCloses(): Date {
    return this.once('midpointCloses', () => endOfDay(this.cal, this.o.midpointCloses));
  }
  get finalReportDue(): Date {
    return this.once('finalReportDue', () => finalReportDeadline(this.cal).dueAt);
  }
  get sustainmentStarts(): Date {
    return this.once('sustainmentStarts', () => endOfDay(this.cal, this.o.sustainmentStarts));
  }
  get checkpoints(): { dueAt: Date; remindAt: Date }[] {
    return this.once('checkpoints', () => checkpointDeadlines(this.cal));
  }
  get checkInDue(): Date[] {
    return this.once('checkInDue', () => checkInDueTimes(this.cal));
  }
  /** The week a check-in sent at `now` is for (the first one, if the team started before launch), and its due time. */
  checkInAt(now: Date): { week: number; dueAt: Date } | null {
    const week = checkInWeekOf(this.checkInDue, this.launch, now) ?? 1;
    const dueAt = this.checkInDue[week - 1];
    return dueAt ? { week, dueAt } : null;
  }
  /**
   * How many calendar days a screening and a decision started on local date `day` (at instant
   * `at` of it) take: adding working days keeps the local time of day, and how many calendar days
   * that is depends only on the date it starts from.
   */
  workingDaysFrom(day: string, at: Date): { screening: number; decision: number } {
    return this.once(`from:${day}`, () => {
      const days = (due: Date) => Math.round((due.getTime() - at.getTime()) / 86_400_000);
      return { screening: days(screeningDue(this.cal, at)), decision: days(decisionDue(this.cal, at)) };
    });
  }
}
