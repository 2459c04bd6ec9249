// The API attacked through its public interface, on the demo data: every operation as it is
// parsed from the schema, without a session and for every role whose ids it is given do not
// belong to it; every input field with text and numbers nothing may store; requests that ask for
// too much; a storm of sign-ins; a spoofed client address; and the API as production runs it.
import { AgencyService } from '../src/identity/agency.service.js';
import type { TestApp } from './support/app.js';
import { codeOf, GqlClient, type GqlResponse } from './support/gql.js';
import {
  DEMO_PASSWORD,
  demoClient,
  DemoWorld,
  documentOf,
  fieldName,
  leavesOf,
  missingId,
  operationsOf,
  rowCounts,
  variablesOf,
  type IdFor,
  type Leaf,
  type Operation,
  type Path,
} from './support/security.js';

const OFFICE = 'office@hundred.example';
/** Operations anyone may call without a session. */
const PUBLIC = ['signIn', 'signOut', 'me'];
/** Arabic script: a message in the caller's language. */
const ARABIC = /[\u0600-\u06ff]/;

let world: DemoWorld;
let app: TestApp;
let operations: Operation[];

beforeAll(async () => {
  world = await DemoWorld.create();
  app = await world.start();
  operations = operationsOf(app).operations;
}, 120_000);
afterAll(() => world.close());

/** What kind of object an identifier names, by the operation and the field that holds it. */
function kindOf(op: string, path: Path): string {
  const name = [...path].reverse().find((p) => typeof p === 'string') as string;
  const byField: Record<string, string> = {
    teamId: 'team',
    cohortId: 'cohort',
    targetCohortId: 'cohort',
    kpiId: 'kpi',
    goalId: 'goal',
    checkInId: 'checkIn',
    supersedesId: 'checkIn',
    challengeId: 'challenge',
    agencyId: 'agency',
    leadAgencyId: 'agency',
    partnerAgencyIds: 'agency',
    userId: 'user',
    proposedSponsorId: 'user',
    proposedTeamLeadId: 'user',
    alignmentNodeIds: 'node',
    parentId: 'node',
    subjectId: 'challenge',
    ids: 'notification',
  };
  if (name !== 'id') return byField[name] ?? 'unknown';
  const byOperation: [RegExp, string][] = [
    [/KpiChange/, 'changeRequest'],
    [/Kpi$/, 'kpi'],
    [/Goal$/, 'goal'],
    [/Challenge|^challenge$/, 'challenge'],
    [/Cohort|^cohort$/, 'cohort'],
    [/Team|^team$/, 'team'],
    [/Agency/, 'agency'],
    [/User|^user$/, 'user'],
    [/AlignmentNode/, 'node'],
  ];
  return byOperation.find(([re]) => re.test(op))?.[1] ?? 'unknown';
}

const call = (client: GqlClient, op: Operation, variables: Record<string, unknown>) =>
  client.request(documentOf(op, variables), variables);

/** What an answer says, for comparing two: its data, or its first error's code and message. */
const gist = (res: GqlResponse<unknown>) =>
  res.errors?.length
    ? { code: res.errors[0]!.extensions?.code, message: res.errors[0]!.message }
    : { data: res.data as unknown };

