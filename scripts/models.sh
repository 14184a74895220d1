#!/usr/bin/env bash
# Fetches the ONNX Runtime library and builds the model files the product and its tests use:
# the offline pack (default model) and its tag words (WordNet), the tiny CLIP test model, one of
# each other tokenizer family (SigLIP, SigLIP2, XLM-R, NLLB) and the golden model inputs that follow
# Immich's code, the face models, the places data (offline reverse geocoding), the world outline of
# the map page and the OCR models. Idempotent, cached under .cache/.
# Usage: scripts/models.sh            prints the ONNX Runtime library's path
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runtime=$("$root/scripts/models/fetch-onnxruntime.sh")
"$root/scripts/models/build-offline-pack.sh"
"$root/scripts/models/build-tag-words.sh"
"$root/scripts/models/build-tiny-clip.sh"
"$root/scripts/models/build-tiny-families.sh"
"$root/scripts/models/build-image-golden.sh"
"$root/scripts/models/build-face-models.sh"
"$root/scripts/models/build-places.sh"
"$root/scripts/models/build-map.sh"
"$root/scripts/models/build-ocr-models.sh"
python3 "$root/scripts/models/make-test-models.py"
echo "$runtime"
