import { randomUUID } from 'node:crypto';

import { AuditSearchService } from '../src/audit-view/audit-search.service.js';
import { codeOf } from './support/gql.js';
import { startTestApp, type TestApp } from './support/app.js';

const SEARCH = `query ($f: AuditFilterInput, $limit: Int!, $after: String) {
  auditEvents(filter: $f, limit: $limit, after: $after) {
    nextCursor items { id occurredAt action subjectType subjectId actorId reason actor { id nameEn } } } }`;

interface Page {
  nextCursor: string | null;
  items: {
    id: string;
    occurredAt: string;
    action: string;
    subjectId: string | null;
    actorId: string | null;
    actor: { id: string; nameEn: string } | null;
  }[];
}

describe('the audit view (GraphQL over HTTP)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
  });
  afterAll(() => app.close());

  /** Events of one object, by two people, some at the same instant (their order is their id). */
  async function trail() {
    const subjectId = randomUUID();
    const alice = await app.createUser([], { nameEn: 'Alice Audit' });
    const bob = await app.createUser([], { nameEn: 'Bob Audit' });
    const at = [
      '2026-03-01T08:00:00Z',
      '2026-03-02T08:00:00Z',
      '2026-03-02T08:00:00Z',
      '2026-03-02T08:00:00Z',
      '2026-03-03T08:00:00Z',
      '2026-03-04T08:00:00Z',
      '2026-03-05T08:00:00Z',
    ];
    for (const [i, when] of at.entries()) {
      await app.dataSource.query(
        `INSERT INTO audit_event (occurred_at, actor_id, action, subject_type, subject_id, data)
         VALUES ($1, $2, $3, 'team', $4, '{}')`,
        [when, i % 2 ? bob.id : alice.id, i < 4 ? 'team.check_in_submitted' : 'team.goal_updated', subjectId],
      );
    }
    return { subjectId, alice, bob };
  }

  it('pages an object’s history newest first by cursor, without gaps or repeats across equal instants', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { subjectId, alice } = await trail();
    const seen: Page['items'] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = (
        await office.data<{ auditEvents: Page }>(SEARCH, { f: { subjectType: 'team', subjectId }, limit: 3, after })
      ).auditEvents;
      seen.push(...page.items);
      after = page.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    const keys = seen.map((e) => [Date.parse(e.occurredAt), Number(e.id)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])).toBe(true);
    }
    // Who acted, as a person.
    expect(seen.at(-1)!.actor).toEqual({ id: alice.id, nameEn: 'Alice Audit' });

    // The same search, as an export reads it: every event in the same order, page by page.
    const exported: string[] = [];
    for await (const e of app.app.get(AuditSearchService).each({ subjectType: 'team', subjectId }, 2))
      exported.push(String(e.id));
    expect(exported).toEqual(seen.map((e) => e.id));
  });

  it('filters by person, action (or a kind of action) and time range, together', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { subjectId, bob } = await trail();
    const search = async (f: Record<string, unknown>) =>
      (await office.data<{ auditEvents: Page }>(SEARCH, { f: { subjectType: 'team', subjectId, ...f }, limit: 50 }))
        .auditEvents.items;
    expect((await search({ actorId: bob.id })).map((e) => e.actorId)).toEqual([bob.id, bob.id, bob.id]);
    expect(await search({ action: 'team.goal_updated' })).toHaveLength(3);
    expect(await search({ action: 'team.*' })).toHaveLength(7);
    expect(await search({ action: 'team' })).toHaveLength(0);
    const ranged = await search({ from: '2026-03-02T08:00:00Z', to: '2026-03-04T08:00:00Z' });
    expect(ranged.map((e) => e.occurredAt.slice(0, 10))).toEqual([
      '2026-03-03',
      '2026-03-02',
      '2026-03-02',
      '2026-03-02',
    ]);
    expect(
      await search({ actorId: bob.id, action: 'team.check_in_submitted', from: '2026-03-02T00:00:00Z' }),
    ).toHaveLength(2);
    // Any person's actions, across objects.
    const everywhere = (await office.data<{ auditEvents: Page }>(SEARCH, { f: { actorId: bob.id }, limit: 50 }))
      .auditEvents.items;
    expect(everywhere).toHaveLength(3);
  });

  it('is the office’s alone: leadership, focal points and team members are refused alike, and bad input is named', async () => {
    const { client: office } = await app.signedIn(['ADMIN']);
    const { subjectId } = await trail();
    for (const roles of [['LEADERSHIP'], ['FOCAL_POINT'], ['REVIEWER'], []] as const) {
      const { client } = await app.signedIn([...roles]);
      const res = await client.request(SEARCH, { f: { subjectType: 'team', subjectId }, limit: 5 });
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(codeOf(await client.request(SEARCH, { f: { subjectId: randomUUID() }, limit: 5 }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await app.client().request(SEARCH, { limit: 5 }))).toBe('UNAUTHENTICATED');
    // A missing object has no history; a malformed cursor or action is refused, naming the field.
    expect(
      (await office.data<{ auditEvents: Page }>(SEARCH, { f: { subjectId: randomUUID() }, limit: 5 })).auditEvents,
    ).toEqual({ nextCursor: null, items: [] });
    const bad = await office.request(SEARCH, { limit: 5, after: 'not-a-cursor' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const badAction = await office.request(SEARCH, { f: { action: "x' OR 1=1" }, limit: 5 });
    expect(codeOf(badAction)).toBe('BAD_USER_INPUT');
    expect(codeOf(await office.request(SEARCH, { limit: 201 }))).toBe('BAD_USER_INPUT');
  });
});
