#!/usr/bin/env bash
# Benchmark: text-search latency (p50/p95 as min/median/max of 3 runs, with and without a
# metadata filter, the scan on one and two threads, and under concurrent searchers), recall@10
# against exact float32 search, text-encoding time and peak memory at each size; the time of the
# first search after a start and of in-place index refreshes; the image model's bare throughput.
# Indexes N Fashion-MNIST images with the offline pack (real embeddings), then grows the index
# to each size with labelled synthetic copies.
# Usage: scripts/bench/search-latency.sh [N_REAL (default 10000)] [SIZES (default 10000,100000)]
#        [FIRST_SEARCH_SIZES (default SIZES; each is written to a scratch catalogue)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
count=${1:-10000}
sizes=${2:-10000,100000}
first_search_sizes=${3:-$sizes}
fixtures=$(scripts/fetch-fixtures.sh --all)
export GALLERY_ONNXRUNTIME=$(scripts/models.sh)
scripts/quiet-build.sh -c release
bin="$(swift build -c release --show-bin-path)"

fmnist=$(scripts/bench/fashion-mnist.sh "$count")
export GALLERY_HOME="$root/.cache/bench/home-search-$count"
"$bin/gallery" models import .cache/models/offline-pack >/dev/null
rm -rf "$GALLERY_HOME/catalog.sqlite"* "$GALLERY_HOME/thumbnails"
"$bin/gallery" index "$fmnist" --json 2>/dev/null | python3 scripts/bench/print_index_summary.py
/usr/bin/time -f "search benchmark: %e s wall, %U s user, %S s system, CPU %P, max RSS %M KiB" \
    "$bin/gallery-bench" search --home "$GALLERY_HOME" --sizes "$sizes"
# The first search after a start (the index loaded from the catalogue) and in-place refreshes.
"$bin/gallery-bench" first-search --home "$GALLERY_HOME" --sizes "$first_search_sizes"
# The image model alone, on tensors decoded and prepared before timing.
"$bin/gallery-bench" model --model .cache/models/offline-pack \
    --photos "$fixtures/skimage/chelsea.png" --photos "$fixtures/skimage/coffee.png" --photos "$fixtures/skimage/rocket.jpg"
