#!/usr/bin/env bash
# Makes PostgreSQL and Redis reachable for Hundred and says what it did.
#
#   infra/services.sh
#
# Environment:
#   DATABASE_URL               default postgres://postgres@127.0.0.1:5432/hundred
#   REDIS_URL                  default redis://127.0.0.1:6379/0
#   HUNDRED_SERVICES_WAIT      seconds to wait for services it started (default 60)
#   HUNDRED_SERVICES_NO_START  1: only check what answers; never install or start anything
#
# In this order:
#   1. Both answer already: use them.
#   2. A container engine works (docker or podman): start the missing ones from
#      infra/compose.yaml (`compose up -d postgres redis`) and wait for them.
#   3. Root on Debian or Ubuntu: apt-get install what is missing and start it without systemd.
#   4. Otherwise: print what is missing and how to provide it.
# Only servers on this machine (localhost, 127.0.0.0/8, ::1) are ever started; a URL naming
# another host must already answer.
#
# Exit status: 0 when both answer, 1 otherwise. BullMQ needs Redis with
# maxmemory-policy noeviction: a warning is printed when the running Redis says otherwise.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COMPOSE_FILE="$HERE/compose.yaml"

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hundred}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
WAIT_SECONDS="${HUNDRED_SERVICES_WAIT:-60}"
NO_START="${HUNDRED_SERVICES_NO_START:-0}"

PG_MIN_MAJOR=14
REDIS_MIN_VERSION=6.2

say() { printf 'services: %s\n' "$*"; }
warn() { printf 'services: WARNING: %s\n' "$*" >&2; }
fail() { printf 'services: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command with a time limit when coreutils' timeout exists.
with_timeout() {
  local seconds=$1
  shift
  if have timeout; then timeout "$seconds" "$@"; else "$@"; fi
}

# Decodes %XX escapes (URL user names and passwords).
url_decode() {
  local s=${1//+/ }
  printf '%b' "${s//%/\\x}"
}

# parse_url URL DEFAULT_PORT PREFIX: sets PREFIX_SCHEME, _USER, _PASS, _HOST, _PORT, _PATH.
parse_url() {
  local url=$1 default_port=$2 prefix=$3
  local re='^([A-Za-z][A-Za-z0-9+.-]*)://(([^:@/]*)(:([^@/]*))?@)?(\[[^]/]*\]|[^:/?#]*)(:([0-9]*))?([/?#].*)?$'
  if [[ ! $url =~ $re ]]; then
    return 1
  fi
  local scheme=${BASH_REMATCH[1]} user=${BASH_REMATCH[3]} pass=${BASH_REMATCH[5]}
  local host=${BASH_REMATCH[6]} port=${BASH_REMATCH[8]} path=${BASH_REMATCH[9]}
  host=${host#[}
  host=${host%]}
  printf -v "${prefix}_SCHEME" '%s' "$scheme"
  printf -v "${prefix}_USER" '%s' "$(url_decode "$user")"
  printf -v "${prefix}_PASS" '%s' "$(url_decode "$pass")"
  printf -v "${prefix}_HOST" '%s' "${host:-localhost}"
  printf -v "${prefix}_PORT" '%s' "${port:-$default_port}"
  printf -v "${prefix}_PATH" '%s' "$path"
}

is_local_host() {
  case "$1" in
    localhost | localhost.localdomain | *.localhost | ::1 | 0:0:0:0:0:0:0:1 | 127.*) return 0 ;;
    *) return 1 ;;
  esac
}

