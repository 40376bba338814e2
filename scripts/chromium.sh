# shellcheck shell=bash
# Sourced by scripts/test.sh: finds a Chromium for the Playwright tests. Playwright's own browser
# download cannot work on machines that only reach package registries, so we use the
# distribution's Chromium (Debian's `chromium` package, installed when we are root on Debian).

nkp_ensure_chromium() {
  local found="${NKP_CHROMIUM:-}"
  [ -n "$found" ] || found="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
  if [ -z "$found" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      nkp_log "Installing Chromium from Debian's packages (once)"
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
      found="$(command -v chromium)"
    else
      nkp_log "Chromium not found: install it or set NKP_CHROMIUM to its path."
      return 1
    fi
  fi
  export NKP_CHROMIUM="$found"
}
