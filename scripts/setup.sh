#!/usr/bin/env bash
# Parley set-up: makes a Debian 12 machine ready to run and test Parley. Idempotent: every
# step checks first, reuses what is there (servers already listening on 5432/4222/6379 are
# used as they are) and prints what it found. Running it twice changes nothing.
# Long steps (apt-get, the pgvector build, npm install, the build) print their elapsed seconds
# every 20 s and how long they took; a first run on a bare machine takes about 7 minutes.
#
#   bash scripts/setup.sh            install, start, create database + roles, migrate, build
#   SETUP_SKIP_BUILD=1 ...           skip generate + build (the caller does it)
#
# Environment (all optional): PARLEY_DB (parley), PGSUPERUSER_URL (auto-detected),
# PGPORT (5432), NATS_PORT (4222), REDIS_PORT (6379).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PGPORT=${PGPORT:-5432}
NATS_PORT=${NATS_PORT:-4222}
REDIS_PORT=${REDIS_PORT:-6379}
MYSQL_PORT=${MYSQL_PORT:-3306}
STATE_DIR=${PARLEY_STATE_DIR:-$ROOT/.parley}
mkdir -p "$STATE_DIR"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=scripts/lib/progress.sh
. "$ROOT/scripts/lib/progress.sh"
SETUP_STARTED=$SECONDS
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: run as root or install sudo"
  SUDO="sudo"
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# --- Node.js --------------------------------------------------------------------------
command -v node >/dev/null || die "Node.js >= 20.19 is required (https://nodejs.org or NodeSource); not found"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js >= 20.19 is required; found $(node -v)"
say "node $(node -v): ok"

