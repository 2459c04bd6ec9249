#!/usr/bin/env node
/* global fetch, AbortSignal, setTimeout, clearTimeout, performance, document, window, PerformanceObserver, MutationObserver */
// npm run bench:web — the web's performance budget measured in Chromium, on the built app.
//
// Starts the built API and web app as the browser tests do (test/e2e/global-setup.ts): a database
// of its own (hundred_benchweb_<hex>) migrated and seeded with the demo, a Redis prefix of its own,
// free ports; removes them afterwards. Then, for each main route, as a demo user who uses it, it
// loads the page cold (a fresh browser context: no cache, no service worker) with the CPU throttled
// 4× (DevTools protocol Emulation.setCPUThrottlingRate) and records:
//   lcpMs                  the largest contentful paint (PerformanceObserver), and its element
//   contentMs              when the main content showed: the page's <h1> in <main>, its data in
//   jsGzipBytes            the JavaScript fetched, each file's body compressed with gzip -9
//   jsTransferredBytes     the JavaScript as sent over the wire (what the server compressed, headers)
//   requests               every request of the load (document, scripts, styles, fonts, GraphQL)
//   graphqlBeforeContent   GraphQL requests started before the main content showed (and their names)
//   graphql                GraphQL requests of the whole load (until the network is quiet)
// Each route is loaded BENCH_WEB_RUNS times (3 unless told); one JSON line per load's median and a
// summary. Figures depend on the machine: run it on a quiet one (the load average is printed).
// BENCH_WEB_ALL=1 adds the other pages. BENCH_WEB_DIR=<dir> measures another build of apps/web (e.g. an older commit's) on the same API.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { freePort, launchChromium } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiRequire = createRequire(path.join(ROOT, 'apps/api/package.json'));
const testRequire = createRequire(path.join(ROOT, 'test/package.json'));
const pg = apiRequire('pg');
const { Redis } = apiRequire('ioredis');
const { chromium } = testRequire('playwright-core');

const POSTGRES_URL = process.env.HUNDRED_E2E_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';
const RUNS = Number(process.env.BENCH_WEB_RUNS || 3);
const CPU_THROTTLE = 4;
const PASSWORD = 'Hundred-2026';

const log = (...args) => console.error('[bench:web]', ...args);

for (const file of ['apps/api/dist/main.js', 'apps/api/dist/migrate.js', 'apps/web/dist/index.html']) {
  if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: build first (npm run build).`);
}

function start(name, args, options) {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const keep = (chunk) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    name,
    child,
    exited,
    output: () => lines.map((l) => `  ${name}| ${l}`).join('\n'),
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function run(name, args, env) {
  const service = start(name, args, { cwd: ROOT, env });
  const code = await service.exited;
  if (code !== 0) throw new Error(`${name} failed (${code}):\n${service.output()}`);
}

async function waitForHealth(url, services) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const dead = services.find((s) => !s.running());
    if (dead) throw new Error(`${dead.name} stopped:\n${dead.output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy`);
}

async function dropResources(databaseName, redisPrefix) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Signs `email` in on a context of its own and asks the API something as them. */
async function graphqlAs(webUrl, email, query, variables = {}) {
  const answer = async (cookie, q, v) => {
    const response = await fetch(`${webUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query: q, variables: v }),
    });
    const body = await response.json();
    if (body.errors?.length) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return {
      body,
      cookie:
        cookie ??
        response.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
    };
  };
  const signedIn = await answer(null, 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
    input: { email, password: PASSWORD },
  });
  return (await answer(signedIn.cookie, query, variables)).body.data;
}

/**
 * Installed before any script of the page: the LCP entries, the GraphQL requests (Apollo sends
 * them with fetch) and the moment the main content shows: the page's <h1> is in <main>, a
 * GraphQL answer other than the session's has come, and no GraphQL request is in flight.
 */
