#!/usr/bin/env bash
# Query latency of a store: open + ASK, then every examples/queries/*.rq, each run $RUNS times
# (default 5) as its own process (open + query + printing as CSV), with the median (p50), the
# 95th percentile (p95, nearest rank: the slowest run when RUNS < 20) of the wall times and the
# median CPU time (user + system: what other processes on a shared machine do not inflate).
# A run longer than $QUERY_TIMEOUT seconds (default 600) is stopped and reported.
#   scripts/bench_queries.sh STORE [BIN]
# STORE is a store folder or a SPARQL server's URL; BIN the newsgraph binary (default: the
# release build in $CARGO_TARGET_DIR). Set OUT=DIR to keep each query's CSV answer in DIR,
# QUERIES=DIR to time the .rq files of another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
store="$1"
bin="${2:-${CARGO_TARGET_DIR:-$HOME/.cache/newsgraph-target}/release/newsgraph}"
runs="${RUNS:-5}"
limit="${QUERY_TIMEOUT:-600}"
[ -n "${OUT:-}" ] && mkdir -p "$OUT"
# One run: prints "WALL CPU" in seconds, or why it has none.
run() {
  local out="$1"; shift
  local tf status=0; tf=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$tf" timeout "$limit" "$bin" query --store "$store" "$@" --format csv \
    --timeout 0 --max-rows 0 >"$out" 2>/dev/null || status=$?
  case $status in
    0) awk 'NR == 1 { printf "%s %.2f\n", $1, $2 + $3 }' "$tf" ;;
    124) echo "stopped after ${limit} s" ;;
    *) echo "failed (exit status $status)" ;;
  esac
  rm -f "$tf"
}
# Prints the wall p50 and p95 and the CPU p50 of the runs of one query.
measure() {
  local out="$1"; shift
  local rows=() r
  for _ in $(seq "$runs"); do
    r=$(run "$out" "$@")
    case $r in [sf]*) echo "$r"; return ;; esac
    rows+=("$r")
  done
  printf '%s\n' "${rows[@]}" | python3 -c '
import math, sys
runs = [tuple(map(float, l.split())) for l in sys.stdin]
w, c, n = sorted(r[0] for r in runs), sorted(r[1] for r in runs), len(runs)
print(f"p50 {w[(n - 1) // 2]:.3f} s, p95 {w[math.ceil(0.95 * n) - 1]:.3f} s wall, p50 {c[(n - 1) // 2]:.2f} s CPU ({n} runs)")'
}
echo "open + ASK: $(measure /dev/null "ASK { ?a a schema:NewsArticle }")"
for q in "${QUERIES:-examples/queries}"/*.rq; do
  name=$(basename "$q" .rq)
  out=/dev/null
  [ -n "${OUT:-}" ] && out="$OUT/$name.csv"
  r=$(measure "$out" --file "$q")
  rows=""
  [ "$out" != /dev/null ] && [ -f "$out" ] && rows=", $(( $(wc -l <"$out") - 1 )) rows"
  echo "$name: $r$rows"
done
