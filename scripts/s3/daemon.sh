# Shared steps of the throwaway test servers (sourced by seaweedfs.sh and moto.sh): start one
# detached, wait for it to answer, stop it by its pid file. The caller sets `dir`, `name` (the
# server's pid, log and message name) and defines `log`.

# Stops the server whose pid is in "$dir/$name.pid", if any: TERM, up to 10 s, then KILL.
daemon_stop() {
    [ -f "$dir/$name.pid" ] || return 0
    local pid
    pid=$(cat "$dir/$name.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/$name.pid"
}

# Runs the command in the background with its output in "$dir/$name.log" and its pid in
# "$dir/$name.pid". It keeps no descriptor but its own: a caller that waits for this script's end
# (Foundation's Process watches an inherited socket) must not wait for the server's end too.
daemon_start() {
    (
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        exec "$@"
    ) >"$dir/$name.log" 2>&1 &
    echo $! >"$dir/$name.pid"
}

# Waits up to 60 s until `ready` (a function, or a command) succeeds; exits 1 with the server's
# log if the server ends first or never answers.
daemon_wait() {
    local ready=$1
    for _ in $(seq 1 300); do
        if ! kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
            log "$name exited; its log:"
            tail -20 "$dir/$name.log" >&2
            rm -f "$dir/$name.pid"
            exit 1
        fi
        if "$ready"; then return 0; fi
        sleep 0.2
    done
    log "$name did not answer within 60 s; its log:"
    tail -20 "$dir/$name.log" >&2
    daemon_stop
    exit 1
}
