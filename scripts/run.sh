#!/usr/bin/env bash
# The main job: installs what is missing, builds in release mode, installs the offline model pack,
# the face models, the places data and ONNX Runtime into the data folder, indexes the folders given (or a small sample of real
# photos it fetches), prints the catalogue's status, then serves the web UI and API.
# Usage: scripts/run.sh [FOLDER...]      (GALLERY_HOME chooses the data folder;
#        GALLERY_PORT the port, default 8080; GALLERY_NO_SERVE=1 stops after indexing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/setup.sh

runtime=$(scripts/models.sh)
scripts/quiet-build.sh -c release --product gallery
gallery="$(swift build -c release --show-bin-path)/gallery"

# Everything written into the data folder from here on is private to its owner (0700/0600).
umask 077
# Install the runtime and the offline pack into the data folder (once, or when they change).
home=$("$gallery" status --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["home"])')
if ! cmp -s "$runtime" "$home/runtime/$(basename "$runtime")"; then
    install -D -m 0600 "$runtime" "$home/runtime/$(basename "$runtime")"
fi
if ! cmp -s .cache/models/offline-pack/manifest.json "$home/models/offline-pack/manifest.json"; then
    "$gallery" models import .cache/models/offline-pack >/dev/null
fi
# The words of the offline pack's tags (WordNet) go to <home>/models/tag-words (keyword search).
if ! cmp -s .cache/models/tag-words/tag-words.json "$home/models/tag-words/tag-words.json"; then
    install -D -m 0600 .cache/models/tag-words/tag-words.json "$home/models/tag-words/tag-words.json"
fi
# The face models (BlazeFace ONNX + dlib's landmarks and descriptor) go to <home>/models/faces.
if ! cmp -s .cache/models/faces/faces.json "$home/models/faces/faces.json"; then
    mkdir -p "$home/models/faces"
    cp .cache/models/faces/*.onnx .cache/models/faces/*.dat .cache/models/faces/faces.json "$home/models/faces/"
fi
# The places data (offline reverse geocoding, GeoNames) goes to <home>/models/places.
if ! cmp -s .cache/models/places/manifest.json "$home/models/places/manifest.json"; then
    mkdir -p "$home/models/places"
    cp .cache/models/places/places.tsv .cache/models/places/countries.tsv "$home/models/places/"
    cp .cache/models/places/manifest.json "$home/models/places/"
fi
# The world outline of the map page (Natural Earth) goes to <home>/models/map.
if ! cmp -s .cache/models/map/world.geojson "$home/models/map/world.geojson"; then
    install -D -m 0600 .cache/models/map/world.geojson "$home/models/map/world.geojson"
fi
# The OCR models (PP-OCRv5 mobile detection, recognition, orientation + dictionary) go to <home>/models/ocr.
if ! cmp -s .cache/models/ocr/ocr.json "$home/models/ocr/ocr.json"; then
    mkdir -p "$home/models/ocr"
    cp .cache/models/ocr/{det,rec,cls}.onnx .cache/models/ocr/ppocrv5_dict.txt .cache/models/ocr/ocr.json "$home/models/ocr/"
fi

if [ $# -eq 0 ]; then
    fixtures=$(scripts/fetch-fixtures.sh)
    set -- "$fixtures/skimage" "$fixtures/pillow-heif" "$fixtures/piexif" "$fixtures/face-recognition"
    echo "run: no folder given; indexing the sample photos in $fixtures" >&2
fi
"$gallery" index "$@"
"$gallery" status
echo "run: try: $gallery search \"a cat\"   (the binary is $gallery)" >&2
[ "${GALLERY_NO_SERVE:-}" = 1 ] && exit 0

# The folders just indexed become the server's allowed roots (for "Add folder" in the UI).
roots=()
for folder in "$@"; do roots+=(--allow-root "$folder"); done
echo "run: serving http://127.0.0.1:${GALLERY_PORT:-8080}/ (sign in with the token in $home/admin-token; Ctrl-C stops)" >&2
exec "$gallery" serve --port "${GALLERY_PORT:-8080}" "${roots[@]}"
