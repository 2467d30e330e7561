#!/usr/bin/env bash
# Rounds demo on a fresh Debian 12 machine, from any directory:
#
#   scripts/demo.sh [rounds options, e.g. --lang es]
#
# Installs the Debian packages, builds with the default preset (build/default),
# starts a private Prosody on loopback with the demo care team (state in
# build/demo-server), prints the demo accounts, and opens the desktop app with the
# sign-in form filled in for ana.ruiz@localhost. The server is stopped when the app closes, on Ctrl+C
# and on any failure. Ports: ROUNDS_PROSODY_{HTTPS,HTTP,C2S}_PORT (docs/test-servers.md).
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
cat <<INFO

  The window opens with the server and $DEMO_USER filled in:
  type the password ana-demo-pw and press Enter.
  To talk to her as another member of the team, run in a second terminal:
      $(printf '%q --new-instance --url %q --ca-file %q --jid ben.okafor@localhost' \
          "$BUILD_DIR/bin/rounds" "$ROUNDS_SERVER_URL" "$ROUNDS_SERVER_CA")

  Close the window (or press Ctrl+C here) to stop the demo server.

INFO

status=0
"$BUILD_DIR/bin/rounds" --url "$ROUNDS_SERVER_URL" --jid "$DEMO_USER" \
    --ca-file "$ROUNDS_SERVER_CA" "$@" || status=$?
rounds_log "Rounds exited (status $status); stopping the demo server"
exit "$status"
