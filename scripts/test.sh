#!/usr/bin/env bash
# Runs every test from a fresh machine: set-up (packages, pgvector, servers, database, roles,
# migrations), Prisma client generation, build, type check, lint, format check, unit tests, then the
# integration and end-to-end tests against the real PostgreSQL, NATS and Redis (each run in a
# fresh database that is dropped afterwards; NATS streams and Redis keys namespaced per run).
# Each step says how long it took (the quiet ones also every 20 s while they run: set-up and
# Jest print their own progress); a summary of the steps and their seconds ends the run.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[test] %s\n' "$*"; }
# shellcheck source=scripts/lib/progress.sh
. scripts/lib/progress.sh
STARTED=$SECONDS
SUMMARY=()

step() { # quiet|loud label command...
  local every=$PROGRESS_EVERY
  [ "$1" = loud ] && every=1000000
  shift
  local label=$1 t0=$SECONDS status=0
  printf '\n== %s ==\n' "$label"
  PROGRESS_EVERY=$every timed "$@" || status=$?
  SUMMARY+=("$(printf '%-18s %5s s  %s' "$label" "$((SECONDS - t0))" "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit $status)")")")
  if [ "$status" -ne 0 ]; then summary; exit "$status"; fi
}
summary() {
  printf '\n== summary (%s s) ==\n' "$((SECONDS - STARTED))"
  printf '%s\n' "${SUMMARY[@]}"
}

step loud "set-up" env SETUP_SKIP_BUILD=1 bash scripts/setup.sh
# The superuser connection set-up found (TCP as postgres, or this user over the socket).
PGSUPERUSER_URL=${PGSUPERUSER_URL:-$(cat "${PARLEY_STATE_DIR:-.parley}/pgsuperuser-url")}
export PGSUPERUSER_URL
step quiet "prisma generate" npm run -s db:generate
step quiet "build" npm run -s build
step quiet "typecheck" npm run -s typecheck
step quiet "lint" bash scripts/lint.sh
step quiet "format" npm run -s format:check
step loud "unit tests" npx jest --selectProjects unit --ci
step loud "integration tests" npx jest --selectProjects integration --ci --runInBand
summary
