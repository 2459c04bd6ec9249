import {
  addDays,
  addMonths,
  clampDate,
  daysInMonth,
  firstDayOfWeek,
  isIsoDate,
  parseTypedDate,
  startOfWeek,
  typedDate,
  weekdayOf,
  westernDigits,
} from './dates';

describe('a date typed as the reader writes it', () => {
  it.each([
    ['25/03/2026', '2026-03-25'],
    ['5/3/2026', '2026-03-05'],
    ['05-03-2026', '2026-03-05'],
    ['05.03.2026', '2026-03-05'],
    [' 5 3 2026 ', '2026-03-05'],
    ['٢٥/٠٣/٢٠٢٦', '2026-03-25'],
    ['۲۵/۰۳/۲۰۲۶', '2026-03-25'],
    // As Intl writes an Arabic date, with right-to-left marks around the slashes.
    ['\u200f25\u200f/3\u200f/2026', '2026-03-25'],
    ['29/02/2028', '2028-02-29'],
    ['2026-03-25', '2026-03-25'],
  ])('reads %j as %s (day, month, year)', (text, iso) => {
    expect(parseTypedDate(text)).toBe(iso);
  });

  it.each(['', '25/03', '25/03/26', '32/01/2026', '29/02/2027', '00/01/2026', '12/13/2026', '2026-02-30', 'tomorrow'])(
    'refuses %j',
    (text) => {
      expect(parseTypedDate(text)).toBeNull();
    },
  );

  it('writes a date day/month/year, in Arabic-Indic digits when asked', () => {
    expect(typedDate('2026-03-05')).toBe('05/03/2026');
    expect(typedDate('2026-03-05', true)).toBe('٠٥/٠٣/٢٠٢٦');
    expect(parseTypedDate(typedDate('2026-12-31', true))).toBe('2026-12-31');
    expect(typedDate('not a date')).toBe('not a date');
    expect(westernDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });

  it('knows real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-28')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('moves by days across months, years and summer time', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 7)).toBe('2026-04-05');
  });

  it('moves by months to the same day, or the last of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });

  it('finds weekdays, month lengths and the start of a week', () => {
    expect(weekdayOf('2026-12-04')).toBe(5); // a Friday
    expect(daysInMonth('2026-02-10')).toBe(28);
    expect(daysInMonth('2026-12-10')).toBe(31);
    expect(startOfWeek('2026-12-04', 6)).toBe('2026-11-28'); // weeks from Saturday
    expect(startOfWeek('2026-12-04', 1)).toBe('2026-11-30'); // weeks from Monday
    expect(startOfWeek('2026-11-28', 6)).toBe('2026-11-28');
  });

  it('keeps a date within its bounds', () => {
    expect(clampDate('2026-05-01', '2026-06-01')).toBe('2026-06-01');
    expect(clampDate('2026-05-01', undefined, '2026-04-30')).toBe('2026-04-30');
    expect(clampDate('2026-05-01', '2026-01-01', '2026-12-31')).toBe('2026-05-01');
  });

  it('starts the week where the reader does', () => {
    expect(firstDayOfWeek('ar-u-ca-gregory-nu-latn')).toBe(6);
    expect(firstDayOfWeek('en-GB-u-ca-gregory')).toBe(1);
  });
});
