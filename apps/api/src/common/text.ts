import type { MessageKey } from './messages.js';

/**
 * What an input string may hold, by kind of field:
 * - `line` (the default): one line of text — names, titles, codes, addresses, search terms;
 * - `multiline`: paragraphs — tab and line breaks allowed, `\r\n` and `\r` become `\n`;
 * - `secret`: a password — refused for the same characters, but never trimmed or normalised,
 *   since that would change what was hashed.
 */
export type TextKind = 'line' | 'multiline' | 'secret';

/** The longest string any input takes, whatever its field says (a field's own limit is usually lower). */
export const TEXT_CEILING: Record<TextKind, number> = { line: 2000, multiline: 20_000, secret: 1000 };

export type TextCheck = { ok: true; value: string } | { ok: false; key: MessageKey; params?: Record<string, number> };

// C0 controls, DEL and C1 controls; tab (U+0009) and line feed (U+000A) are told apart below.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Embedding and override controls (U+202A–U+202E) and isolates (U+2066–U+2069): text that displays as it is not. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE_ONLY = /^[\s\p{Cf}]*$/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The one check of input text: refuses what PostgreSQL or JSON cannot hold (NUL, lone
 * surrogates), control characters (tab and line breaks only in multi-line fields) and the
 * bidirectional controls that make a name display differently from what it is; then normalises
 * to NFC and trims, so that text made of spaces only is empty.
 */
export function checkText(raw: string, kind: TextKind = 'line'): TextCheck {
  if (LONE_SURROGATE.test(raw)) return { ok: false, key: 'validation.brokenText' };
  let value = kind === 'multiline' ? raw.replace(/\r\n?/g, '\n') : raw;
  if (kind === 'line' && /[\t\n\r]/.test(value)) return { ok: false, key: 'validation.singleLine' };
  if ((kind === 'multiline' ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).test(value)) {
    return { ok: false, key: 'validation.controlCharacter' };
  }
  if (BIDI_CONTROL.test(value)) return { ok: false, key: 'validation.bidiControl' };
  if (kind !== 'secret') {
    value = value.normalize('NFC').trim();
    // Spaces and invisible format characters only (zero-width space, direction marks): empty.
    if (INVISIBLE_ONLY.test(value)) value = '';
  }
  const ceiling = TEXT_CEILING[kind];
  if (value.length > ceiling) return { ok: false, key: 'validation.maxLength', params: { 0: ceiling } };
  return { ok: true, value };
}
