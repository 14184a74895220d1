#!/usr/bin/env bash
# Starts or stops a throwaway SeaweedFS S3 server (master, volume, filer and S3 gateway in one
# `weed server`) for the tests and the benchmark. Only the identity given is accepted: a wrong
# access key or secret is refused, as on AWS. Every port is a free one found at start (SeaweedFS
# also uses each port + 10000 for gRPC); data, logs and the pid live in DIR.
# Usage: scripts/s3/seaweedfs.sh start DIR ACCESS_KEY SECRET_KEY   (prints the endpoint URL)
#        scripts/s3/seaweedfs.sh stop DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command=${1:?usage: seaweedfs.sh start|stop DIR ...}
dir=${2:?usage: seaweedfs.sh start|stop DIR ...}
log() { printf 'seaweedfs: %s\n' "$*" >&2; }

stop() {
    [ -f "$dir/weed.pid" ] || return 0
    local pid
    pid=$(cat "$dir/weed.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/weed.pid"
}

case "$command" in
stop)
    stop
    exit 0
    ;;
start) ;;
*) echo "usage: seaweedfs.sh start|stop DIR ..." >&2; exit 2 ;;
esac

access=${3:?usage: seaweedfs.sh start DIR ACCESS_KEY SECRET_KEY}
secret=${4:?usage: seaweedfs.sh start DIR ACCESS_KEY SECRET_KEY}
venv=$("$root/scripts/s3/setup.sh")
mkdir -p "$dir/data"
stop
trap 'stop' ERR

# Five free ports whose + 10000 is free too.
read -r master volume filer s3 metrics < <(python3 - <<'PY'
import random, socket
def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
picked = []
while len(picked) < 5:
    port = random.randint(20000, 55000)
    if port not in picked and free(port) and free(port + 10000):
        picked.append(port)
print(*picked)
PY
)

cat >"$dir/s3.json" <<JSON
{"identities": [{"name": "gallery", "credentials": [{"accessKey": "$access", "secretKey": "$secret"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
JSON
chmod 600 "$dir/s3.json"

# weed keeps no descriptor but its own: a caller that waits for this script's end (Foundation's
# Process watches an inherited socket) must not wait for the server's end too.
(
    for fd in /proc/self/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$venv/bin/weed" server -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
        -master.port="$master" -volume.port="$volume" -filer.port="$filer" -metricsPort="$metrics" \
        -s3 -s3.port="$s3" -s3.config="$dir/s3.json" -s3.port.iceberg=0 -s3.port.lance=0 \
        -volume.max=0 -master.volumeSizeLimitMB=256
) >"$dir/weed.log" 2>&1 &
echo $! >"$dir/weed.pid"

endpoint="http://127.0.0.1:$s3"
# Up when the S3 gateway answers an anonymous request (with 403 once identities are loaded).
for _ in $(seq 1 300); do
    if ! kill -0 "$(cat "$dir/weed.pid")" 2>/dev/null; then
        log "weed exited; its log:"
        tail -20 "$dir/weed.log" >&2
        rm -f "$dir/weed.pid"
        exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/" || true)
    if [ "$code" = "403" ]; then
        echo "$endpoint"
        exit 0
    fi
    sleep 0.2
done
log "the S3 gateway did not answer within 60 s; its log:"
tail -20 "$dir/weed.log" >&2
stop
exit 1
