#!/usr/bin/env bash
# Benchmark: search at scale (issue 14): latency, recall@10 and peak memory at 100,000,
# 1,000,000 and 10,000,000 images (real Fashion-MNIST embeddings of the offline pack, grown with
# labelled synthetic copies), and the first search after a start at 100,000 images.
# Needs about 6 GB of memory and 16 GB of temporary disk (the float32 vectors of 10M images).
# Usage: scripts/bench/search-scale.sh [N_REAL (default 10000)]
set -euo pipefail
exec "$(dirname "$0")/search-latency.sh" "${1:-10000}" 100000,1000000,10000000 100000
