#!/usr/bin/env bash
# Builds the tiny CLIP-architecture test model (random, seeded weights) in Immich's model layout
# under .cache/models/tiny-clip, with golden outputs (tokenizer ids, text and image embeddings)
# computed by Python's tokenizers and onnxruntime for the Swift tests (swift test --filter Clip).
# Idempotent and quiet: skips everything when the model is already built from the same scripts.
# Needs Debian's python3-torch and python3-venv (apt) and PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.cache"
out="$cache/models/tiny-clip"
venv="$cache/venv-clip"
downloads="$cache/downloads/open_clip"
src="$root/scripts/models/tiny_clip"

log() { printf 'tiny-clip: %s\n' "$*" >&2; }

stamp=$(cat "$src"/*.py "$0" | sha256sum | cut -d' ' -f1)
if [ -f "$out/.done" ] && [ "$(cat "$out/.done")" = "$stamp" ]; then
    exit 0
fi

if ! /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then
    log "installing Debian python3-torch"
    apt-get install -y -qq --no-install-recommends python3-torch python3-venv >/dev/null \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-torch python3-venv >/dev/null; }
fi

# Debian's torch 1.13 needs numpy < 2: reuse Debian's numpy and install the rest without deps.
if ! "$venv/bin/python" -c 'import onnxruntime, tokenizers, PIL' >/dev/null 2>&1; then
    log "creating $venv"
    rm -rf "$venv"
    /usr/bin/python3 -m venv --system-site-packages "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps \
        onnxruntime==1.31.1 tokenizers==0.23.3 pillow==13.0.0 flatbuffers packaging protobuf sympy mpmath
fi

wheel=$(ls "$downloads"/open_clip_torch-*.whl 2>/dev/null | head -n 1 || true)
if [ -z "$wheel" ]; then
    log "fetching open_clip_torch (BPE vocabulary only)"
    mkdir -p "$downloads"
    pip download -q --disable-pip-version-check --no-deps --only-binary :all: \
        -d "$downloads" open_clip_torch==3.3.0 >/dev/null
    wheel=$(ls "$downloads"/open_clip_torch-*.whl | head -n 1)
fi
bpe="$downloads/bpe_simple_vocab_16e6.txt.gz"
if [ ! -f "$bpe" ]; then
    "$venv/bin/python" -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("open_clip/bpe_simple_vocab_16e6.txt.gz"))' "$wheel" "$bpe"
fi

"$root/scripts/fetch-fixtures.sh" >/dev/null
log "building $out"
"$venv/bin/python" "$src/build.py" --bpe "$bpe" --fixtures "$cache/fixtures/skimage" --out "$out" >/dev/null
echo "$stamp" > "$out/.done"
