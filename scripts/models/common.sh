# Shared by the model build scripts (sourced, not run). Expects `log` and `fail` to be defined
# by the caller before `apt_install_missing` runs.

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
