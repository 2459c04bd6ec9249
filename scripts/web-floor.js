#!/usr/bin/env node
/* global fetch, setTimeout, window, PerformanceObserver */
// The floor under the web's initial JavaScript: the smallest application on its stack (React DOM,
// Mantine's provider and four components, Apollo Client with one query, React Router, i18next),
// built as the application is, each library also alone beside React DOM. Sizes are each file
// compressed with gzip -9, summed, as scripts/check-web-budget.js counts them. Deterministic.
// With --lcp it also serves the whole floor (`vite preview`) and loads it in Debian's Chromium as
// scripts/bench-web.js loads the application's pages (a fresh context, no cache, the CPU
// throttled 4×), and prints the median LCP of BENCH_WEB_RUNS loads (5): the time this stack takes
// to paint anything at all, on this machine, before the application's own work.
//
//   npm run bench:web-floor            one JSON line per build, then a summary line
//   npm run bench:web-floor -- --lcp   the same, with the floor's LCP
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { freePort, launchChromium } from './browser.js';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web');
const VITE = path.join(WEB, '../../node_modules/vite/bin/vite.js');
const ENTRIES = ['react', 'router', 'mantine', 'apollo', 'i18next', 'all'];
const CPU_THROTTLE = 4;
const RUNS = Number(process.env.BENCH_WEB_RUNS || 5);
const withLcp = process.argv.includes('--lcp');

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const sizes = {};
for (const entry of ENTRIES) {
  execFileSync(process.execPath, [VITE, 'build', '--config', 'bench/floor/vite.config.ts'], {
    cwd: WEB,
    env: { ...process.env, FLOOR_ENTRY: entry },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const assets = path.join(WEB, 'dist-floor', entry, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  sizes[entry] = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
  const added = entry === 'react' || entry === 'all' ? undefined : kb(sizes[entry] - sizes.react);
  console.log(
    JSON.stringify({
      build: entry,
      jsGzipKB: kb(sizes[entry]),
      ...(added === undefined ? {} : { addsToReactKB: added }),
    }),
  );
}
const lcp = withLcp ? await floorLcp() : undefined;
console.log(
  JSON.stringify({
    summary: true,
    floorKB: kb(sizes.all),
    targetKB: 200,
    leftForTheApplicationKB: kb(200 * 1024 - sizes.all),
    ...(lcp ?? {}),
  }),
);

/** The floor's LCP in Chromium, CPU throttled as the application's pages are measured. */
async function floorLcp() {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--config',
      'bench/floor/vite.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: WEB, env: { ...process.env, FLOOR_ENTRY: 'all' }, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  const { chromium } = await import('playwright-core');
  const browser = await launchChromium(chromium);
  try {
    await waitForServer(url);
    const load = async () => {
      const context = await browser.newContext({ locale: 'ar', viewport: { width: 1366, height: 900 } });
      try {
        await context.addInitScript(() => {
          window.__lcp = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__lcp = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
        await page.goto(url, { waitUntil: 'load' });
        await page.locator('h1').waitFor();
        await page.waitForTimeout(500);
        return Math.round(await page.evaluate(() => window.__lcp));
      } finally {
        await context.close();
      }
    };
    await load(); // warm-up, not counted
    const all = [];
    for (let i = 0; i < RUNS; i++) all.push(await load());
    const sorted = [...all].sort((a, b) => a - b);
    return {
      lcpMs: sorted[Math.floor(sorted.length / 2)],
      lcpMsAll: all,
      cpuThrottle: CPU_THROTTLE,
      loadAverage: Number(os.loadavg()[0].toFixed(2)),
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}
