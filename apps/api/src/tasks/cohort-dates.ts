import {
  assessmentsDeadline,
  checkInDueTimes,
  checkInWeekAt,
  checkpointDeadlines,
  endOfDay,
  finalReportDeadline,
  goalsDeadline,
  startOfDay,
  type CohortCalendar,
} from '@hundred/domain';

/**
 * A cohort's calendar and the instants "My tasks" reads from it, each worked out once per request
 * however many tasks of the cohort there are (time-zone arithmetic is the costly part of a task).
 */
export class CohortDates {
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly cal: CohortCalendar,
    private readonly now: Date,
  ) {}

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
  /** The week a check-in sent now is for (the first one, if the team started before day 1), and its due time. */
  get checkIn(): { week: number; dueAt: Date } | null {
    return this.once('checkIn', () => {
      const week = checkInWeekAt(this.cal, this.now) ?? 1;
      const dueAt = checkInDueTimes(this.cal)[week - 1];
      return dueAt ? { week, dueAt } : null;
    });
  }
}
