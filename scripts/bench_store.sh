#!/usr/bin/env bash
# Store benchmark: fresh ingest of N generated articles (articles/s, peak RSS), one more
# article, open + ASK, and every examples/queries/*.rq (open + query, $RUNS runs each, default 5:
# p50 and p95, from scripts/bench_queries.sh).
#   scripts/bench_store.sh [N] [WORK_DIR] [BACKEND]
# BACKEND is memory (default), rocksdb (built with --features rocksdb; needs libclang), or
# server: a local Oxigraph server (`oxigraph serve`, from python3 -m pip install oxigraph) on a
# free port of 127.0.0.1, its data in WORK_DIR, written and read through the SPARQL protocols.
# Articles come from scripts/gen_corpus.py (recombined ../shared/eval/dev articles, read at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"
work="${2:-$(mktemp -d)}"
backend="${3:-memory}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/newsgraph-target}"
features=()
[ "$backend" = rocksdb ] && features=(--features rocksdb)
cargo build --release --quiet "${features[@]}"
bin="$CARGO_TARGET_DIR/release/newsgraph"
mkdir -p "$work"
[ -f "$work/corpus-$n.jsonl" ] || python3 scripts/gen_corpus.py "$n" "$work/corpus-$n.jsonl"
python3 scripts/gen_corpus.py 1 "$work/one.jsonl" --start "$n"
store="$work/store-$backend-$n"
rm -rf "$store"
target="$store"
backend_args=(--backend "$backend")
if [ "$backend" = server ]; then
  command -v oxigraph >/dev/null || { echo "the server backend needs oxigraph: python3 -m pip install oxigraph" >&2; exit 1; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  oxigraph serve --location "$store" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null' EXIT
  until python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null; do sleep 0.1; done
  target="http://127.0.0.1:$port"
  backend_args=()
fi
# Wall time, CPU time (user + system: what other processes on a shared machine do not inflate) and peak RSS.
t() { /usr/bin/time -f "$1: %e s wall, %U+%S s CPU, peak RSS %M KiB" "${@:2}" 2>&1 >/dev/null | grep -v '^newsgraph: .*same content' | tail -1; }
echo "backend $backend, $n articles, $(nproc) cores"
line=$(t "fresh ingest of $n" "$bin" ingest "${backend_args[@]}" --store "$target" "$work/corpus-$n.jsonl")
echo "$line"
secs=$(echo "$line" | sed -E 's/.*: ([0-9.]+) s wall.*/\1/')
cpu=$(echo "$line" | sed -E 's/.*, ([0-9.]+)\+([0-9.]+) s CPU.*/\1+\2/')
python3 -c "print(f'  = {$n / $secs:.0f} articles/s wall, {$n / ($cpu):.0f} articles per CPU second')"
# The server's own CPU time is not in the client's figures.
[ -n "${server_pid:-}" ] && echo "  server CPU time so far: $(ps -o cputime= -p "$server_pid" | tr -d ' ') (peak RSS $(grep VmHWM /proc/"$server_pid"/status | tr -s ' ' | cut -d' ' -f2) KiB)"
t "one more article" "$bin" ingest --store "$target" "$work/one.jsonl"
t "open + ASK" "$bin" query --store "$target" "ASK { ?a a schema:NewsArticle }"
# Query latency: open + ASK and each example query, p50 and p95 over $RUNS runs.
scripts/bench_queries.sh "$target" "$bin"
du -sh "$store"
