#!/usr/bin/env bash
# The project's test command (README, .ci/run): installs and starts the local AWS emulators
# (DynamoDB Local, fauxqs for S3), builds the solution, runs every test project, stops the emulators.
#   scripts/test.sh                     # the whole suite
#   scripts/test.sh --filter 'FullyQualifiedName~Merge'   # extra args go to `dotnet test`
# Long opt-in runs: TRADAI_FUZZ_ITERATIONS=20000 scripts/test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

scripts/check-cfn-lint.sh
scripts/python-deps.sh   # OmegaConf 2.2 for the differential tests (apt-get when missing)
scripts/install-console-tools.sh   # Debian Chromium (console browser tests) and wrk (bench/console-load.sh)
scripts/emulators.sh start > /dev/null
trap 'scripts/emulators.sh stop' EXIT
set -a; . .run/emulators.env; set +a

dotnet build TradAI.Config.slnx -c Release -nologo -clp:ErrorsOnly

log="$(mktemp)"
status=0
dotnet test TradAI.Config.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for humans and CI: the sum over every test project.
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
rm -f "$log"
summary="tests: $passed passed, $failed failed, $skipped skipped"
mkdir -p .run && echo "$summary" > .run/test-summary
echo "$summary"
exit $status
