#!/usr/bin/env bash
# Start and stop private Prosody 0.12 / ejabberd 23.01 instances on loopback for tests
# and the demo. Never uses the system services or their data directories.
#
#   scripts/servers.sh start prosody DIR [--demo]
#   scripts/servers.sh start ejabberd DIR [--demo]
#   scripts/servers.sh stop prosody|ejabberd|all DIR
#   scripts/servers.sh status DIR
#
# Everything of an instance lives in DIR/<kind>/, the test CA in DIR/ca/, and a ready
# server is described by DIR/<kind>.env (see docs/test-servers.md).
# `stop` is idempotent and always exits 0 unless a process refuses to die, so
#   trap 'scripts/servers.sh stop all "$DIR"' EXIT
# is safe (scripts/lib/server-env.sh has rounds_servers_stop_on_exit DIR for that).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true # bash 5.2: keep "&" literal in ${x//a/b}

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$SCRIPTS/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/xmpp-ws.sh
. "$SCRIPTS/lib/xmpp-ws.sh"
export ROUNDS_LOG_TAG=servers
TEMPLATES="$ROUNDS_ROOT/tests/servers"

DOMAIN=localhost
START_TIMEOUT="${ROUNDS_START_TIMEOUT:-30}"
SM_RESUME="${ROUNDS_SM_RESUME_TIMEOUT:-120}"
TEST_USERS=(alice bob carol dave erin frank gina hank ivan judy kim lena mona)
ADMIN_USER="admin"
# Prosody only: accounts of the clinical-profile host (mod_rounds_auth). mia..quinn are
# for the C++ integration tests, rosa sam tess for tests/servers/sasl2_probe.py, uma vic wen
# for tests/integration/tst_Admin, xia yan zed for tests/servers/admin_probe.py.
CLINIC_DOMAIN="clinic.$DOMAIN"
CLINIC_USERS=(mia noah olga pete quinn rosa sam tess uma vic wen xia yan zed)
# admin@clinic is enrolled in TOTP at every start with this fixed 20-byte secret (the
# env file carries its base32 form), so every test can run the admin ad-hoc commands.
CLINIC_ADMIN_TOTP_SECRET="rounds-test-admin-2f"
DEMO_GROUP="Care team 4B"
# node|Full Name; password is <first name>-demo-pw
DEMO_USERS=("ana.ruiz|Ana Ruiz" "ben.okafor|Ben Okafor" "chloe.nguyen|Chloe Nguyen" "dev.patel|Dev Patel")

usage() {
    sed -n '4,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

test_password() { printf '%s-test-pw' "$1"; }
demo_password() { printf '%s-demo-pw' "${1%%.*}"; }

# ---------------------------------------------------------------------------
# Per-kind settings
# ---------------------------------------------------------------------------
setup_kind() { # KIND DIR
    KIND="$1"
    DIR="$2"
    KDIR="$DIR/$KIND"
    CA_DIR="$DIR/ca"
    ENV_FILE="$DIR/$KIND.env"
    case "$KIND" in
        prosody)
            HTTPS_PORT="${ROUNDS_PROSODY_HTTPS_PORT:-15443}"
            HTTP_PORT="${ROUNDS_PROSODY_HTTP_PORT:-15280}"
            C2S_PORT="${ROUNDS_PROSODY_C2S_PORT:-15222}"
            DIST_PORT=""
            WS_PATH=/xmpp-websocket
            CFG="$KDIR/prosody.cfg.lua"
            LOG="$KDIR/prosody.log"
            PIDFILE="$KDIR/server.pid"
            ;;
        ejabberd)
            HTTPS_PORT="${ROUNDS_EJABBERD_HTTPS_PORT:-15543}"
            HTTP_PORT="${ROUNDS_EJABBERD_HTTP_PORT:-15580}"
            C2S_PORT="${ROUNDS_EJABBERD_C2S_PORT:-15522}"
            DIST_PORT="${ROUNDS_EJABBERD_DIST_PORT:-15400}"
            WS_PATH=/ws
            CFG="$KDIR/conf/ejabberd.yml"
            LOG="$KDIR/log/ejabberd.log"
            PIDFILE="$KDIR/run/ejabberd.pid"
            # A node name private to this DIR, so stop only ever touches this instance.
            NODE="rounds_$(printf '%s' "$DIR" | sha1sum | cut -c1-12)@localhost"
            ;;
        *) usage ;;
    esac
    URL="wss://$DOMAIN:$HTTPS_PORT$WS_PATH"
    local n
    for n in "$HTTPS_PORT" "$HTTP_PORT" "$C2S_PORT" ${DIST_PORT:+"$DIST_PORT"}; do
        if ! [[ "$n" =~ ^[1-9][0-9]{0,4}$ ]] || [ "$n" -gt 65535 ]; then rounds_die "bad port number: $n"; fi
    done
    [[ "$SM_RESUME" =~ ^[1-9][0-9]*$ ]] || rounds_die "ROUNDS_SM_RESUME_TIMEOUT must be a number of seconds"
}

