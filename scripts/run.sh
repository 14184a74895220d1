#!/usr/bin/env bash
# The main job: installs what is missing, builds in release mode, indexes the folders given
# (or a small sample of real photos it fetches) and prints the catalogue's status.
# Usage: scripts/run.sh [FOLDER...]      (GALLERY_HOME chooses the data folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/setup.sh

swift build -c release --product gallery 2>&1 | grep -E "error|warning: .*deprecated|Compiling gallery|Build complete" | grep -v "^$" >&2 || true
gallery="$(swift build -c release --show-bin-path)/gallery"
[ -x "$gallery" ] || { echo "run: the build failed; run 'swift build -c release' to see why" >&2; exit 1; }

if [ $# -eq 0 ]; then
    fixtures=$(scripts/fetch-fixtures.sh)
    set -- "$fixtures/skimage" "$fixtures/pillow-heif" "$fixtures/piexif" "$fixtures/face-recognition"
    echo "run: no folder given; indexing the sample photos in $fixtures" >&2
fi
"$gallery" index "$@"
"$gallery" status
echo "run: the gallery binary is $gallery (try: $gallery search --help)" >&2
