#!/usr/bin/env bash
# Benchmark: dominant colours (gallery-bench colours). Accuracy on images whose colours are known
# (X11's named colours with one colour word in their name, from Debian's x11-common, as solid and
# 60/40 two-tone images through JPEG like a thumbnail), then the DATA.md sample photos in a contact
# sheet with their palettes to check by eye (.cache/bench/colours/contact-sheet.jpg and .txt).
# Usage: scripts/bench/colours.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
if [ ! -s /usr/share/X11/rgb.txt ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends x11-common >/dev/null
fi
fixtures=$(scripts/fetch-fixtures.sh)
scripts/quiet-build.sh -c release
bin="$(swift build -c release --show-bin-path)"
echo "Smart Gallery colour benchmark: $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bin/gallery-bench" colours --photos "$fixtures/skimage" --photos "$fixtures/pillow-heif/heif_other" \
    --photos "$fixtures/piexif" --photos "$fixtures/face-recognition" --out "$root/.cache/bench/colours"
