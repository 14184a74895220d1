#!/usr/bin/env bash
# Set-up step for the tests against moto's S3 server: a venv at .cache/venv-moto with pinned
# wheels of moto 5.2.5 and what its server and its S3 and IAM services import (flask, boto3 for
# the IAM set-up in moto_users.py). Not the whole moto[server] extra: its other services' wheels
# (cfn-lint, docker, sympy, ...) are not needed for S3. Idempotent and quiet when done; logs to
# stderr. Prints the venv's folder.
# Usage: scripts/s3/moto-setup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.cache/venv-moto"
PINS="moto==5.2.5 boto3==1.44.8 botocore==1.44.8 s3transfer==0.19.3 jmespath==1.1.0 python-dateutil==2.9.0.post0 six==1.17.0
urllib3==2.8.0 cryptography==50.0.2 cffi==2.1.1 pycparser==3.12 requests==2.34.2 certifi==2026.10.19.post1
charset-normalizer==3.5.3 idna==3.20 xmltodict==1.0.4 werkzeug==3.1.9 markupsafe==3.0.4 responses==0.26.3 pyyaml==6.0.4
flask==3.1.3 flask-cors==6.0.5 blinker==1.9.0 click==8.5.1 itsdangerous==2.2.0 jinja2==3.1.6 py-partiql-parser==0.6.3"

# Tests running in parallel may call this at once: one builds the venv, the others wait for it.
mkdir -p "$root/.cache"
exec 9>"$root/.cache/venv-moto.lock"
flock 9
if [ ! -x "$venv/bin/moto_server" ] || [ "$(cat "$venv/.pins" 2>/dev/null)" != "$PINS" ]; then
    printf 'moto-setup: creating %s\n' "$venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q --no-deps --only-binary :all: $PINS >&2
    echo "$PINS" >"$venv/.pins"
fi
echo "$venv"
