#!/usr/bin/env bash
# Installs what is missing (first run only) and runs every test: type check, the API contract and
# API report checks, unit and integration tests (the database ones on SQLite and on PostgreSQL),
# then the Playwright end-to-end tests that start the local stand-ins, the real backend and app and drive Chromium, then the production
# build: built, installed and smoke-tested (sign-in page, health, an authenticated API call).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/postgres.sh
source "$NKP_ROOT/scripts/postgres.sh"
# shellcheck source=scripts/chromium.sh
source "$NKP_ROOT/scripts/chromium.sh"

nkp_setup
nkp_ensure_postgres
nkp_ensure_chromium
cd "$NKP_ROOT"

nkp_log "Type check"
yarn tsc

# After the type check, whose declarations (dist-types/) the API reports are extracted from.
nkp_log "API contract and API reports (generated files current, public surfaces as committed)"
yarn openapi:check
yarn api-reports:check

nkp_log "Unit and integration tests (SQLite and PostgreSQL)"
CI=true yarn backstage-cli repo test

nkp_log "The published CLI: packed, installed with npm into an empty folder, run on the demo export"
(cd packages/cli && CI=true NKP_TEST_PUBLISHED=true yarn test src/published.test.ts)

nkp_log "End-to-end tests (Playwright, $NKP_CHROMIUM)"
yarn playwright test

nkp_log "Production mode: build, install, smoke test"
./scripts/production.sh build
./scripts/production.sh install
yarn playwright test --config playwright.production.config.ts
