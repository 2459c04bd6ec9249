#!/usr/bin/env bash
# Runs every test: formatting and lint, type checks, the schema check, unit tests, API
# integration tests against real PostgreSQL and Redis, the fault suite (scaled down, on servers of
# its own), and the browser tests in Chromium.
source "$(dirname "$0")/lib.sh"

# The install, the build and every test below must leave the tracked files as they are. The run
# command writes files only through the same ensure_packages and build_all, so this covers it too.
TREE_BEFORE="$(tracked_state)"

ensure_packages
ensure_services
ensure_chromium pdftotext

say "Formatting and lint"
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0

build_all

say "The web's size budget: initial JavaScript of every route, from the build manifest"
node scripts/check-web-budget.js

say "Type checks"
npx nx run-many -t typecheck --output-style=static

say "The committed GraphQL schema matches the code"
node apps/api/dist/schema/emit-schema.js --check

say "Unit tests"
for project in libs/domain libs/workflow apps/api apps/web; do
  (cd "$project" && node --experimental-vm-modules --no-warnings=ExperimentalWarning "$ROOT/node_modules/jest/bin/jest.js" --passWithNoTests)
done

say "API integration tests (GraphQL over HTTP, real PostgreSQL and Redis)"
(cd apps/api && node --experimental-vm-modules --no-warnings=ExperimentalWarning "$ROOT/node_modules/jest/bin/jest.js" -c jest.int.config.js)

say "Fault suite, scaled down (its own PostgreSQL cluster and Redis server; npm run test:faults runs the full load)"
FAULTS_SKIP_BUILD=1 FAULTS_SCALE="${FAULTS_SCALE:-0.1}" bash scripts/test-faults.sh

say "Browser tests (Chromium)"
(cd test && node --experimental-vm-modules --no-warnings=ExperimentalWarning "$ROOT/node_modules/jest/bin/jest.js")

say "The checkout is as it was (no tracked file changed)"
check_tracked_unchanged "$TREE_BEFORE" "npm test"

say "All tests passed"
