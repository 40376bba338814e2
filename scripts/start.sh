#!/usr/bin/env bash
# Installs what is missing (first run only) and starts the portal: app on :3000, backend on :7007,
# SQLite in memory, the demo NKP fleet ingested from examples/nkp-demo-fleet.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
nkp_setup
cd "$NKP_ROOT"
exec yarn start "$@"
