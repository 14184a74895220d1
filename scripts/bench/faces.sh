#!/usr/bin/env bash
# Benchmark: face detection and clustering quality and speed (gallery-bench faces), then the
# extra indexing cost of faces: the DATA.md sample photos indexed without and with faces
# (no embedding model in either run, so the difference is the face stage), release build.
# Usage: scripts/bench/faces.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
fixtures=$(scripts/fetch-fixtures.sh)
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
scripts/quiet-build.sh -c release
bin="$(swift build -c release --show-bin-path)"

echo "Smart Gallery face benchmark: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bin/gallery-bench" faces --fixtures "$fixtures" --models .cache/models/faces

work="$root/.cache/bench/faces"
photos=("$fixtures/skimage" "$fixtures/pillow-heif" "$fixtures/piexif" "$fixtures/face-recognition")
for mode in without with; do
    rm -rf "$work"
    flag=(--no-faces)
    [ "$mode" = with ] && flag=()
    GALLERY_HOME="$work" GALLERY_FACE_MODELS="$root/.cache/models/faces" \
        "$bin/gallery" index "${photos[@]}" --no-embed "${flag[@]}" --json 2>/dev/null | python3 -c '
import json, sys
mode, data = sys.argv[1], json.load(sys.stdin)
c, s = data["counts"], data["stage_seconds"]
read = c["added"] + c["updated"] + c["moved"] + c["failed"]
faces = data.get("faces")
line = "index %d sample photos %s faces: wall %.2f s, %.1f files/s, peak RSS %.0f MiB" % (
    read, mode, data["seconds"], data["files_per_second"], data["peak_rss_bytes"] / 2**20)
if faces:
    clustering = faces["clustering"]
    line += ", face stage %.2f CPU s = %.0f ms per image; %d faces, %d persons" % (
        s["faces"], s["faces"] / max(read, 1) * 1000, clustering["faces"], clustering["persons"])
print(line)
' "$mode"
done
rm -rf "$work"
