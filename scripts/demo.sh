#!/usr/bin/env bash
# Rounds demo on a fresh Debian 12 machine, from any directory:
#
#   scripts/demo.sh [rounds options, e.g. --lang es]
#
# Installs the Debian packages, builds with the default preset (build/default),
# starts a private Prosody on loopback with the demo care team (state in
# build/demo-server), prints the demo accounts, and opens the desktop app already
# signed in as ana.ruiz@localhost: the account, its password and the passphrase of
# its local store are in build/demo-server/demo-account (mode 0600), which
# `rounds --demo-account` accepts only for a server on loopback and an account
# @localhost. The server is stopped when the app closes, on Ctrl+C and on any failure. Ports: ROUNDS_PROSODY_{HTTPS,HTTP,C2S}_PORT (docs/test-servers.md).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$SCRIPTS/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/server-env.sh
. "$SCRIPTS/lib/server-env.sh"
export ROUNDS_LOG_TAG=demo

BUILD_DIR="$ROUNDS_ROOT/build/default"
SERVER_DIR="$ROUNDS_ROOT/build/demo-server"
DEMO_USER="ana.ruiz@localhost"
DEMO_PASSWORD="ana-demo-pw"
DEMO_ACCOUNT_FILE="$SERVER_DIR/demo-account"
# Ana's messages and keys on this computer, sealed with the passphrase in the file.
DEMO_DATA_DIR="$SERVER_DIR/client/$DEMO_USER"

rounds_log "checking the Debian packages"
"$SCRIPTS/install-deps.sh"

rounds_log "building Rounds (preset default, $BUILD_DIR)"
(cd "$ROUNDS_ROOT" && cmake --preset default >/dev/null)
cmake --build "$BUILD_DIR" --target rounds rounds-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    rounds_die "no graphical session (DISPLAY and WAYLAND_DISPLAY are unset); run this from a desktop, or under xvfb-run"
fi

# From here on, whatever happens, the demo server goes down with this script.
mkdir -p "$SERVER_DIR"
rounds_servers_stop_on_exit "$SERVER_DIR"
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

rounds_log "starting the demo server in $SERVER_DIR"
"$SCRIPTS/servers.sh" start prosody "$SERVER_DIR" --demo
rounds_load_server_env "$SERVER_DIR/prosody.env"

cat <<INFO

  Rounds demo server: $ROUNDS_SERVER_URL
  CA file:            $ROUNDS_SERVER_CA

  Demo accounts (care team "Care team 4B", everyone in everyone's contacts):
INFO
for entry in $ROUNDS_SERVER_DEMO_ACCOUNTS; do
    printf '      %-24s password: %s\n' "${entry%%:*}" "${entry#*:}"
done
# The demo account file: owner-only, written once; the passphrase sealing Ana's
# local store stays with her data (a new passphrase starts a new local store).
write_demo_account() {
    local passphrase=""
    if [ -f "$DEMO_ACCOUNT_FILE" ] && [ -d "$DEMO_DATA_DIR" ]; then
        passphrase="$(sed -n 's/^passphrase=//p' "$DEMO_ACCOUNT_FILE")"
    fi
    if [ -z "$passphrase" ]; then
        passphrase="$(head -c 24 /dev/urandom | base64 | tr -d '\n')"
        rm -rf "$DEMO_DATA_DIR"
    fi
    mkdir -p "$DEMO_DATA_DIR"
    chmod 700 "$SERVER_DIR/client" "$DEMO_DATA_DIR"
    (
        umask 077
        cat >"$DEMO_ACCOUNT_FILE.new" <<ACCOUNT
# Rounds demo sign-in (scripts/demo.sh). For the demo server on this computer only.
url=$ROUNDS_SERVER_URL
ca=$ROUNDS_SERVER_CA
jid=$DEMO_USER
password=$DEMO_PASSWORD
passphrase=$passphrase
data=$DEMO_DATA_DIR
ACCOUNT
    )
    chmod 600 "$DEMO_ACCOUNT_FILE.new"
    mv "$DEMO_ACCOUNT_FILE.new" "$DEMO_ACCOUNT_FILE"
}
write_demo_account

cat <<INFO

  The window opens signed in as $DEMO_USER (password $DEMO_PASSWORD).
  To talk to her as another member of the team, run in a second terminal:
      $(printf '%q --new-instance --url %q --ca-file %q --jid ben.okafor@localhost' \
          "$BUILD_DIR/bin/rounds" "$ROUNDS_SERVER_URL" "$ROUNDS_SERVER_CA")

  Close the window (or press Ctrl+C here) to stop the demo server.

INFO

status=0
"$BUILD_DIR/bin/rounds" --new-instance --demo-account "$DEMO_ACCOUNT_FILE" "$@" || status=$?
rounds_log "Rounds exited (status $status); stopping the demo server"
exit "$status"