function probe() {
  const state = { lcp: 0, lcpElement: null, contentAt: null, graphql: [] };
  window.__bench = state;
  let inFlight = 0;
  let pageAnswered = false;
  const check = () => {
    if (state.contentAt !== null || inFlight > 0 || !pageAnswered) return;
    const main = document.getElementById('main-content');
    if (main && main.querySelector('h1')) state.contentAt = performance.now();
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.lcp = entry.startTime;
      const el = entry.element;
      state.lcpElement = el
        ? `${el.tagName.toLowerCase()}${el.closest('#main-content') ? ' in main' : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`
        : null;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    if (new URL(url, window.location.href).pathname !== '/graphql') return originalFetch.call(this, input, init);
    let operation = '?';
    try {
      operation = JSON.parse(init.body).operationName ?? '?';
    } catch {
      // not JSON
    }
    state.graphql.push({ operation, at: performance.now() });
    inFlight++;
    const settle = () => {
      inFlight--;
      if (operation !== 'Me') pageAnswered = true;
    };
    return originalFetch.call(this, input, init).then(
      (response) => {
        settle();
        return response;
      },
      (error) => {
        settle();
        throw error;
      },
    );
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

async function measure(browser, webUrl, { email, route }) {
  const context = await browser.newContext({ baseURL: webUrl, locale: 'ar', viewport: { width: 1366, height: 900 } });
  try {
    // Signed in through the API on this context's own cookie jar; the page itself loads cold.
    const signIn = await context.request.post('/graphql', {
      data: {
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: { input: { email, password: PASSWORD } },
      },
    });
    if (!signIn.ok()) throw new Error(`sign-in of ${email} failed: ${signIn.status()}`);
    await context.addInitScript(() => window.localStorage.setItem('hundred.language', 'ar'));
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });

    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(route, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.contentAt !== null, null, { timeout: 60_000 });
    // Let what follows the content (the header's counts, polls aside) finish, then read.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(500);
    const timings = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource').map((e) => ({
        name: e.name,
        startTime: e.startTime,
        transferSize: e.transferSize,
      }));
      return {
        lcp: window.__bench.lcp,
        lcpElement: window.__bench.lcpElement,
        contentAt: window.__bench.contentAt,
        graphql: window.__bench.graphql,
        entries,
      };
    });
    let jsGzipBytes = 0;
    for (const response of responses) {
      const url = new URL(response.url());
      if (!url.pathname.endsWith('.js') || url.origin !== new URL(webUrl).origin) continue;
      jsGzipBytes += gzipSync(await response.body(), { level: 9 }).length;
    }
    const js = timings.entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
    return {
      lcpMs: Math.round(timings.lcp),
      lcpElement: timings.lcpElement,
      contentMs: Math.round(timings.contentAt),
      jsGzipBytes,
      jsTransferredBytes: js.reduce((sum, e) => sum + e.transferSize, 0),
      jsFiles: js.length,
      requests: timings.entries.length + 1,
      graphqlBeforeContent: timings.graphql.filter((g) => g.at < timings.contentAt).map((g) => g.operation),
      graphql: timings.graphql.map((g) => g.operation),
    };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

