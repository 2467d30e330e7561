#!/usr/bin/env bash
# README command 2: the whole test suite on a fresh Debian 12 machine.
# Installs the Debian packages, builds with the default preset (warnings are
# errors), and runs every test with CTest. CTest fixtures start real Prosody
# and ejabberd on loopback (build/default/testenv) once per group and stop them;
# the trap below stops them too if the run is interrupted or fails.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/install-deps.sh"

cd "$root"
# Clones in other folders (CI) still hit the compiler cache.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
testenv="$root/build/default/testenv"
trap 'bash "$root/scripts/servers.sh" stop all "$testenv" >/dev/null 2>&1 || true' EXIT

cmake --preset default -DROUNDS_TESTENV_DIR="$testenv"
cmake --build --preset default --parallel "$(nproc)"
ctest --preset default --parallel 2 "$@"
