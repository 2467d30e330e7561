# shellcheck shell=bash
# Helpers for scripts that use the test servers started by scripts/servers.sh.
# Source it; do not run it.
# SPDX-License-Identifier: GPL-3.0-or-later

# rounds_load_server_env FILE
#   Export every KEY=VALUE line of an env file written by servers.sh. Values may
#   contain spaces (ROUNDS_SERVER_ACCOUNTS), so never `source` the file itself.
rounds_load_server_env() {
    local key value
    [ -r "$1" ] || { echo "rounds: no server env file $1" >&2; return 1; }
    while IFS='=' read -r key value; do
        [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
        export "$key=$value"
    done <"$1"
}

# rounds_servers_stop_on_exit DIR
#   Stop every test server under DIR when the calling shell exits, whatever the reason.
rounds_servers_stop_on_exit() {
    local servers
    servers="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)/servers.sh"
    # shellcheck disable=SC2064  # expand now: DIR must be the one given here
    trap "$(printf '%q stop all %q >&2 || true' "$servers" "$1")" EXIT
}
