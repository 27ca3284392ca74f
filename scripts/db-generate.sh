#!/usr/bin/env bash
# Generates the Prisma client (libs/persistence/src/generated/prisma, git-ignored) offline.
# `prisma generate` only needs the schema engine binary to exist, not to run: pointing
# PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops the CLI from trying to download one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
npx prisma generate --schema prisma/schema.prisma "$@"
