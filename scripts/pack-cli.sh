#!/usr/bin/env bash
# Packs the `tradai` dotnet tool into artifacts/packages/: the pointer package TradAI.Cli, this machine's
# Native AOT package TradAI.Cli.<rid>, and the framework-dependent fallback TradAI.Cli.any that other platforms
# install. Then:  dotnet tool install --tool-path DIR --add-source artifacts/packages TradAI.Cli
# (the osx-arm64 / win-x64 / linux-arm64 packages are packed the same way on those machines: dotnet pack -r RID).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/cli-build.sh
rid="$(cli_rid)"
out=artifacts/packages
project=src/TradAI.Cli/TradAI.Cli.csproj
cli_aot_prereqs
rm -rf "$out"
# shellcheck disable=SC2046
pack() { dotnet pack "$project" -c Release -o "$out" -nologo $(cli_msbuild_output) "$@"; }

cli_step "packing the pointer package TradAI.Cli"
pack
cli_step "packing TradAI.Cli.$rid with Native AOT (tradai and tradai-console: about 4 min on 2 cores)"
pack -r "$rid"
cli_step "packing the framework-dependent fallback TradAI.Cli.any"
pack -r any -p:PublishAot=false

# The same version packed again must not be shadowed by an older copy in the NuGet cache that
# `dotnet tool install` would take instead: drop this tool's own packages (and nothing else) from it.
cache="$(dotnet nuget locals global-packages --list | sed -e 's/^global-packages: //')"
[ -z "$cache" ] || rm -rf "${cache%/}"/tradai.cli "${cache%/}"/tradai.cli.*
cli_step "packed: $(cd "$out" && ls -- *.nupkg | tr '\n' ' ')"
