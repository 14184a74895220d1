#!/usr/bin/env bash
# Fetches the real test and benchmark data named in ../shared/DATA.md into .cache/fixtures
# (ignored by git). Idempotent: each source is fetched once, then a marker file skips it.
# Usage: scripts/fetch-fixtures.sh [--all]   (--all adds the large benchmark sets)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.cache/fixtures"
downloads="$root/.cache/downloads"
mkdir -p "$dest" "$downloads"

log() { printf 'fixtures: %s\n' "$*" >&2; }

# pypi_sdist NAME VERSION INNER_DIR TARGET: unpack INNER_DIR of an sdist into $dest/TARGET.
pypi_sdist() {
    local name=$1 version=$2 inner=$3 target=$4
    [ -f "$dest/$target/.done" ] && return 0
    log "fetching $name $version (PyPI sdist)"
    local dir="$downloads/$name-$version"
    mkdir -p "$dir"
    if ! ls "$dir"/* >/dev/null 2>&1; then
        pip download -q --no-deps --no-binary "$name" -d "$dir" "$name==$version" >/dev/null
    fi
    local archive
    archive=$(ls "$dir"/* | head -n 1)
    local tmp
    tmp=$(mktemp -d)
    case "$archive" in
        *.zip) python3 -m zipfile -e "$archive" "$tmp" ;;
        *) tar -xzf "$archive" -C "$tmp" ;;
    esac
    rm -rf "${dest:?}/$target"
    mkdir -p "$dest/$target"
    cp -a "$tmp"/*/"$inner"/. "$dest/$target/"
    rm -rf "$tmp"
    touch "$dest/$target/.done"
}

# debian_package NAME INNER_DIR TARGET: unpack INNER_DIR of a Debian package into $dest/TARGET.
debian_package() {
    local name=$1 inner=$2 target=$3
    [ -f "$dest/$target/.done" ] && return 0
    log "fetching $name (Debian)"
    if ! ls "$downloads/${name}"_*.deb >/dev/null 2>&1; then
        (cd "$downloads" && apt-get download -q "$name" >/dev/null 2>&1) \
            || { apt-get update -qq && (cd "$downloads" && apt-get download -q "$name" >/dev/null 2>&1); }
    fi
    local tmp
    tmp=$(mktemp -d)
    dpkg -x "$(ls "$downloads/${name}"_*.deb | head -n 1)" "$tmp"
    rm -rf "${dest:?}/$target"
    mkdir -p "$dest/$target"
    cp -a "$tmp/$inner"/. "$dest/$target/"
    rm -rf "$tmp"
    touch "$dest/$target/.done"
}

# pypi_wheel NAME INNER_DIR TARGET: unpack INNER_DIR of a wheel into $dest/TARGET.
pypi_wheel() {
    local name=$1 inner=$2 target=$3
    [ -f "$dest/$target/.done" ] && return 0
    log "fetching $name (PyPI wheel)"
    local dir="$downloads/${name//=/-}-wheel"
    mkdir -p "$dir"
    if ! ls "$dir"/*.whl >/dev/null 2>&1; then
        pip download -q --no-deps --only-binary :all: -d "$dir" "$name" >/dev/null
    fi
    local tmp
    tmp=$(mktemp -d)
    python3 -m zipfile -e "$(ls "$dir"/*.whl | head -n 1)" "$tmp"
    rm -rf "${dest:?}/$target"
    mkdir -p "$dest/$target"
    cp -a "$tmp/$inner"/. "$dest/$target/"
    rm -rf "$tmp"
    touch "$dest/$target/.done"
}

pypi_sdist pillow_heif 1.8.1 tests/images pillow-heif
pypi_sdist piexif 1.1.3 tests/images piexif
pypi_sdist Pillow 13.0.0 Tests/images pillow
pypi_sdist face_recognition 1.3.0 tests/test_images face-recognition
pypi_wheel scikit-image==0.26.0 skimage/data skimage

if [ "${1:-}" = "--all" ]; then
    debian_package tuxpaint-stamps-default usr/share/tuxpaint/stamps tuxpaint-stamps
    debian_package dataset-fashion-mnist usr/share/datasets/fashion-mnist fashion-mnist
fi
# PyPI imagehash's hashes of the photos above, for the perceptual hash golden test.
"$root/scripts/bench/duplicates-golden.sh" "$dest"
echo "$dest"
