#!/usr/bin/env bash
# The published Native AOT `tradai` runs alone: copied by itself into an empty folder (HOME and the store there too),
# it creates a config version and lists it, so SQLite and everything else it needs is inside the executable.
#   scripts/check-cli-alone.sh [EXECUTABLE]    (default artifacts/tradai/tradai, from scripts/publish-cli.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exe="$(readlink -f "${1:-$ROOT/artifacts/tradai/tradai}")"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cp "$exe" "$dir/tradai"
cp "$ROOT/configs/momentum-btc.yaml" "$dir/strategy.yaml"
cd "$dir"
export HOME="$dir" TRADAI_CONFIG_DIR="$dir"
unset TRADAI_BACKEND
if ldd ./tradai 2> /dev/null | grep -qi sqlite; then echo "alone: tradai links a shared SQLite library" >&2; exit 1; fi
./tradai version create momentum-btc --file strategy.yaml > /dev/null
rm strategy.yaml
listed="$(./tradai version list momentum-btc -o json)"
python3 -c 'import json, sys; v = json.load(sys.stdin)["versions"]; sys.exit(not (len(v) == 1 and v[0]["strategy_name"] == "momentum-btc"))' <<< "$listed" \
  || { echo "alone: version list did not list the new version: $listed" >&2; exit 1; }
[ -f .tradai/versions.db ] || { echo "alone: no version store in $dir/.tradai" >&2; exit 1; }
# Only `serve` needs the console companion: without it, a clear error and exit 5, not a crash.
status=0; ./tradai serve 2> serve.err || status=$?
[ "$status" -eq 5 ] && grep -q "tradai-console, which is missing" serve.err \
  || { echo "alone: serve without tradai-console exited $status: $(cat serve.err)" >&2; exit 1; }
echo "aot alone: ok (created and listed a version with only the executable in $dir)"
