#!/usr/bin/env bash
# Benchmark: the timeline, the map and the colour filter at library sizes (gallery-bench browse):
# a catalogue of N synthetic photos (labelled as such: spread capture dates, GPS positions, colour
# palettes) in a scratch folder, then p50/p95 of each browse query over repeated runs.
# Usage: scripts/bench/browse.sh [IMAGES] [RUNS]    (defaults 100000 and 10)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
scripts/quiet-build.sh -c release --product gallery-bench
bin="$(swift build -c release --show-bin-path)"
echo "Smart Gallery browse benchmark: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bin/gallery-bench" browse --images "${1:-100000}" --runs "${2:-10}"
