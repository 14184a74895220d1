#!/usr/bin/env bash
# Benchmark (issue 14): `gallery index` against a seed-style Python pipeline (Pillow decode,
# resize and centre crop, onnxruntime in batches of 16, vectors into SQLite:
# scripts/bench/seed_pipeline/index.py) on the same photos and the same image.onnx (the offline
# pack's), in one run. Faces and OCR are off on our side (the peer does neither); our side still
# hashes, reads EXIF, writes two thumbnails and tags. Each side runs RUNS times on a fresh
# catalogue; prints images/s and CPU seconds (user + sys, from /usr/bin/time) per image, each as
# min/median/max, CPU use, peak RSS, our stage seconds (median) and the ratio of the medians.
# Photos: Debian's mate-backgrounds (30 wallpapers and camera photos, 1280-2560 px), the DATA.md
# fixtures (skimage, piexif, face_recognition) and the first 150 Tux Paint stamps: the same mix of
# small labelled photos and 1-2.5K pictures the issue measured.
# Usage: scripts/bench/index-vs-seed.sh [RUNS (default 3)]; GALLERY_BIN=PATH measures that binary instead
# of building this checkout.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
runs=${1:-3}
fixtures=$(scripts/fetch-fixtures.sh --all)
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
if [ -n "${GALLERY_BIN:-}" ]; then
    gallery=$GALLERY_BIN  # another build of `gallery` (an earlier commit's), measured as it is
else
    scripts/quiet-build.sh -c release --product gallery
    gallery="$(swift build -c release --show-bin-path)/gallery"
fi
python="$root/.cache/venv-image-golden/bin/python"  # numpy, Pillow 13.0.0, onnxruntime 1.31.1 (build-image-golden.sh)
pack="$root/.cache/models/offline-pack"
work="$root/.cache/bench/index-vs-seed"
photos="$work/photos"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }; }

if [ ! -f "$photos/.done" ]; then
    rm -rf "$photos" "$work/mate"
    mkdir -p "$photos" "$work/mate"
    (cd "$work" && apt-get download -q mate-backgrounds=1.26.0-1 >/dev/null 2>&1) || { echo "apt-get download mate-backgrounds failed" >&2; exit 1; }
    dpkg-deb -x "$work"/mate-backgrounds_*.deb "$work/mate"
    find "$work/mate" -type f \( -name '*.jpg' -o -name '*.png' \) -exec cp {} "$photos/" \;
    for folder in skimage piexif face-recognition; do
        find "$fixtures/$folder" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) ! -name notjpeg.jpg \
            -exec sh -c 'cp "$1" "$2/$3-$(basename "$1")"' _ {} "$photos" "$folder" \;
    done
    find "$fixtures/tuxpaint-stamps" -type f -name '*.png' | sort | head -n 150 | while read -r stamp; do
        cp "$stamp" "$photos/stamp-$(basename "$stamp")"
    done
    touch "$photos/.done"
fi
count=$(find "$photos" -type f ! -name .done | wc -l)
read -r size crop mean std <<<"$("$python" -c '
import json, sys
p = json.load(open(sys.argv[1]))["image"]["preprocess"]
print(p["size"], p["crop_fraction"], ",".join(map(str, p["mean"])), ",".join(map(str, p["std"])))' "$pack/manifest.json")"

timed() {  # OUT COMMAND...: runs COMMAND under /usr/bin/time; OUT gets "cpu_percent peak_kib cpu_seconds"
    local out=$1
    shift
    /usr/bin/time -f '%P %M %U %S' -o "$out" "$@"
    read -r percent peak user sys <"$out"
    echo "$percent $peak $(python3 -c "print(f'{$user + $sys:.2f}')")" >"$out"
}

echo "index-vs-seed: $count photos, $(nproc) cores, $runs runs each, $(git rev-parse --short HEAD 2>/dev/null || echo unknown), load $(cut -d' ' -f1-3 /proc/loadavg)"
ours=() theirs=() stages=()
for run in $(seq "$runs"); do
    home="$work/home"
    rm -rf "$home"
    mkdir -p "$home"
    printf 'faces: { enabled: false }\nocr: { enabled: false }\n' >"$home/config.yaml"
    GALLERY_HOME="$home" "$gallery" models import "$pack" >/dev/null
    start=$(date +%s.%N)
    timed "$work/ours.time" env GALLERY_HOME="$home" "$gallery" index "$photos" --json >"$work/ours.json" 2>/dev/null
    end=$(date +%s.%N)
    stages+=("$(python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['stage_seconds']))" "$work/ours.json")")
    ours+=("$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); c=d['counts']; print(f\"{(c['added']) / ($end - $start):.1f} {c['added']} {c['failed']} $(cat "$work/ours.time")\")" "$work/ours.json")")
    rm -f "$work/seed.sqlite"
    timed "$work/seed.time" "$python" scripts/bench/seed_pipeline/index.py --photos "$photos" --model "$pack/image.onnx" \
        --size "$size" --crop "$crop" --mean ${mean//,/ } --std ${std//,/ } --db "$work/seed.sqlite" >"$work/seed.json"
    theirs+=("$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f\"{d['images_per_second']:.1f} {d['images']} {d['failed']} $(cat "$work/seed.time")\")" "$work/seed.json")")
    echo "run $run: gallery index ${ours[-1]%% *} images/s, seed-style pipeline ${theirs[-1]%% *} images/s"
done
python3 - "$(printf '%s\n' "${ours[@]}")" "$(printf '%s\n' "${theirs[@]}")" "$(printf '%s\n' "${stages[@]}")" <<'PY'
import json, statistics, sys
def parse(block):
    rows = [line.split() for line in block.strip().splitlines()]
    return [float(r[0]) for r in rows], rows
ours, our_rows = parse(sys.argv[1])
theirs, their_rows = parse(sys.argv[2])
def spread(values, digits):
    return f"min {min(values):.{digits}f}  median {statistics.median(values):.{digits}f}  max {max(values):.{digits}f}"
def line(name, rates, rows):
    images = int(rows[0][1])
    cpu_ms = [float(r[5]) / images * 1000 for r in rows]
    rss = max(int(r[4]) for r in rows) / 1024
    print(f"{name:<20} images/s {spread(rates, 1)}   CPU ms/image {spread(cpu_ms, 1)}")
    print(f"{'':<20} images {images} (failed {rows[0][2]})  CPU use {'/'.join(r[3] for r in rows)}  peak RSS {rss:.0f} MiB")
    return statistics.median(cpu_ms)
our_cpu = line("gallery index", ours, our_rows)
their_cpu = line("seed-style pipeline", theirs, their_rows)
runs = [json.loads(row) for row in sys.argv[3].strip().splitlines()]
print("gallery index stage seconds (median, summed over workers): " + ", ".join(
    f"{name} {statistics.median(run[name] for run in runs):.2f}" for name in runs[0] if any(run[name] for run in runs)))
print(f"ratio (median images/s): {statistics.median(ours) / statistics.median(theirs):.2f}x;"
      f" CPU per image, seed-style / ours: {their_cpu / our_cpu:.2f}x")
PY
