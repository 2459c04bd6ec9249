# Shared helpers of the run and test commands (sourced, not executed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Nx runs locally: no cloud, no daemon.
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_LOG_GROUPING=true

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Installs the npm packages when node_modules is missing or older than the lock file.
ensure_packages() {
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm packages"
    # npm install, not npm ci: the registry here does not serve the other platforms' optional
    # binaries (nx, resolver bindings), so the lock file lacks them and npm ci would refuse it.
    npm install --no-audit --no-fund
  fi
}

# PostgreSQL and Redis: use running ones, or start them (see infra/services.sh).
ensure_services() {
  say "Checking PostgreSQL and Redis"
  bash infra/services.sh
}

# Chromium for the browser tests (Debian's package; browsers are never downloaded).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian's chromium for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null || {
      apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null
    }
  else
    echo "The browser tests need /usr/bin/chromium: install Debian's 'chromium' package (apt-get install chromium)." >&2
    exit 1
  fi
}

build_all() {
  say "Building libs, api and web"
  npx nx run-many -t build --output-style=static
}
