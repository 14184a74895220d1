#!/usr/bin/env bash
# Set-up step (called by scripts/fetch-fixtures.sh): PyPI imagehash's dHash and pHash of real
# fixture photos, written to .cache/fixtures/imagehash-golden/golden.json for the golden test of
# Smart Gallery's own perceptual hashes (Tests/GalleryCoreTests/Duplicates). The venv is
# .cache/venv-duplicates with pinned wheels. Idempotent and quiet when done; logs to stderr.
# Usage: scripts/bench/duplicates-golden.sh FIXTURES_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
fixtures=${1:-$root/.cache/fixtures}
out="$fixtures/imagehash-golden"
venv="$root/.cache/venv-duplicates"
PINS="ImageHash==4.3.2 Pillow==13.0.0 numpy==2.4.6 scipy==1.17.1 PyWavelets==1.9.0"
log() { printf 'duplicates-golden: %s\n' "$*" >&2; }

if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.pins" 2>/dev/null)" != "$PINS" ]; then
    log "creating $venv ($PINS)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q --no-deps --only-binary :all: $PINS >&2
    echo "$PINS" >"$venv/.pins"
fi

[ -f "$out/.done" ] && [ "$(cat "$out/.done")" = "$PINS" ] && exit 0
log "computing imagehash golden hashes"
cd "$fixtures"
photos=(
    skimage/astronaut.png skimage/chelsea.png skimage/coffee.png skimage/rocket.jpg skimage/camera.png
    skimage/motorcycle_left.png skimage/hubble_deep_field.jpg skimage/coins.png skimage/horse.png skimage/ihc.png
    face-recognition/obama.jpg face-recognition/biden.jpg face-recognition/obama2.jpg
    face-recognition/obama3.jpg skimage/retina.jpg pillow/flower.jpg pillow/flower2.jpg pillow/hopper.bmp skimage/moon.png
)
mkdir -p "$out"
"$venv/bin/python" "$root/scripts/bench/duplicates_imagehash.py" "$fixtures" "${photos[@]}" >"$out/golden.json.tmp"
mv "$out/golden.json.tmp" "$out/golden.json"
echo "$PINS" >"$out/.done"
