// The browser tests share one demo database and its clock. Suites that move the demo clock run
// last, so that every other suite sees the demo as seeded (its teams' statuses, due dates and
// tasks are worked out from the clock's today).
import Sequencer from '@jest/test-sequencer';

/** Suites that move the demo clock forward (the cohort journey walks a calendar). */
const MOVES_THE_CLOCK = ['cohort.e2e-spec.ts'];
/** Suites that read the demo's figures as seeded (teams off track today): they start first. */
const READS_THE_SEEDED_DEMO = ['dashboard.e2e-spec.ts'];

export default class ClockLastSequencer extends Sequencer {
  async sort(tests) {
    const named = (names) => (test) => names.some((name) => test.path.endsWith(`/${name}`));
    const [movesClock, readsSeeded] = [named(MOVES_THE_CLOCK), named(READS_THE_SEEDED_DEMO)];
    const sorted = await super.sort(tests);
    return [
      ...sorted.filter(readsSeeded),
      ...sorted.filter((t) => !movesClock(t) && !readsSeeded(t)),
      ...sorted.filter(movesClock),
    ];
  }
}
