#!/usr/bin/env node
// The floor under the web's initial JavaScript: the smallest application on its stack (React DOM,
// Mantine's provider and four components, Apollo Client with one query, React Router, i18next),
// built as the application is, each library also alone beside React DOM. Sizes are each file
// compressed with gzip -9, summed, as scripts/check-web-budget.js counts them. Deterministic.
//
//   npm run bench:web-floor        one JSON line per build, then a summary line
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web');
const VITE = path.join(WEB, '../../node_modules/vite/bin/vite.js');
const ENTRIES = ['react', 'router', 'mantine', 'apollo', 'i18next', 'all'];

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
console.log(
  JSON.stringify({
    summary: true,
    floorKB: kb(sizes.all),
    targetKB: 200,
    leftForTheApplicationKB: kb(200 * 1024 - sizes.all),
  }),
);
