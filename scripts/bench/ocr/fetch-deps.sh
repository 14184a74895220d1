#!/usr/bin/env bash
# Fetches the Debian packages the OCR benchmark set is made from (fonts, the English word list,
# a Chinese word list) with apt-get, unpacked with dpkg -x under .cache/bench/ocr-deps (nothing
# is installed system-wide). Idempotent and quiet when everything is there; prints the folder.
# Usage: scripts/bench/ocr/fetch-deps.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
dest="$root/.cache/bench/ocr-deps"
downloads="$root/.cache/downloads/ocr-bench-debs"
mkdir -p "$dest" "$downloads"

# Latin fonts (sans, serif, mono, bold, italic), CJK fonts (WenQuanYi Micro Hei 1.6 MB and Droid
# Sans Fallback 1.8 MB rather than Noto CJK's 57 MB), the EFF word list inside diceware (7,776
# English words chosen to be memorable and inoffensive: wamerican's 100,000 include slurs), and
# friso's Chinese lexicon (169,000 words).
packages=(fonts-dejavu-core fonts-liberation fonts-freefont-ttf fonts-open-sans fonts-crosextra-carlito
    fonts-wqy-microhei fonts-droid-fallback diceware friso-dict)

for package in "${packages[@]}"; do
    [ -f "$dest/$package/.done" ] && continue
    echo "ocr-bench: fetching $package (Debian)" >&2
    if ! ls "$downloads/${package}"_*.deb >/dev/null 2>&1; then
        (cd "$downloads" && apt-get download -q "$package" >/dev/null 2>&1) \
            || { apt-get update -qq && (cd "$downloads" && apt-get download -q "$package" >/dev/null); }
    fi
    rm -rf "${dest:?}/$package"
    dpkg -x "$(ls "$downloads/${package}"_*.deb | head -n 1)" "$dest/$package"
    touch "$dest/$package/.done"
done
echo "$dest"
