#!/usr/bin/env bash
# Whole-process cost of the installed `tradai` tool next to the Python + OmegaConf script it replaces
# (bench/omegaconf_merge.py), measured in the same run, interleaved, under /usr/bin/time -v:
#   bench/cli-startup.sh                  # installs the tool from artifacts/packages (scripts/pack-cli.sh packs it if absent)
#   RUNS=30 bench/cli-startup.sh          # runs per case (default 20; one warm-up run each is not counted)
#   TRADAI=artifacts/tradai/tradai bench/cli-startup.sh   # another executable
# Wall time is taken around each process with bash's microsecond clock (time -v reports only 10 ms steps);
# peak RSS is time -v's "Maximum resident set size". Targets (issue 12): merge <= 20 ms median and <= 0.15x Python.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/cli-build.sh
runs="${RUNS:-20}"
work=.run/cli-bench
base=configs/momentum-btc.yaml
overrides=examples/overrides-live.yaml

missing=()
[ -x /usr/bin/time ] || missing+=(time)
/usr/bin/python3 -c 'import omegaconf' 2> /dev/null || missing+=(python3-omegaconf)
[ ${#missing[@]} -eq 0 ] || cli_apt_install "${missing[@]}"

rm -rf "$work" && mkdir -p "$work"
if [ -z "${TRADAI:-}" ]; then
  compgen -G "artifacts/packages/TradAI.Cli.linux-*.nupkg" > /dev/null || scripts/pack-cli.sh
  cli_step "installing TradAI.Cli from artifacts/packages into $work/tool"
  dotnet tool install --tool-path "$work/tool" --add-source artifacts/packages TradAI.Cli > /dev/null
  TRADAI="$work/tool/tradai"
fi
cli_step "measuring $TRADAI: $(file -bL "$TRADAI" | cut -d, -f1-2)"
fallback=()
if compgen -G "artifacts/packages/TradAI.Cli.any.*.nupkg" > /dev/null; then
  unzip -q -o "$(compgen -G "artifacts/packages/TradAI.Cli.any.*.nupkg" | head -1)" 'tools/*' -d "$work/any"
  fallback=(dotnet "$work/any/tools/net10.0/any/tradai.dll")
fi

# The two sides must do the same job: the same JSON document.
"$TRADAI" config merge "$base" "$overrides" -o json > "$work/native.json"
/usr/bin/python3 bench/omegaconf_merge.py "$base" "$overrides" > "$work/python.json"
/usr/bin/python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
  "$work/native.json" "$work/python.json" || { echo "tradai and OmegaConf disagree on the merge" >&2; exit 1; }

declare -A command
command[merge-native]="$TRADAI config merge $base $overrides -o json"
command[merge-python]="/usr/bin/python3 bench/omegaconf_merge.py $base $overrides"
command[help-native]="$TRADAI --help"
cases=(merge-native merge-python help-native)
if [ ${#fallback[@]} -gt 0 ]; then
  command[merge-any-jit]="${fallback[*]} config merge $base $overrides -o json"
  cases+=(merge-any-jit)
fi

cpu_ms() { # FILE from bash's `times` -> user + system ms of the finished children (the line bash prints second)
  awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60000 + p[2] * 1000 } print t }' "$1"
}
once() { # CASE -> appends "wall_ms rss_kb cpu_ms" to $work/CASE
  local start end rss
  times > "$work/cpu0"   # in this shell (no subshell): its children so far
  start=$EPOCHREALTIME
  # shellcheck disable=SC2086 # the command lines above hold no spaces inside arguments
  /usr/bin/time -v -o "$work/time.txt" ${command[$1]} > /dev/null
  end=$EPOCHREALTIME
  times > "$work/cpu1"
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  awk -v s="$start" -v e="$end" -v r="$rss" -v c="$(($(cpu_ms "$work/cpu1") - $(cpu_ms "$work/cpu0")))" 'BEGIN { printf "%.2f %d %d\n", (e - s) * 1000, r, c }' >> "$work/$1"
}
for c in "${cases[@]}"; do once "$c" && : > "$work/$c"; done   # warm-up: page cache, NuGet-free start
cli_step "$runs runs per case, interleaved: ${cases[*]} (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
for _ in $(seq "$runs"); do for c in "${cases[@]}"; do once "$c"; done; done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-14s %10s %8s %8s %14s %13s\n' case "median ms" "min ms" "max ms" "peak RSS MB" "CPU ms median"
for c in "${cases[@]}"; do
  wall=$(cut -d' ' -f1 "$work/$c" | median)
  printf '%-14s %10.1f %8.1f %8.1f %14.1f %13.1f\n' "$c" "$wall" \
    "$(cut -d' ' -f1 "$work/$c" | sort -n | head -1)" "$(cut -d' ' -f1 "$work/$c" | sort -n | tail -1)" \
    "$(cut -d' ' -f2 "$work/$c" | median | awk '{ print $1 / 1024 }')" "$(cut -d' ' -f3 "$work/$c" | median)"
  echo "$wall" > "$work/$c.median"
done
cli_step "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v n="$(cat "$work/merge-native.median")" -v p="$(cat "$work/merge-python.median")" 'BEGIN {
  r = n / p
  printf "merge: native/python = %.3f; targets <= 20 ms and <= 0.15x: %s\n", r, (n <= 20 && r <= 0.15) ? "met" : "MISSED"
}'
