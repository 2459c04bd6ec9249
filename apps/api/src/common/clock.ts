/**
 * The time of the system, as the rest of the code sees it: every "now" of the server comes from
 * here. The clock feature (`clock/`) provides it; in demos and tests it may run ahead.
 */
export abstract class Clock {
  abstract now(): Date;
  /** Catches up with a move of the clock made by another process (before deciding something is not yet due). */
  abstract refresh(): Promise<void>;
}