# Render TEMPLATE into OUT, replacing @KEY@ for every KEY=VALUE argument.
render() {
    local template="$1" out="$2" text kv
    shift 2
    text="$(<"$template")"
    for kv in "$@"; do
        text="${text//@${kv%%=*}@/${kv#*=}}"
    done
    printf '%s\n' "$text" >"$out.tmp"
    mv -f "$out.tmp" "$out"
}

write_env() {
    local accounts="" demo="" u entry
    for u in "${TEST_USERS[@]}"; do accounts+="$u@$DOMAIN:$(test_password "$u") "; done
    if [ "$WITH_DEMO" = 1 ]; then
        for entry in "${DEMO_USERS[@]}"; do
            u="${entry%%|*}"
            demo+="$u@$DOMAIN:$(demo_password "$u") "
        done
    fi
    {
        echo "ROUNDS_SERVER_KIND=$KIND"
        echo "ROUNDS_SERVER_URL=$URL"
        echo "ROUNDS_SERVER_DOMAIN=$DOMAIN"
        echo "ROUNDS_SERVER_CA=$CA_DIR/ca.crt"
        echo "ROUNDS_SERVER_OTHER_CA=$CA_DIR/other-ca.crt"
        echo "ROUNDS_SERVER_HOST=127.0.0.1"
        echo "ROUNDS_SERVER_PORT=$HTTPS_PORT"
        echo "ROUNDS_SERVER_C2S_PORT=$C2S_PORT"
        echo "ROUNDS_SERVER_HTTP_PORT=$HTTP_PORT"
        echo "ROUNDS_SERVER_ADMIN=$ADMIN_USER@$DOMAIN"
        echo "ROUNDS_SERVER_ADMIN_PASSWORD=$(test_password "$ADMIN_USER")"
        echo "ROUNDS_SERVER_ACCOUNTS=${accounts% }"
        echo "ROUNDS_SERVER_DEMO_ACCOUNTS=${demo% }"
        echo "ROUNDS_SERVER_MUC=conference.$DOMAIN"
        echo "ROUNDS_SERVER_UPLOAD=upload.$DOMAIN"
        echo "ROUNDS_SERVER_SM_MAX=$SM_RESUME"
        echo "ROUNDS_SERVER_LOG=$LOG"
        echo "ROUNDS_SERVER_PIDFILE=$PIDFILE"
        if [ "$KIND" = prosody ]; then
            local clinic=""
            for u in "${CLINIC_USERS[@]}"; do clinic+="$u@$CLINIC_DOMAIN:$(test_password "$u") "; done
            echo "ROUNDS_SERVER_CLINIC_DOMAIN=$CLINIC_DOMAIN"
            echo "ROUNDS_SERVER_CLINIC_PUBSUB=pubsub.$CLINIC_DOMAIN"
            echo "ROUNDS_SERVER_CLINIC_ACCOUNTS=${clinic% }"
            echo "ROUNDS_SERVER_CLINIC_ADMIN=$ADMIN_USER@$CLINIC_DOMAIN"
            echo "ROUNDS_SERVER_CLINIC_ADMIN_PASSWORD=$(test_password "$ADMIN_USER")"
            echo "ROUNDS_SERVER_CLINIC_ADMIN_TOTP_SECRET=$(printf '%s' "$CLINIC_ADMIN_TOTP_SECRET" | base32 | tr -d '=')"
        fi
    } >"$ENV_FILE.tmp"
    mv -f "$ENV_FILE.tmp" "$ENV_FILE"
}

