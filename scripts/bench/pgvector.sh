#!/usr/bin/env bash
# Benchmark: top-10 search of the same vectors in PostgreSQL 18 + pgvector 0.8 (HNSW cosine, at
# two ef_search values, and an exact scan) and in the in-process index: p50/p95 with and without
# a 10% filter, recall@10 against exact float32 search, load and HNSW build time, peak RSS of the
# bench and of the server. The vectors: N Fashion-MNIST images indexed with the offline pack
# (real embeddings), grown to each size with labelled synthetic copies. The server is a
# throwaway one (scripts/postgres/server.sh) with 2 GB of shared buffers, stopped at the end.
# Usage: scripts/bench/pgvector.sh [N_REAL (default 10000)] [SIZES (default 100000)]
#        (BUILD=debug to skip the release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
count=${1:-10000}
sizes=${2:-100000}
export GALLERY_ONNXRUNTIME=$(scripts/models.sh)
config=${BUILD:-release}
scripts/quiet-build.sh -c "$config" --product gallery
scripts/quiet-build.sh -c "$config" --product gallery-bench
bin="$(swift build -c "$config" --show-bin-path)"

fmnist=$(scripts/bench/fashion-mnist.sh "$count")
export GALLERY_HOME="$root/.cache/bench/home-pgvector-$count"
"$bin/gallery" models import .cache/models/offline-pack >/dev/null
# Indexing is incremental: a second run only checks the folder.
"$bin/gallery" index "$fmnist" --json 2>/dev/null | python3 scripts/bench/print_index_summary.py

# In /tmp: the server's user (nobody, when run as root) must be able to enter it.
server_dir=$(mktemp -d /tmp/gallery-pgvector-bench.XXXXXX)
trap 'scripts/postgres/server.sh stop "$server_dir"; rm -rf "$server_dir"' EXIT
url=$(POSTGRES_SETTINGS="-c shared_buffers=2GB -c max_parallel_maintenance_workers=1" scripts/postgres/server.sh start "$server_dir")
/usr/bin/time -f "pgvector benchmark: %e s wall, %U s user, %S s system, CPU %P, max RSS %M KiB" \
    "$bin/gallery-bench" pgvector --home "$GALLERY_HOME" --sizes "$sizes" --database "$url"
# The server's processes (shared buffers are counted in each that touched them).
postmaster=$(head -1 "$server_dir/data/postmaster.pid")
ps -o rss= --ppid "$postmaster" -p "$postmaster" | awk '{ total += $1; if ($1 > peak) peak = $1 } END {
    printf "postgres: largest process RSS %d MiB, all processes %d MiB\n", peak / 1024, total / 1024 }'
scripts/postgres/server.sh sql "$server_dir" "SELECT 'postgres: ' || relname || ' ' || pg_size_pretty(pg_relation_size(oid)) FROM pg_class WHERE relname LIKE 'embedding_space_%' ORDER BY relname"
