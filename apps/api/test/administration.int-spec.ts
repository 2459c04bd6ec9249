import { codeOf } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';

const CREATE_AGENCY = `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id code nameAr nameEn version } }`;
const UPDATE_AGENCY = `mutation ($input: UpdateAgencyInput!) { updateAgency(input: $input) { id code nameAr version } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email roles version agency { code } } }`;
const SET_ROLES = `mutation ($input: SetUserRolesInput!) { setUserRoles(input: $input) { id roles version } }`;
const USER = `query ($id: UUID!) { user(id: $id) { id email version roles } }`;

type Agency = { id: string; code: string; nameAr: string; version: number };
type U = { id: string; roles: string[]; version: number };

describe('administration of agencies, users and roles (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
  });
  afterAll(() => app.close());

  const code = () => `AG${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

  it('lets the office create and update an agency, audited, with a stale version refused', async () => {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    const c = code();
    const { createAgency } = await office.data<{ createAgency: Agency }>(CREATE_AGENCY, {
      input: { code: ` ${c.toLowerCase()} `, nameAr: 'وزارة النقل', nameEn: 'Ministry of Transport' },
    });
    expect(createAgency).toMatchObject({ code: c, nameAr: 'وزارة النقل', version: 1 });

    const { updateAgency } = await office.data<{ updateAgency: Agency }>(UPDATE_AGENCY, {
      input: {
        id: createAgency.id,
        version: 1,
        code: c,
        nameAr: 'وزارة النقل والمواصلات',
        nameEn: 'Ministry of Transport',
      },
    });
    expect(updateAgency).toMatchObject({ nameAr: 'وزارة النقل والمواصلات', version: 2 });

    const stale = await office.request(UPDATE_AGENCY, {
      input: { id: createAgency.id, version: 1, code: c, nameAr: 'اسم قديم', nameEn: 'Old name' },
    });
    expect(codeOf(stale)).toBe('CONFLICT');
    const [row] = (await app.dataSource.query(`SELECT name_ar, version FROM agency WHERE id = $1`, [
      createAgency.id,
    ])) as {
      name_ar: string;
      version: number;
    }[];
    expect(row).toEqual({ name_ar: 'وزارة النقل والمواصلات', version: 2 });

    const audit = (await app.dataSource.query(
      `SELECT action, actor_id FROM audit_event WHERE subject_type = 'agency' AND subject_id = $1 ORDER BY id`,
      [createAgency.id],
    )) as { action: string; actor_id: string }[];
    expect(audit).toEqual([
      { action: 'agency.created', actor_id: admin.id },
      { action: 'agency.updated', actor_id: admin.id },
    ]);
  });

  it('answers bad input with one localised message per field, and stores nothing', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    office.lang = 'ar';
    const res = await office.request(CREATE_AGENCY, { input: { code: 'x', nameAr: 'Ministry', nameEn: '' } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = res.errors![0]!.extensions!.fields!;
    expect(fields.map((f) => f.field).sort()).toEqual(['code', 'nameAr', 'nameEn']);
    expect(fields.find((f) => f.field === 'nameAr')!.message).toBe('يجب أن يُكتب «الاسم بالعربية» باللغة العربية.');
    expect(fields.find((f) => f.field === 'nameEn')!.message).toBe('حقل «الاسم بالإنجليزية» مطلوب.');

    office.lang = 'en';
    const user = await office.request(CREATE_USER, {
      input: {
        email: 'not-an-email',
        nameAr: 'مستخدم',
        nameEn: 'User',
        agencyId: 'nope',
        preferredLanguage: 'ar',
        roles: ['ADMIN', 'ADMIN'],
        password: 'short',
      },
    });
    expect(codeOf(user)).toBe('BAD_USER_INPUT');
    const byField = Object.fromEntries(user.errors![0]!.extensions!.fields!.map((f) => [f.field, f.message]));
    expect(byField).toEqual({
      email: 'E-mail must be a valid e-mail address.',
      agencyId: 'Agency is not a valid identifier.',
      roles: 'Roles must not repeat a value.',
      password: 'Password must be at least 10 characters and contain letters and digits.',
    });
    const [{ n }] = (await app.dataSource.query(
      `SELECT count(*)::int AS n FROM app_user WHERE email = 'not-an-email'`,
    )) as {
      n: number;
    }[];
    expect(n).toBe(0);
  });

  it('refuses a duplicate agency code and a duplicate e-mail on the field', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const c = code();
    await office.data(CREATE_AGENCY, { input: { code: c, nameAr: 'هيئة', nameEn: 'Authority' } });
    const dup = await office.request(CREATE_AGENCY, { input: { code: c, nameAr: 'هيئة أخرى', nameEn: 'Other' } });
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    expect(dup.errors![0]!.extensions!.fields).toEqual([{ field: 'code', message: `Code "${c}" is already in use.` }]);

    const existing = await app.createUser(['REVIEWER']);
    const again = await office.request(CREATE_USER, {
      input: {
        email: existing.email,
        nameAr: 'مستخدم',
        nameEn: 'User',
        agencyId: existing.agencyId,
        preferredLanguage: 'en',
        roles: [],
        password: 'Another-pass-42',
      },
    });
    expect(again.errors![0]!.extensions!.fields![0]!.field).toBe('email');
  });

  it('lets the office change roles, audited with what was added and removed', async () => {
    const { client: office, user: admin } = await app.signedIn(['ADMIN']);
    const target = await app.createUser(['FOCAL_POINT']);
    const { setUserRoles } = await office.data<{ setUserRoles: U }>(SET_ROLES, {
      input: { id: target.id, version: 1, roles: ['REVIEWER', 'FOCAL_POINT', 'LEADERSHIP'] },
    });
    expect(setUserRoles).toEqual({ id: target.id, roles: ['FOCAL_POINT', 'LEADERSHIP', 'REVIEWER'], version: 2 });

    const [audit] = (await app.dataSource.query(
      `SELECT actor_id, data FROM audit_event WHERE action = 'user.roles_changed' AND subject_id = $1`,
      [target.id],
    )) as { actor_id: string; data: Record<string, unknown> }[];
    expect(audit).toEqual({
      actor_id: admin.id,
      data: {
        from: ['FOCAL_POINT'],
        to: ['FOCAL_POINT', 'LEADERSHIP', 'REVIEWER'],
        added: ['LEADERSHIP', 'REVIEWER'],
        removed: [],
      },
    });

    const stale = await office.request(SET_ROLES, { input: { id: target.id, version: 1, roles: [] } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const own = await office.request(SET_ROLES, { input: { id: admin.id, version: 1, roles: ['LEADERSHIP'] } });
    expect(codeOf(own)).toBe('BAD_USER_INPUT');
  });

  it.each([['LEADERSHIP'], ['FOCAL_POINT'], ['REVIEWER']] as const)(
    'refuses a role change to a %s user with FORBIDDEN, for existing and unknown users alike',
    async (role) => {
      const { client, user } = await app.signedIn([role]);
      const target = await app.createUser(['REVIEWER']);
      const res = await client.request(SET_ROLES, { input: { id: target.id, version: 1, roles: ['ADMIN'] } });
      expect(codeOf(res)).toBe('FORBIDDEN');
      const unknown = await client.request(SET_ROLES, {
        input: { id: '00000000-0000-4000-8000-000000000000', version: 1, roles: ['ADMIN'] },
      });
      expect(codeOf(unknown)).toBe('FORBIDDEN');
      expect(unknown.errors![0]!.message).toBe(res.errors![0]!.message);
      // Nor can they grant themselves a role.
      expect(codeOf(await client.request(SET_ROLES, { input: { id: user.id, version: 1, roles: ['ADMIN'] } }))).toBe(
        'FORBIDDEN',
      );
      const [row] = (await app.dataSource.query(`SELECT roles FROM app_user WHERE id = $1`, [target.id])) as {
        roles: string[];
      }[];
      expect(row!.roles).toEqual(['REVIEWER']);
      expect(
        codeOf(await client.request(CREATE_AGENCY, { input: { code: code(), nameAr: 'جهة', nameEn: 'Agency' } })),
      ).toBe('FORBIDDEN');
    },
  );

  it('lets a focal point read people of their own agency only, without revealing others', async () => {
    const { client: focal, user } = await app.signedIn(['FOCAL_POINT']);
    const colleague = await app.createUser([], { agencyId: user.agencyId });
    const stranger = await app.createUser([]);
    expect((await focal.data<{ user: U }>(USER, { id: colleague.id })).user.id).toBe(colleague.id);
    const other = await focal.request(USER, { id: stranger.id });
    const missing = await focal.request(USER, { id: '00000000-0000-4000-8000-000000000000' });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(codeOf(missing)).toBe('FORBIDDEN');
    expect(other.errors![0]!.message).toBe(missing.errors![0]!.message);
    expect(codeOf(await focal.request(`{ users { id } }`))).toBe('FORBIDDEN');

    const { client: office } = await app.signedIn(['ADMIN']);
    expect(codeOf(await office.request(USER, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });

  it('keeps the audit table append-only', async () => {
    await expect(app.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(app.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('lets users choose their language and change their password', async () => {
    const { client, user } = await app.signedIn(['REVIEWER']);
    const { updateMyPreferences } = await client.data<{ updateMyPreferences: { preferredLanguage: string } }>(
      `mutation { updateMyPreferences(input: { preferredLanguage: en }) { preferredLanguage } }`,
    );
    expect(updateMyPreferences.preferredLanguage).toBe('en');
    const wrong = await client.request(`mutation ($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) }`, {
      i: { currentPassword: 'nope', newPassword: 'Brand-new-pass-1' },
    });
    expect(wrong.errors![0]!.extensions!.fields![0]!.field).toBe('currentPassword');
    await client.data(`mutation ($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) }`, {
      i: { currentPassword: user.password, newPassword: 'Brand-new-pass-1' },
    });
    expect(codeOf(await app.client().signIn(user.email, user.password))).toBe('UNAUTHENTICATED');
    expect((await app.client().signIn(user.email, 'Brand-new-pass-1')).errors).toBeUndefined();
  });
});
