import { codeOf, GqlClient } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';

const ME = `{ me { id email nameAr nameEn roles preferredLanguage agency { code nameAr } } }`;

describe('sign-in, sessions and lock-out (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      role: 'api',
      env: { SIGN_IN_SLOW_AFTER: '3', SIGN_IN_LOCK_AFTER: '5', SIGN_IN_LOCK_MINUTES: '15' },
    });
  });
  afterAll(() => app.close());

  const auditOf = async (email: string) =>
    (await app.dataSource.query(
      `SELECT action, actor_id, data FROM audit_event WHERE data->>'email' = $1 OR subject_id IN
       (SELECT id::text FROM app_user WHERE email = $1) ORDER BY id`,
      [email],
    )) as { action: string; actor_id: string | null; data: Record<string, unknown> }[];

  it('signs in with an httpOnly SameSite cookie, answers me, and signs out', async () => {
    const user = await app.createUser(['FOCAL_POINT'], { nameEn: 'Sara Test' });
    const client = app.client();
    expect((await client.data<{ me: null }>(ME)).me).toBeNull();

    const res = await client.signIn(user.email.toUpperCase(), user.password);
    expect(res.errors).toBeUndefined();
    expect(client.lastSetCookie).toMatch(/^hundred_session=[A-Za-z0-9_-]{40,};/);
    expect(client.lastSetCookie).toMatch(/HttpOnly/i);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
    expect(client.lastSetCookie).not.toMatch(/Secure/i); // test configuration; production sets Secure

    const { me } = await client.data<{ me: { id: string; roles: string[]; nameEn: string; agency: { code: string } } }>(
      ME,
    );
    expect(me).toMatchObject({ id: user.id, roles: ['FOCAL_POINT'], nameEn: 'Sara Test' });

    expect((await client.data<{ signOut: boolean }>(`mutation { signOut }`)).signOut).toBe(true);
    expect((await client.data<{ me: null }>(ME)).me).toBeNull();
    const [session] = (await app.dataSource.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [
      user.id,
    ])) as {
      n: number;
    }[];
    expect(session!.n).toBe(0);
    expect((await auditOf(user.email)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'auth.sign_out']),
    );
  });

  it('refuses a wrong password and an unknown e-mail alike, in the caller language, and audits both', async () => {
    const user = await app.createUser(['REVIEWER']);
    const ar = new GqlClient(app.url, 'ar');
    const wrong = await ar.signIn(user.email, 'Not-the-password-1');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.message).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
    expect(ar.hasSession).toBe(false);

    const en = new GqlClient(app.url, 'en');
    const unknown = await en.signIn('nobody-here@test.example', 'Whatever-123');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0]!.message).toBe('The e-mail or password is not correct.');

    const failed = (await auditOf(user.email)).filter((a) => a.action === 'auth.sign_in_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ reason: 'wrong_password', failures: 1 });
    const unknownAudit = (await auditOf('nobody-here@test.example')).filter((a) => a.action === 'auth.sign_in_failed');
    expect(unknownAudit[0]!.data).toMatchObject({ reason: 'unknown_account' });
  });

  it('slows repeated failures, then locks the account even against the right password', async () => {
    const user = await app.createUser(['LEADERSHIP']);
    const client = new GqlClient(app.url, 'en');
    for (let i = 0; i < 3; i++)
      expect(codeOf(await client.signIn(user.email, 'Wrong-password-1'))).toBe('UNAUTHENTICATED');

    // The fourth attempt comes too soon: refused without checking the password.
    const slowed = await client.signIn(user.email, user.password);
    expect(codeOf(slowed)).toBe('TOO_MANY_ATTEMPTS');
    expect(slowed.errors![0]!.message).toMatch(/Wait \d+ seconds/);
    expect(client.hasSession).toBe(false);

    await new Promise((r) => setTimeout(r, 1_100));
    expect(codeOf(await client.signIn(user.email, 'Wrong-password-1'))).toBe('UNAUTHENTICATED');
    await new Promise((r) => setTimeout(r, 2_100));
    const locking = await client.signIn(user.email, 'Wrong-password-1');
    expect(codeOf(locking)).toBe('UNAUTHENTICATED');

    const locked = await new GqlClient(app.url, 'ar').signIn(user.email, user.password);
    expect(codeOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.errors![0]!.message).toContain('تم قفل هذا الحساب');
    expect(locked.errors![0]!.extensions).toHaveProperty('lockedUntil');

    const actions = (await auditOf(user.email)).map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('auth.account_locked');
    expect(actions).toContain('auth.sign_in_refused');
    expect(actions).not.toContain('auth.sign_in');

    // The office lifts the lock; the right password works again.
    const { client: office } = await app.signedIn(['ADMIN']);
    await office.data(`mutation ($e: String!) { unlockSignIn(email: $e) }`, { e: user.email });
    expect((await client.signIn(user.email, user.password)).errors).toBeUndefined();
  });

  it('refuses a deactivated user and ends their sessions', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { user, client } = await app.signedIn(['FOCAL_POINT']);
    const { user: fresh } = await office.data<{ user: { version: number } }>(
      `query ($id: UUID!) { user(id: $id) { version } }`,
      {
        id: user.id,
      },
    );
    await office.data(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id active } }`, {
      input: {
        id: user.id,
        version: fresh.version,
        email: user.email,
        nameAr: user.nameAr,
        nameEn: user.nameEn,
        agencyId: user.agencyId,
        preferredLanguage: 'ar',
        active: false,
      },
    });
    expect((await client.data<{ me: null }>(ME)).me).toBeNull();
    expect(codeOf(await app.client().signIn(user.email, user.password))).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED to protected operations without a session', async () => {
    const anonymous = new GqlClient(app.url, 'ar');
    const res = await anonymous.request(`{ agencies { id } }`);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toBe('يرجى تسجيل الدخول للمتابعة.');
    expect(codeOf(await anonymous.request(`{ myNotifications { id } }`))).toBe('UNAUTHENTICATED');
  });
});
