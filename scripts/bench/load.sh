#!/usr/bin/env bash
# Load test: text-search requests against `gallery serve` on loopback with wrk (Debian), over a
# library of N real images (Fashion-MNIST, indexed once by the CLI with the offline pack and
# kept under .cache/bench), 16 connections: once with 8 repeated queries (served from the query
# vector cache after their first time), once with a new query in every request (each one goes
# through the text encoder). Prints the time of the first search after the server starts,
# requests/s, latency percentiles, errors, and the server's memory before and after.
# Usage: scripts/bench/load.sh [SECONDS (default 20)] [CONNECTIONS (default 16)] [IMAGES (default 10000)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
duration=${1:-20}
connections=${2:-16}
count=${3:-10000}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
export GALLERY_ONNXRUNTIME=$(scripts/models.sh)
scripts/quiet-build.sh -c release --product gallery
gallery="$(swift build -c release --show-bin-path)/gallery"

fmnist=$(scripts/bench/fashion-mnist.sh "$count")
export GALLERY_HOME="$root/.cache/bench/home-load-$count"
if [ ! -f "$GALLERY_HOME/.indexed" ]; then
    rm -rf "$GALLERY_HOME"
    "$gallery" models import .cache/models/offline-pack >/dev/null
    "$gallery" index "$fmnist" --no-faces >/dev/null 2>&1
    touch "$GALLERY_HOME/.indexed"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(cat "$GALLERY_HOME/admin-token")
auth="Authorization: Bearer $token"
started=$(date +%s.%N)
"$gallery" serve --port "$port" --log-level error >"$GALLERY_HOME.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 1500); do grep -q "is listening" "$GALLERY_HOME.log" && break; sleep 0.02; done
listening=$(date +%s.%N)
curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"query": "a shoe"}' \
    "http://127.0.0.1:$port/api/v1/collections/1/search" >/dev/null
first=$(date +%s.%N)
images=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/v1/collections/1/images?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
python3 -c "print(f'library: $images images; server up in {($listening - $started) * 1000:.0f} ms, first search answered {($first - $listening) * 1000:.0f} ms later')"

script() { # $1: repeated or new
    cat <<LUA
local queries = {"a dog", "a red flower", "a bird on a branch", "a car", "fruit", "a house", "a cat", "an insect"}
local words = {"red", "blue", "old", "new", "shoe", "bag", "shirt", "dress", "coat", "boot", "small", "large", "striped", "plain"}
local n = 0
math.randomseed(7 + (wrk.thread and wrk.thread.id or 0))
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
request = function()
    n = n + 1
    local query
    if "$1" == "repeated" then
        query = queries[n % #queries + 1]
    else
        query = words[math.random(#words)] .. " " .. words[math.random(#words)] .. " " .. words[math.random(#words)] .. " " .. n .. " " .. math.random(1000000)
    end
    return wrk.format(nil, "/api/v1/collections/1/search", nil, '{"query": "' .. query .. '", "limit": 20}')
end
LUA
}
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$server/status"; }
echo "server memory before: $(rss)"
for kind in repeated new; do
    script "$kind" >"$GALLERY_HOME/search-$kind.lua"
    echo "== $kind queries, $connections connections, ${duration}s"
    wrk -t 2 -c "$connections" -d "${duration}s" --latency -s "$GALLERY_HOME/search-$kind.lua" "http://127.0.0.1:$port" \
        | grep -E "Requests/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx|Socket errors"
done
echo "server memory after: $(rss)"
