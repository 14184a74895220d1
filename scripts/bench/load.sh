#!/usr/bin/env bash
# Load test: text-search requests against `gallery serve` on loopback with wrk (Debian),
# 16 connections for 30 s; prints requests/s, latency percentiles, errors, and the server's
# memory before and after. Usage: scripts/bench/load.sh [SECONDS (default 30)] [CONNECTIONS (default 16)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
duration=${1:-30}
connections=${2:-16}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
fixtures=$(scripts/fetch-fixtures.sh --all)
export GALLERY_ONNXRUNTIME=$(scripts/models.sh)
scripts/quiet-build.sh -c release --product gallery
gallery="$(swift build -c release --show-bin-path)/gallery"

export GALLERY_HOME="$root/.cache/bench/home-load"
rm -rf "$GALLERY_HOME"
"$gallery" models import .cache/models/offline-pack >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$gallery" serve --port "$port" --allow-root "$fixtures" --log-level error >"$GALLERY_HOME.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
token=$(cat "$GALLERY_HOME/admin-token")
auth="Authorization: Bearer $token"

# A library to search: the sample photos and the Tux Paint stamps, indexed by a folder job.
job=$(curl -sf -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"path\": \"$fixtures/tuxpaint-stamps\"}" "http://127.0.0.1:$port/api/v1/collections/1/folders" \
    | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d.get("id") or d["job"]["id"])')
while :; do
    state=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/v1/jobs/$job" | python3 -c 'import json, sys; d = json.load(sys.stdin); print((d.get("job") or d)["state"])')
    [ "$state" = completed ] && break
    [ "$state" = failed ] && { echo "load: indexing failed" >&2; exit 1; }
    sleep 1
done
images=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/v1/collections/1/images?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')

cat > "$GALLERY_HOME/search.lua" <<LUA
local queries = {"a dog", "a red flower", "a bird on a branch", "a car", "fruit", "a house", "a cat", "an insect"}
local n = 0
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
request = function()
    n = n + 1
    return wrk.format(nil, "/api/v1/collections/1/search", nil, '{"query": "' .. queries[n % #queries + 1] .. '", "limit": 20}')
end
LUA
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$server/status"; }
echo "library: $images images; server memory before: $(rss)"
wrk -t 2 -c "$connections" -d "${duration}s" --latency -s "$GALLERY_HOME/search.lua" "http://127.0.0.1:$port" \
    | grep -E "Requests/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx|Socket errors"
echo "server memory after: $(rss)"
