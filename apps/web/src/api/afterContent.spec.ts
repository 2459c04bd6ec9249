import { jest } from '@jest/globals';

import { createContentGate } from './afterContent';

/** A gate whose "next paint" runs when the test says so. */
function gate(fallbackMs = 60_000) {
  const paints: (() => void)[] = [];
  const g = createContentGate({ afterPaint: (fn) => paints.push(fn), fallbackMs });
  const paint = () => paints.splice(0).forEach((fn) => fn());
  return { g, paint };
}

afterEach(() => jest.useRealTimers());

describe('secondary queries wait for the first page content', () => {
  it('stays closed while only the session has answered', () => {
    const { g, paint } = gate();
    g.started('Me')();
    paint();
    expect(g.released).toBe(false);
  });

  it('opens after the page query has answered, nothing is in flight, and a frame was painted', () => {
    const { g, paint } = gate();
    const listener = jest.fn();
    g.subscribe(listener);
    g.started('Me')();
    const page = g.started('TeamWorkspace');
    expect(g.released).toBe(false);
    page();
    expect(g.released).toBe(false); // not before the paint
    paint();
    expect(g.released).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('waits for every query of the page that is still in flight', () => {
    const { g, paint } = gate();
    const first = g.started('CohortDetail');
    const second = g.started('Other');
    first();
    paint();
    expect(g.released).toBe(false);
    second();
    paint();
    expect(g.released).toBe(true);
  });

  it('does not open when a new query starts between the answer and the paint', () => {
    const { g, paint } = gate();
    g.started('Cohorts')();
    const late = g.started('Late');
    paint();
    expect(g.released).toBe(false);
    late();
    paint();
    expect(g.released).toBe(true);
  });

  it('a failed page query opens it too (it finishes all the same)', () => {
    const { g, paint } = gate();
    const finished = g.started('Broken');
    finished();
    finished(); // reported twice (error, then unsubscribe): counted once
    paint();
    expect(g.released).toBe(true);
  });

  it('opens after the fallback delay when the page asks for nothing', () => {
    jest.useFakeTimers();
    const { g } = gate(4000);
    jest.advanceTimersByTime(3999);
    expect(g.released).toBe(false);
    jest.advanceTimersByTime(1);
    expect(g.released).toBe(true);
  });

  it('once open, stays open', () => {
    const { g, paint } = gate();
    g.release();
    const later = g.started('Next');
    expect(g.released).toBe(true);
    later();
    paint();
    expect(g.released).toBe(true);
  });
});