# Settings of a running instance are kept in KDIR/instance.env (ports, demo flag), so a
# second `start` reports the real ports and `status` can show them.
save_instance() {
    printf 'HTTPS_PORT=%s\nHTTP_PORT=%s\nC2S_PORT=%s\nDIST_PORT=%s\nWITH_DEMO=%s\nSM_RESUME=%s\n' \
        "$HTTPS_PORT" "$HTTP_PORT" "$C2S_PORT" "$DIST_PORT" "$WITH_DEMO" "$SM_RESUME" >"$KDIR/instance.env"
}
load_instance() {
    local key value
    [ -r "$KDIR/instance.env" ] || return 0
    while IFS='=' read -r key value; do
        case "$key" in
            HTTPS_PORT | HTTP_PORT | C2S_PORT | DIST_PORT | WITH_DEMO | SM_RESUME) printf -v "$key" '%s' "$value" ;;
        esac
    done <"$KDIR/instance.env"
    URL="wss://$DOMAIN:$HTTPS_PORT$WS_PATH"
}

print_log_tail() {
    local f
    for f in "$@"; do
        [ -s "$f" ] || continue
        echo "----- last 40 lines of $f -----" >&2
        tail -n 40 "$f" >&2
        echo "-----" >&2
    done
}

# ---------------------------------------------------------------------------
# Readiness: a real RFC 7395 login over TLS, verified against the test CA
# ---------------------------------------------------------------------------
wait_ready() { # PID-CHECK-FUNCTION USER PASSWORD
    local alive="$1" user="$2" pass="$3" deadline out missing=0
    deadline=$((SECONDS + START_TIMEOUT))
    while :; do
        # ejabberdctl start returns while the detached VM is still being
        # exec'd under another name: only give up after ~3 s without it.
        if "$alive"; then
            missing=0
        elif [ $((missing += 1)) -ge 15 ]; then
            LAST_PROBE="server process exited"
            return 1
        fi
        if out="$(rounds_ws_probe "$URL" "$CA_DIR/ca.crt" "$DOMAIN" ${user:+"$user"} ${pass:+"$pass"} 2>&1)"; then
            LAST_PROBE="$out"
            return 0
        fi
        LAST_PROBE="$out"
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

check_ports_free() {
    local p
    for p in "$HTTPS_PORT" "$HTTP_PORT" "$C2S_PORT" ${DIST_PORT:+"$DIST_PORT"}; do
        if rounds_port_busy "$p"; then
            echo "127.0.0.1:$p is already in use (set ROUNDS_${KIND^^}_*_PORT to move this instance)"
            return 1
        fi
    done
}

# ---------------------------------------------------------------------------
# Prosody
# ---------------------------------------------------------------------------
prosody_pids() {
    local pid
    local f
    for f in "$PIDFILE" "$KDIR/prosody.pid"; do
        pid="$(cat "$f" 2>/dev/null || true)"
        rounds_pid_matches "$pid" "$CFG" && echo "$pid"
    done
    # Also anything started with exactly this config file (pid file lost or stale).
    [ -e "$CFG" ] && rounds_pids_with_arg "$CFG"
    return 0
}
prosody_running() { [ -n "$(prosody_pids)" ]; }

prosody_seed_demo_rosters() {
    local args=() entry
    for entry in "${DEMO_USERS[@]}"; do args+=("${entry%%|*}=${entry#*|}"); done
    lua5.4 - "$KDIR/data" "$DOMAIN" "$DEMO_GROUP" "${args[@]}" <<'LUA'
-- Give every demo account a mutual ("both") roster entry for every other one, using
-- Prosody's own storage library so the files are exactly what the server writes.
package.path = "/usr/lib/prosody/?.lua;" .. package.path
package.cpath = "/usr/lib/prosody/?.so;" .. package.cpath
local dm = require "util.datamanager"
local data_path, host, group = arg[1], arg[2], arg[3]
dm.set_data_path(data_path)
local users = {}
for i = 4, #arg do
  local node, name = arg[i]:match("^([^=]+)=(.*)$")
  users[#users + 1] = { node = node, name = name }
end
for _, u in ipairs(users) do
  local roster = dm.load(u.node, host, "roster") or {}
  local meta = roster[false] or { pending = {} }
  meta.version = (tonumber(meta.version) or 0) + 1
  roster[false] = meta
  for _, c in ipairs(users) do
    if c ~= u then
      roster[c.node .. "@" .. host] = { subscription = "both", name = c.name, groups = { [group] = true } }
    end
  end
  assert(dm.store(u.node, host, "roster", roster))
end
LUA
}

# Enrol admin@clinic in TOTP with the fixed test secret, written offline in the format
# of mod_rounds_auth's "rounds_auth" store (any earlier lockout or tokens are dropped).
prosody_seed_clinic_admin() {
    lua5.4 - "$KDIR/data" "$CLINIC_DOMAIN" "$ADMIN_USER" "$CLINIC_ADMIN_TOTP_SECRET" <<'LUA'
package.path = "/usr/lib/prosody/?.lua;" .. package.path
package.cpath = "/usr/lib/prosody/?.so;" .. package.cpath
local dm = require "util.datamanager"
local base64 = require "util.encodings".base64
dm.set_data_path(arg[1])
assert(dm.store(arg[3], arg[2], "rounds_auth", { totp = { secret = base64.encode(arg[4]), enrolled = os.time() } }))
LUA
}

start_prosody() {
    local run_as_root=false u entry pid
    command -v prosody >/dev/null || rounds_die "prosody is not installed (run scripts/install-deps.sh)"
    if prosody_running; then
        FOUND_RUNNING=1
        local want_demo="$WITH_DEMO"
        load_instance
        if [ "$want_demo" = 1 ] && [ "$WITH_DEMO" != 1 ]; then
            rounds_die "prosody in $KDIR runs without --demo; stop it first"
        fi
        if wait_ready prosody_running alice "$(test_password alice)"; then
            write_env
            rounds_log "prosody already running in $KDIR: $URL"
            return 0
        fi
        start_failed "prosody is running but not answering: $LAST_PROBE"
    fi
    local why
    why="$(check_ports_free)" || start_failed "$why"

    [ "$(id -u)" -eq 0 ] && run_as_root=true
    mkdir -p "$KDIR/data"
    rotate_logs "$LOG" "$KDIR/console.log"
    render "$TEMPLATES/prosody.cfg.lua.in" "$CFG" \
        "DIR=$KDIR" "CA_DIR=$CA_DIR" "DOMAIN=$DOMAIN" "RUN_AS_ROOT=$run_as_root" "REPO=$ROUNDS_ROOT" \
        "LOG_LEVEL=${ROUNDS_PROSODY_LOG_LEVEL:-debug}" "HTTPS_PORT=$HTTPS_PORT" \
        "HTTP_PORT=$HTTP_PORT" "C2S_PORT=$C2S_PORT" "SM_HIBERNATION=$SM_RESUME"

    # Accounts are written offline, before the server starts (prosodyctl register
    # overwrites the password of an existing account, so this is idempotent).
    for u in "${TEST_USERS[@]}" "$ADMIN_USER"; do
        prosodyctl --config "$CFG" register "$u" "$DOMAIN" "$(test_password "$u")" >>"$KDIR/console.log" 2>&1 \
            || start_failed "prosodyctl register $u failed"
    done
    for u in "${CLINIC_USERS[@]}" "$ADMIN_USER"; do
        prosodyctl --config "$CFG" register "$u" "$CLINIC_DOMAIN" "$(test_password "$u")" >>"$KDIR/console.log" 2>&1 \
            || start_failed "prosodyctl register $u@$CLINIC_DOMAIN failed"
    done
    prosody_seed_clinic_admin 2>>"$KDIR/console.log" || start_failed "could not enrol admin@$CLINIC_DOMAIN in TOTP"
    if [ "$WITH_DEMO" = 1 ]; then
        for entry in "${DEMO_USERS[@]}"; do
            u="${entry%%|*}"
            prosodyctl --config "$CFG" register "$u" "$DOMAIN" "$(demo_password "$u")" >>"$KDIR/console.log" 2>&1 \
                || start_failed "prosodyctl register $u failed"
        done
        prosody_seed_demo_rosters 2>>"$KDIR/console.log" || start_failed "could not write the demo rosters"
    fi

    # -F keeps it in the foreground of its own session; we background it ourselves.
    # Never run plain `prosody` or `prosody --version`: that starts the system server.
    setsid prosody --config "$CFG" -F </dev/null >>"$KDIR/console.log" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PIDFILE"
    STARTED=1
    save_instance
    wait_ready prosody_running alice "$(test_password alice)" \
        || start_failed "prosody did not become ready within ${START_TIMEOUT}s: $LAST_PROBE"
    [ "$WITH_DEMO" = 1 ] && set_demo_vcards
    write_env
    rounds_log "prosody ready (pid $pid): $URL"
}

stop_prosody() {
    local pids
    # shellcheck disable=SC2207
    pids=($(prosody_pids | sort -u))
    # shellcheck disable=SC2207
    [ "${#pids[@]}" -eq 0 ] || pids=($(rounds_pid_tree "${pids[@]}" | sort -u))
    if [ "${#pids[@]}" -gt 0 ]; then
        rounds_terminate 10 "${pids[@]}"
        rounds_log "prosody stopped (pid ${pids[*]})"
    fi
    rm -f "$PIDFILE" "$KDIR/prosody.pid" "$ENV_FILE"
}

# ---------------------------------------------------------------------------
# ejabberd
# ---------------------------------------------------------------------------
# As root, the system ejabberdctl re-executes itself as user ejabberd; as any other
# user it refuses to run, so we use a private copy that runs as the current user.
ejctl() {
    local ctl=/usr/sbin/ejabberdctl
    if [ "$(id -u)" -ne 0 ] && [ "$(id -un)" != ejabberd ]; then
        ctl="$KDIR/ejabberdctl"
        if [ ! -x "$ctl" ]; then
            sed 's/^INSTALLUSER=.*/INSTALLUSER=/' /usr/sbin/ejabberdctl >"$ctl.tmp"
            chmod 0755 "$ctl.tmp"
            mv -f "$ctl.tmp" "$ctl"
        fi
    fi
    timeout 60 "$ctl" --config-dir "$KDIR/conf" "$@" 9>&-
}

ejabberd_pids() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    rounds_pid_matches "$pid" "$NODE" && echo "$pid"
    # beam.smp of the node and any ejabberdctl client VM talking to it.
    rounds_pids_with_arg "$NODE"
    return 0
}
ejabberd_running() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    rounds_pid_matches "$pid" "$NODE" && return 0
    [ -n "$(rounds_pids_with_arg "$NODE")" ]
}

