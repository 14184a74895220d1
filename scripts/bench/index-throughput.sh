#!/usr/bin/env bash
# Benchmark: first index and no-change re-index over real photos and over Fashion-MNIST
# (volume), with the release build. Prints files/s, stage times and peak RSS for each run.
# Usage: scripts/bench/index-throughput.sh [FASHION_MNIST_COUNT (default 10000)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
count=${1:-10000}
fixtures=$(scripts/fetch-fixtures.sh --all)
scripts/quiet-build.sh -c release --product gallery
gallery="$(swift build -c release --show-bin-path)/gallery"
work="$root/.cache/bench"
mkdir -p "$work"

fmnist="$work/fashion-mnist-$count"
if [ ! -f "$fmnist/.done" ]; then
    rm -rf "$fmnist"
    python3 scripts/bench/fashion_mnist_to_png.py "$fixtures/fashion-mnist/train-images-idx3-ubyte.gz" "$fmnist" "$count"
    touch "$fmnist/.done"
fi

report() {  # NAME JSON
    python3 - "$1" "$2" <<'PY'
import json, sys
name, data = sys.argv[1], json.loads(sys.argv[2])
c, s = data["counts"], data["stage_seconds"]
read = c["added"] + c["updated"] + c["moved"] + c["failed"]
print(f"{name:<34} files {c['discovered']:>6}  read {read:>6}  failed {c['failed']:>4}  "
      f"wall {data['seconds']:7.2f} s  {data['files_per_second']:8.1f} files/s  "
      f"peak RSS {data['peak_rss_bytes'] / 2**20:6.0f} MiB")
print(f"{'':<34} stage CPU s: read+hash {s['read_and_hash']:.2f}, inspect {s['inspect']:.2f}, "
      f"thumbnails {s['thumbnails']:.2f}, catalogue {s['catalog_writes']:.2f}; crawl {data['crawl_seconds']:.2f} s wall")
PY
}

run() {  # NAME FOLDER...
    local name=$1
    shift
    local home="$work/home-$name"
    rm -rf "$home"
    report "$name: first index" "$(GALLERY_HOME="$home" "$gallery" index "$@" --json 2>/dev/null)"
    report "$name: no-change re-index" "$(GALLERY_HOME="$home" "$gallery" index "$@" --json 2>/dev/null)"
    rm -rf "$home"
}

echo "Smart Gallery indexing benchmark: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
run photos "$fixtures/skimage" "$fixtures/pillow-heif" "$fixtures/piexif" "$fixtures/face-recognition" "$fixtures/tuxpaint-stamps"
run fashion-mnist "$fmnist"