# --- Debian packages ------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg"); done
  if [ ${#missing[@]} -eq 0 ]; then say "packages $*: installed"; return; fi
  if [ $APT_UPDATED -eq 0 ]; then timed "apt-get update" $SUDO apt-get update -qq; APT_UPDATED=1; fi
  timed "installing ${missing[*]} (apt-get)" \
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# curl: the README's walk-through uses it.
apt_install ca-certificates curl build-essential dpkg-dev postgresql
PGMAJOR=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -1)
apt_install "postgresql-server-dev-$PGMAJOR" nats-server redis-server
# mariadb-server: the read-only SQL integrations (tools) are tested against a real MariaDB.
apt_install mariadb-server
# chromium: the browser tests drive Debian's build with playwright-core (no browser download).
apt_install chromium fonts-dejavu-core

# --- promtool (the alert rules' tests) --------------------------------------------------
# Debian's prometheus package holds it. Only the binary is taken (apt-get download, dpkg-deb -x
# into .parley/bin), so no Prometheus service is installed or started on this machine.
if command -v promtool >/dev/null 2>&1 || [ -x "$STATE_DIR/bin/promtool" ]; then
  say "promtool: available"
else
  promdir=$(mktemp -d)
  chmod a+rwx "$promdir"
  fetch_prometheus() { (cd "$promdir" && $SUDO apt-get download -qq prometheus >/dev/null 2>&1); }
  if ! fetch_prometheus; then timed "apt-get update" $SUDO apt-get update -qq; APT_UPDATED=1; fetch_prometheus; fi
  dpkg-deb -x "$promdir"/prometheus_*.deb "$promdir/x"
  mkdir -p "$STATE_DIR/bin"
  cp "$promdir/x/usr/bin/promtool" "$STATE_DIR/bin/promtool"
  rm -rf "$promdir"
  say "promtool: $("$STATE_DIR/bin/promtool" --version 2>&1 | head -1) in $STATE_DIR/bin"
fi

# --- pgvector (not packaged for Debian 12: build Debian trixie's source package) --------
if [ -f "/usr/share/postgresql/$PGMAJOR/extension/vector.control" ]; then
  say "pgvector for PostgreSQL $PGMAJOR: installed ($(sed -n "s/^default_version = '\(.*\)'/\1/p" "/usr/share/postgresql/$PGMAJOR/extension/vector.control"))"
else
  # The first Debian mirror apt already uses (URIs: lines of deb822 files, or one-line "deb" entries);
  # comments are skipped, and a missing /etc/apt/sources.list is not an error.
  mirror=$({ grep -rhsE '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/ || true; } \
    | grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  if ! grep -rqs 'trixie' /etc/apt/sources.list.d/parley-trixie-src.list /etc/apt/sources.list.d/trixie-src.list 2>/dev/null; then
    say "adding deb-src for trixie ($mirror) to build pgvector"
    echo "deb-src ${mirror%/} trixie main" | $SUDO tee /etc/apt/sources.list.d/parley-trixie-src.list >/dev/null
  fi
  timed "apt-get update (trixie sources)" $SUDO apt-get update -qq
  build=$(mktemp -d)
  (cd "$build" && timed "downloading the pgvector source package" apt-get source -qq pgvector >/dev/null 2>&1) \
    || die "apt-get source pgvector failed (is a trixie deb-src line reachable?)"
  src=$(find "$build" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
  [ -n "$src" ] || die "pgvector source not found after apt-get source"
  timed "building $(basename "$src")" make -s -C "$src" PG_CONFIG="/usr/lib/postgresql/$PGMAJOR/bin/pg_config" >/dev/null
  $SUDO make -s -C "$src" PG_CONFIG="/usr/lib/postgresql/$PGMAJOR/bin/pg_config" install >/dev/null
  rm -rf "$build"
  say "pgvector: built and installed"
fi

# --- servers: reuse what listens, start what does not ---------------------------------
if listening "$PGPORT"; then
  say "postgresql: reusing the server on 127.0.0.1:$PGPORT"
else
  say "postgresql: starting cluster $PGMAJOR/main"
  [ -d "/etc/postgresql/$PGMAJOR/main" ] || $SUDO pg_createcluster "$PGMAJOR" main >/dev/null
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$PGMAJOR" main start
  for _ in $(seq 1 30); do listening "$PGPORT" && break; sleep 0.5; done
  listening "$PGPORT" || die "postgresql did not start on $PGPORT"
fi

if listening "$REDIS_PORT"; then
  say "redis: reusing the server on 127.0.0.1:$REDIS_PORT"
else
  say "redis: starting on $REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STATE_DIR" --logfile "$STATE_DIR/redis.log"
  for _ in $(seq 1 20); do listening "$REDIS_PORT" && break; sleep 0.25; done
  listening "$REDIS_PORT" || die "redis did not start on $REDIS_PORT"
fi

if listening "$NATS_PORT"; then
  say "nats: reusing the server on 127.0.0.1:$NATS_PORT"
else
  say "nats: starting with JetStream on $NATS_PORT"
  mkdir -p "$STATE_DIR/nats"
  nohup nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$STATE_DIR/nats" -l "$STATE_DIR/nats.log" >/dev/null 2>&1 &
  echo $! >"$STATE_DIR/nats.pid"
  for _ in $(seq 1 20); do listening "$NATS_PORT" && break; sleep 0.25; done
  listening "$NATS_PORT" || die "nats-server did not start on $NATS_PORT"
fi

# MariaDB: the read-only SQL integrations' tests create and drop databases and users of their
# own, as the login `parley_test` (made here, idempotently; tests read PARLEY_TEST_MYSQL_URL).
if listening "$MYSQL_PORT"; then
  say "mariadb: reusing the server on 127.0.0.1:$MYSQL_PORT"
else
  say "mariadb: starting on $MYSQL_PORT"
  $SUDO mkdir -p /run/mysqld
  $SUDO chown mysql:mysql /run/mysqld
  [ -d /var/lib/mysql/mysql ] || $SUDO mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  $SUDO sh -c "nohup mariadbd --user=mysql --bind-address=127.0.0.1 --port=$MYSQL_PORT >'$STATE_DIR/mariadb.log' 2>&1 &"
  for _ in $(seq 1 60); do listening "$MYSQL_PORT" && break; sleep 0.5; done
  listening "$MYSQL_PORT" || die "mariadb did not start on $MYSQL_PORT (see $STATE_DIR/mariadb.log)"
fi
MYSQL_TEST_SQL="CREATE USER IF NOT EXISTS 'parley_test'@'localhost' IDENTIFIED BY 'parley_test';
CREATE USER IF NOT EXISTS 'parley_test'@'127.0.0.1' IDENTIFIED BY 'parley_test';
GRANT ALL PRIVILEGES ON *.* TO 'parley_test'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'parley_test'@'127.0.0.1' WITH GRANT OPTION;"
# As root: over the local socket (Debian's root signs in by unix_socket), else over TCP with
# an empty password (a server set up that way).
if ! { $SUDO mariadb --protocol=socket -uroot -e "$MYSQL_TEST_SQL" 2>/dev/null \
  || mariadb -h 127.0.0.1 -P "$MYSQL_PORT" -uroot -e "$MYSQL_TEST_SQL" 2>/dev/null; }; then
  die "could not create the MariaDB test login parley_test on $MYSQL_PORT (need root over the socket, or root with an empty password)"
fi
say "mariadb: test login parley_test ready"

# --- npm packages ----------------------------------------------------------------------
if [ -d node_modules/.bin ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages: installed"
else
  # `npm install`, not `npm ci`: the lockfile pins every version, and a fresh clone's install
  # leaves it as committed (git status clean), but the registry reachable where the lock was
  # made has no Windows or macOS builds of node-llama-cpp (@node-llama-cpp/win-*, mac-*), so
  # the lock cannot list them and `npm ci` refuses it as out of sync with package.json.
  timed "npm packages: installing (npm install, versions from package-lock.json)" \
    npm install --no-fund --no-audit --loglevel=error >/dev/null
fi

node scripts/check-jetstream.mjs "nats://127.0.0.1:$NATS_PORT" || die "NATS on $NATS_PORT has JetStream disabled: restart it with -js"

# --- a superuser connection for bootstrap (roles, database, extension) -----------------
if [ -z "${PGSUPERUSER_URL:-}" ]; then
  for candidate in "postgresql://postgres@127.0.0.1:$PGPORT/postgres" \
                   "postgresql://$(id -un)@/postgres?host=/var/run/postgresql&port=$PGPORT"; do
    if node scripts/pg-can-connect.mjs "$candidate" superuser 2>/dev/null; then PGSUPERUSER_URL=$candidate; break; fi
  done
fi
if [ -z "${PGSUPERUSER_URL:-}" ]; then
  # Fresh Debian: only the postgres OS user is a superuser (peer auth). Give the current OS
  # user a superuser role of its own name, the usual `createuser -s $USER` step.
  say "postgresql: creating superuser role $(id -un) for local socket access"
  as_postgres createuser -s "$(id -un)" 2>/dev/null || true
  PGSUPERUSER_URL="postgresql://$(id -un)@/postgres?host=/var/run/postgresql&port=$PGPORT"
  node scripts/pg-can-connect.mjs "$PGSUPERUSER_URL" superuser || die "no superuser connection to PostgreSQL; set PGSUPERUSER_URL"
fi
export PGSUPERUSER_URL
# Remembered for the test runner, whose integration set-up creates a database per run.
(umask 077; printf '%s\n' "$PGSUPERUSER_URL" >"$STATE_DIR/pgsuperuser-url")
say "postgresql superuser: $(echo "$PGSUPERUSER_URL" | sed -E 's#//([^:@]+):[^@]*@#//\1:***@#')"

node scripts/db-setup.mjs

if [ -z "${SETUP_SKIP_BUILD:-}" ]; then
  timed "prisma generate" npm run -s db:generate
  timed "build" npm run -s build
fi
say "done in $((SECONDS - SETUP_STARTED)) s"
