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
name=weed
# shellcheck source=scripts/s3/daemon.sh
. "$root/scripts/s3/daemon.sh"

case "$command" in
stop)
    daemon_stop
    exit 0
    ;;
start) ;;
*) echo "usage: seaweedfs.sh start|stop DIR ..." >&2; exit 2 ;;
esac

access=${3:?usage: seaweedfs.sh start DIR ACCESS_KEY SECRET_KEY}
secret=${4:?usage: seaweedfs.sh start DIR ACCESS_KEY SECRET_KEY}
venv=$("$root/scripts/s3/setup.sh")
mkdir -p "$dir/data"
daemon_stop
trap 'daemon_stop' ERR

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

daemon_start "$venv/bin/weed" server -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port="$master" -volume.port="$volume" -filer.port="$filer" -metricsPort="$metrics" \
    -s3 -s3.port="$s3" -s3.config="$dir/s3.json" -s3.port.iceberg=0 -s3.port.lance=0 \
    -volume.max=0 -master.volumeSizeLimitMB=256
endpoint="http://127.0.0.1:$s3"
# Up when the S3 gateway answers an anonymous request (with 403 once identities are loaded).
answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/" || true)" = "403" ]; }
daemon_wait answers
echo "$endpoint"
