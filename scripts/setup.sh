#!/usr/bin/env bash
# Installs what Smart Gallery needs on Debian 12 and is missing. Idempotent and quiet when
# nothing is to do. Usage: scripts/setup.sh
set -euo pipefail

# libjs-leaflet and its marker-cluster plugin: the map page (served by `gallery serve`, no CDN).
packages=(libvips-dev libopenblas-dev libdlib-dev pkg-config util-linux libjs-leaflet libjs-leaflet.markercluster)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    else
        echo "setup: Swift 6 is required (https://www.swift.org/install/linux/); 'swift' is not on PATH" >&2
        exit 1
    fi
fi
