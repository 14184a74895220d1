#!/usr/bin/env bash
# Benchmark: a large file (default 500 MB of seeded random bytes) through object storage, the
# data folder vs S3 (a SeaweedFS server started here, on loopback):
#  1. gallery-bench storage: upload (S3: multipart, 8 MiB parts) and streamed download, each in
#     a process of its own: MB/s and that process's peak RSS;
#  2. gallery serve: the original download route (GET /api/v1/images/{id}/original) of an upload
#     of that size, from the data folder and from the bucket (the local copy removed): MB/s
#     and how far the server's peak RSS rose during the download (VmHWM reset before it).
# Usage: scripts/bench/storage.sh [MEGABYTES]      (BUILD=debug to skip the release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
megabytes=${1:-500}
config=${BUILD:-release}
scripts/quiet-build.sh -c "$config" --product gallery-bench
scripts/quiet-build.sh -c "$config" --product gallery
bin="$(swift build -c "$config" --show-bin-path)"
venv=$(scripts/s3/setup.sh)

work=$(mktemp -d -t gallery-storage-bench.XXXXXX)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    scripts/s3/seaweedfs.sh stop "$work/s3"
    rm -rf "$work"
}
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=bench-key AWS_SECRET_ACCESS_KEY="bench-$RANDOM$RANDOM"
endpoint=$(scripts/s3/seaweedfs.sh start "$work/s3" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY")
"$venv/bin/python" - "$endpoint" <<'PY'
import sys, botocore.session
client = botocore.session.get_session().create_client("s3", region_name="us-east-1", endpoint_url=sys.argv[1])
client.create_bucket(Bucket="bench")
PY

# A PNG that decodes (a real fixture) followed by random bytes up to the size.
scripts/fetch-fixtures.sh >/dev/null
photo="$work/big.png"
cp .cache/fixtures/skimage/astronaut.png "$photo"
python3 - "$photo" "$megabytes" <<'PY'
import random, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
random.seed(13)
with open(path, "ab") as f:
    while f.tell() < size:
        f.write(random.randbytes(min(8 << 20, size - f.tell())))
PY

echo "Smart Gallery storage benchmark: $(nproc) cores, $config build, $(git rev-parse --short HEAD 2>/dev/null || echo unknown), SeaweedFS $("$venv/bin/weed" version 2>/dev/null | head -1 | awk '{print $3}') on loopback"
echo "1. object storage (gallery-bench storage), each transfer in its own process:"
for direction in upload download; do
    "$bin/gallery-bench" storage "$direction" --file "$photo" --storage "$work/local"
    "$bin/gallery-bench" storage "$direction" --file "$photo" --storage s3://bench/objects --s3-endpoint "$endpoint"
done

# 2. The server's original route, local and S3.
limit=$(((megabytes + 100) * 1000000))
serve() { # HOME_DIR [serve arguments...]; sets server_pid and port
    local home=$1
    shift
    mkdir -p "$home"
    printf 'max_file_bytes: %s\nmax_pixels: 100000000\n' "$limit" >"$home/config.yaml"
    GALLERY_HOME="$home" "$bin/gallery" serve --port 0 --max-upload-bytes "$limit" --max-request-bytes "$limit" "$@" \
        >"$home/server.out" 2>"$home/server.log" &
    server_pid=$!
    for _ in $(seq 1 300); do
        port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$home/server.out" 2>/dev/null | grep -o '[0-9]*$' || true)
        [ -n "$port" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || { tail -5 "$home/server.log" >&2; return 1; }
        sleep 0.1
    done
    return 1
}
hwm_mib() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
measure() { # LABEL HOME [serve arguments...]
    local label=$1 home=$2
    shift 2
    serve "$home" "$@"
    local token
    token=$(cat "$home/admin-token")
    local id
    id=$(curl -sf -H "Authorization: Bearer $token" -F "files=@$photo" "http://127.0.0.1:$port/api/v1/collections/1/uploads" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["images"][0]["image"]["id"])')
    [ "$label" = "s3" ] && rm -rf "$home/uploads/1" # served from the bucket, as by a server that did not take the upload in
    local before after
    echo 5 >"/proc/$server_pid/clear_refs" # resets VmHWM to the current RSS
    before=$(hwm_mib "$server_pid")
    local timing
    timing=$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$port/api/v1/images/$id/original")
    after=$(hwm_mib "$server_pid")
    read -r bytes seconds <<<"$timing"
    python3 -c "import sys; b, s = int('$bytes'), float('$seconds'); print(f'original download $label: {b/1e6:.0f} MB in {s:.2f} s = {b/1e6/s:.0f} MB/s, server peak RSS {$before} -> {$after} MiB')"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
echo "2. gallery serve, GET /api/v1/images/{id}/original of a ${megabytes} MB upload:"
measure local "$work/home-local"
measure s3 "$work/home-s3" --storage s3://bench/gallery --s3-endpoint "$endpoint"
