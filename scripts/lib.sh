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
    # npm ci: exactly the committed lock file (every platform's optional binaries are in it), and
    # nothing in the tree is rewritten.
    npm ci --no-audit --no-fund
  fi
}

# PostgreSQL and Redis: use running ones, or start them (see infra/services.sh).
ensure_services() {
  say "Checking PostgreSQL and Redis"
  bash infra/services.sh
}

# Chromium for the browser tests and the PDF exports (Debian's package; browsers are never
# downloaded); with "pdftotext", also poppler-utils, whose pdftotext the exports test reads PDFs with.
ensure_chromium() {
  local packages=()
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  if [ "${1:-}" = pdftotext ] && ! command -v pdftotext >/dev/null; then packages+=(poppler-utils); fi
  if [ ${#packages[@]} -eq 0 ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian's ${packages[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}" >/dev/null || {
      apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}" >/dev/null
    }
  else
    echo "Missing Debian packages: ${packages[*]} (apt-get install ${packages[*]}): Chromium runs the browser tests and prints PDF exports, pdftotext reads them back in the tests." >&2
    exit 1
  fi
}

build_all() {
  say "Building libs, api and web"
  npx nx run-many -t build --output-style=static
}

# What the tracked files hold now (empty outside a git checkout): the two commands must not
# change it. Untracked build output and logs are ignored by .gitignore.
tracked_state() {
  if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    { git -C "$ROOT" diff HEAD --binary; git -C "$ROOT" status --porcelain --untracked-files=no; } | sha1sum
  fi
}

# Fails when a tracked file changed since `tracked_state` printed $1.
check_tracked_unchanged() {
  local before=$1 what=$2
  if [ "$(tracked_state)" != "$before" ]; then
    echo "$what changed tracked files (a command must leave the checkout as it found it):" >&2
    git -C "$ROOT" status --short --untracked-files=no >&2
    return 1
  fi
}
