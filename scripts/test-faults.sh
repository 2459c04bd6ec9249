#!/usr/bin/env bash
# The fault suite: the built API and worker against a PostgreSQL cluster (port 55411) and a Redis
# server (port 16411) of its own, started and removed by the suite. FAULTS_SCALE scales the load
# down (npm test runs 0.1); FAULTS_PG_PORT and FAULTS_REDIS_PORT move the servers.
source "$(dirname "$0")/lib.sh"

if [ "${FAULTS_SKIP_BUILD:-}" != 1 ]; then
  ensure_packages
  say "Building the api"
  npx nx run @hundred/api:build --output-style=static
fi

say "Fault suite (scale ${FAULTS_SCALE:-1})"
(cd apps/api && node --experimental-vm-modules --no-warnings=ExperimentalWarning "$ROOT/node_modules/jest/bin/jest.js" -c jest.faults.config.js "$@")