ejabberd_account() { # USER PASSWORD EXISTS(0/1): create, or reset the password
    local out
    if [ "$3" = 1 ]; then
        out="$(ejctl change_password "$1" "$DOMAIN" "$2" 2>&1)" && return 0
    else
        out="$(ejctl register "$1" "$DOMAIN" "$2" 2>&1)" && return 0
    fi
    echo "ejabberdctl account $1: $out" >>"$KDIR/log/accounts.log"
    return 1
}

# Run "ejabberd_account USER PASSWORD" for every USER=PASSWORD argument, in parallel.
ejabberd_accounts() {
    local existing kv u pids=() fail=0
    existing=" $(ejctl registered_users "$DOMAIN" 2>>"$KDIR/log/accounts.log" | tr '\n' ' ') " || return 1
    for kv in "$@"; do
        u="${kv%%=*}"
        if [[ "$existing" == *" $u "* ]]; then
            ejabberd_account "$u" "${kv#*=}" 1 &
        else
            ejabberd_account "$u" "${kv#*=}" 0 &
        fi
        pids+=($!)
    done
    for u in "${pids[@]}"; do wait "$u" || fail=1; done
    return "$fail"
}

ejabberd_demo_rosters() {
    local a b pids=() pid fail=0
    for a in "${DEMO_USERS[@]}"; do
        for b in "${DEMO_USERS[@]}"; do
            [ "$a" = "$b" ] && continue
            ejctl add_rosteritem "${a%%|*}" "$DOMAIN" "${b%%|*}" "$DOMAIN" "${b#*|}" "$DEMO_GROUP" both \
                >>"$KDIR/log/accounts.log" 2>&1 &
            pids+=($!)
        done
        # One contact list at a time: parallel writes to the same roster could race.
        for pid in "${pids[@]}"; do wait "$pid" || fail=1; done
        pids=()
    done
    return "$fail"
}