describe('authorisation, walked from the schema', () => {
  it('refuses every operation but sign-in, sign-out and me without a session, before anything runs', async () => {
    expect(operations.length).toBeGreaterThan(70);
    const anonymous = new GqlClient(app.url, 'ar');
    const before = await rowCounts(app);
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !PUBLIC.includes(o.field.name))) {
      const res = await call(anonymous, op, variablesOf(op.field, missingId));
      if (codeOf(res) !== 'UNAUTHENTICATED' || res.errors![0]!.message !== 'يرجى تسجيل الدخول للمتابعة.')
        wrong.push(`${op.field.name}: ${JSON.stringify(res.errors ?? res.data).slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(app)).toEqual(before);
  }, 60_000);

  it("answers another agency's or team's ids exactly as ids that exist nowhere, for every role", async () => {
    const roles = [
      'focal.health@hundred.example',
      'reviewer@hundred.example',
      'lead.permits@hundred.example',
      'member.mpwh@hundred.example',
      'sg.health@hundred.example',
      'coach@hundred.example',
      'minister@hundred.example',
    ];
    const ids = async (sql: string) => ((await app.dataSource.query(sql)) as { id: string }[]).map((r) => r.id);
    const challenges = await ids(`SELECT id FROM challenge ORDER BY created_at`);
    const teams = await ids(`SELECT id FROM team ORDER BY created_at`);
    const users = await ids(`SELECT id FROM app_user ORDER BY created_at`);
    let compared = 0;
    const leaks: string[] = [];
    for (const email of roles) {
      const client = await demoClient(app, email);
      const me = (await client.data<{ me: { id: string } }>(`{ me { id } }`)).me.id;
      const firstHidden = async (list: string[], query: string) => {
        for (const id of list) if (codeOf(await client.request(query, { id })) === 'FORBIDDEN') return id;
        return undefined;
      };
      const foreign: Record<string, string | undefined> = {
        challenge: await firstHidden(challenges, `query ($id: UUID!) { challenge(id: $id) { id } }`),
        team: await firstHidden(teams, `query ($id: UUID!) { team(id: $id) { id } }`),
        user: await firstHidden(users, `query ($id: UUID!) { user(id: $id) { id } }`),
      };
      if (foreign.team) {
        const of = async (sql: string) => (await ids(sql.replace('$team', `'${foreign.team}'`)))[0];
        foreign.goal = await of(`SELECT id FROM goal WHERE team_id = $team`);
        foreign.kpi = await of(`SELECT id FROM kpi WHERE team_id = $team`);
        foreign.checkIn = await of(`SELECT id FROM check_in WHERE team_id = $team`);
        foreign.changeRequest = await of(`SELECT id FROM kpi_change_request WHERE team_id = $team`);
      }
      foreign.notification = (await ids(`SELECT id FROM notification WHERE user_id <> '${me}' LIMIT 1`))[0];
      // The same identifier of nothing for every field that names no foreign object, in both calls.
      const nowhere = new Map<string, string>();
      const fixed: IdFor = ({ path }) =>
        nowhere.get(path.join('.')) ?? nowhere.set(path.join('.'), missingId()).get(path.join('.'))!;
      for (const op of operations) {
        const uuids = leavesOf(op.field).filter((l) => l.type === 'UUID');
        if (!uuids.some((l) => foreign[kindOf(op.field.name, l.path)])) continue;
        const theirs: IdFor = (at) => foreign[kindOf(op.field.name, at.path)] ?? fixed(at);
        const missing: IdFor = (at) => (foreign[kindOf(op.field.name, at.path)] ? missingId() : fixed(at));
        // Optional arguments that name a foreign object are given too.
        const naming = (arg: { name: string }) =>
          uuids.some((l) => l.arg.name === arg.name && !!foreign[kindOf(op.field.name, l.path)]);
        const a = gist(await call(client, op, variablesOf(op.field, theirs, undefined, naming)));
        const b = gist(await call(client, op, variablesOf(op.field, missing, undefined, naming)));
        compared++;
        // (Marking someone else's notification read marks nothing, as marking one that does not exist.)
        if (JSON.stringify(a) !== JSON.stringify(b))
          leaks.push(
            `${email} ${op.field.name}: theirs ${JSON.stringify(a)} / nowhere ${JSON.stringify(b)}`.slice(0, 400),
          );
      }
    }
    expect(compared).toBeGreaterThan(150);
    expect(leaks).toEqual([]);
  }, 180_000);
});

describe('bad input, walked from the schema', () => {
  /** Every scalar position of every operation's arguments, of the given types. */
  const positions = (types: string[]) =>
    operations.flatMap((op) =>
      leavesOf(op.field)
        .filter((l) => types.includes(l.type))
        .map((leaf) => ({ op, leaf })),
    );

  /**
   * Sends `op` with `value` at `leaf` (a JSON text, so that 1e309 can be written) as the office,
   * in Arabic, and says what is wrong with the answer, if anything: it must be BAD_USER_INPUT
   * naming the field in Arabic, and no table may have changed.
   */
  async function refusal(
    client: GqlClient,
    op: Operation,
    leaf: Leaf,
    json: string,
    field: string,
  ): Promise<string | null> {
    const marker = `__BAD_${Math.random().toString(36).slice(2)}__`;
    const variables = variablesOf(op.field, missingId, { path: leaf.path, value: marker });
    const body = JSON.stringify({ query: documentOf(op, variables), variables }).replace(`"${marker}"`, json);
    const before = await rowCounts(app);
    const res = await client.send(body);
    const after = await rowCounts(app);
    const fields = res.errors?.[0]?.extensions?.fields ?? [];
    const named = fields.find((f) => f.field === field);
    const where = `${op.field.name}(${leaf.path.join('.')}) = ${json}`;
    if (codeOf(res) !== 'BAD_USER_INPUT') return `${where}: ${JSON.stringify(res).slice(0, 300)}`;
    if (!named) return `${where}: names ${JSON.stringify(fields.map((f) => f.field))}, not ${field}`;
    if (!ARABIC.test(named.message) || !ARABIC.test(res.errors![0]!.message))
      return `${where}: not in Arabic: ${named.message}`;
    if (JSON.stringify(before) !== JSON.stringify(after)) return `${where}: the database changed`;
    return null;
  }

  it('refuses NUL, a lone surrogate and a direction override in every text field, naming it, storing nothing', async () => {
    const office = await demoClient(app, OFFICE, 'ar');
    const texts = positions(['String']);
    expect(texts.length).toBeGreaterThan(80);
    const wrong: string[] = [];
    for (const { op, leaf } of texts)
      for (const bad of ['"a\\u0000b"', '"a\\ud800b"', '"a\\u202eb"']) {
        const problem = await refusal(office, op, leaf, bad, fieldName(leaf));
        if (problem) wrong.push(problem);
      }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('refuses NaN, Infinity, 1e309 and 2^31 in every number field, naming it in the caller language', async () => {
    const office = await demoClient(app, OFFICE, 'ar');
    const numbers = positions(['Int', 'Float']);
    expect(numbers.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const { op, leaf } of numbers)
      for (const bad of [
        '"NaN"',
        '"Infinity"',
        '1e309',
        ...(leaf.type === 'Int' ? ['2147483648', '1.5'] : ['-1e309']),
      ]) {
        const problem = await refusal(office, op, leaf, bad, fieldName(leaf, true));
        if (problem) wrong.push(problem);
      }
    expect(wrong).toEqual([]);
  }, 240_000);

  it('refuses every malformed identifier before any resolver runs', async () => {
    const anonymous = new GqlClient(app.url, 'ar');
    const ids = positions(['UUID']);
    expect(ids.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { op, leaf } of ids)
      for (const bad of [`"${'a'.repeat(36)}"`, `"${'-'.repeat(36)}"`, '"1 OR 1=1"']) {
        const problem = await refusal(anonymous, op, leaf, bad, fieldName(leaf, true));
        if (problem) wrong.push(problem);
      }
    expect(wrong).toEqual([]);
    // Written into the document too.
    const literal = await anonymous.request(`{ challenge(id: "${'a'.repeat(36)}") { id } }`);
    expect(literal.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'id' }] });
  }, 180_000);

  it('refuses numbers outside their declared range, and text that is only spaces where text is required', async () => {
    const office = await demoClient(app, OFFICE, 'en');
    const before = await rowCounts(app);
    const cohort = (input: Record<string, unknown>) =>
      office.request(`mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
        input: {
          nameAr: 'دفعة',
          nameEn: 'Cohort',
          day1: '2031-03-01',
          timeZone: 'Asia/Amman',
          weekendDays: [5, 6],
          ...input,
        },
      });
    const fieldsOf = (res: GqlResponse<unknown>) =>
      Object.fromEntries((res.errors?.[0]?.extensions?.fields ?? []).map((f) => [f.field, f.message]));

    expect(fieldsOf(await cohort({ ragThresholds: { staleDays: -1 } }))).toEqual({
      'ragThresholds.staleDays': 'Days before data is stale must be from 1 to 100.',
    });
    expect(fieldsOf(await cohort({ rubric: [{ key: '   ', nameAr: 'معيار', nameEn: 'Criterion' }] }))).toEqual({
      'rubric.0.key': 'Key is required.',
    });
    expect(fieldsOf(await cohort({ offsets: { checkInWeekday: 9, goalsReminderDays: 5000 } }))).toMatchObject({
      'offsets.checkInWeekday': expect.any(String),
      'offsets.goalsReminderDays': expect.any(String),
    });
    const [c] = (await app.dataSource.query(`SELECT id, version FROM challenge WHERE state = 'DRAFT' LIMIT 1`)) as {
      id: string;
      version: number;
    }[];
    const [agency] = (await app.dataSource.query(`SELECT lead_agency_id AS id FROM challenge WHERE id = $1`, [
      c!.id,
    ])) as {
      id: string;
    }[];
    const attachment = await office.request(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { id } }`,
      {
        input: {
          id: c!.id,
          version: c!.version,
          leadAgencyId: agency!.id,
          attachments: [{ title: ' \t ', url: 'https://x.example/a' }],
        },
      },
    );
    expect(fieldsOf(attachment)).toEqual({
      'attachments.0.title': 'Title must be on one line (no tabs or line breaks).',
    });
    const spaces = await office.request(
      `mutation ($input: UpdateChallengeInput!) { updateChallenge(input: $input) { id } }`,
      {
        input: {
          id: c!.id,
          version: c!.version,
          leadAgencyId: agency!.id,
          attachments: [{ title: '   ', url: 'https://x.example/a' }],
        },
      },
    );
    expect(fieldsOf(spaces)).toEqual({ 'attachments.0.title': 'Title is required.' });

    // Lists page, with a hard maximum.
    expect(fieldsOf(await office.request(`{ challenges(limit: 201) { id } }`))).toEqual({
      limit: 'Number of items must be from 1 to 200.',
    });
    expect(
      fieldsOf(
        await office.request(`{ auditTrail(subjectType: "team", subjectId: "${missingId()}", limit: 0) { id } }`),
      ),
    ).toEqual({
      limit: 'Number of items must be from 1 to 500.',
    });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('stores text trimmed and in NFC, so that what is shown is what was typed', async () => {
    const office = await demoClient(app, OFFICE, 'en');
    const { createAgency } = await office.data<{ createAgency: { id: string; nameAr: string; nameEn: string } }>(
      `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id nameAr nameEn } }`,
      { input: { code: 'NFCTEST', nameAr: '  هيئة الاختبار  ', nameEn: '  Cafe\u0301 Authority ' } },
    );
    expect(createAgency).toMatchObject({ nameAr: 'هيئة الاختبار', nameEn: 'Café Authority' });
  });
});

describe('requests that ask for too much', () => {
  const attack1 = () => {
    const deadlines =
      'deadlines { id kind group subjectType subjectId dueAt nextCheckAt day state blockedBy settledAt }';
    const challenge =
      'id titleAr problemAr state scores { criterion score } comments { body } history { event } availableEvents { event }';
    return `{ ${Array.from({ length: 30 }, (_, i) => `c${i}: cohorts { id nameAr ${deadlines} }`).join(' ')} ${Array.from(
      { length: 30 },
      (_, i) => `ch${i}: challenges { ${challenge} }`,
    ).join(' ')} }`;
  };
  const attack2 = () =>
    `{ ${Array.from({ length: 100 }, (_, i) => `t${i}: teams { id goals { id kpis { id trajectory { day value } } } }`).join(' ')} }`;

  it('refuses the two attack queries with a clear, localised error, and answers in time', async () => {
    const office = await demoClient(app, OFFICE, 'ar');
    for (const query of [attack1(), attack2()]) {
      const started = Date.now();
      const res = await office.request(query);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'TOO_COMPLEX', limit: 'aliases', max: 10 });
      expect(res.errors![0]!.message).toMatch(ARABIC);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('refuses a request too deep, too long, too costly or with too many directives, naming the limit', async () => {
    const office = await demoClient(app, OFFICE, 'en');
    const cost = await office.request(
      `{ teams(limit: 500) { goals { kpis { rag expected progress trajectory { day value } values { value } } } } }`,
    );
    expect(cost.errors![0]).toMatchObject({
      message: 'This request asks for too much at once (estimated cost: at most 60000). Ask for fewer items or fields.',
      extensions: { code: 'TOO_COMPLEX', limit: 'cost', max: 60000 },
    });
    // No path of the schema leads back to where it started, so depth is bounded by the schema
    // itself; a tighter limit shows the check at work.
    const shallow = await world.start({ GRAPHQL_MAX_DEPTH: '3' });
    const deep = await (await demoClient(shallow, OFFICE)).request(`{ teams { cohort { history { event } } } }`);
    expect(deep.errors![0]!.extensions).toMatchObject({ code: 'TOO_COMPLEX', limit: 'depth', max: 3 });
    const tokens = await office.request(`{ me { ${'id '.repeat(4000)} } }`);
    expect(tokens.errors![0]!.extensions).toMatchObject({ code: 'TOO_COMPLEX', limit: 'tokens', max: 3000 });
    const directives = await office.request(`{ me { id ${'@include(if: true) '.repeat(21)} } }`);
    expect(directives.errors![0]!.extensions).toMatchObject({ code: 'TOO_COMPLEX', limit: 'directives', max: 20 });
  });

  it('answers the heaviest requests the limits let through within 1 MB on the demo data', async () => {
    const office = await demoClient(app, OFFICE, 'en');
    const EV = 'availableEvents { event blockedReasons }';
    const COHORT = `cohort { id phases { state startDay } calendarProblems { code } ${EV} currentDay deadlines(limit: 12) { id day } }`;
    const heavy = [
      `challenges(limit: 12) { id ${COHORT} ${EV} history { event actor { nameAr } } comments { body author { nameAr } } }`,
      `teams(limit: 5) { id weeks { week dueAt } ${EV} permittedActions rag checkIns(limit: 12) { week values { value } } goals { rag kpis { rag expected progress trajectory { day value } values { value } } } ${COHORT} }`,
      `cohorts(limit: 2) { id phases { state } calendarProblems { code } ${EV} currentDay deadlines(limit: 20) { id day } history { event } }`,
    ];
    for (const unit of heavy) {
      // As many aliases of it as the cost limit lets through.
      let n = 10;
      let res: GqlResponse<unknown> | undefined;
      for (; n > 0; n--) {
        res = await office.request(`{ ${Array.from({ length: n }, (_, i) => `a${i}: ${unit}`).join(' ')} }`);
        if (codeOf(res) !== 'TOO_COMPLEX') break;
      }
      expect(n).toBeGreaterThan(0);
      expect(res!.errors).toBeUndefined();
      expect(JSON.stringify(res).length).toBeLessThan(1_000_000);
    }
  });

  it('stops a request past its time budget: no resolver starts after it, and one error answers', async () => {
    const budget = await world.start({
      REQUEST_TIME_BUDGET_MS: '100',
      GRAPHQL_MAX_ALIASES: '300',
      GRAPHQL_MAX_TOKENS: '100000',
      GRAPHQL_MAX_COST: '10000000',
    });
    // Signed in where sign-in has its usual time: only the heavy request must meet the small budget.
    const office = (await demoClient(app, OFFICE, 'ar')).at(budget.url);
    const unit =
      'cohorts(limit: 2) { id phases { state } calendarProblems { code } availableEvents { event } deadlines { id day } }';
    const res = await office.request(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: ${unit}`).join(' ')} }`);
    expect(res.errors).toEqual([{ message: expect.stringMatching(ARABIC), extensions: { code: 'TIMED_OUT' } }]);
    expect(res.data).toBeNull();
  }, 60_000);
});

describe('anonymous work', () => {
  it('rate-limits a sign-in storm per address and for everyone before hashing, auditing each window once', async () => {
    const storm = await world.start({
      PUBLIC_RATE_PER_ADDRESS: '10',
      PUBLIC_RATE_GLOBAL: '25',
      PUBLIC_RATE_WINDOW_SECONDS: '60',
      TRUST_PROXY: '127.0.0.1',
    });
    const count = async (sql: string) => ((await storm.dataSource.query(sql)) as { n: number }[])[0]!.n;
    const failed = () => count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign_in_failed'`);
    const throttles = () => count(`SELECT count(*)::int AS n FROM sign_in_throttle`);
    const limited = () => count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.rate_limited'`);
    const [failed0, throttles0, limited0] = [await failed(), await throttles(), await limited()];

    const from = (address: string) => {
      const c = new GqlClient(storm.url, 'ar');
      c.headers['x-forwarded-for'] = address;
      return c;
    };
    const one = from('198.51.100.1');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => one.signIn(`nobody-${i}@storm.example`, 'Whatever-12345')),
    );
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(190);
    const refused = answers.find((a) => codeOf(a) === 'RATE_LIMITED')!.errors![0]!;
    expect(refused.message).toMatch(/^محاولات كثيرة من شبكتك\. حاول مجدداً بعد \d+ ثانية\.$/);
    expect(refused.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(await failed()).toBe(failed0 + 10);
    expect(await throttles()).toBe(throttles0 + 10);
    expect(await limited()).toBe(limited0 + 1);

    // From other addresses: everyone's allowance (25) runs out after 15 more.
    const others = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        from(`198.51.100.${10 + (i % 20)}`).signIn(`other-${i}@storm.example`, 'Whatever-12345'),
      ),
    );
    expect(others.filter((a) => codeOf(a) === 'UNAUTHENTICATED')).toHaveLength(15);
    expect(others.filter((a) => codeOf(a) === 'RATE_LIMITED')).toHaveLength(25);
    expect(await limited()).toBe(limited0 + 2);
    const rows = (await storm.dataSource.query(
      `SELECT data->>'scope' AS scope, ip FROM audit_event WHERE action = 'auth.rate_limited' ORDER BY id`,
    )) as { scope: string; ip: string }[];
    expect(rows.slice(-2)).toEqual([
      { scope: 'address', ip: '198.51.100.1' },
      { scope: 'all', ip: expect.stringMatching(/^198\.51\.100\./) },
    ]);

    // A refused sign-in is refused even with the right password, and says when to come back.
    const office = from('198.51.100.1');
    const res = await office.signIn(OFFICE, DEMO_PASSWORD);
    expect(codeOf(res)).toBe('RATE_LIMITED');
    expect(Number(office.lastHeaders!.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);

  it('records the socket address, not what a client says in X-Forwarded-For, unless a trusted proxy says it', async () => {
    const ipOf = async (target: TestApp, email: string) => {
      const rows = (await target.dataSource.query(
        `SELECT ip FROM audit_event WHERE action = 'auth.sign_in_failed' AND data->>'email' = $1`,
        [email],
      )) as { ip: string }[];
      return rows[0]?.ip;
    };
    const spoofer = new GqlClient(app.url);
    spoofer.headers['x-forwarded-for'] = '203.0.113.66';
    await spoofer.signIn('spoofed@test.example', 'Whatever-12345');
    expect(await ipOf(app, 'spoofed@test.example')).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);

    const behindProxy = await world.start({ TRUST_PROXY: 'loopback' });
    const proxied = new GqlClient(behindProxy.url);
    proxied.headers['x-forwarded-for'] = '203.0.113.66';
    await proxied.signIn('proxied@test.example', 'Whatever-12345');
    expect(await ipOf(behindProxy, 'proxied@test.example')).toBe('203.0.113.66');
  }, 30_000);
});

