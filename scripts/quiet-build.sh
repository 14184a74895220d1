#!/usr/bin/env bash
# Runs `swift build ARGS...` quietly: nothing is printed when it succeeds; when it fails, the
# errors and the last 50 lines of its output go to standard error and the script exits with the
# build's status, so a caller under `set -e` stops instead of using an older build.
# Usage: scripts/quiet-build.sh [swift build arguments]
set -euo pipefail
log=$(mktemp -t swift-build.XXXXXX)
trap 'rm -f "$log"' EXIT
status=0
swift build "$@" >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
    {
        echo "quiet-build: 'swift build $*' failed (status $status):"
        grep -E "error:" "$log" | head -n 30 || true
        echo "quiet-build: last lines of the output:"
        tail -n 50 "$log"
    } >&2
    exit "$status"
fi
