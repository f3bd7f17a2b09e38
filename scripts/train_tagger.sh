#!/usr/bin/env bash
# Retrains the name tagger (src/extract/tagger.rs) on the CoNLL-2003 training
# split in ../shared/eval/dev/conll2003/train and writes data/tagger.bin.
# Deterministic: fixed seed and epoch count. Scores the tagger alone on the
# dev split (never trained on). Usage: scripts/train_tagger.sh [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/newsgraph-target}"
shared="$(cd .. && pwd)/shared/eval/dev/conll2003"
cargo build --release --quiet --bin train_tagger
"$CARGO_TARGET_DIR/release/train_tagger" "$shared/train" data/tagger.bin "${1:-20}" "$shared/dev"
