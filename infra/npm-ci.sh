#!/bin/sh
# Clean install of the workspace from package-lock.json, used by the image builds.
#   sh infra/npm-ci.sh [npm ci options, e.g. --omit=dev --workspace @hundred/api]
# Run from the repository root (where package.json and package-lock.json are).
#
# `npm ci` refuses a lockfile that lacks any package npm would add to the tree. package-lock.json
# can lack the optional, platform-specific binaries of other systems (nx and other native tools
# ship one optional package per OS and CPU) when it was generated against a registry that does
# not serve them. Only in that case, when every package npm reports as missing is an optional
# dependency named in the lockfile, this falls back to `npm install` from the same lockfile, which
# keeps every locked version and only resolves those optional packages (and skips them when they
# do not fit this platform). Any other mismatch between package.json and the lockfile still fails.
set -eu

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if npm ci --no-audit --no-fund "$@" 2>"$log"; then
  cat "$log" >&2
  exit 0
fi
cat "$log" >&2

if node - "$log" <<'EOF'
const fs = require('node:fs');
const out = fs.readFileSync(process.argv[2], 'utf8');
if (!out.includes('can only install packages when your package.json and package-lock.json')) process.exit(1);
const missing = [...out.matchAll(/^npm error Missing: (.+?) from lock file$/gm)].map((m) => m[1].replace(/@[^@]*$/, ''));
if (missing.length === 0 || /^npm error Invalid: /m.test(out)) process.exit(1);
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const optional = new Set();
for (const entry of Object.values(lock.packages ?? {})) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) optional.add(name);
}
const notOptional = missing.filter((name) => !optional.has(name));
if (notOptional.length > 0) {
  console.error(`package-lock.json is out of date: missing ${notOptional.join(', ')}`);
  process.exit(1);
}
console.error(`package-lock.json lacks only optional platform packages (${missing.length}): ${missing.join(', ')}`);
EOF
then
  echo 'npm-ci: installing from package-lock.json with npm install instead' >&2
  exec npm install --no-save --no-audit --no-fund "$@"
fi
exit 1
