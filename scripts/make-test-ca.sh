#!/usr/bin/env bash
# Make a throw-away test CA and a localhost server certificate for the test servers.
#
#   scripts/make-test-ca.sh DIR
#
# Writes into DIR:
#   ca.crt, ca.key              "Rounds Test CA" (self-signed)
#   localhost.crt, localhost.key  server cert signed by it: SAN DNS:localhost, IP:127.0.0.1,
#                                 EKU serverAuth, valid 30 days
#   localhost.pem               localhost.crt + localhost.key (the format ejabberd wants)
#   other-ca.crt, other-ca.key  a second, unrelated CA (tests use it to prove an unknown
#                               CA is refused)
# Keys are mode 0600. Nothing is regenerated while the files exist and the server
# certificate verifies against ca.crt and stays valid for more than one day.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
export ROUNDS_LOG_TAG=make-test-ca

[ "$#" -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
command -v openssl >/dev/null || rounds_die "openssl is not installed (run scripts/install-deps.sh)"

DIR="$(rounds_abs_dir "$1")"
VALID_DAYS=30
FILES=(ca.crt ca.key localhost.crt localhost.key localhost.pem other-ca.crt other-ca.key)

still_good() {
    local f
    for f in "${FILES[@]}"; do [ -s "$DIR/$f" ] || return 1; done
    openssl x509 -noout -checkend 86400 -in "$DIR/ca.crt" >/dev/null 2>&1 || return 1
    openssl x509 -noout -checkend 86400 -in "$DIR/localhost.crt" >/dev/null 2>&1 || return 1
    openssl x509 -noout -checkend 86400 -in "$DIR/other-ca.crt" >/dev/null 2>&1 || return 1
    openssl verify -CAfile "$DIR/ca.crt" -purpose sslserver "$DIR/localhost.crt" >/dev/null 2>&1 || return 1
}

# Prosody and ejabberd may start at the same moment (ctest --parallel): the
# second caller waits here and then finds the first one's certificates.
exec 9>"$DIR/.make-ca.lock"
flock 9

if still_good; then
    rounds_log "certificates in $DIR are present and valid"
    exit 0
fi

umask 077
work="$(mktemp -d "$DIR/.make-ca.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT

serial() { printf '0x%s' "$(openssl rand -hex 16)"; }

# A self-signed CA: make_ca NAME-PREFIX "Common Name"
make_ca() {
    cat >"$work/$1.ext" <<EXT
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EXT
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/$1.key" 2>/dev/null
    openssl req -new -key "$work/$1.key" -subj "/O=Rounds tests/CN=$2" -out "$work/$1.csr"
    openssl x509 -req -in "$work/$1.csr" -signkey "$work/$1.key" -days "$((VALID_DAYS * 2))" \
        -set_serial "$(serial)" -extfile "$work/$1.ext" -sha256 -out "$work/$1.crt" 2>/dev/null
}

make_ca ca "Rounds Test CA"
make_ca other-ca "Rounds Unrelated Test CA"

cat >"$work/localhost.ext" <<EXT
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EXT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/localhost.key" 2>/dev/null
openssl req -new -key "$work/localhost.key" -subj "/O=Rounds tests/CN=localhost" -out "$work/localhost.csr"
openssl x509 -req -in "$work/localhost.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" \
    -days "$VALID_DAYS" -set_serial "$(serial)" -extfile "$work/localhost.ext" -sha256 \
    -out "$work/localhost.crt" 2>/dev/null
cat "$work/localhost.crt" "$work/localhost.key" >"$work/localhost.pem"

openssl verify -CAfile "$work/ca.crt" -purpose sslserver "$work/localhost.crt" >/dev/null \
    || rounds_die "generated certificate does not verify"

chmod 0644 "$work"/*.crt
chmod 0600 "$work"/*.key "$work/localhost.pem"
chmod 0755 "$DIR"
for f in "${FILES[@]}"; do mv -f -- "$work/$f" "$DIR/$f"; done
rounds_log "wrote a fresh test CA and localhost certificate to $DIR"
