#!/usr/bin/env bash
# python-deps.sh — installs (when missing) the Python packages the OmegaConf differential tests drive:
# Debian's python3-omegaconf (OmegaConf 2.2.2) and python3-yaml, for the system interpreter /usr/bin/python3
# (not a pyenv or venv python that may come first on PATH). Called by scripts/test.sh; safe to run again.
# Needs root (as CI runs) or passwordless sudo when the packages are missing.
set -euo pipefail

PYTHON=/usr/bin/python3
log() { echo "[python-deps] $*" >&2; }

have() { [ -x "$PYTHON" ] && "$PYTHON" -c 'import omegaconf, yaml' 2>/dev/null; }

if have; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo > /dev/null || { log "ERROR: python3-omegaconf is missing and this is not root (no sudo)"; exit 1; }
  SUDO="sudo -n"
fi

export DEBIAN_FRONTEND=noninteractive
packages=(python3 python3-omegaconf python3-yaml)
log "installing ${packages[*]}"
if ! $SUDO apt-get install -y -q --no-install-recommends "${packages[@]}" > /dev/null 2>&1; then
  # The package lists may be stale or absent (fresh container): refresh them once and retry.
  $SUDO apt-get update -q > /dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${packages[@]}" > /dev/null
fi

have || { log "ERROR: $PYTHON still cannot import omegaconf and yaml"; exit 1; }
log "OmegaConf $("$PYTHON" -c 'import omegaconf; print(omegaconf.__version__)') ready for $PYTHON"
