#!/usr/bin/env bash
# Search quality on the Tux Paint photo stamps: indexes them with the active model (the offline
# pack by default) into a scratch GALLERY_HOME, then prints recall@1/5/10 and MRR for caption
# queries and "a photo of a X" class queries.
# Usage: scripts/eval/tuxpaint.sh [MODEL_FOLDER]   (default: .cache/models/offline-pack)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
fixtures=$(scripts/fetch-fixtures.sh --all)
model=${1:-$root/.cache/models/offline-pack}
scripts/quiet-build.sh -c release --product gallery
gallery="$(swift build -c release --show-bin-path)/gallery"

work="$root/.cache/eval/tuxpaint"
mkdir -p "$work"
# The indexer stores real paths: in a worktree whose .cache is a symbolic link, the queries must
# name the photos by theirs too, or nothing matches.
work=$(cd "$work" && pwd -P)
python3 scripts/eval/tuxpaint_queries.py "$fixtures/tuxpaint-stamps" "$work"
export GALLERY_HOME="$work/home"
export GALLERY_ONNXRUNTIME="${GALLERY_ONNXRUNTIME:-$root/.cache/onnxruntime/libonnxruntime.so.1.31.1}"
"$gallery" models import "$model" --name "$(basename "$model")" >/dev/null
"$gallery" models use "$(basename "$model")" >/dev/null
"$gallery" index "$work/photos" >/dev/null
echo "model $(basename "$model"): captions: $("$gallery" eval "$work/captions.jsonl")"
echo "model $(basename "$model"): classes:  $("$gallery" eval "$work/classes.jsonl")"
