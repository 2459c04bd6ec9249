import { AppError } from './app-error.js';

/**
 * A position in a list read newest first, keyset on (instant, id): the last row a page held, as an
 * opaque string the client sends back as `after`. Unlike an offset it neither skips nor repeats a
 * row when rows arrive between two pages, and its cost does not grow with the page's depth.
 */
export function encodeTimeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; a cursor not made here is the field's invalid input. */
export function decodeTimeCursor(cursor: string, id: RegExp, field = 'after'): { at: Date; id: string } {
  const [at, key, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const instant = new Date(at ?? '');
  if (rest.length || !key || !id.test(key) || Number.isNaN(instant.getTime()))
    throw AppError.field(field, 'validation.invalid');
  return { at: instant, id: key };
}

export const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A position in a list sorted by text (a name) then id: the last row's values, opaque to clients. */
export function encodeKeyset(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values a keyset cursor holds, `count` strings; a cursor not made here is the field's invalid input. */
export function decodeKeyset(cursor: string, count: number, field = 'after'): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (
    !Array.isArray(values) ||
    values.length !== count ||
    !values.every((v) => typeof v === 'string' && v.length <= 500)
  )
    throw AppError.field(field, 'validation.invalid');
  return values as string[];
}
