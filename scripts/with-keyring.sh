#!/usr/bin/env bash
# Run a command with a working, unlocked Secret Service, without touching the
# user's own keyrings or session bus.
#
#   KEYRING_HOME=DIR scripts/with-keyring.sh COMMAND [ARGS...]
#
# Starts a private D-Bus session bus (dbus-run-session) and in it a gnome-keyring
# daemon (secrets component only) whose login keyring lives under DIR, unlocked
# with a fixed throw-away password. HOME and the XDG directories point into DIR.
# DISPLAY is unset so no unlock prompt can appear on a developer's desktop. The
# daemon goes away with the bus when COMMAND exits; the exit status is COMMAND's.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
export ROUNDS_LOG_TAG=with-keyring

# Protects only test data in DIR; a fixed value lets a later run reopen the keyring.
readonly KEYRING_PASSWORD=rounds-test-keyring

# Prints "unlocked", "locked" or "missing" for the default collection.
default_collection_state() {
    local alias locked
    alias=$(dbus-send --session --print-reply=literal --reply-timeout=2000 \
        --dest=org.freedesktop.secrets /org/freedesktop/secrets \
        org.freedesktop.Secret.Service.ReadAlias string:default 2>/dev/null) || {
        echo missing
        return
    }
    alias=$(echo "$alias" | tr -d '[:space:]')
    if [ -z "$alias" ] || [ "$alias" = / ]; then
        echo missing
        return
    fi
    locked=$(dbus-send --session --print-reply=literal --reply-timeout=2000 \
        --dest=org.freedesktop.secrets "$alias" org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null) || {
        echo missing
        return
    }
    case "$locked" in
    *false*) echo unlocked ;;
    *) echo locked ;;
    esac
}

# Second stage, inside the private bus.
if [ "${1:-}" = --inside-session ]; then
    shift
    printf '%s' "$KEYRING_PASSWORD" |
        gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null ||
        rounds_die "gnome-keyring-daemon did not start"
    state=missing
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        state=$(default_collection_state)
        [ "$state" = unlocked ] && break
        sleep 0.2
    done
    [ "$state" = unlocked ] ||
        rounds_die "the test keyring is $state; remove $HOME/data/keyrings if it was made with another password"
    exec "$@"
fi

[ $# -gt 0 ] || rounds_die "usage: KEYRING_HOME=DIR $0 COMMAND [ARGS...]"
[ -n "${KEYRING_HOME:-}" ] || rounds_die "set KEYRING_HOME to a private directory"
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 ||
        rounds_die "$tool is missing; run scripts/install-deps.sh"
done

home=$(rounds_abs_dir "$KEYRING_HOME")
mkdir -p "$home/run" "$home/data" "$home/config" "$home/cache"
chmod 700 "$home" "$home/run"
export HOME=$home XDG_RUNTIME_DIR=$home/run XDG_DATA_HOME=$home/data \
    XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
# Nothing of the caller's session may leak in.
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DISPLAY WAYLAND_DISPLAY

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/$(basename "${BASH_SOURCE[0]}")"
exec dbus-run-session -- "$self" --inside-session "$@"
