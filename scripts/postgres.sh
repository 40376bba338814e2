# shellcheck shell=bash
# Sourced by scripts/test.sh: makes sure a PostgreSQL server runs on loopback for the backend
# integration tests and exports the connection string Backstage's TestDatabases reads.
#
# Set NKP_TEST_POSTGRES_URL to use a server you already have. Otherwise we use the PostgreSQL
# binaries on the machine (installing Debian's `postgresql` package when we are root on Debian and
# they are missing) and run a private cluster on port 54329, so we never touch a system cluster.
#
# Where its files live: as an ordinary user, under .tools/postgres. As root, PostgreSQL must run as
# the `postgres` user, who often cannot enter the checkout (a home directory such as /root, or a
# `mktemp -d` folder), so the data directory and socket live in a folder of that user's under
# /tmp, named after a hash of the checkout's path: one cluster per checkout.

NKP_PG_PORT="${NKP_PG_PORT:-54329}"

# The folder that holds this checkout's cluster (data/, the socket, the logs).
nkp_pg_dir() {
  if [ "$(id -u)" != 0 ]; then
    printf '%s\n' "$NKP_TOOLS/postgres"
    return 0
  fi
  local key
  key="$(printf '%s' "$NKP_ROOT" | { sha256sum 2>/dev/null || shasum -a 256; } | cut -c1-12)"
  printf '%s\n' "/tmp/nkp-lifecycle-postgres-$key"
}

nkp_pg_bin() {
  local initdb
  initdb="$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
  # Resolve links (e.g. /usr/local/bin/initdb) to the directory with all the server tools.
  [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

nkp_ensure_postgres() {
  if [ -n "${NKP_TEST_POSTGRES_URL:-}" ]; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$NKP_TEST_POSTGRES_URL"
    export NKP_TEST_REQUIRE_POSTGRES=true
    return 0
  fi
  local bin
  bin="$(nkp_pg_bin || true)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      nkp_log "Installing PostgreSQL from Debian's packages (once)"
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin="$(nkp_pg_bin)"
    else
      nkp_log "PostgreSQL not found: install it (initdb on PATH) or set NKP_TEST_POSTGRES_URL."
      return 1
    fi
  fi

  local dir run=()
  dir="$(nkp_pg_dir)"
  # PostgreSQL refuses to run as root; run it as the `postgres` user the package created.
  if [ "$(id -u)" = 0 ]; then
    run=(runuser -u postgres --)
    install -d -o postgres -m 700 "$dir"
  else
    mkdir -p "$dir"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    nkp_log "Creating a private PostgreSQL cluster in $dir"
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; return 1; }
  fi
  # Started already (by this checkout or another one on this machine): use it.
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$NKP_PG_PORT"; then
    # The server outlives this shell: it must not inherit our open files (a caller's `flock`
    # lock, for one, would stay held for as long as the server runs).
    (
      for fd in /proc/self/fd/*; do
        fd="${fd##*/}"
        if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
      done
      "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $NKP_PG_PORT -c listen_addresses=127.0.0.1 -k $dir -c fsync=off" start >/dev/null
    ) || { cat "$dir/server.log" >&2; return 1; }
  fi
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$NKP_PG_PORT"
  export NKP_TEST_REQUIRE_POSTGRES=true
  nkp_log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$NKP_PG_PORT"
}

nkp_stop_postgres() {
  local bin dir run=()
  dir="$(nkp_pg_dir)"
  bin="$(nkp_pg_bin || true)"
  [ -n "$bin" ] && [ -f "$dir/data/PG_VERSION" ] || return 0
  if [ "$(id -u)" = 0 ]; then run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}
