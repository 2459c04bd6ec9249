import { can, type Actor } from './permissions.js';

const actor = (roles: Actor['roles'], over: Partial<Actor> = {}): Actor => ({
  id: 'u1',
  agencyId: 'a1',
  roles,
  ...over,
});
describe('can', () => {
  it('lets the office create agencies', () => {
    expect(can(actor(['ADMIN']), 'agency.create', { type: 'agency' })).toBe(true);
    expect(can(actor(['FOCAL_POINT']), 'agency.create', { type: 'agency' })).toBe(false);
  });
});