start_ejabberd() {
    local u entry cookie
    command -v ejabberdctl >/dev/null || [ -x /usr/sbin/ejabberdctl ] \
        || rounds_die "ejabberd is not installed (run scripts/install-deps.sh)"
    if ejabberd_running; then
        FOUND_RUNNING=1
        local want_demo="$WITH_DEMO"
        load_instance
        if [ "$want_demo" = 1 ] && [ "$WITH_DEMO" != 1 ]; then
            rounds_die "ejabberd in $KDIR runs without --demo; stop it first"
        fi
        if wait_ready ejabberd_running alice "$(test_password alice)"; then
            write_env
            rounds_log "ejabberd already running in $KDIR: $URL"
            return 0
        fi
        start_failed "ejabberd is running but not answering: $LAST_PROBE"
    fi
    local why
    why="$(check_ports_free)" || start_failed "$why"

    mkdir -p "$KDIR"/{conf,db,log,run,upload,contrib/conf}
    cookie="$(head -c 24 /dev/urandom | sha1sum | cut -c1-32)"
    local subst=("DIR=$KDIR" "DOMAIN=$DOMAIN" "LOG_LEVEL=${ROUNDS_EJABBERD_LOG_LEVEL:-info}"
        "HTTPS_PORT=$HTTPS_PORT" "HTTP_PORT=$HTTP_PORT" "C2S_PORT=$C2S_PORT"
        "SM_HIBERNATION=$SM_RESUME" "NODE=$NODE" "DIST_PORT=$DIST_PORT" "COOKIE=$cookie")
    render "$TEMPLATES/ejabberd.yml.in" "$CFG" "${subst[@]}"
    (umask 077 && render "$TEMPLATES/ejabberdctl.cfg.in" "$KDIR/conf/ejabberdctl.cfg" "${subst[@]}")
    cp -f "$TEMPLATES/inetrc" "$KDIR/conf/inetrc"
    # ejabberd runs as its own user: give it a private copy of the key, not DIR/ca.
    install -m 0600 "$CA_DIR/localhost.pem" "$KDIR/conf/localhost.pem"
    install -m 0644 "$CA_DIR/ca.crt" "$KDIR/conf/ca.crt"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R ejabberd:ejabberd "$KDIR/conf" "$KDIR/db" "$KDIR/log" "$KDIR/run" "$KDIR/upload" "$KDIR/contrib"
        chown root:root "$KDIR/conf/ejabberdctl.cfg" # read by ejabberdctl as root only
        # The ejabberd user must be able to reach KDIR; DIR may come from mktemp -d (0700).
        chmod o+x "$DIR" "$KDIR"
        # shellcheck disable=SC2016  # $0 is expanded by the inner shell
        su -s /bin/sh ejabberd -c 'test -w "$0/db" && test -r "$0/conf/localhost.pem"' "$KDIR" \
            || start_failed "user ejabberd cannot reach $KDIR (a parent directory is not searchable by others)"
    fi

    rotate_logs "$LOG" "$KDIR/log/error.log" "$KDIR/log/crash.log" "$KDIR/log/accounts.log"
    : >"$KDIR/log/accounts.log"
    chown ejabberd:ejabberd "$KDIR/log/accounts.log" 2>/dev/null || true
    ejctl start >>"$KDIR/log/accounts.log" 2>&1 || start_failed "ejabberdctl start failed"
    STARTED=1
    save_instance
    # Wait for the node itself (TLS WebSocket answers), then create the accounts.
    wait_ready ejabberd_running "" "" \
        || start_failed "ejabberd did not accept WebSocket connections within ${START_TIMEOUT}s: $LAST_PROBE"

    local accounts=()
    for u in "${TEST_USERS[@]}" "$ADMIN_USER"; do accounts+=("$u=$(test_password "$u")"); done
    if [ "$WITH_DEMO" = 1 ]; then
        for entry in "${DEMO_USERS[@]}"; do
            u="${entry%%|*}"
            accounts+=("$u=$(demo_password "$u")")
        done
    fi
    ejabberd_accounts "${accounts[@]}" || start_failed "could not create the accounts (see $KDIR/log/accounts.log)"
    if [ "$WITH_DEMO" = 1 ]; then
        ejabberd_demo_rosters || start_failed "could not write the demo rosters"
    fi

    wait_ready ejabberd_running alice "$(test_password alice)" \
        || start_failed "alice cannot log in over $URL: $LAST_PROBE"
    [ "$WITH_DEMO" = 1 ] && set_demo_vcards
    write_env
    rounds_log "ejabberd ready (node $NODE): $URL"
}

