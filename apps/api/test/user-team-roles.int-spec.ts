import { startTestApp, type TestApp } from './support/app.js';
import { teamWorld } from './support/teams.js';

/** The roles a person holds on teams, shown beside their global roles (in the header and the user lists). */
describe('team roles of a person', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists the roles held on teams still running, to the person and the office, and drops them once the team is withdrawn', async () => {
    const w = await teamWorld(app);
    const me = async (client: typeof w.office) =>
      (await client.data<{ me: { teamRoles: string[] | null } }>('{ me { teamRoles } }')).me.teamRoles;
    expect(await me(w.lead.client)).toEqual(['TEAM_LEAD']);
    expect(await me(w.sponsor.client)).toEqual(['SPONSOR']);
    expect(await me(w.office)).toEqual([]);

    // The office sees them in the list of users, in one batch.
    const { users } = await w.office.data<{ users: { id: string; teamRoles: string[] | null }[] }>(
      'query ($agencyId: UUID) { users(agencyId: $agencyId) { id teamRoles } }',
      { agencyId: w.lead.user.agencyId },
    );
    expect(users.find((u) => u.id === w.lead.user.id)?.teamRoles).toEqual(['TEAM_LEAD']);

    // Someone who may not open the person's account is not told.
    const { client: stranger } = await app.signedIn([]);
    const { user } = await stranger
      .data<{ user: { teamRoles: string[] | null } | null }>('query ($id: UUID!) { user(id: $id) { teamRoles } }', {
        id: w.lead.user.id,
      })
      .catch(() => ({ user: null }));
    expect(user?.teamRoles ?? null).toBeNull();

    await app.dataSource.query(`UPDATE team SET state = 'WITHDRAWN' WHERE id = $1`, [w.teamId]);
    expect(await me(w.lead.client)).toEqual([]);
  });
});
