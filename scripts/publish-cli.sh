#!/usr/bin/env bash
# Builds the `tradai` CLI with Native AOT (fast cold start) into artifacts/tradai/tradai.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
dotnet publish src/TradAI.Cli/TradAI.Cli.csproj -c Release -r "$rid" -p:PublishAot=true -o artifacts/tradai -nologo -clp:ErrorsOnly "$@"
echo "built artifacts/tradai/tradai" >&2
