#!/usr/bin/env bash
# Fetches the ONNX Runtime shared library (C API) out of PyPI's onnxruntime wheel into
# .cache/onnxruntime/ (ignored by git) and prints its path. Idempotent and quiet: once the
# library is in place this only prints the path.
# Usage: scripts/models/fetch-onnxruntime.sh
set -euo pipefail
VERSION=1.31.1
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$root/.cache/onnxruntime"
lib="$dest/libonnxruntime.so.$VERSION"
if [ -s "$lib" ]; then
    echo "$lib"
    exit 0
fi

log() { printf 'onnxruntime: %s\n' "$*" >&2; }
fail() { printf 'onnxruntime: FAILED: %s\n' "$*" >&2; exit 1; }

# Any Python with pip will do for downloading; the wheel is picked for CPython 3.11 on this platform.
python=""
for candidate in python3 /usr/bin/python3 "$root/.cache/venv-export/bin/python"; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -m pip --version >/dev/null 2>&1; then
        python=$candidate
        break
    fi
done
[ -n "$python" ] || fail "no Python with pip found (install python3-pip)"

downloads="$root/.cache/downloads/onnxruntime-$VERSION"
mkdir -p "$downloads" "$dest"
if ! ls "$downloads"/onnxruntime-"$VERSION"-*.whl >/dev/null 2>&1; then
    log "downloading onnxruntime $VERSION (PyPI wheel, ~24 MB)"
    "$python" -m pip download -q --disable-pip-version-check --no-deps --only-binary :all: \
        --python-version 3.11 -d "$downloads" "onnxruntime==$VERSION" >/dev/null \
        || fail "pip download onnxruntime==$VERSION"
fi
wheel=$(ls "$downloads"/onnxruntime-"$VERSION"-*.whl | head -n 1)

# Extract the one library, check it loads and reports the expected version, then move it in place.
"$python" - "$wheel" "$lib" "$VERSION" <<'PY' || fail "could not extract or load the library from $wheel"
import ctypes, os, sys, zipfile
wheel, target, version = sys.argv[1:]
member = f"onnxruntime/capi/libonnxruntime.so.{version}"
tmp = target + ".tmp"
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(tmp, "wb") as dst:
    dst.write(src.read())
os.chmod(tmp, 0o755)
lib = ctypes.CDLL(tmp, mode=os.RTLD_NOW | os.RTLD_LOCAL)

class OrtApiBase(ctypes.Structure):
    _fields_ = [("GetApi", ctypes.c_void_p), ("GetVersionString", ctypes.CFUNCTYPE(ctypes.c_char_p))]

lib.OrtGetApiBase.restype = ctypes.POINTER(OrtApiBase)
found = lib.OrtGetApiBase().contents.GetVersionString().decode()
if found != version:
    sys.exit(f"library reports version {found}, expected {version}")
os.replace(tmp, target)
PY
echo "$lib"
