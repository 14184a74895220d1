#!/usr/bin/env bash
# Benchmark: text-search latency (p50/p95, with and without a metadata filter), text-encoding
# time and peak memory at 10k and 100k images. Indexes N Fashion-MNIST images with the offline
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
swift build -c release --product gallery --product gallery-bench 2>&1 | grep -E "error:" >&2 || true
bin="$(swift build -c release --show-bin-path)"

fmnist="$root/.cache/bench/fashion-mnist-$count"
if [ ! -f "$fmnist/.done" ]; then
    rm -rf "$fmnist"
    python3 scripts/bench/fashion_mnist_to_png.py "$fixtures/fashion-mnist/train-images-idx3-ubyte.gz" "$fmnist" "$count"
    touch "$fmnist/.done"
fi
export GALLERY_HOME="$root/.cache/bench/home-search-$count"
"$bin/gallery" models import .cache/models/offline-pack >/dev/null
"$bin/gallery" index "$fmnist" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin); s = d["stage_seconds"]; c = d["counts"]
print(f"indexed with embeddings: {c[\"added\"] + c[\"embedded\"]} new, {c[\"unchanged\"]} unchanged in {d[\"seconds\"]:.1f} s "
      f"({d[\"files_per_second\"]:.1f} files/s); CPU s: thumbnails {s[\"thumbnails\"]:.1f}, model input {s[\"decode_for_model\"]:.1f}, "
      f"inference {s[\"inference\"]:.1f}, catalogue {s[\"catalog_writes\"]:.1f}; peak RSS {d[\"peak_rss_bytes\"] >> 20} MiB")'
"$bin/gallery-bench" --home "$GALLERY_HOME" --sizes "$sizes"
