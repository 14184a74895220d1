#!/usr/bin/env bash
# Builds a tiny model of each tokenizer family in Immich's catalogue besides CLIP's BPE (SigLIP,
# SigLIP2, XLM-R as M-CLIP, NLLB, plus "components" for the Hugging Face options those leave
# unused, and "multilingual" for the translation mechanism test) under .cache/models/tiny-<family>,
# in Immich's layout, with golden token ids (Python tokenizers, used as Immich's textual.py does)
# and text embeddings (Python onnxruntime) for the Swift tests
# (swift test --filter 'TokenizerFamily|ClipFamilyModel'). The tokenizers are trained
# with SentencePiece on a seeded corpus. Idempotent and quiet; runs build-tiny-clip.sh first (the
# shared visual tower and .cache/venv-clip).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.cache"
venv="$cache/venv-clip"
src="$root/scripts/models/tiny_families"
stamp_file="$cache/models/tiny-families.done"

log() { printf 'tiny-families: %s\n' "$*" >&2; }

"$root/scripts/models/build-tiny-clip.sh"
stamp=$(cat "$src"/*.py "$root"/scripts/models/tiny_clip/*.py "$0" | sha256sum | cut -d' ' -f1)
built=yes
for family in siglip siglip2 xlm-roberta nllb components multilingual; do
    [ -f "$cache/models/tiny-$family/golden.json" ] || built=no
done
if [ "$built" = yes ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    exit 0
fi
if ! "$venv/bin/python" -c 'import sentencepiece' >/dev/null 2>&1; then
    log "installing sentencepiece into $venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps sentencepiece==0.2.3
fi
log "building tiny SigLIP, SigLIP2, XLM-R, NLLB, components and multilingual models"
"$venv/bin/python" "$src/build.py" --tiny-clip "$cache/models/tiny-clip" --out-root "$cache/models" >/dev/null
echo "$stamp" > "$stamp_file"
