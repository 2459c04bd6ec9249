import type { Actor } from '@hundred/domain';

import { showsDemoClock } from './cohorts';

const office: Actor = { id: 'u1', agencyId: 'a1', roles: ['ADMIN'] };
const leader: Actor = { id: 'u2', agencyId: 'a1', roles: ['LEADERSHIP'] };

describe('the demo clock', () => {
  it('is shown to the office where the server says the clock can move', () => {
    expect(showsDemoClock(office, { controllable: true })).toBe(true);
  });

  it('is hidden where the server says the clock cannot move (production), or has not said yet', () => {
    expect(showsDemoClock(office, { controllable: false })).toBe(false);
    expect(showsDemoClock(office, null)).toBe(false);
    expect(showsDemoClock(office, undefined)).toBe(false);
  });

  it('is hidden from those who may not move it, and from no one signed in', () => {
    expect(showsDemoClock(leader, { controllable: true })).toBe(false);
    expect(showsDemoClock(null, { controllable: true })).toBe(false);
  });
});
