#!/usr/bin/env bash
# Production mode on this machine: the portal built as it ships, run as it runs in production.
#
#   ./scripts/production.sh            build, install, then serve with the local stand-ins
#   ./scripts/production.sh build      backstage-cli build of the backend, which builds the app
#                                      and the plugins with it (packages/backend/dist/*.tar.gz)
#   ./scripts/production.sh install    unpacks the bundle into dist-production/ and installs its
#                                      production dependencies (skipped when they did not change)
#   ./scripts/production.sh serve [--fresh-database]
#                                      starts the built backend alone from dist-production/ with
#                                      app-config.yaml + app-config.production.yaml; it serves the
#                                      built app on http://localhost:7007. Expects the stand-ins
#                                      (scripts/stand-ins.mjs) to run already.
#
# What stands in for the production systems here, unless the variables are set already:
# PostgreSQL is the private cluster of scripts/postgres.sh (POSTGRES_*), Dex is the development
# OIDC issuer with its demo client (OIDC_*), the organisation is examples/org.yaml (NKP_ORG_FILE),
# and AUTH_SESSION_SECRET is random per start. --fresh-database drops the databases with the
# prefix POSTGRES_DATABASE_PREFIX first (the smoke test's own, `nkp_smoke_`).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/postgres.sh
source "$NKP_ROOT/scripts/postgres.sh"

NKP_PRODUCTION_DIR="$NKP_ROOT/dist-production"

nkp_production_build() {
  nkp_log "Building the backend bundle with the app (backstage-cli package build)"
  (cd "$NKP_ROOT/packages/backend" &&
    yarn build --config ../../app-config.yaml --config ../../app-config.production.yaml)
}

# The production dependencies depend only on the lockfile and the package.json files of the
# skeleton; keep them when those did not change (like nkp_install does for the repository).
nkp_production_install() {
  local dist="$NKP_ROOT/packages/backend/dist" dir="$NKP_PRODUCTION_DIR"
  [ -f "$dist/bundle.tar.gz" ] || { nkp_log "No bundle: run ./scripts/production.sh build first"; return 1; }
  local fingerprint
  fingerprint="$( { node --version; tar -xzOf "$dist/skeleton.tar.gz"; cat "$NKP_ROOT/yarn.lock" "$NKP_ROOT/.yarnrc.yml"; } |
    node -e 'const h = require("crypto").createHash("sha256");
      process.stdin.on("data", d => h.update(d)).on("end", () => console.log(h.digest("hex")));')"
  mkdir -p "$dir"
  # Everything but the installed dependencies is replaced by the new build.
  find "$dir" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
  tar -xzf "$dist/skeleton.tar.gz" -C "$dir"
  tar -xzf "$dist/bundle.tar.gz" -C "$dir"
  cp "$NKP_ROOT/app-config.yaml" "$NKP_ROOT/app-config.production.yaml" "$NKP_ROOT/catalog-info.yaml" \
    "$NKP_ROOT/.yarnrc.yml" "$dir/"
  mkdir -p "$dir/.yarn" && cp -r "$NKP_ROOT/.yarn/releases" "$dir/.yarn/"
  local stamp="$dir/node_modules/.nkp-production-stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
    nkp_log "Production dependencies unchanged"
  else
    nkp_log "Installing the production dependencies into dist-production/ (a few minutes)"
    # The copied lockfile may lose the entries of workspaces the bundle leaves out: not a CI failure.
    (cd "$dir" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn workspaces focus --all --production)
    echo "$fingerprint" >"$stamp"
  fi
}

nkp_production_env() {
  if [ -z "${POSTGRES_HOST:-}" ]; then
    nkp_ensure_postgres
    export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$NKP_PG_PORT" POSTGRES_USER=postgres POSTGRES_PASSWORD=''
  fi
  # The development issuer's demo client (packages/dev-oidc-issuer/demo.yaml) in Dex's place
  : "${OIDC_METADATA_URL:=http://localhost:7010/.well-known/openid-configuration}"
  : "${OIDC_CLIENT_ID:=nkp-lifecycle-portal}"
  : "${OIDC_CLIENT_SECRET:=demo-portal-secret}"
  : "${NKP_ORG_FILE:=$NKP_ROOT/examples/org.yaml}"
  : "${AUTH_SESSION_SECRET:=$(node -p 'require("crypto").randomBytes(32).toString("base64")')}"
  export OIDC_METADATA_URL OIDC_CLIENT_ID OIDC_CLIENT_SECRET NKP_ORG_FILE AUTH_SESSION_SECRET
  export NODE_ENV=production
}

# Drops the databases of one prefix (never the default one), so a run starts from nothing.
nkp_production_drop_databases() {
  local prefix="${POSTGRES_DATABASE_PREFIX:-}"
  case "$prefix" in
    '' | backstage_plugin_) nkp_log "--fresh-database needs its own POSTGRES_DATABASE_PREFIX"; return 1 ;;
  esac
  local psql
  psql="$(nkp_pg_bin)/psql"
  local db
  for db in $(PGPASSWORD="$POSTGRES_PASSWORD" "$psql" -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -d postgres -Atc \
    "select datname from pg_database where starts_with(datname, '$prefix')"); do
    PGPASSWORD="$POSTGRES_PASSWORD" "$psql" -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -d postgres -qc \
      "drop database \"$db\"" >/dev/null
  done
}

nkp_production_serve() {
  [ -f "$NKP_PRODUCTION_DIR/packages/backend/package.json" ] ||
    { nkp_log "Nothing installed: run ./scripts/production.sh build and install first"; return 1; }
  nkp_production_env
  if [ "${1:-}" = --fresh-database ]; then
    nkp_production_drop_databases
  fi
  cd "$NKP_PRODUCTION_DIR"
  nkp_log "Production backend on http://localhost:7007 (PostgreSQL ${POSTGRES_HOST}:${POSTGRES_PORT}, OIDC ${OIDC_METADATA_URL})"
  exec node packages/backend --config app-config.yaml --config app-config.production.yaml
}

nkp_setup
case "${1:-all}" in
  build) nkp_production_build ;;
  install) nkp_production_install ;;
  serve) shift; nkp_production_serve "$@" ;;
  all)
    nkp_production_build
    nkp_production_install
    cd "$NKP_ROOT"
    exec node scripts/with-stand-ins.mjs "$NKP_ROOT/scripts/production.sh" serve
    ;;
  *) nkp_log "usage: $0 [build|install|serve [--fresh-database]|all]"; exit 2 ;;
esac
