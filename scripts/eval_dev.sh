#!/usr/bin/env bash
# Scores the release binary on the development sets in ../shared/eval/dev.
# Usage: scripts/eval_dev.sh [polnear|conll|seeds|all] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
out="${2:-$(mktemp -d)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/newsgraph-target}"
bin="$CARGO_TARGET_DIR/release/newsgraph"
shared="$(cd .. && pwd)/shared/eval"
cargo build --release --quiet
mkdir -p "$out"

run() { # name articles
  rm -rf "$out/$1-store"
  "$bin" ingest --store "$out/$1-store" "$2" >/dev/null 2>"$out/$1-ingest.log" || true
  "$bin" export --store "$out/$1-store" --format nquads -o "$out/$1.nq"
  rm -rf "$out/$1-store"
}

if [[ $which == all || $which == polnear ]]; then
  run polnear "$shared/dev/polnear/articles"
  python3 "$shared/score_quotes.py" "$out/polnear.nq" "$shared/dev/polnear" | tee "$out/polnear.txt"
fi
if [[ $which == all || $which == conll ]]; then
  run conll "$shared/dev/conll2003/dev/articles"
  python3 "$shared/score_ner.py" "$out/conll.nq" "$shared/dev/conll2003/dev" | tee "$out/conll.txt"
fi
if [[ $which == all || $which == seeds ]]; then
  run seeds examples/articles
  python3 "$shared/score.py" "$out/seeds.nq" "$shared/gold/seeds" | tee "$out/seeds.txt"
fi
echo "outputs in $out"