describe('what the front door sends back', () => {
  it('sends security headers on every answer, and HSTS only over TLS', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ me { id } }"}',
    });
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const health = await fetch(`${app.url}/health`);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');

    const behindTls = await world.start({ TRUST_PROXY: 'loopback' });
    const tls = await fetch(`${behindTls.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const spoofedTls = await fetch(`${app.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofedTls.headers.get('strict-transport-security')).toBeNull();
  }, 30_000);

  it("shows a person's e-mail address and roles only to those who may open that person", async () => {
    const lead = await demoClient(app, 'lead.permits@hundred.example');
    const [team] = (await app.dataSource.query(
      `SELECT t.id FROM team t JOIN team_member m ON m.team_id = t.id JOIN app_user u ON u.id = m.user_id
        WHERE u.email = 'lead.permits@hundred.example'`,
    )) as { id: string }[];
    const [office] = (await app.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [OFFICE])) as {
      id: string;
    }[];
    const PEOPLE = `query ($id: UUID!) { team(id: $id) {
      history { actor { id nameAr email roles } }
      members { user { id nameAr email roles } }
      goals { id }
    } }`;
    type Person = { id: string; nameAr: string; email: string | null; roles: string[] | null };
    const seen = await lead.data<{ team: { history: { actor: Person | null }[]; members: { user: Person }[] } }>(
      PEOPLE,
      {
        id: team!.id,
      },
    );
    const people = [...seen.team.history.map((h) => h.actor), ...seen.team.members.map((m) => m.user)].filter(
      (p): p is Person => !!p,
    );
    const officer = people.find((p) => p.id === office!.id);
    expect(officer).toMatchObject({ nameAr: expect.any(String), email: null, roles: null });
    expect(codeOf(await lead.request(`query ($id: UUID!) { user(id: $id) { id } }`, { id: office!.id }))).toBe(
      'FORBIDDEN',
    );
    for (const p of people.filter((x) => x.id !== office!.id)) {
      const mine = (await lead.data<{ me: { id: string } }>(`{ me { id } }`)).me.id === p.id;
      expect([p.id, p.email === null, p.roles === null]).toEqual([p.id, !mine, !mine]);
    }
    const byOffice = await (
      await demoClient(app, OFFICE)
    ).data<{ team: { history: { actor: Person | null }[] } }>(PEOPLE, {
      id: team!.id,
    });
    expect(byOffice.team.history.find((h) => h.actor?.id === office!.id)!.actor).toMatchObject({
      email: OFFICE,
      roles: ['ADMIN'],
    });
  });
});

