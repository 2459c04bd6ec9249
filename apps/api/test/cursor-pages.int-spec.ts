import { startTestApp, type TestApp } from './support/app.js';
import { createCohort, dateFromNow } from './support/cohorts.js';

/** Lists read by cursor. Notifications page by cursor: every one exactly once, newest first, even when more arrive between pages. */
describe('notifications, a page at a time', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const PAGE = `query ($after: String, $unreadOnly: Boolean!) {
    myNotificationsPage(limit: 7, after: $after, unreadOnly: $unreadOnly) { nextCursor items { id createdAt readAt } }
  }`;
  type Page = { myNotificationsPage: { nextCursor: string | null; items: { id: string; createdAt: string }[] } };

  it('reads every notification once, in order, across pages; a new one does not shift the pages', async () => {
    const { client, user } = await app.signedIn([]);
    // 30 notifications, some sharing an instant (the id breaks the tie), every third one read.
    await app.dataSource.query(
      `INSERT INTO notification (user_id, kind, dedupe_key, created_at, read_at)
       SELECT $1::uuid, 'test.paging', 'paging-' || $1::text || '-' || i,
              timestamptz '2027-01-01' + (i / 2) * interval '1 minute',
              CASE WHEN i % 3 = 0 THEN now() END
         FROM generate_series(1, 30) AS i`,
      [user.id],
    );
    const all = (
      (await app.dataSource.query(`SELECT id FROM notification WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, [
        user.id,
      ])) as { id: string }[]
    ).map((r) => r.id);

    const read = async (unreadOnly: boolean, between?: () => Promise<void>) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const { myNotificationsPage: page }: Page = await client.data<Page>(PAGE, { after, unreadOnly });
        seen.push(...page.items.map((n) => n.id));
        if (pages === 0) await between?.();
        if (!page.nextCursor) return seen;
        after = page.nextCursor;
      }
      throw new Error('the pages never ended');
    };

    expect(await read(false)).toEqual(all);
    // A newer notification arriving after the first page is not read into the later ones.
    const before = [...all];
    expect(
      await read(false, async () => {
        await app.dataSource.query(
          `INSERT INTO notification (user_id, kind, dedupe_key, created_at) VALUES ($1, 'test.paging', $2, timestamptz '2028-01-01')`,
          [user.id, `paging-new-${user.id}`],
        );
      }),
    ).toEqual(before);
    const unread = (
      (await app.dataSource.query(
        `SELECT id FROM notification WHERE user_id = $1 AND read_at IS NULL ORDER BY created_at DESC, id DESC`,
        [user.id],
      )) as { id: string }[]
    ).map((r) => r.id);
    expect(await read(true)).toEqual(unread);
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    const { client } = await app.signedIn([]);
    const res = await client.request(PAGE, { after: 'not-a-cursor', unreadOnly: false });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toEqual(['after']);
  });
});

describe('people, a page at a time', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reads every person of an agency once, by name in the reader’s language, and refuses a cursor of the other language', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const agency = await app.createAgency();
    for (let i = 0; i < 12; i++) await app.createUser([], { agencyId: agency.id });
    const PAGE = `query ($agencyId: UUID, $after: String) {
      usersPage(agencyId: $agencyId, limit: 5, after: $after) { nextCursor items { id } }
    }`;
    type Page = { usersPage: { nextCursor: string | null; items: { id: string }[] } };
    for (const lang of ['ar', 'en'] as const) {
      office.lang = lang;
      const seen: string[] = [];
      let after: string | null = null;
      const cursors: string[] = [];
      do {
        const { usersPage: page }: Page = await office.data<Page>(PAGE, { agencyId: agency.id, after });
        seen.push(...page.items.map((u) => u.id));
        after = page.nextCursor;
        if (after) cursors.push(after);
      } while (after);
      const last = cursors[0];
      const expected = (
        (await app.dataSource.query(
          `SELECT id FROM app_user WHERE agency_id = $1 ORDER BY ${lang === 'ar' ? 'name_ar' : 'name_en'}, id`,
          [agency.id],
        )) as { id: string }[]
      ).map((r) => r.id);
      expect(seen).toEqual(expected);
      // A cursor made for one language is refused in the other.
      if (last) {
        office.lang = lang === 'ar' ? 'en' : 'ar';
        const res = await office.request(PAGE, { agencyId: agency.id, after: last });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    }
  });
});

describe('challenges, a page at a time', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reads every challenge of a cohort once, most recently changed first, rows of one instant and one millisecond apart', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const cohort = await createCohort(office, await dateFromNow(office, 60));
    const agency = await app.createAgency();
    // Six changed at one instant, six a microsecond apart within one millisecond, six a day apart.
    await app.dataSource.query(
      `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, updated_at)
       SELECT $1, 'DRAFT', 'تحدٍّ ' || i, 'Challenge ' || i, $2,
              CASE WHEN i <= 6 THEN timestamptz '2027-02-01 10:00:00.000500'
                   WHEN i <= 12 THEN timestamptz '2027-02-01 09:00:00.000100' + i * interval '1 microsecond'
                   ELSE timestamptz '2027-01-01' + i * interval '1 day' END
         FROM generate_series(1, 18) AS i`,
      [cohort.id, agency.id],
    );
    const PAGE = `query ($cohortId: UUID, $after: String) {
      challengesPage(cohortId: $cohortId, limit: 4, after: $after) { nextCursor items { id } }
    }`;
    type Page = { challengesPage: { nextCursor: string | null; items: { id: string }[] } };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { challengesPage: page }: Page = await office.data<Page>(PAGE, { cohortId: cohort.id, after });
      seen.push(...page.items.map((c) => c.id));
      after = page.nextCursor;
    } while (after);
    const expected = (
      (await app.dataSource.query(`SELECT id FROM challenge WHERE cohort_id = $1 ORDER BY updated_at DESC, id ASC`, [
        cohort.id,
      ])) as { id: string }[]
    ).map((r) => r.id);
    expect(seen).toEqual(expected);

    // Someone who may see no challenge gets an empty page.
    const { client: nobody } = await app.signedIn([]);
    expect((await nobody.data<Page>(PAGE, { cohortId: cohort.id, after: null })).challengesPage).toEqual({
      nextCursor: null,
      items: [],
    });
  });
});
