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
