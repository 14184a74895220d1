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
name=moto
# shellcheck source=scripts/s3/daemon.sh
. "$root/scripts/s3/daemon.sh"

case "$command" in
stop)
    daemon_stop
    exit 0
    ;;
start) ;;
*) echo "usage: moto.sh start|stop DIR" >&2; exit 2 ;;
esac

venv=$("$root/scripts/s3/moto-setup.sh")
mkdir -p "$dir"
daemon_stop
trap 'daemon_stop' ERR

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
INITIAL_NO_AUTH_ACTION_COUNT=3 daemon_start "$venv/bin/moto_server" -H 127.0.0.1 -p "$port"
endpoint="http://127.0.0.1:$port"
# Up when its own API answers (that request is not one of the three unsigned actions).
answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/moto-api/" || true)" = "200" ]; }
daemon_wait answers
keys=$("$venv/bin/python" "$root/scripts/s3/moto_users.py" "$endpoint")
echo "$endpoint $keys"
