/**
 * Calendar dates (`YYYY-MM-DD`, no time zone) as people type and read them in a form: day, month,
 * year in both interfaces (Arabic and British English alike), in the reader's digits. The
 * arithmetic is on UTC noon, where no time zone or summer time can move a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as Western ones. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

function arabicIndicDigits(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoOf = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

// Direction marks and isolates a copied date may carry (Intl puts U+200F in Arabic dates).
const MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Day, month, year: separated by a slash, a hyphen, a dot or spaces (and Arabic's date slash).
const TYPED = /^(\d{1,2})\s*[/\-.\s\u2044\u066b]\s*(\d{1,2})\s*[/\-.\s\u2044\u066b]\s*(\d{4})$/;

/**
 * The calendar date someone typed, as `YYYY-MM-DD`, or null when it is not one: day/month/year
 * (`5/3/2026`, `05-03-2026`, `٥/٣/٢٠٢٦`), or a pasted `2026-03-05`. An empty text is null too.
 */
export function parseTypedDate(text: string): string | null {
  const plain = westernDigits(text.replace(MARKS, '')).trim();
  const iso = ISO_DATE.exec(plain);
  if (iso) return isRealDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? plain : null;
  const m = TYPED.exec(plain);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? isoOf(year, month, day) : null;
}

/** `YYYY-MM-DD` as a person types it: `DD/MM/YYYY`, in Arabic-Indic digits when asked. */
export function typedDate(isoDate: string, arabicDigits = false): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const text = `${m[3]}/${m[2]}/${m[1]}`;
  return arabicDigits ? arabicIndicDigits(text) : text;
}

function noonOf(isoDate: string): Date {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`not a calendar date: ${isoDate}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

const isoOfDate = (d: Date) => isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** Noon UTC of a calendar date, as an ISO instant: the same date in every calendar. */
export const noonInstant = (isoDate: string): string => noonOf(isoDate).toISOString();

export function addDays(isoDate: string, days: number): string {
  return isoOfDate(new Date(noonOf(isoDate).getTime() + days * DAY_MS));
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const d = noonOf(isoDate);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0, 12)).getUTCDate();
  return isoOf(year, month + 1, Math.min(d.getUTCDate(), last));
}

/** The weekday, 0 for Sunday to 6 for Saturday. */
export const weekdayOf = (isoDate: string): number => noonOf(isoDate).getUTCDay();

export const firstOfMonth = (isoDate: string): string => `${isoDate.slice(0, 8)}01`;

export function daysInMonth(isoDate: string): number {
  const d = noonOf(isoDate);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12)).getUTCDate();
}

/** The first day of the week `isoDate` is in, weeks starting on `firstDay` (0 Sunday … 6 Saturday). */
export function startOfWeek(isoDate: string, firstDay: number): string {
  return addDays(isoDate, -((weekdayOf(isoDate) - firstDay + 7) % 7));
}

/** Today's date on this device. */
export function todayIso(now = new Date()): string {
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** `isoDate` brought within [min, max] (either may be missing). ISO dates compare as strings. */
export function clampDate(isoDate: string, min?: string, max?: string): string {
  if (min && isIsoDate(min) && isoDate < min) return min;
  if (max && isIsoDate(max) && isoDate > max) return max;
  return isoDate;
}

type WeekInfoLocale = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };

/**
 * The first day of the week where `locale` is read (0 Sunday … 6 Saturday), from
 * `Intl.Locale#getWeekInfo` where the browser has it: Saturday for Arabic, Monday for British
 * English otherwise.
 */
export function firstDayOfWeek(locale: string): number {
  try {
    const known = new Intl.Locale(locale) as WeekInfoLocale;
    const info = known.getWeekInfo?.() ?? known.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay % 7;
  } catch {
    // An engine without week information: the defaults below.
  }
  return locale.startsWith('ar') ? 6 : 1;
}
