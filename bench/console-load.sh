#!/usr/bin/env bash
# Load benchmark of the config console: GET /api/strategies/{name}/active on the SQLite store, with wrk (Debian).
# Target (issue 14): >= 2,000 requests/s with p99 <= 10 ms on 2 cores. Prints wrk's report and a one-line verdict.
#   bench/console-load.sh                         # build Release, 30 s, 2 threads, 32 connections
#   DURATION=60s CONNECTIONS=64 bench/console-load.sh
#   TRADAI_BIN=/path/to/native/tradai bench/console-load.sh   # e.g. the Native AOT build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-30s}" THREADS="${THREADS:-2}" CONNECTIONS="${CONNECTIONS:-32}" PORT="${PORT:-5181}"
command -v wrk > /dev/null || scripts/install-console-tools.sh

if [[ -z "${TRADAI_BIN:-}" ]]; then
  dotnet build src/TradAI.Cli -c Release -nologo -clp:ErrorsOnly > /dev/null
  TRADAI=(dotnet "$ROOT/src/TradAI.Cli/bin/Release/net10.0/tradai.dll")
else
  TRADAI=("$TRADAI_BIN")
fi

work="$(mktemp -d)"
export TRADAI_CONSOLE_TOKEN="bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
"${TRADAI[@]}" serve --store "$work/configs" --urls "http://127.0.0.1:$PORT" 2> "$work/serve.log" &
pid=$!
trap 'kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.1; done

auth=(-H "Authorization: Bearer $TRADAI_CONSOLE_TOKEN")
printf 'name: momentum\nversion: 1.0.0\ntimeframe: 5m\nexchange: binance\nstake_currency: USDT\npairs: [BTC/USDT, ETH/USDT]\nparameters: {rsi: 14, fast: 12, slow: 26}\n' > "$work/c.yaml"
id=$(curl -sf "${auth[@]}" -H 'Content-Type: application/yaml' --data-binary @"$work/c.yaml" "http://127.0.0.1:$PORT/api/strategies/momentum/versions" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["config_id"])')
curl -sf "${auth[@]}" -X POST "http://127.0.0.1:$PORT/api/strategies/momentum/versions/$id/activate" > /dev/null

cat > "$work/auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TRADAI_CONSOLE_TOKEN"
LUA
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$work/auth.lua" "http://127.0.0.1:$PORT/api/strategies/momentum/active" > /dev/null # warm-up (JIT, pools)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/auth.lua" "http://127.0.0.1:$PORT/api/strategies/momentum/active" | tee "$work/wrk.txt"

rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt")
p99ms=$(python3 -c "import sys; v=sys.argv[1]; print(float(v[:-2]) if v.endswith('ms') else float(v[:-2])/1000 if v.endswith('us') else float(v[:-1])*1000)" "$p99")
verdict=$(python3 -c "import sys; print('PASS' if float(sys.argv[1]) >= 2000 and float(sys.argv[2]) <= 10 and sys.argv[3] == '' else 'FAIL')" "$rps" "$p99ms" "${non2xx:-}")
echo "console GET /active (sqlite): ${rps} req/s, p99 ${p99ms} ms, non-2xx ${non2xx:-0} (target >= 2000 req/s, p99 <= 10 ms): $verdict"
[[ $verdict == PASS ]]
