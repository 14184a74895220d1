#!/usr/bin/env bash
# Benchmark: duplicate detection per tier (exact, near-identical, similar shots) on variants made
# from real photos (resized, recompressed at several qualities, format-converted, EXIF stripped,
# cropped 2-10%, rotated via EXIF, colour-shifted, burst frames) against distinct real photos
# (more DATA.md photos and Tux Paint stamps), indexed with the offline CLIP pack; then the
# project's dHash/pHash against PyPI imagehash (the golden test's data). Prints precision and
# recall of pairs per tier.
# Usage: scripts/bench/duplicates.sh            (CONFIG=debug to use the debug build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
fixtures=$(scripts/fetch-fixtures.sh)
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
config=${CONFIG:-release}
scripts/quiet-build.sh -c "$config"
bin="$(swift build -c "$config" --show-bin-path)"
scripts/bench/duplicates-golden.sh "$fixtures"
python="$root/.cache/venv-duplicates/bin/python"

work="$root/.cache/bench/duplicates"
rm -rf "$work"
mkdir -p "$work/photos"
cd "$fixtures"
sources=(
    skimage/astronaut.png skimage/chelsea.png skimage/coffee.png skimage/rocket.jpg skimage/motorcycle_left.png
    skimage/hubble_deep_field.jpg face-recognition/obama.jpg face-recognition/biden.jpg face-recognition/obama2.jpg
    pillow/hopper.bmp pillow/flower.jpg skimage/camera.png
)
mapfile -t stamps < <(find tuxpaint-stamps -name '*.png' -not -path '*/cartoon/*' -not -path '*/symbols/*' | LC_ALL=C sort | awk 'NR % 2 == 1')
negatives=(skimage/coins.png skimage/horse.png skimage/retina.jpg face-recognition/obama3.jpg skimage/moon.png "${stamps[@]}")
"$python" "$root/scripts/bench/duplicates_variants.py" "$work/photos" "${sources[@]}" -- "${negatives[@]}"
cd "$root"

export GALLERY_HOME="$work/home"
"$bin/gallery" models import .cache/models/offline-pack >/dev/null
start=$(date +%s.%N)
"$bin/gallery" index "$work/photos" --no-faces --no-ocr --json >"$work/index.json" 2>/dev/null
end=$(date +%s.%N)
for tier in exact near similar; do
    "$bin/gallery" duplicates list --tier "$tier" --limit 1000 --json >"$work/$tier.json"
done
echo "Smart Gallery duplicates benchmark: $(nproc) cores, $config build, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "indexed (with hashing and lookup) in $(python3 -c "print(round($end - $start, 1))") s"
"$python" scripts/bench/duplicates_score.py "$work/photos" "$work/exact.json" "$work/near.json" "$work/similar.json"
"$python" scripts/bench/duplicates_golden_check.py "$work/photos" "$GALLERY_HOME/catalog.sqlite" 4
