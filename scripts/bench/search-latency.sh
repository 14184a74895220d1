#!/usr/bin/env bash
# Benchmark: text-search latency (p50/p95, with and without a metadata filter), text-encoding
# time and peak memory at 10k and 100k images, the time of the first search after a start and
# of in-place index refreshes at the same sizes, and the image model's bare throughput. Indexes N Fashion-MNIST images with the offline
# pack (real embeddings), then grows the index to each size with labelled synthetic copies.
# Usage: scripts/bench/search-latency.sh [N_REAL (default 10000)] [SIZES (default 10000,100000)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
count=${1:-10000}
sizes=${2:-10000,100000}
fixtures=$(scripts/fetch-fixtures.sh --all)
export GALLERY_ONNXRUNTIME=$(scripts/models.sh)
scripts/quiet-build.sh -c release
bin="$(swift build -c release --show-bin-path)"

fmnist=$(scripts/bench/fashion-mnist.sh "$count")
export GALLERY_HOME="$root/.cache/bench/home-search-$count"
"$bin/gallery" models import .cache/models/offline-pack >/dev/null
rm -rf "$GALLERY_HOME/catalog.sqlite"* "$GALLERY_HOME/thumbnails"
"$bin/gallery" index "$fmnist" --json 2>/dev/null | python3 scripts/bench/print_index_summary.py
"$bin/gallery-bench" search --home "$GALLERY_HOME" --sizes "$sizes"
# The first search after a start (the index loaded from the catalogue) and in-place refreshes.
"$bin/gallery-bench" first-search --home "$GALLERY_HOME" --sizes "$sizes"
# The image model alone, on tensors decoded and prepared before timing.
"$bin/gallery-bench" model --model .cache/models/offline-pack \
    --photos "$fixtures/skimage/chelsea.png" --photos "$fixtures/skimage/coffee.png" --photos "$fixtures/skimage/rocket.jpg"