describe('the API as production runs it', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await world.start({
      NODE_ENV: 'production',
      CLOCK_CONTROL: 'false',
      PUBLIC_WEB_URL: 'https://hundred.example.org',
      LOG_LEVEL: 'fatal',
    });
  }, 60_000);

  it('answers no introspection, suggests no field names, and shows no stack or internal detail', async () => {
    const client = new GqlClient(prod.url, 'en');
    const introspection = await client.request(`{ __schema { types { name } } }`);
    expect(codeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(introspection)).not.toMatch(/__schema|Did you mean|detail/);

    const typo = await client.request(`{ cohortz { id } }`);
    expect(typo.errors![0]!.message).toBe('This request is not one the service understands.');
    expect(JSON.stringify(typo)).not.toMatch(/cohorts|Did you mean|detail/);
    const enumTypo = await client.request(`query ($r: GlobalRole) { users(role: $r) { id } }`, { r: 'ADMINN' });
    expect(JSON.stringify(enumTypo)).not.toMatch(/Did you mean|ADMIN"/);
    expect(codeOf(enumTypo)).toBe('BAD_USER_INPUT');

    const office = await demoClient(prod, OFFICE);
    const agencies = prod.app.get(AgencyService);
    const list = agencies.list.bind(agencies);
    agencies.list = () => Promise.reject(new Error('relation "secret_table" does not exist'));
    try {
      const broken = await office.request(`{ agencies { id } }`);
      expect(broken.errors![0]).toEqual({
        message: 'Something went wrong on our side. The error was logged; please try again.',
        locations: expect.any(Array),
        path: ['agencies'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      agencies.list = list;
    }
    const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('still refuses bad input by field, in the caller language', async () => {
    const office = await demoClient(prod, OFFICE, 'ar');
    const res = await office.request(`query ($l: Int!) { myNotifications(limit: $l) { id } }`, { l: 'NaN' });
    expect(res.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'limit', message: 'يجب أن يكون «عدد العناصر» عدداً صحيحاً.' }],
    });
  });
});
