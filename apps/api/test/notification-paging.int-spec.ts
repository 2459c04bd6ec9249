import { startTestApp, type TestApp } from './support/app.js';

/** Notifications page by cursor: every one exactly once, newest first, even when more arrive between pages. */
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
