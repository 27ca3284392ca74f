#!/usr/bin/env bash
# Lints every project with zero warnings. The Nx project graph is computed first: without it
# @nx/enforce-module-boundaries silently skips itself, so a boundary violation would pass.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
npx nx show projects >/dev/null
npx eslint --max-warnings 0 apps libs tools "$@"
