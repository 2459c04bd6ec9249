#!/usr/bin/env node
// The web's performance budget, checked on the built files (apps/web/dist): for every route of
// apps/web/src/App.tsx, the JavaScript a browser must fetch before the route can render — the
// entry of index.html with everything it imports statically, the catalogue of the interface's
// language (the entry waits for it), and the route's lazily loaded chunk with everything that
// imports statically. Chunks a page loads later on its own (forms, dialogs, sections below) do not
// count. Sizes are each file compressed with gzip -9, summed. Deterministic: it reads files and
// times nothing.
//
// The target is 200 KB per route (issue 15). The smallest application on the same stack (React
// DOM, Mantine's provider, Apollo Client, React Router, i18next) is 193 KB by this count
// (`npm run bench:web-floor`), so no route can meet it on this stack (docs/benchmarks.md, "Web
// performance budget"). The check fails when a route grows past CEILING_KB or the shell (what
// every route loads) past SHELL_CEILING_KB: the figures may only go down. Lower both as routes
// get lighter.
//
//   node scripts/check-web-budget.js            the table; fails past the ceilings
//   node scripts/check-web-budget.js --target   fails for every route over the 200 KB target
//   node scripts/check-web-budget.js --json     one JSON line per route as well
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// WEB_DIR: another checkout's apps/web, built with a manifest (to compare with an older commit).
const WEB = process.env.WEB_DIR ? path.resolve(process.env.WEB_DIR) : path.join(ROOT, 'apps/web');
const DIST = path.join(WEB, 'dist');
const TARGET_KB = 200;
const CEILING_KB = 380;
const SHELL_CEILING_KB = 270;
const json = process.argv.includes('--json');
const strict = process.argv.includes('--target');

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
// (An older build has them inside the entry.)
const catalogues = Object.keys(manifest).filter((key) => /^src\/i18n\/\w+\.json$/.test(key));
const catalogueFiles = catalogues
  .map((key) => staticClosure(key))
  .reduce((largest, files) => (sumGzip(files) > sumGzip(largest) ? files : largest), new Set());

// The routes and the component each shows, from App.tsx; a component loaded with lazy() names
// its module there.
const app = readFileSync(path.join(WEB, 'src/App.tsx'), 'utf8');
const lazyModules = new Map();
for (const m of app.matchAll(/const (\w+) = (?:lazy|lazyPage)\(\s*\(\) =>\s*import\('([^']+)'\)/g)) {
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
const shellBytes = sumGzip(entryFiles);
for (const r of results) {
  if (json) console.log(JSON.stringify(r));
}
const width = Math.max(...results.map((r) => r.route.length));
console.log(
  `Initial JavaScript per route (gzip; target ${TARGET_KB} KB, ceiling ${CEILING_KB} KB; the shell alone ${kb(shellBytes)} KB in ${entryFiles.size} files, ceiling ${SHELL_CEILING_KB} KB):`,
);
for (const r of [...results].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
  const mark =
    r.gzipBytes > CEILING_KB * 1024 ? '  OVER THE CEILING' : r.gzipBytes > TARGET_KB * 1024 ? '  over the target' : '';
  console.log(
    `  ${r.route.padEnd(width)}  ${kb(r.gzipBytes).padStart(6)} KB in ${String(r.files).padStart(3)} files${mark}`,
  );
}
const list = (routes) => routes.map((r) => `${r.route} (${kb(r.gzipBytes)} KB)`).join(', ');
const overTarget = results.filter((r) => r.gzipBytes > TARGET_KB * 1024);
const overCeiling = results.filter((r) => r.gzipBytes > (strict ? TARGET_KB : CEILING_KB) * 1024);
const problems = [];
if (overCeiling.length > 0) {
  problems.push(
    `${overCeiling.length} route(s) over ${strict ? TARGET_KB : CEILING_KB} KB of initial JavaScript: ${list(overCeiling)}`,
  );
}
if (shellBytes > SHELL_CEILING_KB * 1024) {
  problems.push(`the shell every route loads is ${kb(shellBytes)} KB, over its ceiling of ${SHELL_CEILING_KB} KB`);
}
if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  overTarget.length > 0
    ? `Within the ceilings; ${overTarget.length} of ${results.length} routes still over the ${TARGET_KB} KB target.`
    : `Every route within the ${TARGET_KB} KB target.`,
);