stop_ejabberd() {
    local pids
    if ejabberd_running && [ -r "$KDIR/conf/ejabberdctl.cfg" ]; then
        ejctl stop >/dev/null 2>&1 || true
    fi
    # The node, its helpers (erl_child_setup, memsup, eimp...) and ctl clients of this node.
    # shellcheck disable=SC2207
    pids=($(ejabberd_pids | sort -u))
    # shellcheck disable=SC2207
    [ "${#pids[@]}" -eq 0 ] || pids=($(rounds_pid_tree "${pids[@]}" | sort -u))
    if [ "${#pids[@]}" -gt 0 ]; then
        rounds_terminate 15 "${pids[@]}"
        rounds_log "ejabberd stopped (node $NODE, pid ${pids[*]})"
    fi
    rm -f "$PIDFILE" "$ENV_FILE"
}

# ---------------------------------------------------------------------------
# Shared start/stop logic
# ---------------------------------------------------------------------------
set_demo_vcards() {
    local entry u
    for entry in "${DEMO_USERS[@]}"; do
        u="${entry%%|*}"
        rounds_ws_probe "$URL" "$CA_DIR/ca.crt" "$DOMAIN" "$u" "$(demo_password "$u")" "${entry#*|}" >/dev/null \
            || start_failed "could not set the display name of $u"
    done
}

