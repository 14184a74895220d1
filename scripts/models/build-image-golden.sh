#!/usr/bin/env bash
# Builds the golden model inputs and embeddings that prove the Swift image preprocessing gives
# Immich's vectors, into .cache/models/image-golden/ (ignored by git):
#   photos/*      test photos of every shape and kind (square, wide, tall, tiny, huge, grey, RGBA,
#                 CMYK, 16-bit, ICC, EXIF-rotated, palette), made from the shared fixtures
#   golden.json   per photo: the model input Immich's code makes (tensor file) and the tiny CLIP's
#                 embedding of it (onnxruntime)
# The reference follows Immich: the server's preview (libvips thumbnail, upright, 8-bit sRGB,
# short side <= 1440; Immich's server uses libvips through sharp), then Immich's machine-learning
# transforms on it (Pillow: convert("RGB"), resize_pil, crop_pil, to_numpy, normalize). The preview
# comes from pyvips on Debian's libvips, the library the Swift side uses.
# Idempotent: with the files in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-image-golden.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
out="$root/.cache/models/image-golden"
downloads="$root/.cache/downloads/image-golden"
logs="$root/.cache/models/logs"
venv="$root/.cache/venv-image-golden"
model="$root/.cache/models/tiny-clip"

PINS="numpy==2.4.6 pillow==13.0.0 onnxruntime==1.31.1 cffi==2.1.1 pycparser==3.12"
PYVIPS="pyvips-3.0.0.tar.gz"
PYVIPS_SHA256="79459975e4a16089b0eaafed26eb1400ae66ebc16d3ff3a7d2241abcf19dc9e8"

stamp=$({ cat "$here/build-image-golden.sh" "$here/image_golden/"*.py "$model/.done"; } | sha256sum | cut -d' ' -f1)
# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
[ "${1:-}" != "--force" ] && is_built "$out" "$stamp" golden.json && exit 0

begin_build image-golden
apt_install_missing "$logs/image-golden-apt.log" libvips42 python3-venv
make_venv "$venv" "$PINS|$PYVIPS"
# shellcheck disable=SC2086
install_wheels "$venv" $PINS
# pyvips is an sdist only: its pure-Python ABI mode needs no build, so it is unpacked, not installed.
if [ ! -s "$downloads/$PYVIPS" ] || [ "$(sha256sum "$downloads/$PYVIPS" | cut -d' ' -f1)" != "$PYVIPS_SHA256" ]; then
    log "fetching ${PYVIPS%.tar.gz} (PyPI sdist)"
    "$venv/bin/pip" download -q --no-deps --no-build-isolation -d "$downloads" pyvips==3.0.0 >"$logs/image-golden-fetch.log" 2>&1 \
        || "$venv/bin/pip" download -q --no-deps -d "$downloads" pyvips==3.0.0 >"$logs/image-golden-fetch.log" 2>&1 \
        || { tail -n 20 "$logs/image-golden-fetch.log" >&2; fail "pip download pyvips==3.0.0"; }
    [ "$(sha256sum "$downloads/$PYVIPS" | cut -d' ' -f1)" = "$PYVIPS_SHA256" ] || fail "$PYVIPS: sha256 differs from the pinned one"
fi
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
if [ ! -f "$site/pyvips/__init__.py" ]; then
    tar -xzf "$downloads/$PYVIPS" -C "$venv" || fail "tar -xzf $PYVIPS"
    cp -r "$venv/${PYVIPS%.tar.gz}/pyvips" "$site/"
fi
echo "$PINS|$PYVIPS" >"$venv/.pins"

"$root/scripts/fetch-fixtures.sh" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log "building the golden model inputs"
"$venv/bin/python" "$here/image_golden/build.py" --fixtures "$root/.cache/fixtures" --model "$model" --out "$tmp" \
    >"$logs/image-golden-build.log" 2>&1 || { tail -n 20 "$logs/image-golden-build.log" >&2; fail "build.py"; }
rm -rf "$out/photos" "$out/tensors"
finish_build "$tmp" golden.json photos tensors
