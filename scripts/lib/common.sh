# shellcheck shell=bash
# Shared helpers for the Rounds infrastructure scripts. Source it; do not run it.
# SPDX-License-Identifier: GPL-3.0-or-later

# Absolute path of the repository root (scripts/lib/../..).
export ROUNDS_ROOT
ROUNDS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"

rounds_log() { printf '[%s] %s\n' "${ROUNDS_LOG_TAG:-rounds}" "$*" >&2; }
rounds_die() { rounds_log "error: $*"; exit 1; }

# Run a command as root: directly when we are root, through sudo otherwise.
rounds_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        rounds_die "need root (or sudo) to run: $*"
    fi
}

# Make an absolute path out of a possibly relative one, creating the directory.
rounds_abs_dir() {
    mkdir -p -- "$1" && (cd -- "$1" && pwd -P)
}

# True when PID is alive and its command line contains NEEDLE (guards against
# stale pid files whose number was reused by an unrelated process).
rounds_pid_matches() {
    local pid="$1" needle="$2" cmdline
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline" == *"$needle"* ]]
}

# Print the pids of processes whose argv contains the exact argument ARG.
rounds_pids_with_arg() {
    local arg="$1" p a
    for p in /proc/[0-9]*; do
        [ -r "$p/cmdline" ] || continue
        while IFS= read -r -d '' a; do
            if [ "$a" = "$arg" ]; then
                printf '%s\n' "${p#/proc/}"
                break
            fi
        done <"$p/cmdline" 2>/dev/null || true
    done
}

# Print PID and all its descendants (children first found, then theirs, ...).
rounds_pid_tree() {
    local queue=("$@") pid child
    while [ "${#queue[@]}" -gt 0 ]; do
        pid="${queue[0]}"
        queue=("${queue[@]:1}")
        printf '%s\n' "$pid"
        for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do queue+=("$child"); done
    done
}

# Send TERM to PIDS, wait up to SECONDS for them to exit, then KILL the rest.
rounds_terminate() {
    local seconds="$1"; shift
    local pid alive i
    [ "$#" -gt 0 ] || return 0
    kill -TERM "$@" 2>/dev/null || true
    for ((i = 0; i < seconds * 10; i++)); do
        alive=0
        for pid in "$@"; do
            if kill -0 "$pid" 2>/dev/null && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null; then
                alive=1
            fi
        done
        [ "$alive" -eq 0 ] && return 0
        sleep 0.1
    done
    kill -KILL "$@" 2>/dev/null || true
    sleep 0.2
}

# True when something listens on 127.0.0.1:PORT (TCP).
rounds_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