# Compares dotted versions: version_ge 7.0.15 6.2 is true.
version_ge() {
  local IFS=.
  local -a a b
  read -r -a a <<<"$1"
  read -r -a b <<<"$2"
  local i
  for i in 0 1 2; do
    local x=${a[i]:-0} y=${b[i]:-0}
    x=${x%%[!0-9]*}
    y=${y%%[!0-9]*}
    ((10#${x:-0} > 10#${y:-0})) && return 0
    ((10#${x:-0} < 10#${y:-0})) && return 1
  done
  return 0
}

PG_SCHEME='' PG_USER='' PG_PASS='' PG_HOST='' PG_PORT='' PG_PATH=''
RD_SCHEME='' RD_USER='' RD_PASS='' RD_HOST='' RD_PORT=''
if ! parse_url "$DATABASE_URL" 5432 PG || [[ $PG_SCHEME != postgres && $PG_SCHEME != postgresql ]]; then
  fail "DATABASE_URL is not a postgres:// URL: it should look like postgres://user:password@host:5432/hundred"
  exit 1
fi
if ! parse_url "$REDIS_URL" 6379 RD || [[ $RD_SCHEME != redis && $RD_SCHEME != rediss ]]; then
  fail "REDIS_URL is not a redis:// URL: it should look like redis://host:6379/0"
  exit 1
fi
PG_USER=${PG_USER:-postgres}
PG_DB=${PG_PATH#/}
PG_DB=${PG_DB%%\?*}
PG_DB=${PG_DB:-$PG_USER}
PG_WHERE="$PG_HOST:$PG_PORT"
RD_WHERE="$RD_HOST:$RD_PORT"

# ---------------------------------------------------------------------------------------------
# Probes

# PostgreSQL answers: pg_isready, else a TCP connection that gets an answer to an SSLRequest.
pg_answers() {
  if have pg_isready; then
    with_timeout 10 pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 >/dev/null 2>&1
    return
  fi
  # shellcheck disable=SC2016 # expanded by the inner shell
  with_timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "\x00\x00\x00\x08\x04\xd2\x16\x2f" >&3
    IFS= read -r -n 1 -t 3 answer <&3 || exit 1
    [[ $answer == S || $answer == N ]]
  ' pg-probe "$PG_HOST" "$PG_PORT" 2>/dev/null
}

# One Redis command as a RESP array on fd 3.
resp_send() {
  local out="*$#"$'\r\n' arg
  for arg in "$@"; do
    out+="\$$(LC_ALL=C; printf '%s' "${#arg}")"$'\r\n'"$arg"$'\r\n'
  done
  printf '%s' "$out" >&3
}

# redis_call COMMAND ARGS...: prints the reply (redis-cli's format, or raw RESP lines).
redis_call() {
  if have redis-cli; then
    local -a cli=(redis-cli -h "$RD_HOST" -p "$RD_PORT" --no-auth-warning)
    [[ $RD_SCHEME == rediss ]] && cli+=(--tls)
    [[ -n $RD_USER && $RD_USER != default ]] && cli+=(--user "$RD_USER")
    if [[ -n $RD_PASS ]]; then
      REDISCLI_AUTH=$RD_PASS with_timeout 5 "${cli[@]}" "$@" 2>&1
    else
      with_timeout 5 "${cli[@]}" "$@" 2>&1
    fi
    return
  fi
  [[ $RD_SCHEME == rediss ]] && return 1 # TLS needs redis-cli
  local lines
  case "$1" in
    PING | ping) lines=1 ;;
    *) lines=5 ;;
  esac
  (
    exec 3<>"/dev/tcp/$RD_HOST/$RD_PORT" || exit 1
    if [[ -n $RD_PASS ]]; then
      if [[ -n $RD_USER ]]; then resp_send AUTH "$RD_USER" "$RD_PASS"; else resp_send AUTH "$RD_PASS"; fi
      IFS= read -r -t 3 reply <&3 || exit 1
      reply=${reply%$'\r'}
      [[ $reply == +OK ]] || { printf '%s\n' "${reply#-}"; exit 1; }
    fi
    resp_send "$@"
    for ((i = 0; i < lines; i++)); do
      IFS= read -r -t 3 reply <&3 || break
      reply=${reply%$'\r'}
      case "$reply" in
        [*\$]*) ;;
        +* | -*) printf '%s\n' "${reply#?}" ;;
        *) printf '%s\n' "$reply" ;;
      esac
    done
  ) 2>/dev/null
}

REDIS_REPLY=''
redis_answers() {
  REDIS_REPLY=$(redis_call PING || true)
  [[ $REDIS_REPLY == PONG ]]
}

# Waits until what is named ("pg", "redis") answers; false after WAIT_SECONDS.
wait_for() {
  local deadline=$((SECONDS + WAIT_SECONDS)) what
  for what in "$@"; do
    until { [[ $what == pg ]] && pg_answers; } || { [[ $what == redis ]] && redis_answers; }; do
      if ((SECONDS >= deadline)); then
        return 1
      fi
      sleep 1
    done
  done
}

# ---------------------------------------------------------------------------------------------
# What answers now

PG_UP=0
REDIS_UP=0
pg_answers && PG_UP=1
redis_answers && REDIS_UP=1

# A server that answers but refuses our credentials is not missing: starting another cannot help.
if [[ $REDIS_UP == 0 && $REDIS_REPLY =~ (NOAUTH|WRONGPASS|NOPERM|invalid\ password|Authentication) ]]; then
  fail "Redis at $RD_WHERE answers but refuses REDIS_URL's credentials: $REDIS_REPLY"
  fail "Fix the user name or password in REDIS_URL."
  exit 1
fi

report_up() {
  [[ $PG_UP == 1 ]] && say "PostgreSQL at $PG_WHERE answers$1."
  [[ $REDIS_UP == 1 ]] && say "Redis at $RD_WHERE answers$1."
  return 0
}

# Checks that only apply once both answer: versions, credentials, eviction policy.
check_running() {
  local policy version
  policy=$(redis_call CONFIG GET maxmemory-policy 2>/dev/null | sed -n 2p || true)
  case "$policy" in
    noeviction) say "Redis maxmemory-policy is noeviction, as BullMQ needs." ;;
    '') warn "could not read Redis's maxmemory-policy (CONFIG may be disabled); BullMQ needs noeviction: make sure the server runs with it." ;;
    *) warn "Redis at $RD_WHERE runs with maxmemory-policy $policy; BullMQ needs noeviction, or Redis may evict queue keys and lose jobs. Set it with \`redis-cli -h $RD_HOST -p $RD_PORT config set maxmemory-policy noeviction\` (and in the server's configuration)." ;;
  esac
  if have redis-cli; then
    version=$(redis_call INFO server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p' || true)
    if [[ -n $version ]] && ! version_ge "$version" "$REDIS_MIN_VERSION"; then
      warn "Redis at $RD_WHERE is $version; Hundred needs Redis $REDIS_MIN_VERSION or newer."
    fi
  fi
  if have psql; then
    local out
    if out=$(PGPASSWORD=$PG_PASS PGCONNECT_TIMEOUT=5 with_timeout 10 psql -X -w -A -t -q -h "$PG_HOST" -p "$PG_PORT" \
      -U "$PG_USER" -d postgres -c 'SHOW server_version_num' 2>&1); then
      version=$(printf '%s' "$out" | tr -d '[:space:]')
      if [[ $version =~ ^[0-9]+$ ]] && ((version / 10000 < PG_MIN_MAJOR)); then
        warn "PostgreSQL at $PG_WHERE is version $((version / 10000)); Hundred needs $PG_MIN_MAJOR or newer."
      fi
    else
      warn "PostgreSQL at $PG_WHERE answers, but user \"$PG_USER\" cannot sign in: $(printf '%s' "$out" | head -n 1)"
    fi
  fi
}

