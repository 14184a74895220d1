#!/usr/bin/env bash
# Search quality on the Tux Paint photo stamps: indexes them with the active model (the offline
# pack by default) into a scratch GALLERY_HOME, then prints recall@1/5/10 and MRR for caption
# queries and "a photo of a X" class queries, per signal of the hybrid search: the semantic side
# alone (--semantic-weight 1), the keyword side alone (0), and both fused (the default weight, by
# normalised scores and by reciprocal ranks).
# Usage: scripts/eval/tuxpaint.sh [MODEL_FOLDER]   (default: .cache/models/offline-pack)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
fixtures=$(scripts/fetch-fixtures.sh --all)
model=${1:-$root/.cache/models/offline-pack}
scripts/quiet-build.sh -c release --product gallery
gallery="$(swift build -c release --show-bin-path)/gallery"

# The offline pack and the WordNet tag words (built once, cached).
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
# Two libraries of the same photos: named as Tux Paint names them ("badger.png"), and under
# opaque camera-like names, where the keyword side knows only what the photos show.
for naming in named anonymous; do
    work="$root/.cache/eval/tuxpaint-$naming"
    mkdir -p "$work"
    # The indexer stores real paths: where .cache is a symbolic link, the queries must name the
    # photos by theirs too, or nothing matches.
    work=$(cd "$work" && pwd -P)
    flag=()
    [ "$naming" = anonymous ] && flag=(--anonymous)
    python3 scripts/eval/tuxpaint_queries.py "$fixtures/tuxpaint-stamps" "$work" "${flag[@]}"
    export GALLERY_HOME="$work/home"
    "$gallery" models import "$model" --name "$(basename "$model")" >/dev/null
    "$gallery" models use "$(basename "$model")" >/dev/null
    install -D -m 0600 .cache/models/tag-words/tag-words.json "$GALLERY_HOME/models/tag-words/tag-words.json"
    "$gallery" index "$work/photos" >/dev/null
    for set in captions classes; do
        echo "model $(basename "$model"), $naming files, $set:"
        echo "  semantic only  $("$gallery" eval "$work/$set.jsonl" --semantic-weight 1)"
        echo "  keywords only  $("$gallery" eval "$work/$set.jsonl" --semantic-weight 0)"
        echo "  fused (score)  $("$gallery" eval "$work/$set.jsonl" --fusion score)"
        echo "  fused (rrf)    $("$gallery" eval "$work/$set.jsonl" --fusion rrf)"
    done
done
