#!/usr/bin/env bash
# Builds the `tradai` CLI with Native AOT (fast cold start; SQLite linked in) into artifacts/tradai/tradai, which
# runs alone, and beside it tradai-console, the same CLI with the config console that `tradai serve` hands over to.
# Extra arguments go to `dotnet publish`. Progress: MSBuild's live view on a terminal, one line per step on stderr otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/cli-build.sh
rid="$(cli_rid)"
cli_aot_prereqs
rm -rf artifacts/tradai
cli_step "publishing src/TradAI.Cli for $rid with Native AOT (tradai and tradai-console: about 4 min on 2 cores)"
# shellcheck disable=SC2046
dotnet publish src/TradAI.Cli/TradAI.Cli.csproj -c Release -r "$rid" -o artifacts/tradai -nologo $(cli_msbuild_output) "$@"
cli_step "built artifacts/tradai/tradai ($(du -m artifacts/tradai/tradai | cut -f1) MB) and tradai-console ($(du -m artifacts/tradai/tradai-console | cut -f1) MB)"
