#!/usr/bin/env bash
# Runs every test from a fresh machine: set-up (packages, pgvector, servers, database, roles,
# migrations), Prisma client generation, build, type check, lint, unit tests, then the
# integration and end-to-end tests against the real PostgreSQL, NATS and Redis (each run in a
# fresh database that is dropped afterwards; NATS streams and Redis keys namespaced per run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "set-up"
SETUP_SKIP_BUILD=1 bash scripts/setup.sh
# The superuser connection set-up found (TCP as postgres, or this user over the socket).
PGSUPERUSER_URL=${PGSUPERUSER_URL:-$(cat "${PARLEY_STATE_DIR:-.parley}/pgsuperuser-url")}
export PGSUPERUSER_URL
step "prisma generate"
npm run -s db:generate
step "build"
npm run -s build
step "typecheck"
npm run -s typecheck
step "lint"
bash scripts/lint.sh
step "unit tests"
npx jest --selectProjects unit --ci
step "integration tests"
npx jest --selectProjects integration --ci --runInBand
