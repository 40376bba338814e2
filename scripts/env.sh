# shellcheck shell=bash
# Sourced by the other scripts: puts a Node 22+ runtime, its headers and Yarn on PATH.
#
# Current Backstage needs Node 22 or 24. When the machine's node is older (or missing) we fetch
# the official Node build that the npm registry publishes as `node-<os>-<arch>` into .tools/,
# once. That package also carries the C headers, which node-gyp needs to build native addons
# (better-sqlite3) for the same ABI. Yarn is the release committed under .yarn/releases and is
# run by that node; no global yarn or corepack is required. Yarn is pointed at whatever registry
# npm is configured for, so mirrors and air-gapped registries work without edits.

NKP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NKP_TOOLS="$NKP_ROOT/.tools"
NKP_NODE_VERSION="$(cat "$NKP_ROOT/.node-version")"
NKP_YARN_RELEASE="$NKP_ROOT/$(sed -n 's/^yarnPath: *//p' "$NKP_ROOT/.yarnrc.yml")"

nkp_log() { printf '\033[1m[nkp]\033[0m %s\n' "$*" >&2; }

nkp_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

nkp_ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(nkp_node_major "$system_node")" -ge 22 ]; then
    return 0
  fi
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) nkp_log "Unsupported OS $(uname -s): install Node 22 or 24 yourself."; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) nkp_log "Unsupported CPU $(uname -m): install Node 22 or 24 yourself."; return 1 ;;
  esac
  local pkg="node-$os-$arch"
  local home="$NKP_TOOLS/node/node_modules/$pkg"
  if [ ! -x "$home/bin/node" ] || [ "$("$home/bin/node" --version 2>/dev/null)" != "v$NKP_NODE_VERSION" ]; then
    command -v npm >/dev/null || { nkp_log "Neither Node 22+ nor npm found: install Node 22 or 24."; return 1; }
    nkp_log "System node is $(node --version 2>/dev/null || echo missing); fetching $pkg@$NKP_NODE_VERSION from the npm registry into .tools/ (once)"
    mkdir -p "$NKP_TOOLS/node"
    npm install --prefix "$NKP_TOOLS/node" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "$pkg@$NKP_NODE_VERSION" >&2
  fi
  export PATH="$home/bin:$PATH"
  # Headers for node-gyp, matching the runtime (the machine's npmrc may point at older ones).
  export npm_config_nodedir="$home"
  export NPM_CONFIG_NODEDIR="$home"
}

nkp_ensure_yarn() {
  mkdir -p "$NKP_TOOLS/bin"
  local shim="$NKP_TOOLS/bin/yarn"
  if [ ! -x "$shim" ]; then
    printf '#!/usr/bin/env bash\nexec node "%s" "$@"\n' "$NKP_YARN_RELEASE" >"$shim"
    chmod +x "$shim"
  fi
  export PATH="$NKP_TOOLS/bin:$PATH"
  if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ] && command -v npm >/dev/null; then
    YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null | tail -n 1)"
    export YARN_NPM_REGISTRY_SERVER
  fi
  export YARN_ENABLE_TELEMETRY=0
}

# A hash of everything that decides what `yarn install` does, and of the runtime it builds for.
nkp_install_fingerprint() {
  (cd "$NKP_ROOT" && { node --version; cat yarn.lock .yarnrc.yml package.json packages/*/package.json plugins/*/package.json; } |
    node -e 'const h = require("crypto").createHash("sha256");
      process.stdin.on("data", d => h.update(d)).on("end", () => console.log(h.digest("hex")));')
}

# Installs dependencies unless nothing that decides them changed since the last install.
nkp_install() {
  local stamp="$NKP_ROOT/node_modules/.nkp-install-stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(nkp_install_fingerprint)" ]; then
    return 0
  fi
  nkp_log "Installing dependencies (first run: a few minutes)"
  # CI must install exactly the committed lockfile; locally a changed package.json may update it.
  local flags=()
  [ -n "${CI:-}" ] && flags=(--immutable)
  (cd "$NKP_ROOT" && yarn install "${flags[@]}") || return 1
  nkp_install_fingerprint >"$stamp"
}

nkp_setup() {
  nkp_ensure_node && nkp_ensure_yarn && nkp_install
}
