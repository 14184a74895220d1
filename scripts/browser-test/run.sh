#!/usr/bin/env bash
# Real-browser test of the web UI: installs Debian's chromium if missing, starts the built
# server on a free port with a temporary GALLERY_HOME, then drives headless chromium over the
# DevTools protocol (scripts/browser-test/browser_test.py, Python standard library only):
# sign in, create a collection, upload photos, add a server folder (with face photos), the People
# page (cover faces, inline rename, a person's photos, face boxes in the lightbox, review), text
# search, lightbox (the user's tags and description), similar images, search by a dropped image, filters, favourite and
# rating, albums (select photos, add to an album, the Albums page, a zip download, a smart album), the colour palette,
# the timeline (years, a year's photos, jump to a date), the map (outline, markers, a marker's photos), dark mode, the
# Duplicates page (an uploaded copy found and deleted), a 375 px phone
# screen, sign out. Fails on any missing
# element, JavaScript error or failed request. Screenshots go to .cache/screenshots/.
#
# Usage: scripts/browser-test/run.sh
#   GALLERY_URL=http://host:port GALLERY_TOKEN=... scripts/browser-test/run.sh   (use a running server)
#   SKIP_BUILD=1   use the existing .build/debug/gallery without running `swift build`
# With the built server it also adds a server folder (an allowed root) and follows the job.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
here="$root/scripts/browser-test"
shots="$root/.cache/screenshots"
mkdir -p "$shots"

log() { printf 'browser-test: %s\n' "$*" >&2; }

# 1. Chromium (Debian package), installed once.
if ! command -v chromium >/dev/null 2>&1; then
    log "installing chromium"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

# 2. Real photos.
fixtures="$root/.cache/fixtures/skimage"
photos=("$fixtures/chelsea.png" "$fixtures/coffee.png" "$fixtures/rocket.jpg")
for p in "${photos[@]}"; do
    [ -f "$p" ] || { scripts/fetch-fixtures.sh >/dev/null; break; }
done

server_pid=""
home=""
folder_args=()
people_args=()
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    [ -n "$home" ] && rm -rf "$home"
    return 0
}
trap cleanup EXIT

# 3. The server: a running one (GALLERY_URL + GALLERY_TOKEN) or the built binary on a free port.
if [ -n "${GALLERY_URL:-}" ]; then
    url=$GALLERY_URL
    token=${GALLERY_TOKEN:?set GALLERY_TOKEN with GALLERY_URL}
else
    if [ -z "${SKIP_BUILD:-}" ]; then
        source scripts/setup.sh
        log "building gallery"
        build_log=$(mktemp)
        if ! swift build --product gallery >"$build_log" 2>&1; then
            grep -E "error:" "$build_log" | head -n 20 >&2
            rm -f "$build_log"
            log "the build failed (run 'swift build' to see why)"
            exit 1
        fi
        rm -f "$build_log"
    fi
    gallery="$root/.build/debug/gallery"
    [ -x "$gallery" ] || { log "no $gallery: the build failed (run 'swift build' to see why)"; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    home=$(mktemp -d -t gallery-browser-test.XXXXXX)
    url="http://127.0.0.1:$port"
    # A server folder for the "Add folder" step (allowed root), and this checkout's web files.
    mkdir -p "$home/roots/photos"
    cp "$fixtures/astronaut.png" "$fixtures/coins.png" "$fixtures/page.png" "$home/roots/photos/"
    serve_args=(--port "$port" --allow-root "$home/roots")
    if "$gallery" serve --help 2>&1 | grep -q -- "--web-root"; then
        serve_args+=(--web-root "$root/Sources/GalleryServer/Resources/web")
    fi
    # The offline model pack and ONNX Runtime, so that text and image search work; the face
    # models (built by models.sh too) and face photos for the People page.
    export GALLERY_ONNXRUNTIME="${GALLERY_ONNXRUNTIME:-$("$root/scripts/models.sh")}"
    faces="$root/.cache/fixtures/face-recognition"
    [ -f "$faces/obama.jpg" ] || scripts/fetch-fixtures.sh >/dev/null
    [ -f "$root/.cache/models/faces/faces.json" ] || "$root/scripts/models.sh" >/dev/null
    for f in obama.jpg obama2.jpg obama3.jpg obama_partial_face.jpg obama_partial_face2.jpg biden.jpg; do
        cp "$faces/$f" "$home/roots/photos/"
    done
    export GALLERY_FACE_MODELS="$root/.cache/models/faces"
    # The OCR models (models.sh builds them), so the scanned page's words can be found and outlined.
    export GALLERY_OCR_MODELS="$root/.cache/models/ocr"
    folder_args=(--folder "$home/roots/photos" --folder-count 9 --text-word segmentation)
    people_args=(--people)
    # A photo with GPS (pillow-heif's pug.heic) for the map page.
    gps="$root/.cache/fixtures/pillow-heif/heif_other/pug.heic"
    [ -f "$gps" ] || scripts/fetch-fixtures.sh >/dev/null
    people_args+=(--gps-photo "$gps")
    # The map's offline world outline, where scripts/run.sh installs it.
    [ -s "$root/.cache/models/map/world.geojson" ] || "$root/scripts/models/build-map.sh"
    install -D -m 0600 "$root/.cache/models/map/world.geojson" "$home/models/map/world.geojson"
    GALLERY_HOME="$home" "$gallery" models import "$root/.cache/models/offline-pack" >/dev/null
    log "starting the server on $url (GALLERY_HOME=$home)"
    GALLERY_HOME="$home" "$gallery" serve "${serve_args[@]}" >"$home/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 300); do
        if curl -fsS -o /dev/null "$url/healthz" 2>/dev/null || curl -fsS -o /dev/null "$url/" 2>/dev/null; then break; fi
        if ! kill -0 "$server_pid" 2>/dev/null; then
            log "the server exited at start:"; tail -n 40 "$home/server.log" >&2; exit 1
        fi
        sleep 0.2
    done
    curl -fsS -o /dev/null "$url/" || { log "the server did not answer on $url within 60 s"; tail -n 40 "$home/server.log" >&2; exit 1; }
    for _ in $(seq 1 50); do [ -s "$home/admin-token" ] && break; sleep 0.2; done
    [ -s "$home/admin-token" ] || { log "no admin token in $home/admin-token"; tail -n 40 "$home/server.log" >&2; exit 1; }
    token=$(tr -d '[:space:]' <"$home/admin-token")
fi

# 4. The browser.
status=0
python3 "$here/browser_test.py" --url "$url" --token="$token" --shots "$shots" --photos "${photos[@]}" "${folder_args[@]}" "${people_args[@]}" || status=$?
if [ "$status" -ne 0 ] && [ -n "$home" ]; then
    log "server log (last 40 lines):"; tail -n 40 "$home/server.log" >&2
fi
if [ "$status" -eq 0 ]; then echo "browser-test: 1 passed, 0 failed"; else echo "browser-test: 0 passed, 1 failed"; fi
exit "$status"