# Logs of the previous run are kept as *.old so that a failure shows this run's lines.
rotate_logs() {
    local f
    for f in "$@"; do
        if [ -f "$f" ]; then mv -f "$f" "$f.old"; fi
    done
    LOGS_FRESH=1
}

start_failed() {
    rounds_log "start $KIND failed: $*"
    # Only show logs written during this start, or by a server found running.
    if [ "${LOGS_FRESH:-0}" = 1 ] || [ "${FOUND_RUNNING:-0}" = 1 ]; then
        if [ "$KIND" = prosody ]; then
            print_log_tail "$LOG" "$KDIR/console.log"
        else
            print_log_tail "$LOG" "$KDIR/log/error.log" "$KDIR/log/accounts.log"
        fi
    fi
    if [ "${STARTED:-0}" = 1 ]; then
        "stop_$KIND" || true
    fi
    exit 1
}

cmd_start() {
    local kind="" dir="" arg
    WITH_DEMO=0
    for arg in "$@"; do
        case "$arg" in
            --demo) WITH_DEMO=1 ;;
            -*) usage ;;
            *)
                if [ -z "$kind" ]; then
                    kind="$arg"
                elif [ -z "$dir" ]; then
                    dir="$arg"
                else
                    usage
                fi
                ;;
        esac
    done
    case "$kind" in prosody | ejabberd) ;; *) usage ;; esac
    [ -n "$dir" ] || usage
    if ! /usr/bin/python3 -c 'import websockets' 2>/dev/null; then
        rounds_die "/usr/bin/python3 with python3-websockets is missing (run scripts/install-deps.sh)"
    fi
    dir="$(rounds_abs_dir "$dir")"
    # The paths end up in Lua, YAML and shell (ejabberdctl) unquoted: keep them plain.
    case "$dir" in
        *[[:space:]\"\'\\\$\`]*) rounds_die "DIR must not contain spaces, quotes, \\, \$ or \`: $dir" ;;
    esac
    setup_kind "$kind" "$dir"
    mkdir -p "$KDIR"
    exec 9>"$KDIR/.lock"
    flock -w 120 9 || rounds_die "another servers.sh holds $KDIR/.lock"
    local ca_out
    if ! ca_out="$("$SCRIPTS/make-test-ca.sh" "$CA_DIR" 2>&1)"; then
        printf '%s\n' "$ca_out" >&2
        rounds_die "could not make the test CA in $CA_DIR"
    fi
    STARTED=0
    "start_$kind"
}

cmd_stop() {
    local what="${1:-}" dir="${2:-}" kind
    if [ -z "$what" ] || [ -z "$dir" ]; then usage; fi
    case "$what" in
        all) set -- prosody ejabberd ;;
        prosody | ejabberd) set -- "$what" ;;
        *) usage ;;
    esac
    [ -d "$dir" ] || return 0
    dir="$(cd "$dir" && pwd -P)"
    for kind in "$@"; do
        setup_kind "$kind" "$dir"
        [ -d "$KDIR" ] || continue
        (
            exec 9>"$KDIR/.lock"
            flock -w 120 9 || true
            "stop_$kind"
        )
    done
}

cmd_status() {
    local dir="${1:-}" kind state rc=3
    [ -n "$dir" ] || usage
    [ -d "$dir" ] || { echo "no test servers in $dir"; return 3; }
    dir="$(cd "$dir" && pwd -P)"
    for kind in prosody ejabberd; do
        setup_kind "$kind" "$dir"
        load_instance
        state=stopped
        if "${kind}_running"; then
            state="running (pid $(${kind}_pids | sort -u | tr '\n' ' ' | sed 's/ $//'))"
            rc=0
        fi
        printf '%-8s %s' "$kind" "$state"
        [ "$state" != stopped ] && [ -f "$ENV_FILE" ] && printf '  %s  env=%s' "$URL" "$ENV_FILE"
        printf '\n'
    done
    return "$rc"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    *) usage ;;
esac
