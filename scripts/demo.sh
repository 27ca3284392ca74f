#!/usr/bin/env bash
# Starts the whole platform with a seeded demo and keeps it running until Ctrl-C.
# Set-up first (idempotent), then the demo seed (two tenants with knowledge, an owner and a
# staff login per tenant, fresh API keys printed once), then the six services. Logs go to
# .parley/logs/<service>.log as JSON lines. Ctrl-C sends SIGTERM to each service (they drain).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash scripts/setup.sh

export NODE_ENV=${NODE_ENV:-development}
export LOG_LEVEL=${LOG_LEVEL:-info}
export DATABASE_URL=${DATABASE_URL:-postgresql://parley_app:parley_app@127.0.0.1:5432/parley}
export ANALYTICS_DATABASE_URL=${ANALYTICS_DATABASE_URL:-postgresql://parley_analytics:parley_analytics@127.0.0.1:5432/parley}
export NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export OWNER_EMAIL=${OWNER_EMAIL:-owner@parley.local}

# JWT signing keys (gateway): generated once per machine and kept in .parley, so tokens issued
# by one demo run stay valid in the next. Production sets AUTH_SIGNING_KEYS from a secret.
KEY_FILE="$ROOT/.parley/auth-signing-keys"
if [ -z "${AUTH_SIGNING_KEYS:-}" ]; then
  if [ ! -s "$KEY_FILE" ]; then
    (umask 077 && printf 'demo1:%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')" >"$KEY_FILE")
  fi
  AUTH_SIGNING_KEYS=$(cat "$KEY_FILE")
fi
export AUTH_SIGNING_KEYS

LOG_DIR="$ROOT/.parley/logs"
mkdir -p "$LOG_DIR"

node apps/provisioning/dist/demo/seed-demo.js

declare -A PORTS=([gateway]=3000 [chat]=3001 [tenant-intelligence]=3002 [client-insights]=3003 [provisioning]=3004 [notifier]=3005)
ORDER=(provisioning chat tenant-intelligence client-insights notifier gateway)
PIDS=()
STOPPING=0

stop_all() {
  trap - INT TERM
  STOPPING=1
  echo
  echo "[demo] stopping services"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "[demo] stopped"
  exit 0
}
trap stop_all INT TERM

for svc in "${ORDER[@]}"; do
  # setsid: Ctrl-C reaches only this script, which then stops each service with SIGTERM.
  PORT=${PORTS[$svc]} setsid node "apps/$svc/dist/main.js" >>"$LOG_DIR/$svc.log" 2>&1 &
  PIDS+=($!)
done

for svc in "${ORDER[@]}"; do
  if ! node scripts/wait-ready.mjs "http://127.0.0.1:${PORTS[$svc]}/health/ready" 60000; then
    echo "[demo] $svc did not become ready; last log lines:" >&2
    tail -n 20 "$LOG_DIR/$svc.log" >&2
    stop_all
  fi
  printf '[demo] %-20s ready on http://127.0.0.1:%s\n' "$svc" "${PORTS[$svc]}"
done

cat <<TXT

[demo] Parley is running. Gateway: http://127.0.0.1:3000  (health: /health/ready, metrics: /metrics)
[demo] Logs: $LOG_DIR/<service>.log    Press Ctrl-C to stop.
TXT

# Wait for Ctrl-C, or for any service to exit on its own (then stop the rest).
while true; do
  for i in "${!PIDS[@]}"; do
    if [ "$STOPPING" -eq 0 ] && ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "[demo] ${ORDER[$i]} exited; see $LOG_DIR/${ORDER[$i]}.log" >&2
      stop_all
    fi
  done
  sleep 1
done
