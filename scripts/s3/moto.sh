#!/usr/bin/env bash
# Starts or stops a throwaway moto S3 server (`moto_server`, data in memory) for the tests, on a
# free port, with signatures checked: one IAM user is set up (moto_users.py) and every request
# after that must be signed with its key pair, as on AWS. Log and pid live in DIR.
# Usage: scripts/s3/moto.sh start DIR   (prints "ENDPOINT ACCESS_KEY_ID SECRET_ACCESS_KEY")
#        scripts/s3/moto.sh stop DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command=${1:?usage: moto.sh start|stop DIR}
dir=${2:?usage: moto.sh start|stop DIR}
log() { printf 'moto: %s\n' "$*" >&2; }

stop() {
    [ -f "$dir/moto.pid" ] || return 0
    local pid
    pid=$(cat "$dir/moto.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/moto.pid"
}

case "$command" in
stop)
    stop
    exit 0
    ;;
start) ;;
*) echo "usage: moto.sh start|stop DIR" >&2; exit 2 ;;
esac

venv=$("$root/scripts/s3/moto-setup.sh")
mkdir -p "$dir"
stop
trap 'stop' ERR

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# As in seaweedfs.sh: the server keeps no descriptor of its caller's.
(
    for fd in /proc/self/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    INITIAL_NO_AUTH_ACTION_COUNT=3 exec "$venv/bin/moto_server" -H 127.0.0.1 -p "$port"
) >"$dir/moto.log" 2>&1 &
echo $! >"$dir/moto.pid"

endpoint="http://127.0.0.1:$port"
# Up when its own API answers (that request is not one of the three unsigned actions).
for _ in $(seq 1 300); do
    if ! kill -0 "$(cat "$dir/moto.pid")" 2>/dev/null; then
        log "moto_server exited; its log:"
        tail -20 "$dir/moto.log" >&2
        rm -f "$dir/moto.pid"
        exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/moto-api/" || true)" = "200" ]; then
        keys=$("$venv/bin/python" "$root/scripts/s3/moto_users.py" "$endpoint")
        echo "$endpoint $keys"
        exit 0
    fi
    sleep 0.2
done
log "moto_server did not answer within 60 s; its log:"
tail -20 "$dir/moto.log" >&2
stop
exit 1
