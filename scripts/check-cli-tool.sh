#!/usr/bin/env bash
# What a user gets: scripts/pack-cli.sh, then `dotnet tool install --add-source artifacts/packages TradAI.Cli`
# must install the native executable (ELF, not a dotnet apphost + dll), which then runs alone.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/pack-cli.sh
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
dotnet tool install --tool-path "$dir" --add-source artifacts/packages TradAI.Cli > /dev/null
exe="$(readlink -f "$dir/tradai")"
file -b "$exe" | grep -q '^ELF' || { echo "tool: $exe is not a native executable: $(file -b "$exe")" >&2; exit 1; }
[ ! -e "$(dirname "$exe")/tradai.dll" ] || { echo "tool: installed a framework-dependent tradai.dll" >&2; exit 1; }
"$dir/tradai" config merge configs/momentum-btc.yaml examples/overrides-live.yaml -o json > /dev/null
scripts/check-cli-alone.sh "$exe"
echo "tool install: ok (native $(basename "$(dirname "$exe")") tradai)"
