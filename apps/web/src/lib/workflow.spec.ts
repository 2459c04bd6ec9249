import { asksFor, blockingGuards, needs, type AvailableEvent } from './workflow';

const launch = (needsInput: string[]): AvailableEvent => ({
  event: 'LAUNCH',
  blockedBy: [],
  blockedReasons: [],
  needsInput,
  targets: ['EXECUTION'],
  inputs: [
    { input: 'EXCLUDE_NOT_READY', required: false },
    { input: 'REASON', required: false },
  ],
});

describe('what an event dialog asks for, from the server', () => {
  it('asks for what the event takes, and needs its optional inputs only while a guard they answer fails', () => {
    expect(asksFor(launch([]), 'REASON')).toBe(true);
    expect(asksFor(launch([]), 'COMMENT')).toBe(false);
    expect(needs(launch([]), 'REASON')).toBe(false);
    expect(needs(launch(['ALL_TEAMS_READY']), 'REASON')).toBe(true);
    expect(needs(launch(['ALL_TEAMS_READY']), 'EXCLUDE_NOT_READY')).toBe(true);
  });

  it('always needs a required input', () => {
    const cancel: AvailableEvent = { ...launch([]), event: 'CANCEL', inputs: [{ input: 'REASON', required: true }] };
    expect(needs(cancel, 'REASON')).toBe(true);
  });

  it("names the guards that block, in the server's words where it gave them", () => {
    const blocked: AvailableEvent = {
      ...launch([]),
      blockedBy: ['CALENDAR_CONSISTENT', 'ENOUGH_REVIEWERS'],
      blockedReasons: ['the calendar has gaps'],
    };
    expect(blockingGuards(blocked, (guard) => `label of ${guard}`)).toEqual([
      { guard: 'CALENDAR_CONSISTENT', reason: 'the calendar has gaps' },
      { guard: 'ENOUGH_REVIEWERS', reason: 'label of ENOUGH_REVIEWERS' },
    ]);
  });
});
