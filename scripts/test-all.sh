#!/usr/bin/env bash
# Every check, in CI's order: lint, types, unit, integration (real Postgres),
# production build, end-to-end (real Chromium). Embedded Postgres unless
# DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
step() { printf '\n== %s\n' "$*"; }

step "chromium"; bash scripts/ensure-chromium.sh
step "lint"; pnpm lint && pnpm format:check
step "typecheck"; pnpm typecheck
step "unit tests"; pnpm test
step "integration tests"; pnpm test:int
step "build"; pnpm build
step "end-to-end tests"; pnpm test:e2e
step "all checks passed"
