#!/usr/bin/env bash
# Installs Debian's Chromium for the console's browser tests (Microsoft.Playwright drives /usr/bin/chromium;
# no browser is downloaded). Also installs wrk for bench/console-load.sh. Idempotent; called by scripts/test.sh.
set -euo pipefail
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v wrk > /dev/null || missing+=(wrk)
if (( ${#missing[@]} > 0 )); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  echo "[install-console-tools] installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq > /dev/null || true
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
