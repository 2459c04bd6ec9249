// Unicode isolates (UAX #9, section 2.7): the text between an isolate and its PDI is laid out by
// its own direction and moves nothing around it. A browser's `<bdi>` and `dir="auto"` do the same
// for elements; these are for text that is put together as a string (labels, tooltips, titles).

/** Left-to-right isolate: what follows is left-to-right. */
export const LRI = '\u2066';
/** First-strong isolate: what follows takes the direction of its first strong letter. */
export const FSI = '\u2068';
/** Pop directional isolate: the end of the isolate. */
export const PDI = '\u2069';

/** Directional marks some locales put before a sign (ALM, LRM, RLM): an isolate makes them needless. */
const MARKS = /[\u061c\u200e\u200f]/g;

/** Text in the direction of its own first strong letter (a name, a title, a code of either language). */
export const isolate = (text: string): string => (text ? `${FSI}${text}${PDI}` : text);

/** Text laid out left to right whatever surrounds it (a signed number, an e-mail address, a code). */
export const isolateLtr = (text: string): string => (text ? `${LRI}${text.replace(MARKS, '')}${PDI}` : text);

/**
 * Whether a number formatted in `locale` needs isolating to keep its sign beside its digits in
 * right-to-left text: Western digits with a sign do (Chromium's Arabic puts an Arabic letter mark
 * before the minus, which then lands after the digits), Arabic-Indic digits are laid out right.
 */
export const signNeedsIsolating = (formatted: string): boolean =>
  /[-+\u2212][0-9]|[0-9][%\u066a]?[-+\u2212]/.test(formatted);
