#!/usr/bin/env bash
# What a user gets: scripts/pack-cli.sh, then `dotnet tool install --add-source artifacts/packages TradAI.Cli`
# must install the native executable (ELF, not a dotnet apphost + dll), which then runs alone, and its console
# companion tradai-console, which `tradai serve` becomes (same pid, so SIGTERM stops the server with exit 0).
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

file -b "$(dirname "$exe")/tradai-console" | grep -q '^ELF' || { echo "tool: no native tradai-console beside tradai" >&2; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TRADAI_CONSOLE_TOKEN="tool-check-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" \
  "$dir/tradai" serve --store "$dir/store" --urls "http://127.0.0.1:$port" 2> "$dir/serve.log" &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/health" > /dev/null || { echo "tool: tradai serve did not answer /health:" >&2; cat "$dir/serve.log" >&2; exit 1; }
[ "$(basename "$(readlink "/proc/$pid/exe")")" = tradai-console ] || { echo "tool: tradai serve did not hand over to tradai-console" >&2; exit 1; }
kill -TERM "$pid"
status=0; wait "$pid" || status=$?
[ "$status" -eq 0 ] || { echo "tool: tradai serve exited $status on SIGTERM:" >&2; cat "$dir/serve.log" >&2; exit 1; }
echo "tool install: ok (native $(basename "$(dirname "$exe")") tradai; serve ran in tradai-console and stopped on SIGTERM)"
