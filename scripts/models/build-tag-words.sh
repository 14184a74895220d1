#!/usr/bin/env bash
# Builds the words of the offline pack's tags into .cache/models/tag-words/ (ignored by git):
#   tag-words.json  every ImageNet class of the pack (WordNet 3.0 noun synsets, `n02123045` =
#                   tabby cat) with its synonyms and hypernyms ("domestic cat", "cat", "feline",
#                   ... "animal"; abstract levels such as "whole" or "object" left out)
#   tag-words.manifest.json   file, sha256, counts, source (not manifest.json: a models/ folder
#                   with one is taken for an offline pack)
# WordNet comes from Debian's wordnet-base (downloaded with apt-get download, checksummed, unpacked;
# never installed). Needs the offline pack's classes.json (scripts/models/build-offline-pack.sh).
# Idempotent: with the words in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-tag-words.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
out="$root/.cache/models/tag-words"
classes="$root/.cache/models/offline-pack/classes.json"
OUT_FILES="tag-words.json tag-words.manifest.json"

log() { printf 'tag-words: %s\n' "$*" >&2; }
fail() { printf 'tag-words: FAILED: %s\n' "$*" >&2; exit 1; }
[ -s "$classes" ] || fail "$classes is missing (run scripts/models/build-offline-pack.sh first)"
# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
stamp=$({ cat "$here/build-tag-words.sh" "$here"/tag_words/*.py "$classes"; echo "$WORDNET_VERSION|$WORDNET_SHA256"; } | sha256sum | cut -d' ' -f1)
# shellcheck disable=SC2086
[ "${1:-}" != "--force" ] && is_built "$out" "$stamp" $OUT_FILES && exit 0

data_noun=$(fetch_wordnet "$root")
rm -rf "$out.tmp"
PYTHONPATH="$here/tag_words" python3 -B "$here/tag_words/build.py" --classes "$classes" \
    --data-noun "$data_noun" --source "wordnet-base $WORDNET_VERSION (WordNet 3.0)" \
    --out "$out.tmp" || { rm -rf "$out.tmp"; fail "reading WordNet (see above)"; }
echo "$stamp" >"$out.tmp/.stamp"
rm -rf "$out"
mv "$out.tmp" "$out"
log "done: $out"
