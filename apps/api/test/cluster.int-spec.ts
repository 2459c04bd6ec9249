import { request } from 'node:http';

import { startTestApp, type TestApp } from './support/app.js';
import { freePort, requireBuild, startApi, type Proc } from './support/processes.js';

// The built API with API_PROCESSES=2 (Node's cluster module): every connection may land on either
// process, and a write made through one is read through the other at once, since nothing the API
// keeps in memory serves an object. A process that dies is replaced; SIGTERM stops them all.

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  cookie?: string;
  process?: string;
}

/** One GraphQL request on a connection of its own (no keep-alive), so that the cluster may hand it to either process. */
function post(url: string, query: string, variables: Record<string, unknown>, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query, variables });
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'accept-language': 'en',
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Answer['body'],
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
            process: res.headers['x-hundred-process'] as string | undefined,
          }),
        );
      },
    );
    // A connection handed to a process as it dies may never be answered: give up and ask again.
    req.setTimeout(5_000, () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', reject);
    req.end(body);
  });
}

describe('the API as two processes sharing its port', () => {
  let app: TestApp;
  let cluster: Proc;
  let url: string;

  beforeAll(async () => {
    requireBuild();
    app = await startTestApp({ role: 'api' });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    cluster = startApi({
      API_PROCESSES: '2',
      HUNDRED_BENCH: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    await cluster.waitFor('"processes":2');
    // Both processes listen before the primary is of any use.
    const deadline = Date.now() + 30_000;
    const seen = new Set<string>();
    while (seen.size < 2) {
      if (Date.now() > deadline) throw new Error(`two API processes did not answer:\n${cluster.output().slice(-3000)}`);
      try {
        const { process: pid } = await post(url, '{ __typename }', {});
        if (pid) seen.add(pid);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 60_000);

  afterAll(async () => {
    if (cluster && cluster.child.exitCode === null) {
      cluster.child.kill('SIGKILL');
      await cluster.exited;
    }
    await app?.close();
  });

  it('reads every write at once through either process', async () => {
    const user = await app.createUser(['ADMIN']);
    const signIn = await post(url, 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email: user.email, password: user.password },
    });
    expect(signIn.body.errors).toBeUndefined();
    const cookie = signIn.cookie!;

    const writers = new Set<string>();
    const readers = new Set<string>();
    let readElsewhere = 0;
    for (let i = 0; i < 8; i++) {
      const language = i % 2 === 0 ? 'en' : 'ar';
      const write = await post(
        url,
        'mutation ($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { preferredLanguage } }',
        { input: { preferredLanguage: language } },
        cookie,
      );
      expect(write.body.errors).toBeUndefined();
      writers.add(write.process!);
      for (let k = 0; k < 4; k++) {
        const read = await post(url, '{ me { preferredLanguage } }', {}, cookie);
        expect(read.body.data).toEqual({ me: { preferredLanguage: language } });
        readers.add(read.process!);
        if (read.process !== write.process) readElsewhere++;
      }
    }
    expect(new Set([...writers, ...readers]).size).toBe(2);
    expect(readElsewhere).toBeGreaterThan(0);
  }, 60_000);

  it('replaces a process that dies, and stops both on SIGTERM', async () => {
    const victim = (await post(url, '{ __typename }', {})).process!;
    process.kill(Number(victim), 'SIGKILL');
    // The survivor answers meanwhile, then a new process joins it.
    const deadline = Date.now() + 30_000;
    const seen = new Set<string>();
    while (seen.size < 2) {
      if (Date.now() > deadline) throw new Error(`no process replaced ${victim}:\n${cluster.output().slice(-3000)}`);
      try {
        const { status, process: pid } = await post(url, '{ __typename }', {});
        expect(status).toBe(200);
        if (pid) seen.add(pid);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(seen.has(victim)).toBe(false);
    await cluster.waitFor('An API process stopped; starting another');

    cluster.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
  }, 60_000);
});
