#!/usr/bin/env bash
# API fuzz run: a server over a small real library (offline pack and face models, a few photos
# indexed by the CLI as the admin), fuzzed through its own /openapi.json by schemathesis (PyPI, pinned, in
# .cache/venv-fuzz) with real ids; fails on any 5xx or a dead server.
# Usage: scripts/fuzz/run.sh [EXAMPLES_PER_OPERATION]   (SKIP_BUILD=1: use the existing debug build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
examples=${1:-40}
venv="$root/.cache/venv-fuzz"
if ! "$venv/bin/python" -c 'import schemathesis' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q schemathesis==4.32.5 >&2
fi
if [ -z "${SKIP_BUILD:-}" ]; then
    swift build --product gallery >/tmp/gallery-fuzz-build.log 2>&1 || { cat /tmp/gallery-fuzz-build.log >&2; exit 1; }
fi
gallery="$(swift build --show-bin-path)/gallery"
fixtures=$(scripts/fetch-fixtures.sh)
work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$work"
    return 0
}
trap cleanup EXIT
export GALLERY_HOME="$work/home"
mkdir -p "$work/photos"
cp "$fixtures"/skimage/{chelsea.png,coffee.png,rocket.jpg,astronaut.png} "$work/photos/"
"$gallery" models import .cache/models/offline-pack >/dev/null
mkdir -p "$GALLERY_HOME/models/faces"
cp .cache/models/faces/*.onnx .cache/models/faces/*.dat "$GALLERY_HOME/models/faces/"
cp "$fixtures"/face-recognition/{obama.jpg,obama2.jpg,obama3.jpg,biden.jpg} "$work/photos/"
"$gallery" index "$work/photos" >/dev/null 2>&1
"$gallery" serve --port 0 --allow-root "$work/photos" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.out")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "${port:-}" ] || { cat "$work/server.log" >&2; exit 1; }
token=$(cat "$GALLERY_HOME/admin-token")
image=$("$gallery" search --json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["id"])')
cid=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/collections" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["collections"][0]["id"])')
ids="{\"cid\": $cid, \"id\": $image}"
"$venv/bin/python" scripts/fuzz/api_fuzz.py "http://127.0.0.1:$port" "$token" "$ids" "$examples"
