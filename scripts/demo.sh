#!/usr/bin/env bash
# Starts the whole platform with a seeded demo and keeps it running until it is stopped.
# Set-up first (idempotent), then the demo seed (two tenants with knowledge, an owner and a
# staff login per tenant, fresh API keys and passwords printed once), then the six services.
# Logs go to .parley/logs/<service>.log as JSON lines.
#
# The demo never leaves its services behind: Ctrl-C (INT), closing the terminal (HUP), TERM
# and the script's own exit (a service that died, an error) all send SIGTERM to each service
# it started, by pid, wait for them to drain, and SIGKILL any still running after 15 s.
# One demo runs per state directory: a second start while one runs says so and exits 1.
# Only SIGKILL of this script can leave services running; the next start finds them in
# .parley/demo.services and stops them (only those pids, and only while they still run
# this checkout's service).
#
# Environment (all optional): DEMO_PORT_BASE (3000: gateway, then chat, tenant-intelligence,
# client-insights, provisioning, notifier on the next five ports, and the shop tenant's local
# fake Shopify on the sixth), DEMO_LLM=provider:model (the tenants answer with that model first,
# the offline responder behind it; default: offline only), DEMO_SKIP_SETUP=1 (skip
# scripts/setup.sh: the caller made sure it ran), PARLEY_STATE_DIR (.parley), and every
# service variable (DATABASE_URL, NATS_URL, ...; defaults are the local servers set-up made).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE_DIR=${PARLEY_STATE_DIR:-$ROOT/.parley}
mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd)
export PARLEY_STATE_DIR=$STATE_DIR

# Messages never fail the script: after a hang-up the terminal is gone and writes to it fail.
say() { printf '[demo] %s\n' "$*" 2>/dev/null || true; }
die() { printf '[demo] error: %s\n' "$*" >&2 2>/dev/null || true; exit 1; }

PORT_BASE=${DEMO_PORT_BASE:-3000}
if ! [[ "$PORT_BASE" =~ ^[0-9]{1,5}$ ]] || [ "$PORT_BASE" -lt 1 ] || [ "$PORT_BASE" -gt 65530 ]; then
  die "DEMO_PORT_BASE must be a port number 1-65530; got '$PORT_BASE'"
fi
ORDER=(provisioning chat tenant-intelligence client-insights notifier gateway)
declare -A PORTS=([gateway]=$PORT_BASE [chat]=$((PORT_BASE + 1)) [tenant-intelligence]=$((PORT_BASE + 2))
  [client-insights]=$((PORT_BASE + 3)) [provisioning]=$((PORT_BASE + 4)) [notifier]=$((PORT_BASE + 5)))
GATEWAY="http://127.0.0.1:${PORTS[gateway]}"
SHOP_PORT=$((PORT_BASE + 6)) # the shop tenant's local fake Shopify (GraphQL Admin API shapes)
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- one demo at a time -----------------------------------------------------------------
# flock holds while this script lives (the kernel drops it when it dies, even by SIGKILL);
# nothing started below inherits descriptor 9, so no child can keep the lock.
LOCK_FILE="$STATE_DIR/demo.lock"
PID_FILE="$STATE_DIR/demo.pid"
SERVICES_FILE="$STATE_DIR/demo.services"
exec 9>>"$LOCK_FILE"
if ! flock -n 9; then
  other=$(cat "$PID_FILE" 2>/dev/null || true)
  die "a demo is already running from $ROOT (pid ${other:-unknown}, gateway $GATEWAY): use it, or stop it first (Ctrl-C in its terminal, or kill ${other:-<pid>})"
fi
echo $$ >"$PID_FILE"

