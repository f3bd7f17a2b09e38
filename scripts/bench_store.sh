#!/usr/bin/env bash
# Store benchmark: fresh ingest of N generated articles, one more article, open + ASK.
#   scripts/bench_store.sh [N] [WORK_DIR]
# Articles come from scripts/gen_corpus.py (recombined ../shared/eval/dev articles, read at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"
work="${2:-$(mktemp -d)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/newsgraph-target}"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/newsgraph"
mkdir -p "$work"
python3 scripts/gen_corpus.py "$n" "$work/corpus.jsonl"
python3 scripts/gen_corpus.py 1 "$work/one.jsonl" --start "$n"
rm -rf "$work/store"
t() { /usr/bin/time -f "$1: %e s, peak RSS %M KiB" "${@:2}"; }
t "fresh ingest of $n" "$bin" ingest --store "$work/store" "$work/corpus.jsonl"
t "one more article" "$bin" ingest --store "$work/store" "$work/one.jsonl"
t "open + ASK" "$bin" query --store "$work/store" "ASK { ?a a schema:NewsArticle }"
ls -l "$work/store"