async function main() {
  const [load1] = os.loadavg();
  log(
    `load average ${load1.toFixed(2)} on ${os.cpus().length} CPUs${load1 >= 1.5 ? ' (busy: figures will be slower)' : ''}`,
  );
  const suffix = randomBytes(4).toString('hex');
  const databaseName = `hundred_benchweb_${suffix}`;
  const redisPrefix = `benchweb-${suffix}`;
  const services = [];
  let browser;
  try {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`).finally(() => admin.end());
    const databaseUrl = new URL(POSTGRES_URL);
    databaseUrl.pathname = `/${databaseName}`;
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const webUrl = `http://127.0.0.1:${webPort}`;
    const apiEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      ARGON2_MEMORY_KIB: '4096',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      HUNDRED_ROLE: 'all',
      CLOCK_CONTROL: 'true',
      LOG_LEVEL: 'warn',
      PUBLIC_WEB_URL: webUrl,
      PUBLIC_RATE_PER_ADDRESS: '100000',
      PUBLIC_RATE_GLOBAL: '100000',
    };
    log(`database ${databaseName}: migrating and seeding`);
    await run('migrate', ['apps/api/dist/migrate.js'], apiEnv);
    await run('seed', ['apps/api/dist/seed/seed-cli.js'], apiEnv);
    services.push(start('api', ['apps/api/dist/main.js'], { cwd: ROOT, env: apiEnv }));
    // BENCH_WEB_DIR: another build of the web app to measure (a baseline: an older commit's apps/web, built).
    const webDir = process.env.BENCH_WEB_DIR ? path.resolve(process.env.BENCH_WEB_DIR) : path.join(ROOT, 'apps/web');
    const vite = path.join(
      path.dirname(createRequire(path.join(webDir, 'package.json')).resolve('vite/package.json')),
      'bin/vite.js',
    );
    services.push(
      start('web', [vite, 'preview'], {
        cwd: webDir,
        env: {
          ...process.env,
          HUNDRED_API_URL: `http://127.0.0.1:${apiPort}`,
          HUNDRED_WEB_HOST: '127.0.0.1',
          HUNDRED_WEB_PORT: String(webPort),
        },
      }),
    );
    await waitForHealth(`${webUrl}/health`, services);

    // The objects to open: the cohort in execution, a challenge, the permits team.
    const office = 'office@hundred.example';
    const lead = 'lead.permits@hundred.example';
    const { cohorts } = await graphqlAs(webUrl, office, '{ cohorts { id state } }');
    const cohort = cohorts.find((c) => c.state === 'EXECUTION') ?? cohorts[0];
    const { challenges } = await graphqlAs(webUrl, office, '{ challenges { id } }');
    const { teams } = await graphqlAs(webUrl, lead, '{ teams { id myRoles } }');
    const team = teams.find((t) => t.myRoles.length > 0) ?? teams[0];
    const routes = [
      { name: 'my tasks', email: lead, route: '/' },
      { name: 'dashboard', email: 'minister@hundred.example', route: '/dashboard' },
      { name: 'cohorts', email: office, route: '/cohorts' },
      { name: 'a cohort', email: office, route: `/cohorts/${cohort.id}` },
      { name: 'challenges', email: office, route: '/challenges' },
      { name: 'a challenge', email: office, route: `/challenges/${challenges[0].id}` },
      { name: 'a team workspace', email: lead, route: `/teams/${team.id}` },
      { name: 'admin users', email: office, route: '/admin/users' },
    ];
    // BENCH_WEB_ALL=1: the other pages too (for their GraphQL requests before content, mostly).
    if (process.env.BENCH_WEB_ALL === '1') {
      routes.push(
        { name: 'notifications', email: lead, route: '/notifications' },
        { name: 'account', email: lead, route: '/account' },
        { name: 'teams', email: office, route: '/teams' },
        { name: 'screening', email: office, route: '/screening' },
        { name: 'approvals', email: 'minister@hundred.example', route: '/approvals' },
        { name: 'my reviews', email: 'reviewer@hundred.example', route: '/reviews' },
        { name: 'a cohort reviews', email: office, route: `/cohorts/${cohort.id}/reviews` },
        { name: 'team results', email: lead, route: `/teams/${team.id}/results` },
        { name: 'alignment', email: office, route: '/admin/alignment' },
        { name: 'agencies', email: office, route: '/admin/agencies' },
        { name: 'audit', email: office, route: '/audit' },
        { name: 'new challenge', email: office, route: '/challenges/new' },
        { name: 'edit cohort', email: office, route: `/cohorts/${cohort.id}/edit` },
      );
    }

    browser = await launchChromium(chromium);
    // One load first, not counted: Chromium and both servers warm up.
    await measure(browser, webUrl, routes[0]);

    const results = [];
    for (const target of routes) {
      const loads = [];
      for (let i = 0; i < RUNS; i++) loads.push(await measure(browser, webUrl, target));
      const pick = (key) => median(loads.map((l) => l[key]));
      const result = {
        route: target.name,
        path: target.route.replace(/[0-9a-f-]{36}/, ':id'),
        user: target.email,
        runs: RUNS,
        cpuThrottle: CPU_THROTTLE,
        lcpMs: pick('lcpMs'),
        lcpMsAll: loads.map((l) => l.lcpMs),
        lcpElements: loads.map((l) => l.lcpElement),
        contentMs: pick('contentMs'),
        jsGzipKB: Math.round(pick('jsGzipBytes') / 102.4) / 10,
        jsTransferredKB: Math.round(pick('jsTransferredBytes') / 102.4) / 10,
        jsFiles: pick('jsFiles'),
        requests: pick('requests'),
        graphqlBeforeContent: Math.max(...loads.map((l) => l.graphqlBeforeContent.length)),
        graphql: median(loads.map((l) => l.graphql.length)),
        operationsBeforeContent: loads[0].graphqlBeforeContent,
        operationsAfter: loads[0].graphql.slice(loads[0].graphqlBeforeContent.length),
      };
      results.push(result);
      console.log(JSON.stringify(result));
    }
    const summary = {
      summary: true,
      web: process.env.BENCH_WEB_DIR || 'apps/web',
      loadAverageAtStart: Number(load1.toFixed(2)),
      loadAverageAtEnd: Number(os.loadavg()[0].toFixed(2)),
      lcpMsMax: Math.max(...results.map((r) => r.lcpMs)),
      lcpOver1500: results.filter((r) => r.lcpMs > 1500).map((r) => r.route),
      jsGzipKBMax: Math.max(...results.map((r) => r.jsGzipKB)),
      jsOver200KB: results.filter((r) => r.jsGzipKB > 200).map((r) => r.route),
      graphqlBeforeContentMax: Math.max(...results.map((r) => r.graphqlBeforeContent)),
      graphqlOver2: results.filter((r) => r.graphqlBeforeContent > 2).map((r) => r.route),
    };
    console.log(JSON.stringify(summary));
  } finally {
    await browser?.close().catch(() => undefined);
    await Promise.all(services.map((s) => s.stop()));
    await dropResources(databaseName, redisPrefix).catch((err) => log(`clean-up failed: ${err.message}`));
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
