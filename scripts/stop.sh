#!/usr/bin/env bash
# Stops what scripts/run.sh started (API, worker, web), gracefully.
source "$(dirname "$0")/lib.sh"
RUN_DIR="$ROOT/.run"
stopped=0
for name in web worker api; do
  pidfile="$RUN_DIR/$name.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    stopped=$((stopped + 1))
  fi
  rm -f "$pidfile"
done
[ "${1:-}" = "--quiet" ] || echo "Stopped $stopped process(es)."
