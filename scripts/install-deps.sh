#!/usr/bin/env bash
# Install every Debian package Rounds needs to build, run and test.
# Idempotent: when everything is installed it only asks dpkg and exits.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
export ROUNDS_LOG_TAG=install-deps

# One package per line; comments allowed. Keep it sorted within each group.
PACKAGES="
# build tool chain
build-essential
ca-certificates
ccache
cmake
git
ninja-build
pkg-config
# Qt 6.4
libqt6sql6-sqlite
# SVG image and icon plugins: the window and tray icon are an SVG
libqt6svg6
qt6-base-dev
qt6-base-dev-tools
qt6-declarative-dev
qt6-declarative-dev-tools
qt6-l10n-tools
qt6-qpa-plugins
qt6-tools-dev
qt6-tools-dev-tools
qt6-websockets-dev
libgl-dev
libvulkan-dev
libxkbcommon-dev
qml6-module-qt-labs-platform
qml6-module-qtcore
qml6-module-qtqml
qml6-module-qtqml-models
qml6-module-qtqml-workerscript
qml6-module-qtquick
qml6-module-qtquick-controls
qml6-module-qtquick-dialogs
qml6-module-qtquick-layouts
qml6-module-qtquick-templates
qml6-module-qtquick-window
qml6-module-qttest
qml6-module-qtwebsockets
# crypto, storage, keychain, OMEMO, QR codes
libomemo-c-dev
libqrencode-dev
libsodium-dev
libsqlcipher-dev
libssl-dev
openssl
qtkeychain-qt6-dev
sqlcipher
# headless GUI tests and the keyring
dbus
dbus-x11
gnome-keyring
libsecret-tools
x11-utils
xauth
xvfb
fonts-dejavu-core
fonts-noto-color-emoji
imagemagick
# XMPP test servers and Lua tests for server modules
ejabberd
lua-busted
lua-unbound
lua5.4
prosody
prosody-modules
# Python interop peers and probes (use /usr/bin/python3)
python3
python3-oldmemo
python3-omemo
python3-slixmpp
python3-twomemo
python3-websockets
python3-xmlschema
# small tools used by the scripts and tests
netcat-openbsd
procps
psmisc
xxd
"

wanted=()
while IFS= read -r line; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    [ -n "$line" ] && wanted+=("$line")
done <<<"$PACKAGES"

# One dpkg-query call for all names; unknown packages simply print nothing.
declare -A installed=()
while read -r name status; do
    [ "$status" = "installed" ] && installed["${name%%:*}"]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)

missing=()
for pkg in "${wanted[@]}"; do
    [ -n "${installed[$pkg]:-}" ] || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
    rounds_log "all ${#wanted[@]} packages are installed"
    exit 0
fi

rounds_log "installing ${#missing[@]} missing package(s): ${missing[*]}"
rounds_as_root apt-get -o DPkg::Lock::Timeout=600 update
rounds_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
rounds_log "done"
