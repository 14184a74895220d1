# Shared by the model build scripts (sourced, not run). `apt_install_missing` and
# `fetch_wordnet` expect `log` and `fail`: `begin_build` defines them.

# is_built DIR STAMP FILE...: true when DIR/.stamp holds STAMP and every FILE in DIR is non-empty.
is_built() {
    local dir=$1 stamp=$2
    shift 2
    [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ] || return 1
    local file
    for file in "$@"; do [ -s "$dir/$file" ] || return 1; done
}

# apt_install_missing LOG PACKAGE...: installs the Debian packages that are missing, quietly,
# with their output in LOG (shown when apt fails).
apt_install_missing() {
    local logfile=$1
    shift
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]} (a few minutes)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$logfile" 2>&1 \
        || { tail -n 20 "$logfile" >&2; fail "apt-get install ${missing[*]} (log: $logfile)"; }
}

# WordNet 3.0 from Debian's wordnet-base: downloaded with apt-get download (checksummed), unpacked,
# never installed. fetch_wordnet ROOT prints the path of its data.noun. Expects `log` and `fail`.
WORDNET_VERSION="1:3.0-37"
WORDNET_SHA256="61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
fetch_wordnet() {
    local root=$1
    local downloads="$root/.cache/downloads/wordnet-base" sources="$root/.cache/models/sources/wordnet-base"
    local deb="$downloads/wordnet-base_${WORDNET_VERSION#*:}_all.deb" fetched
    if [ ! -s "$deb" ] || [ "$(sha256sum "$deb" | cut -d' ' -f1)" != "$WORDNET_SHA256" ]; then
        log "fetching wordnet-base $WORDNET_VERSION (Debian)"
        rm -rf "$downloads.tmp"
        mkdir -p "$downloads.tmp"
        (cd "$downloads.tmp" && apt-get download -q "wordnet-base=$WORDNET_VERSION" >/dev/null 2>&1) \
            || fail "apt-get download wordnet-base=$WORDNET_VERSION"
        fetched=$(ls "$downloads.tmp"/wordnet-base_*.deb)
        [ "$(sha256sum "$fetched" | cut -d' ' -f1)" = "$WORDNET_SHA256" ] || fail "wordnet-base: sha256 mismatch"
        mkdir -p "$downloads"
        mv "$fetched" "$deb"
        rm -rf "$downloads.tmp"
    fi
    if [ ! -s "$sources/usr/share/wordnet/data.noun" ]; then
        rm -rf "$sources"
        mkdir -p "$sources"
        dpkg-deb -x "$deb" "$sources" || fail "dpkg-deb -x $deb"
    fi
    echo "$sources/usr/share/wordnet/data.noun"
}

# begin_build NAME: the start of a model build: `log` and `fail` prefixed with NAME, the start
# time, the folders, no stamp until the end, and quiet pip. Expects `out`, `downloads`, `logs`.
begin_build() {
    build_name=$1
    log() { printf '%s: %s\n' "$build_name" "$*" >&2; }
    fail() { printf '%s: FAILED: %s\n' "$build_name" "$*" >&2; exit 1; }
    started=$(date +%s)
    mkdir -p "$downloads" "$logs" "$out"
    rm -f "$out/.stamp"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PYTHONDONTWRITEBYTECODE=1
}

# make_venv VENV PINS: (re)creates VENV when it is missing or was made for other PINS (its
# `.pins`); sets fresh_venv to 1 when it did, else 0.
make_venv() {
    local venv=$1 pins=$2
    if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.pins" 2>/dev/null)" != "$pins" ]; then
        log "creating $venv"
        rm -rf "$venv"
        /usr/bin/python3 -m venv "$venv" || fail "python3 -m venv (is python3-venv installed?)"
        fresh_venv=1
    else
        fresh_venv=0
    fi
}

# fetch_pinned PIP DIR FILE PIN SHA256 WHAT: downloads PIN (a wheel, or an sdist when WHAT says
# "sdist") into DIR with PIP unless DIR/FILE is there with the pinned checksum.
fetch_pinned() {
    local pip=$1 dir=$2 file=$3 pin=$4 sha=$5 what=$6 kind="--only-binary"
    [ -s "$dir/$file" ] && [ "$(sha256sum "$dir/$file" | cut -d' ' -f1)" = "$sha" ] && return 0
    case "$what" in *sdist*) kind="--no-binary" ;; esac
    log "fetching $pin ($what)"
    rm -rf "$dir"
    mkdir -p "$dir"
    "$pip" download -q --no-deps "$kind" :all: -d "$dir" "$pin" >"$logs/$build_name-fetch.log" 2>&1 \
        || { tail -n 20 "$logs/$build_name-fetch.log" >&2; fail "pip download $pin"; }
    [ -s "$dir/$file" ] || fail "pip download $pin: $dir/$file not found"
    [ "$(sha256sum "$dir/$file" | cut -d' ' -f1)" = "$sha" ] || fail "$dir/$file: sha256 differs from the pinned $sha"
}

# install_wheels VENV PIN...: installs the pinned wheels into VENV with --no-deps, from the
# cached folder downloads/NAME-wheels, downloading them once.
install_wheels() {
    local venv=$1
    shift
    local wheels="$downloads/$build_name-wheels" logfile="$logs/$build_name-pip.log"
    mkdir -p "$wheels"
    "$venv/bin/pip" install -q --no-deps --no-index --find-links "$wheels" "$@" >/dev/null 2>&1 && return 0
    log "downloading wheels: $*"
    "$venv/bin/pip" download -q --no-deps --only-binary :all: -d "$wheels" "$@" >"$logfile" 2>&1 \
        || { tail -n 20 "$logfile" >&2; fail "pip download $*"; }
    "$venv/bin/pip" install -q --no-deps --no-index --find-links "$wheels" "$@" >"$logfile" 2>&1 \
        || { tail -n 20 "$logfile" >&2; fail "pip install $*"; }
}

# finish_build SCRATCH FILE...: moves each built FILE from SCRATCH into `out` (each must be
# there), writes the stamp and says how long it took.
finish_build() {
    local scratch=$1 file
    shift
    for file in "$@"; do
        [ -s "$scratch/$file" ] || fail "$file missing from the build"
        mkdir -p "$(dirname "$out/$file")"
        mv -f "$scratch/$file" "$out/$file"
    done
    rm -rf "$scratch"
    echo "$stamp" >"$out/.stamp"
    log "done in $(( $(date +%s) - started )) s: $out ($(du -sh "$out" | cut -f1))"
}
