#!/usr/bin/env bash
# CPU time per photo of each imaging step of indexing (model source decode, thumbnail resizes
# before and now, JPEG against WebP encoding with sizes), on the photos of index-vs-seed.sh (run
# that once first) or FOLDER; RUNS runs, printed one after another.
# Usage: scripts/bench/thumbnail-steps.sh [FOLDER] [RUNS (default 3)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
folder=${1:-$root/.cache/bench/index-vs-seed/photos}
runs=${2:-3}
[ -d "$folder" ] || { echo "no photos at $folder: run scripts/bench/index-vs-seed.sh first" >&2; exit 1; }
binary="$root/.cache/bench/thumbnail-steps"
mkdir -p "$(dirname "$binary")"
# shellcheck disable=SC2046
cc -O2 -o "$binary" scripts/bench/thumbnail_steps/steps.c $(pkg-config --cflags --libs vips)
for run in $(seq "$runs"); do
    echo "run $run:"
    "$binary" "$folder"
done