# Services a demo killed with SIGKILL left behind: stop those pids, and only while each still
# runs this checkout's service (a pid can be reused by something else).
# A pid that exited is gone even while its zombie waits for a parent to reap it.
gone() { ! kill -0 "$1" 2>/dev/null || [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" = Z ]; }
is_our_service() { # pid service
  local entry="apps/$2/dist/main.js"
  [ "$2" = fake-shopify ] && entry=libs/testing/dist/fakes/fake-shops.main.js
  [ "$(readlink "/proc/$1/cwd" 2>/dev/null)" = "$ROOT" ] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q "$entry"
}
if [ -s "$SERVICES_FILE" ]; then
  while read -r pid svc; do
    if is_our_service "$pid" "$svc"; then
      say "stopping $svc (pid $pid), left running by a demo that was killed"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 75); do gone "$pid" && break; sleep 0.2; done
      gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
    fi
  done <"$SERVICES_FILE"
  rm -f "$SERVICES_FILE"
fi

for svc in "${ORDER[@]}"; do
  if listening "${PORTS[$svc]}"; then
    die "port ${PORTS[$svc]} ($svc) is already in use by another program (a demo of another checkout?): stop it, or start on other ports with DEMO_PORT_BASE=4000 npm run demo"
  fi
done
if listening "$SHOP_PORT"; then
  die "port $SHOP_PORT (the demo's fake Shopify) is already in use by another program: stop it, or start on other ports with DEMO_PORT_BASE=4000 npm run demo"
fi

# --- stopping: every way out goes through stop_all ------------------------------------------
PIDS=()
NAMES=()
WAITER=""
STOPPED=0
stop_all() {
  [ "$STOPPED" -eq 1 ] && return 0
  STOPPED=1
  trap '' PIPE # a reader that went away must not end the clean-up halfway
  set +e
  [ -n "$WAITER" ] && kill -TERM "$WAITER" 2>/dev/null
  if [ ${#PIDS[@]} -gt 0 ]; then
    say "stopping services"
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    local deadline=$((SECONDS + 15)) running
    while :; do
      running=()
      for pid in "${PIDS[@]}"; do gone "$pid" || running+=("$pid"); done
      [ ${#running[@]} -eq 0 ] || [ "$SECONDS" -ge "$deadline" ] && break
      sleep 0.2
    done
    for pid in "${running[@]}"; do
      say "pid $pid did not stop within 15 s: killing it"
      kill -KILL "$pid" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    say "stopped"
  fi
  rm -f "$SERVICES_FILE" "$PID_FILE"
}
on_signal() { # exit status
  stop_all
  trap - EXIT
  exit "$1"
}
trap 'on_signal 0' INT # Ctrl-C is the ordinary way to stop the demo
trap 'on_signal 129' HUP
trap 'on_signal 143' TERM
trap stop_all EXIT

# Runs a command in the background and waits for it, so a signal is handled at once instead
# of after the command ends (bash runs traps only between foreground commands).
waited() {
  "$@" 9>&- &
  WAITER=$!
  local status=0
  wait "$WAITER" || status=$?
  WAITER=""
  return "$status"
}

# --- set-up and seed ------------------------------------------------------------------------
started_at=$SECONDS
if [ -z "${DEMO_SKIP_SETUP:-}" ]; then
  # In the foreground: it may ask for a sudo password.
  bash scripts/setup.sh 9>&-
fi

export NODE_ENV=${NODE_ENV:-development}
export LOG_LEVEL=${LOG_LEVEL:-info}
export DATABASE_URL=${DATABASE_URL:-postgresql://parley_app:parley_app@127.0.0.1:5432/parley}
export ANALYTICS_DATABASE_URL=${ANALYTICS_DATABASE_URL:-postgresql://parley_analytics:parley_analytics@127.0.0.1:5432/parley}
export NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export OWNER_EMAIL=${OWNER_EMAIL:-owner@parley.local}

# Keys the services need, unless set: generated once (`demo1:` + 32 random bytes) and kept in
# the state directory, so what one demo run signed or encrypted is still readable by the next.
# Production sets them from a secret store.
keep_key() { # variable file encoding
  if [ -z "${!1:-}" ]; then
    if [ ! -s "$STATE_DIR/$2" ]; then
      (umask 077 && node -e "process.stdout.write('demo1:' + require('crypto').randomBytes(32).toString('$3') + '\n')" >"$STATE_DIR/$2")
    fi
    export "$1=$(cat "$STATE_DIR/$2")"
  fi
}
keep_key AUTH_SIGNING_KEYS auth-signing-keys hex         # gateway: JWT signing keys
keep_key NOTIFIER_SECRET_KEYS notifier-secret-keys base64 # notifier: channel secrets at rest
keep_key INTEGRATION_SECRET_KEYS integration-secret-keys base64 # chat, provisioning: integration credentials at rest
# The shop tenant's Shopify is a local fake on the loopback address, which integrations may only
# reach in development (the services refuse it in production).
export INTEGRATION_ALLOW_PRIVATE_TARGETS=${INTEGRATION_ALLOW_PRIVATE_TARGETS:-true}

LOG_DIR="$STATE_DIR/logs"
mkdir -p "$LOG_DIR"

# The shop tenant's live data: a local fake Shopify (libs/testing) with a seeded catalogue and
# orders, stopped with the services.
: >"$SERVICES_FILE"
setsid node libs/testing/dist/fakes/fake-shops.main.js --shopify-port "$SHOP_PORT" >>"$LOG_DIR/fake-shopify.log" 2>&1 9>&- &
PIDS+=($!)
NAMES+=(fake-shopify)
echo "$! fake-shopify" >>"$SERVICES_FILE"
for _ in $(seq 1 50); do listening "$SHOP_PORT" && break; waited sleep 0.1; done
listening "$SHOP_PORT" || die "the demo's fake Shopify did not start; see $LOG_DIR/fake-shopify.log"
export DEMO_SHOPIFY_URL="http://127.0.0.1:$SHOP_PORT"
export DEMO_SHOPIFY_TOKEN=shpat_fake_parley_demo_token

# The gateway's own origins are allowed for each demo tenant, so its /demo/<slug> pages can chat.
DEMO_GATEWAY_ORIGINS="http://127.0.0.1:${PORTS[gateway]},http://localhost:${PORTS[gateway]}" \
  waited node apps/provisioning/dist/demo/seed-demo.main.js

# --- the six services -------------------------------------------------------------------------
say "starting the six services"
for svc in "${ORDER[@]}"; do
  # setsid: Ctrl-C and a hang-up reach only this script, which then stops each service with
  # SIGTERM so it drains. The pid is node's own (setsid execs it: no fork in a script).
  PORT=${PORTS[$svc]} setsid node "apps/$svc/dist/main.js" >>"$LOG_DIR/$svc.log" 2>&1 9>&- &
  PIDS+=($!)
  NAMES+=("$svc")
  echo "$! $svc" >>"$SERVICES_FILE"
done

for i in "${!ORDER[@]}"; do
  svc=${ORDER[$i]}
  pid=${PIDS[$((i + 1))]} # PIDS[0] is the fake Shopify
  if ! waited node scripts/wait-ready.mjs "http://127.0.0.1:${PORTS[$svc]}/health/ready" 60000 "$pid"; then
    if ! kill -0 "$pid" 2>/dev/null; then say "$svc exited during start-up; last log lines:"; else say "$svc did not become ready in 60 s; last log lines:"; fi
    tail -n 20 "$LOG_DIR/$svc.log" >&2 2>/dev/null || true
    exit 1
  fi
  printf '[demo] %-20s ready on http://127.0.0.1:%s\n' "$svc" "${PORTS[$svc]}" 2>/dev/null || true
done

cat <<TXT 2>/dev/null || true

[demo] Parley is running ($((SECONDS - started_at)) s). Gateway: $GATEWAY  (health: /health/ready, metrics: /metrics, API docs: /docs)
[demo] Chat in a browser: $GATEWAY/demo/bobs-plumbing (each tenant's demo page is listed above; widget: $GATEWAY/widget.js)
[demo] Live shop data: $GATEWAY/demo/gadget-corner answers "Do you have the iPhone 15 in stock?" and "Where is order #1001? My email is alice@example.com" from the fake Shopify on http://127.0.0.1:$SHOP_PORT
[demo] Console for staff and the owner: $GATEWAY/console (sign in with a login printed above)
[demo] Logs: $LOG_DIR/<service>.log    Press Ctrl-C to stop (closing the terminal stops it too).
TXT

# Wait for a signal, or for any service to exit on its own (then stop the rest and exit 1).
while true; do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      say "${NAMES[$i]} exited; see $LOG_DIR/${NAMES[$i]}.log"
      exit 1
    fi
  done
  waited sleep 1
done
