import { formatGregorian, type Language } from '@hundred/domain';

import type { CellValue, ColumnType } from './report-document.js';

/**
 * Numbers and dates as a report shows them in its language: Western digits in Arabic too (as the
 * screens show them by default), Gregorian dates in the document's time zone.
 */
export class ReportFormat {
  private readonly locale: string;
  private readonly numbers = new Map<number, Intl.NumberFormat>();
  private readonly percent: Intl.NumberFormat;

  constructor(
    readonly language: Language,
    readonly timeZone: string,
  ) {
    this.locale = language === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
    this.percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
  }

  number(value: number, digits = 2): string {
    let f = this.numbers.get(digits);
    if (!f) this.numbers.set(digits, (f = new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits })));
    return f.format(value);
  }

  percentOf(fraction: number): string {
    return this.percent.format(fraction);
  }

  /** A local calendar date (YYYY-MM-DD), whatever the time zone. */
  localDate(date: string): string {
    return formatGregorian(new Date(`${date}T12:00:00Z`), this.language, 'UTC');
  }

  instant(at: Date): string {
    return formatGregorian(at, this.language, this.timeZone);
  }

  cell(value: CellValue, type: ColumnType, digits?: number): string {
    if (value === null || value === '') return '—';
    switch (type) {
      case 'number':
        return typeof value === 'number' ? this.number(value, digits) : String(value);
      case 'percent':
        return typeof value === 'number' ? this.percentOf(value) : String(value);
      case 'date':
        return typeof value === 'string' ? this.localDate(value) : this.instant(value as Date);
      case 'instant':
        return value instanceof Date ? this.instant(value) : String(value);
      default:
        return String(value);
    }
  }
}
