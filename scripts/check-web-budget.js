#!/usr/bin/env node
// The web's performance budget, checked on the built files (apps/web/dist): for every route of
// apps/web/src/App.tsx, the JavaScript a browser must fetch before the route can render — the
// entry of index.html with everything it imports statically, and the route's lazily loaded chunk
// with everything that imports statically — may weigh at most BUDGET_KB gzip. Chunks a page loads
// later on its own (charts, forms, dialogs) do not count. Deterministic: it reads files, and times
// nothing.
//
//   node scripts/check-web-budget.js            fails naming each route over the budget
//   node scripts/check-web-budget.js --json     one JSON line per route as well
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'apps/web');
const DIST = path.join(WEB, 'dist');
const BUDGET_KB = Number(process.env.WEB_BUDGET_KB || 200);
const json = process.argv.includes('--json');

const manifestFile = path.join(DIST, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error(
    `${path.relative(ROOT, manifestFile)} is missing: build the web first (npm run build -w @hundred/web).`,
  );
  process.exit(2);
}
/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('the build manifest has no entry');

/** Every JavaScript file `key` needs before it runs: itself and its static imports, transitively. */
function staticClosure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no ${key}`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, into);
  return into;
}

const gzipSizes = new Map();
const sumGzip = (files) => [...files].reduce((sum, file) => sum + gzipSize(file), 0);
/** A file's size as sent compressed (gzip, level 9: the same figure on every run). */
function gzipSize(file) {
  if (!gzipSizes.has(file)) {
    gzipSizes.set(file, gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length);
  }
  return gzipSizes.get(file);
}

// The entry waits for the catalogue of the interface's language before it renders
// (apps/web/src/i18n/index.ts): the larger of them counts for every route.
const catalogues = Object.keys(manifest).filter((key) => /^src\/i18n\/\w+\.json$/.test(key));
if (catalogues.length === 0) throw new Error('the build manifest has no language catalogue (src/i18n/*.json)');
const catalogueFiles = catalogues
  .map((key) => staticClosure(key))
  .reduce((largest, files) => (sumGzip(files) > sumGzip(largest) ? files : largest));

// The routes and the component each shows, from App.tsx; a component loaded with lazy() names
// its module there.
const app = readFileSync(path.join(WEB, 'src/App.tsx'), 'utf8');
const lazyModules = new Map();
for (const m of app.matchAll(/const (\w+) = lazy\(\s*\(\) =>\s*import\('([^']+)'\)/g)) {
  const module = path.posix.join('src', `${m[2].replace(/^\.\//, '')}.tsx`);
  lazyModules.set(m[1], module);
}
const routes = [
  ...app.matchAll(
    /<Route\s+(index|path="([^"]+)")\s+element=\{\s*(?:<Suspense fallback=\{<\w+\s*\/>\}>\s*)?<(\w+)\s*\/>/g,
  ),
].map((m) => ({
  route: m[1] === 'index' ? '/' : m[2].startsWith('/') ? m[2] : `/${m[2]}`,
  component: m[3],
}));
if (routes.length < 10 || lazyModules.size < 10) {
  throw new Error(`App.tsx was not understood: ${routes.length} routes, ${lazyModules.size} lazy pages`);
}

const entryFiles = new Set([...staticClosure(entryKey), ...catalogueFiles]);
const results = routes.map(({ route, component }) => {
  const files = new Set(entryFiles);
  const module = lazyModules.get(component);
  if (module) staticClosure(module, files);
  const bytes = sumGzip(files);
  return { route, component, lazy: Boolean(module), files: files.size, gzipBytes: bytes };
});

const kb = (bytes) => (bytes / 1024).toFixed(1);
for (const r of results) {
  if (json) console.log(JSON.stringify(r));
}
const width = Math.max(...results.map((r) => r.route.length));
console.log(
  `Initial JavaScript per route (gzip; budget ${BUDGET_KB} KB; entry alone ${kb(results.find((r) => !r.lazy)?.gzipBytes ?? 0)} KB):`,
);
for (const r of [...results].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
  const over = r.gzipBytes > BUDGET_KB * 1024 ? '  OVER BUDGET' : '';
  console.log(
    `  ${r.route.padEnd(width)}  ${kb(r.gzipBytes).padStart(6)} KB in ${String(r.files).padStart(2)} files${over}`,
  );
}
const over = results.filter((r) => r.gzipBytes > BUDGET_KB * 1024);
if (over.length > 0) {
  console.error(
    `\n${over.length} route(s) over the ${BUDGET_KB} KB budget of initial JavaScript: ${over
      .map((r) => `${r.route} (${kb(r.gzipBytes)} KB)`)
      .join(', ')}`,
  );
  process.exit(1);
}
console.log(`Every route within ${BUDGET_KB} KB.`);
