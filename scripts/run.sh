#!/usr/bin/env bash
# Runs the product on this machine: packages, PostgreSQL and Redis, migrations, demo data, build,
# then the API, the worker and the web app in the background. `scripts/stop.sh` stops them.
source "$(dirname "$0")/lib.sh"

export NODE_ENV="${NODE_ENV:-development}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hundred}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export PORT="${PORT:-3000}"
export HUNDRED_WEB_PORT="${HUNDRED_WEB_PORT:-5173}"
export HUNDRED_WEB_HOST="${HUNDRED_WEB_HOST:-127.0.0.1}"
export HUNDRED_API_URL="http://127.0.0.1:${PORT}"
export PUBLIC_WEB_URL="${PUBLIC_WEB_URL:-http://localhost:${HUNDRED_WEB_PORT}}"
# A demo: the office may move the clock forward to see the calendar run (never in production).
export CLOCK_CONTROL="${CLOCK_CONTROL:-true}"
# The web server (vite preview) proxies the API from this machine and says who the client is.
export TRUST_PROXY="${TRUST_PROXY:-loopback}"
RUN_DIR="$ROOT/.run"

TREE_BEFORE="$(tracked_state)"
ensure_packages
ensure_services
ensure_chromium
build_all
check_tracked_unchanged "$TREE_BEFORE" "npm start" || echo "(continuing: the product still starts)" >&2

say "Migrating the database"
node apps/api/dist/migrate.js
say "Loading demo data"
node apps/api/dist/seed/seed-cli.js

bash scripts/stop.sh --quiet
mkdir -p "$RUN_DIR"
start() { # name, command...
  local name=$1
  shift
  nohup "$@" >"$RUN_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
}
say "Starting the API, the worker and the web app"
# One API process per core (API_PROCESSES=auto; the worker is its own process).
start api env API_PROCESSES="${API_PROCESSES:-auto}" node apps/api/dist/main.js
start worker node apps/api/dist/worker.js
start web bash -c "cd apps/web && exec node ../../node_modules/vite/bin/vite.js preview"

url="http://${HUNDRED_WEB_HOST}:${HUNDRED_WEB_PORT}"
for _ in $(seq 1 60); do
  if curl -fsS "$url/health" >/dev/null 2>&1 && curl -fsS "$url/" >/dev/null 2>&1; then
    ready=1
    break
  fi
  sleep 1
done
if [ -z "${ready:-}" ]; then
  echo "The app did not answer at $url within 60 s. Logs:" >&2
  tail -n 20 "$RUN_DIR"/*.log >&2
  exit 1
fi

node apps/api/dist/seed/print-sign-ins.js "$url"
cat <<MSG
Logs: $RUN_DIR/{api,worker,web}.log    Stop: scripts/stop.sh
MSG
