#!/usr/bin/env bash
# Installs what is missing (first run only) and starts the portal: app on :3000, backend on :7007,
# SQLite in memory, the demo NKP fleet ingested from examples/nkp-demo-fleet, and beside them the
# local stand-ins of scripts/stand-ins.mjs (the development OIDC issuer on :7010, where the demo
# users sign in). `yarn start` is the same without the install.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
nkp_setup
cd "$NKP_ROOT"
exec yarn start "$@"
