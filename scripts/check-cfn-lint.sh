#!/usr/bin/env bash
# check-cfn-lint.sh — the infra tests lint every synthesized template with cfn-lint (tests/TradAI.Infra.Tests/Linting).
# It is in the machine image; a fresh machine may lack it (it installs from PyPI, which this project cannot reach):
# fail here, before the build, with what to do, instead of deep inside a test run.
set -euo pipefail
lint="${CFN_LINT:-cfn-lint}"
if ! version="$("$lint" --version 2>/dev/null)"; then
  echo "error: '$lint' not found: the infra tests lint every synthesized CloudFormation template with cfn-lint." >&2
  echo "       install it (pipx install cfn-lint, or pip install cfn-lint) or set CFN_LINT=/path/to/cfn-lint." >&2
  exit 1
fi
echo "[check] $version" >&2
