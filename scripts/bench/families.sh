#!/usr/bin/env bash
# Benchmark: indexing and query speed of each tiny model family (CLIP, SigLIP, SigLIP2, XLM-R,
# NLLB, multilingual), with the release build. For each family, three runs: a fresh data folder,
# `models import`, `gallery index` of the skimage photos (images/s as `index --json` reports it),
# and `gallery-bench query-speed` (one query's embedding, p50 and p95 ms); printed as min/median/max
# of the three. The tiny models have random weights and tiny towers: this times the pipeline
# around them, and says nothing about how fast a real model of the family is.
# Usage: scripts/bench/families.sh [BUILD (release, default, or debug)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
build=${1:-release}
fixtures=$(scripts/fetch-fixtures.sh --all)
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
scripts/models/build-tiny-families.sh
scripts/quiet-build.sh -c "$build" --product gallery
scripts/quiet-build.sh -c "$build" --product gallery-bench
bin="$(swift build -c "$build" --show-bin-path)"
work=$(mktemp -d -t gallery-families.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "Tiny model families ($build build, $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)):"
echo "tiny models only: these figures time the pipeline, not a real model's speed"
printf '%-18s %-26s %-30s %-30s\n' family "index images/s" "query p50 ms" "query p95 ms"
for family in clip siglip siglip2 xlm-roberta nllb multilingual; do
    model="$root/.cache/models/tiny-$family"
    results=()
    for run in 1 2 3; do
        home="$work/home-$family-$run"
        GALLERY_HOME="$home" "$bin/gallery" models import "$model" --name "tiny-$family" >/dev/null
        index=$(GALLERY_HOME="$home" "$bin/gallery" index "$fixtures/skimage" --no-faces --no-ocr --threads 2 --json 2>/dev/null)
        query=$("$bin/gallery-bench" query-speed --model "$model" --json)
        results+=("$index" "$query")
        rm -rf "$home"
    done
    python3 - "$family" "${results[@]}" <<'PY'
import json, statistics, sys
family, values = sys.argv[1], [json.loads(v) for v in sys.argv[2:]]
index, query = values[0::2], values[1::2]
def spread(xs, fmt):
    return "/".join(fmt % x for x in (min(xs), statistics.median(xs), max(xs)))
print(f"{family:<18} {spread([i['files_per_second'] for i in index], '%.1f'):<26} "
      f"{spread([q['p50_ms'] for q in query], '%.2f'):<30} {spread([q['p95_ms'] for q in query], '%.2f'):<30}")
PY
done
echo "(min/median/max of 3 runs; index: $(ls "$fixtures/skimage" | grep -ciE '\.(png|jpe?g)$') skimage photos, 2 threads, no faces, no OCR)"
