#!/usr/bin/env bash
# Runs the `tradai` CLI from this checkout, as `dotnet run --project src/TradAI.Cli --` would, but says so on stderr
# when it has to build first (about 75 s the first time; `dotnet run` is silent then when not on a terminal).
# Arguments go to tradai; its stdout stays exactly the command's output.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/cli-build.sh"
exe="$ROOT/src/TradAI.Cli/bin/Release/net10.0/tradai"
stale() {
  [ ! -x "$exe" ] || [ -n "$(find "$ROOT/src" "$ROOT"/Directory.*.props -type f -newer "$exe" \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}
if stale; then
  cli_step "building src/TradAI.Cli (about 75 s the first time)"
  dotnet build "$ROOT/src/TradAI.Cli/TradAI.Cli.csproj" -c Release -nologo -tl:off -clp:ErrorsOnly >&2
  touch "$exe"   # an up-to-date build may leave it older than a touched source
fi
exec "$exe" "$@"