if [[ $PG_UP == 1 && $REDIS_UP == 1 ]]; then
  report_up " (already running)"
  check_running
  exit 0
fi

# Missing services on another host: nothing here can start those.
remote_missing=0
if [[ $PG_UP == 0 ]] && ! is_local_host "$PG_HOST"; then
  fail "PostgreSQL at $PG_WHERE (DATABASE_URL) does not answer, and it is not on this machine, so this script cannot start it."
  remote_missing=1
fi
if [[ $REDIS_UP == 0 ]] && ! is_local_host "$RD_HOST"; then
  fail "Redis at $RD_WHERE (REDIS_URL) does not answer${REDIS_REPLY:+ ($REDIS_REPLY)}, and it is not on this machine, so this script cannot start it."
  remote_missing=1
fi
if [[ $remote_missing == 1 ]]; then
  fail "Start the server there, or point the URL at one that answers (unset it to use this machine's defaults)."
  exit 1
fi

MISSING=()
[[ $PG_UP == 0 ]] && MISSING+=(postgres)
[[ $REDIS_UP == 0 ]] && MISSING+=(redis)
report_up ""
say "not answering: ${MISSING[*]}."

# ---------------------------------------------------------------------------------------------
# 2. A container engine

COMPOSE=()
URL_HINT=''
find_compose() {
  if have docker && with_timeout 20 docker info >/dev/null 2>&1; then
    if docker compose version >/dev/null 2>&1; then
      COMPOSE=(docker compose)
    elif have docker-compose; then
      COMPOSE=(docker-compose)
    fi
  elif have podman && with_timeout 20 podman info >/dev/null 2>&1; then
    if have podman-compose; then
      COMPOSE=(podman-compose)
    elif podman compose version >/dev/null 2>&1; then
      COMPOSE=(podman compose)
    fi
  fi
  ((${#COMPOSE[@]} > 0))
}

start_with_compose() {
  # infra/compose.yaml publishes the ports these name, on 127.0.0.1 only.
  export HUNDRED_POSTGRES_PORT=$PG_PORT HUNDRED_REDIS_PORT=$RD_PORT
  export POSTGRES_USER=$PG_USER
  [[ -n $PG_PASS ]] && export POSTGRES_PASSWORD=$PG_PASS
  [[ -n $RD_PASS ]] && warn "REDIS_URL has a password; the compose Redis has none (local development only)."
  say "starting ${MISSING[*]} with: ${COMPOSE[*]} -f infra/compose.yaml up -d ${MISSING[*]}"
  "${COMPOSE[@]}" -f "$COMPOSE_FILE" up -d "${MISSING[@]}"
  local -a waits=()
  [[ $PG_UP == 0 ]] && waits+=(pg)
  [[ $REDIS_UP == 0 ]] && waits+=(redis)
  if ! wait_for "${waits[@]}"; then
    fail "started ${MISSING[*]} with ${COMPOSE[*]}, but they did not answer within ${WAIT_SECONDS}s."
    fail "Look at: ${COMPOSE[*]} -f infra/compose.yaml logs ${MISSING[*]}"
    exit 1
  fi
  [[ $PG_UP == 0 ]] && say "PostgreSQL started in a container; it answers at $PG_WHERE."
  [[ $REDIS_UP == 0 ]] && say "Redis started in a container; it answers at $RD_WHERE."
  if [[ $PG_UP == 0 && -z $PG_PASS ]]; then
    # Signs in with the password, so the checks below and the caller must use it.
    PG_PASS=${POSTGRES_PASSWORD:-hundred}
    URL_HINT="The container's PostgreSQL asks for a password (POSTGRES_PASSWORD, \"hundred\" unless set), so use
  DATABASE_URL=postgres://$PG_USER:$PG_PASS@$PG_HOST:$PG_PORT/$PG_DB"
  fi
}

# ---------------------------------------------------------------------------------------------
# 3. Debian or Ubuntu packages, started without systemd

APT_UPDATED=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [[ $APT_UPDATED == 0 ]]; then
    say "apt-get update"
    apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install -y $*"
  apt-get install -y -qq --no-install-recommends "$@"
}

pg_server_installed() {
  have pg_ctlcluster && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# The version whose cluster to use: the only one in /etc/postgresql (the newest if several),
# else the newest installed server.
pg_version() {
  local v
  v=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
  if [[ -z $v ]]; then
    v=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
  fi
  printf '%s' "$v"
}

# Development convenience, never for a server others can reach: TCP connections from this
# machine (127.0.0.1 and ::1) for the URL's user need no password. The first matching line of
# pg_hba.conf wins, so these go on top.
pg_trust_local() {
  local hba=$1 user=$2
  local marker="# Hundred development (infra/services.sh): local TCP connections for \"$user\" need no password"
  if grep -qF "$marker" "$hba"; then
    return 0
  fi
  local tmp
  tmp=$(mktemp)
  {
    printf '%s\n' "$marker"
    printf 'host    all    %s    127.0.0.1/32    trust\n' "$user"
    printf 'host    all    %s    ::1/128         trust\n' "$user"
    printf '\n'
    cat "$hba"
  } >"$tmp"
  cat "$tmp" >"$hba"
  rm -f "$tmp"
  say "$hba: TCP connections from this machine for \"$user\" need no password (development only)."
}

start_postgres_apt() {
  if ! pg_server_installed; then
    apt_install postgresql
  fi
  # The package's own scripts may have started it.
  if pg_answers; then
    say "PostgreSQL answers at $PG_WHERE after installing."
  fi
  local v
  v=$(pg_version)
  if [[ -z $v ]]; then
    fail "PostgreSQL is installed but no server version was found under /usr/lib/postgresql."
    exit 1
  fi
  if [[ $(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l) -gt 1 ]]; then
    say "several PostgreSQL versions in /etc/postgresql; using the newest, $v."
  fi
  local conf=/etc/postgresql/$v/main
  if [[ ! -d $conf ]]; then
    say "pg_createcluster --port $PG_PORT $v main"
    pg_createcluster --port "$PG_PORT" "$v" main
  fi
  local cluster_port
  cluster_port=$(sed -n 's/^[[:space:]]*port[[:space:]]*=[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$conf/postgresql.conf" | tail -n 1)
  if [[ -n $cluster_port && $cluster_port != "$PG_PORT" ]]; then
    fail "the PostgreSQL cluster $v/main listens on port $cluster_port, but DATABASE_URL names port $PG_PORT."
    fail "Use DATABASE_URL=postgres://$PG_USER@$PG_HOST:$cluster_port/$PG_DB, or change port in $conf/postgresql.conf."
    exit 1
  fi
  pg_trust_local "$conf/pg_hba.conf" "$PG_USER"
  if pg_ctlcluster --skip-systemctl-redirect "$v" main status >/dev/null 2>&1; then
    say "pg_ctlcluster --skip-systemctl-redirect $v main reload"
    pg_ctlcluster --skip-systemctl-redirect "$v" main reload
  else
    say "pg_ctlcluster --skip-systemctl-redirect $v main start"
    pg_ctlcluster --skip-systemctl-redirect "$v" main start
  fi
  if ! wait_for pg; then
    fail "PostgreSQL $v/main was started but does not answer at $PG_WHERE within ${WAIT_SECONDS}s; see /var/log/postgresql/postgresql-$v-main.log"
    exit 1
  fi
  if [[ $PG_USER != postgres ]]; then
    # The role the URL names, allowed to create the database (migrations create it if missing).
    local exists
    exists=$(runuser -u postgres -- psql -X -A -t -q -p "$PG_PORT" -d postgres \
      -c "SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER//\'/\'\'}'")
    if [[ $exists != 1 ]]; then
      runuser -u postgres -- psql -X -q -p "$PG_PORT" -d postgres \
        -c "CREATE ROLE \"${PG_USER//\"/\"\"}\" LOGIN CREATEDB"
      say "created the PostgreSQL role \"$PG_USER\" (LOGIN CREATEDB)."
    fi
  fi
  say "PostgreSQL $v/main runs; it answers at $PG_WHERE."
}

start_redis_apt() {
  if ! have redis-server; then
    apt_install redis-server
  fi
  if redis_answers; then
    say "Redis answers at $RD_WHERE after installing."
  else
    local version
    version=$(redis-server --version | sed -n 's/.* v=\([0-9.]*\).*/\1/p')
    local -a args=(--daemonize yes --port "$RD_PORT" --save "" --appendonly no --maxmemory-policy noeviction)
    # "-::1": also listen on IPv6 loopback when the machine has it (Redis 6.2 and newer).
    if version_ge "${version:-0}" 6.2; then args+=(--bind 127.0.0.1 -::1); else args+=(--bind 127.0.0.1); fi
    [[ -d /var/lib/redis ]] && args+=(--dir /var/lib/redis)
    [[ -d /var/log/redis ]] && args+=(--logfile "/var/log/redis/hundred-$RD_PORT.log")
    [[ -n $RD_PASS && -z $RD_USER ]] && args+=(--requirepass "$RD_PASS")
    local shown
    shown=$(printf ' %q' "${args[@]}")
    say "redis-server${shown/--requirepass*/--requirepass ***}"
    redis-server "${args[@]}"
    if ! wait_for redis; then
      fail "redis-server was started but does not answer at $RD_WHERE within ${WAIT_SECONDS}s${REDIS_REPLY:+: $REDIS_REPLY}"
      exit 1
    fi
  fi
  say "Redis runs; it answers at $RD_WHERE."
}

# ---------------------------------------------------------------------------------------------
# 4. Nothing worked: what is missing and how to provide it

explain_and_fail() {
  fail ""
  fail "PostgreSQL and Redis are needed, and this script could not start: ${MISSING[*]}."
  [[ $PG_UP == 0 ]] && fail "  - PostgreSQL does not answer at $PG_WHERE (DATABASE_URL)."
  [[ $REDIS_UP == 0 ]] && fail "  - Redis does not answer at $RD_WHERE (REDIS_URL)."
  fail "$1"
  fail "Provide them in one of these ways, then run infra/services.sh again:"
  fail "  - install PostgreSQL >= $PG_MIN_MAJOR and Redis >= $REDIS_MIN_VERSION and start them"
  fail "    (Redis with: redis-server --maxmemory-policy noeviction), or"
  fail "  - install Docker (or Podman) with compose, so that this script can run"
  fail "    infra/compose.yaml's postgres and redis, or"
  fail "  - set DATABASE_URL and REDIS_URL to servers that answer, e.g."
  fail "    DATABASE_URL=postgres://user:password@db.example.org:5432/hundred REDIS_URL=redis://cache.example.org:6379/0"
  exit 1
}

if [[ $NO_START == 1 ]]; then
  explain_and_fail "Starting was skipped (HUNDRED_SERVICES_NO_START=1)."
fi

if find_compose; then
  start_with_compose
elif [[ $(id -u) == 0 ]] && have apt-get; then
  say "no working container engine; installing and starting ${MISSING[*]} with Debian packages."
  [[ $PG_UP == 0 ]] && start_postgres_apt
  [[ $REDIS_UP == 0 ]] && start_redis_apt
else
  reason="No container engine answers (docker info / podman info)"
  if ! have apt-get; then
    reason+=", and this is not a Debian or Ubuntu machine (no apt-get)."
  elif [[ $(id -u) != 0 ]]; then
    reason+=", and installing Debian packages needs root (run it with sudo)."
  fi
  explain_and_fail "$reason"
fi

PG_UP=1
REDIS_UP=1
check_running
if [[ -n $URL_HINT ]]; then
  say "PostgreSQL and Redis are ready. $URL_HINT"
else
  say "PostgreSQL and Redis are ready at DATABASE_URL and REDIS_URL."
fi
