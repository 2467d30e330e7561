#!/usr/bin/python3
"""Protocol-level test of mod_rounds_auth (packaging/prosody) on the test Prosody.

Speaks SASL2/TOTP/FAST/Bind2/SM directly (stdlib only) over wss:// and over c2s STARTTLS
against clinic.localhost, using only the accounts rosa, sam and tess plus the admin (whose
TOTP secret is in the env file). Re-runnable: the accounts are reset through the admin
ad-hoc command first. Usage: ROUNDS_TEST_ENV=DIR/prosody.env sasl2_probe.py
SPDX-License-Identifier: GPL-3.0-or-later
"""
import base64
import hashlib
import hmac
import os
import re
import socket
import ssl
import struct
import sys
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

NS_SASL2 = "urn:xmpp:sasl:2"
NS_SASL = "urn:ietf:params:xml:ns:xmpp-sasl"
NS_FAST = "urn:xmpp:fast:0"
NS_BIND2 = "urn:xmpp:bind:0"
NS_SM = "urn:xmpp:sm:3"
NS_ROUNDS = "https://rounds.invalid/ns/auth"
NS_CMD = "http://jabber.org/protocol/commands"
NS_STREAM = "http://etherx.jabber.org/streams"


class ProbeError(Exception):
    pass


def q(ns, name):
    return "{%s}%s" % (ns, name)


def check(cond, what):
    if not cond:
        raise ProbeError(what)
    print("ok   " + what)


def load_env():
    path = os.environ.get("ROUNDS_TEST_ENV")
    if not path or not os.path.exists(path):
        raise ProbeError("ROUNDS_TEST_ENV must name the prosody env file (scripts/servers.sh start prosody DIR)")
    env = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


# ---------------------------------------------------------------------------
# Transports: RFC 7395 WebSocket (one element per frame) and RFC 6120 TCP+STARTTLS
# ---------------------------------------------------------------------------
class WsConn:
    def __init__(self, env, domain):
        url = urllib.parse.urlparse(env["ROUNDS_SERVER_URL"])
        ctx = ssl.create_default_context(cafile=env["ROUNDS_SERVER_CA"])
        raw = socket.create_connection((env["ROUNDS_SERVER_HOST"], url.port), timeout=10)
        self.sock = ctx.wrap_socket(raw, server_hostname=url.hostname)
        key = base64.b64encode(os.urandom(16)).decode()
        req = (f"GET {url.path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               "Sec-WebSocket-Protocol: xmpp\r\n\r\n")
        self.sock.sendall(req.encode())
        self.buf = b""
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ProbeError("WebSocket upgrade refused: %r" % head[:80])
        self.domain = domain
        self.first_features = self.open()

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise ProbeError("connection closed by server")
        self.buf += data

    def _need(self, n):
        while len(self.buf) < n:
            self._fill()

    def open(self):
        self.send(f"<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='{self.domain}' version='1.0'/>")
        el = self.recv()
        if el.tag != q("urn:ietf:params:xml:ns:xmpp-framing", "open"):
            raise ProbeError("expected <open/>, got " + el.tag)
        return self.features()

    def features(self):
        el = self.recv()
        if el.tag != q(NS_STREAM, "features"):
            raise ProbeError("expected stream features, got " + el.tag)
        return el

    def send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        if n < 126:
            head = struct.pack("!BB", 0x81, 0x80 | n)
        elif n < 65536:
            head = struct.pack("!BBH", 0x81, 0xFE, n)
        else:
            head = struct.pack("!BBQ", 0x81, 0xFF, n)
        body = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(head + mask + body)

    def recv(self, timeout=10):
        self.sock.settimeout(timeout)
        while True:
            self._need(2)
            b1, b2 = self.buf[0], self.buf[1]
            n, off = b2 & 0x7F, 2
            if n == 126:
                self._need(4)
                n, off = struct.unpack("!H", self.buf[2:4])[0], 4
            elif n == 127:
                self._need(10)
                n, off = struct.unpack("!Q", self.buf[2:10])[0], 10
            self._need(off + n)
            payload, self.buf = self.buf[off:off + n], self.buf[off + n:]
            op = b1 & 0x0F
            if op == 0x8:
                raise ProbeError("WebSocket closed by server")
            if op == 0x9:
                continue
            if op == 0x1 and payload.strip():
                text = payload.decode()
                # Stream-level elements come with the stream prefix declared inline.
                return ET.fromstring(text)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class TcpConn:
    def __init__(self, env, domain):
        self.env, self.domain = env, domain
        self.sock = socket.create_connection((env["ROUNDS_SERVER_HOST"], int(env["ROUNDS_SERVER_C2S_PORT"])), timeout=10)
        feats = self.open()
        if feats.find(q("urn:ietf:params:xml:ns:xmpp-tls", "starttls")) is None:
            raise ProbeError("c2s offers no STARTTLS")
        if feats.find(q(NS_SASL2, "authentication")) is not None:
            raise ProbeError("SASL2 offered before TLS")
        self.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        if self.recv().tag != q("urn:ietf:params:xml:ns:xmpp-tls", "proceed"):
            raise ProbeError("STARTTLS not accepted")
        ctx = ssl.create_default_context(cafile=env["ROUNDS_SERVER_CA"])
        self.sock = ctx.wrap_socket(self.sock, server_hostname="localhost")
        self.first_features = self.open()

    def open(self):
        self.parser = ET.XMLPullParser(events=("start", "end"))
        self.depth = 0
        self.pending = []
        self.send(f"<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='{NS_STREAM}' "
                  f"to='{self.domain}' version='1.0'>")
        return self.features()

    def features(self):
        el = self.recv()
        if el.tag != q(NS_STREAM, "features"):
            raise ProbeError("expected stream features, got " + el.tag)
        return el

    def send(self, text):
        self.sock.sendall(text.encode())

    def recv(self, timeout=10):
        self.sock.settimeout(timeout)
        while not self.pending:
            data = self.sock.recv(65536)
            if not data:
                raise ProbeError("connection closed by server")
            self.parser.feed(data)
            for ev, el in self.parser.read_events():
                if ev == "start":
                    self.depth += 1
                else:
                    self.depth -= 1
                    if self.depth == 1:
                        self.pending.append(el)
        return self.pending.pop(0)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# ---------------------------------------------------------------------------
# SCRAM, TOTP, HT
# ---------------------------------------------------------------------------
def b64(data):
    return base64.b64encode(data).decode()


def hotp(key, counter):
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    off = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[off:off + 4])[0] & 0x7FFFFFFF) % 1000000)


def totp_code(key, step_offset=0):
    return hotp(key, int(time.time()) // 30 + step_offset)


def wait_next_step():
    time.sleep(30 - time.time() % 30 + 0.2)


class Login:
    """One SASL2 authenticate exchange; `outcome` is the final element."""

    def __init__(self, conn, user, password=None, mech="SCRAM-SHA-256", ua_id=None, extra="",
                 token=None, fast_count=None, invalidate=False, totp_key=None, code=None, check_final=True):
        self.conn = conn
        self.continue_el = None
        self.challenge_uri = None
        self.server_final_ok = None
        ua = f"<user-agent id='{ua_id}'><software>rounds-probe</software></user-agent>" if ua_id else ""
        if mech == "HT-SHA-256-NONE":
            self.token = token
            init = user.encode() + b"\0" + hmac.new(token.encode(), b"Initiator", hashlib.sha256).digest()
            fast = f"<fast xmlns='{NS_FAST}' count='{fast_count or 1}'" + (" invalidate='true'" if invalidate else "") + "/>"
            conn.send(f"<authenticate xmlns='{NS_SASL2}' mechanism='{mech}'><initial-response>{b64(init)}"
                      f"</initial-response>{ua}{fast}{extra}</authenticate>")
            self.outcome = conn.recv()
            if self.outcome.tag == q(NS_SASL2, "success"):
                want = hmac.new(token.encode(), b"Responder", hashlib.sha256).digest()
                got = base64.b64decode(self.outcome.findtext(q(NS_SASL2, "additional-data")) or "")
                self.server_final_ok = hmac.compare_digest(want, got)
            return
        hname = "sha256" if mech == "SCRAM-SHA-256" else "sha1"
        cnonce = b64(os.urandom(18))
        bare = f"n={user},r={cnonce}"
        conn.send(f"<authenticate xmlns='{NS_SASL2}' mechanism='{mech}'><initial-response>"
                  f"{b64(('n,,' + bare).encode())}</initial-response>{ua}{extra}</authenticate>")
        el = conn.recv()
        if el.tag != q(NS_SASL2, "challenge"):
            self.outcome = el
            return
        first = base64.b64decode(el.text).decode()
        attrs = dict(kv.split("=", 1) for kv in first.split(","))
        salted = hashlib.pbkdf2_hmac(hname, password.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
        ckey = hmac.new(salted, b"Client Key", hname).digest()
        skey = hmac.new(salted, b"Server Key", hname).digest()
        without = f"c=biws,r={attrs['r']}"
        auth_msg = f"{bare},{first},{without}".encode()
        sig = hmac.new(hashlib.new(hname, ckey).digest(), auth_msg, hname).digest()
        proof = bytes(a ^ b for a, b in zip(ckey, sig))
        self.expected_v = "v=" + b64(hmac.new(skey, auth_msg, hname).digest())
        conn.send(f"<response xmlns='{NS_SASL2}'>{b64((without + ',p=' + b64(proof)).encode())}</response>")
        el = conn.recv()
        if el.tag in (q(NS_SASL2, "continue"), q(NS_SASL2, "success")):
            ad = el.findtext(q(NS_SASL2, "additional-data"))
            self.server_final_ok = ad is not None and base64.b64decode(ad).decode() == self.expected_v
            if check_final and not self.server_final_ok:
                raise ProbeError("SCRAM server signature missing or wrong in <%s>" % el.tag)
        if el.tag == q(NS_SASL2, "continue"):
            self.continue_el = el
            task = el.findtext(f"{q(NS_SASL2, 'tasks')}/{q(NS_SASL2, 'task')}")
            self.task = task
            if task == "TOTP-INIT":
                conn.send(f"<next xmlns='{NS_SASL2}' task='TOTP-INIT'/>")
                ch = conn.recv()
                if ch.tag != q(NS_SASL2, "challenge"):
                    self.outcome = ch
                    return
                self.challenge_uri = base64.b64decode(ch.text).decode()
                secret = urllib.parse.parse_qs(urllib.parse.urlparse(self.challenge_uri).query)["secret"][0]
                self.secret = base64.b32decode(secret + "=" * (-len(secret) % 8))
                c = code if code is not None else totp_code(self.secret)
                self.code = c
                conn.send(f"<response xmlns='{NS_SASL2}'>{b64(c.encode())}</response>")
            elif task == "TOTP":
                c = code if code is not None else totp_code(totp_key)
                self.code = c
                conn.send(f"<next xmlns='{NS_SASL2}' task='TOTP'><initial-response>{b64(c.encode())}"
                          "</initial-response></next>")
            else:
                raise ProbeError("unexpected task %r" % task)
            el = conn.recv()
        self.outcome = el

    @property
    def ok(self):
        return self.outcome.tag == q(NS_SASL2, "success")

    def condition(self):
        if self.outcome.tag != q(NS_SASL2, "failure"):
            return None
        for child in self.outcome:
            if child.tag.startswith("{%s}" % NS_SASL):
                return child.tag.split("}")[1]
        return "?"

    def token_el(self):
        return self.outcome.find(q(NS_FAST, "token"))


def expect_failure(login, condition, what):
    check(login.condition() == condition, f"{what}: expected failure {condition}, got "
          f"{login.condition() or login.outcome.tag}")


# ---------------------------------------------------------------------------
# Admin ad-hoc
# ---------------------------------------------------------------------------
class Admin:
    def __init__(self, env, domain):
        self.domain = domain
        key = base64.b32decode(env["ROUNDS_SERVER_CLINIC_ADMIN_TOTP_SECRET"] + "=" * (-len(env["ROUNDS_SERVER_CLINIC_ADMIN_TOTP_SECRET"]) % 8))
        user = env["ROUNDS_SERVER_CLINIC_ADMIN"].split("@")[0]
        for attempt in range(3):
            self.conn = WsConn(env, domain)
            lg = Login(self.conn, user, env["ROUNDS_SERVER_CLINIC_ADMIN_PASSWORD"], ua_id=str(uuid.uuid4()),
                       extra=f"<bind xmlns='{NS_BIND2}'><tag>probe-admin</tag></bind>", totp_key=key)
            if lg.ok:
                break
            self.conn.close()
            if lg.condition() == "temporary-auth-failure":
                time.sleep(int(lg.outcome.find(q(NS_ROUNDS, "locked")).get("retry-after")) + 1)
            else:  # this step's code was already used by someone else: take the next one
                wait_next_step()
        else:
            raise ProbeError("admin cannot log in: " + ET.tostring(lg.outcome).decode())
        self.conn.features()
        self.n = 0

    def command(self, node, fields):
        self.n += 1
        iid = f"cmd{self.n}"
        self.conn.send(f"<iq xmlns='jabber:client' type='set' id='{iid}a' to='{self.domain}'><command xmlns='{NS_CMD}' node='{node}' action='execute'/></iq>")
        res = self.wait_iq(iid + "a")
        cmd = res.find(q(NS_CMD, "command"))
        if res.get("type") != "result" or cmd is None:
            raise ProbeError(f"ad-hoc {node} refused: " + ET.tostring(res).decode())
        sid = cmd.get("sessionid")
        form = "".join(f"<field var='{k}'><value>{v}</value></field>" for k, v in fields.items())
        self.conn.send(f"<iq xmlns='jabber:client' type='set' id='{iid}b' to='{self.domain}'><command xmlns='{NS_CMD}' node='{node}' "
                       f"sessionid='{sid}' action='complete'><x xmlns='jabber:x:data' type='submit'>"
                       f"<field var='FORM_TYPE'><value>{NS_ROUNDS}</value></field>{form}</x></command></iq>")
        res = self.wait_iq(iid + "b")
        cmd = res.find(q(NS_CMD, "command"))
        note = cmd.find(q(NS_CMD, "note")) if cmd is not None else None
        if res.get("type") != "result" or cmd.get("status") != "completed" or note is None or note.get("type") == "error":
            raise ProbeError(f"ad-hoc {node} failed: " + ET.tostring(res).decode())
        return note.text

    def wait_iq(self, iid):
        while True:
            el = self.conn.recv()
            if el.tag == "{jabber:client}iq" and el.get("id") == iid:
                return el


# ---------------------------------------------------------------------------
# The scenario
# ---------------------------------------------------------------------------
def main():
    env = load_env()
    domain = env.get("ROUNDS_SERVER_CLINIC_DOMAIN")
    if not domain:
        raise ProbeError("env file has no ROUNDS_SERVER_CLINIC_DOMAIN (not the prosody env?)")
    pw = {a.split("@")[0]: a.split(":", 1)[1] for a in env["ROUNDS_SERVER_CLINIC_ACCOUNTS"].split()}
    for u in ("rosa", "sam", "tess"):
        if u not in pw:
            raise ProbeError(f"{u} missing from ROUNDS_SERVER_CLINIC_ACCOUNTS")
    reset, revoke = NS_ROUNDS + "#reset-totp", NS_ROUNDS + "#revoke-tokens"

    admin = Admin(env, domain)
    check(True, "admin logged in with password + TOTP over wss")
    for u in ("rosa", "sam", "tess"):
        admin.command(reset, {"accountjid": f"{u}@{domain}"})
        admin.command(revoke, {"accountjid": f"{u}@{domain}", "user-agent-id": ""})
    check(True, "admin reset-totp and revoke-tokens of rosa, sam, tess")

    # Features and the legacy path.
    c = WsConn(env, domain)
    feats = c.first_features
    auth = feats.find(q(NS_SASL2, "authentication"))
    check(auth is not None, "SASL2 <authentication> offered over wss")
    mechs = [m.text for m in auth.findall(q(NS_SASL2, "mechanism"))]
    check(mechs == ["SCRAM-SHA-256", "SCRAM-SHA-1"], f"SASL2 mechanisms {mechs}")
    check(auth.find(f"{q(NS_SASL2, 'inline')}/{q(NS_FAST, 'fast')}/{q(NS_FAST, 'mechanism')}") is not None,
          "FAST HT-SHA-256-NONE inline")
    check(auth.find(f"{q(NS_SASL2, 'inline')}/{q(NS_BIND2, 'bind')}") is not None, "Bind2 inline")
    check(feats.find(q(NS_SASL, "mechanisms")) is None, "no legacy <mechanisms> on the enforcing host")
    plain = b64(b"\0rosa\0" + pw["rosa"].encode())
    c.send(f"<auth xmlns='{NS_SASL}' mechanism='PLAIN'>{plain}</auth>")
    el = c.recv()
    check(el.tag == q(NS_SASL, "failure"), "legacy <auth> refused")
    c.close()

    # Enrolment (TOTP-INIT) of rosa over wss, with a wrong code first.
    ua = str(uuid.uuid4())
    c = WsConn(env, domain)
    lg = Login(c, "rosa", pw["rosa"], ua_id=ua, code="000000")
    check(lg.task == "TOTP-INIT", "unenrolled account gets TOTP-INIT")
    uri1 = lg.challenge_uri
    check(re.match(rf"^otpauth://totp/{re.escape(domain)}:rosa@{re.escape(domain)}\?secret=[A-Z2-7]{{32}}&issuer="
                   rf"{re.escape(domain)}&algorithm=SHA1&digits=6&period=30$", uri1) is not None, "otpauth URI: " + uri1.split("?")[0])
    expect_failure(lg, "not-authorized", "wrong enrolment code")
    c.close()
    c = WsConn(env, domain)
    lg = Login(c, "rosa", pw["rosa"], ua_id=ua)
    check(lg.challenge_uri == uri1, "retry shows the same pending secret")
    check(lg.ok, "enrolment with the right code succeeds")
    check(lg.outcome.findtext(q(NS_SASL2, "authorization-identifier")) == f"rosa@{domain}", "authorization-identifier")
    key = lg.secret
    enrol_code = lg.code
    feats = c.features()
    check(feats.find(q("urn:ietf:params:xml:ns:xmpp-bind", "bind")) is not None, "features after success offer classic bind")
    c.send("<iq xmlns='jabber:client' type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>probe</resource></bind></iq>")
    el = c.recv()
    check(el.get("type") == "result" and el.findtext(".//{urn:ietf:params:xml:ns:xmpp-bind}jid") == f"rosa@{domain}/probe",
          "classic bind after SASL2")
    c.close()

    # The same code again (same step): replay refused. Wrong code refused.
    c = WsConn(env, domain)
    lg = Login(c, "rosa", pw["rosa"], totp_key=key, code=enrol_code)
    check(lg.task == "TOTP", "enrolled account gets the TOTP task")
    expect_failure(lg, "not-authorized", "replayed code")
    c.close()
    c = WsConn(env, domain)
    wrong = "%06d" % ((int(totp_code(key, 1)) + 500000) % 1000000)
    lg = Login(c, "rosa", pw["rosa"], totp_key=key, code=wrong)
    expect_failure(lg, "not-authorized", "wrong code")
    c.close()

    # Password + code over c2s STARTTLS, SCRAM-SHA-1, with a FAST token request and Bind2+SM.
    c = TcpConn(env, domain)
    check(c.first_features.find(q(NS_SASL2, "authentication")) is not None, "SASL2 offered over c2s STARTTLS")
    lg = Login(c, "rosa", pw["rosa"], mech="SCRAM-SHA-1", ua_id=ua, code=totp_code(key, 1),
               extra=f"<request-token xmlns='{NS_FAST}' mechanism='HT-SHA-256-NONE'/>"
                     f"<bind xmlns='{NS_BIND2}'><tag>Probe</tag><enable xmlns='{NS_SM}' resume='true'/></bind>")
    check(lg.ok, "password + TOTP login over STARTTLS (SCRAM-SHA-1)")
    check(lg.server_final_ok, "SCRAM server signature in <continue>")
    tok = lg.token_el()
    check(tok is not None and tok.get("token") and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", tok.get("expiry") or ""),
          "FAST token issued on request")
    token1 = tok.get("token")
    check(lg.outcome.find(q(NS_BIND2, "bound")) is not None, "Bind2 <bound/>")
    enabled = lg.outcome.find(q(NS_BIND2, "bound") + "/" + q(NS_SM, "enabled"))
    check(enabled is not None and enabled.get("resume") == "true" and enabled.get("id"), "inline SM <enabled resume='true'> inside <bound/> (XEP-0386)")
    jid_full = lg.outcome.findtext(q(NS_SASL2, "authorization-identifier"))
    check(jid_full.startswith(f"rosa@{domain}/Probe."), "authorization-identifier carries the Bind2 resource")
    c.features()
    c.close()

    # FAST login without a code, then client-requested rotation over wss.
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=ua, token=token1, fast_count=1,
               extra=f"<request-token xmlns='{NS_FAST}' mechanism='HT-SHA-256-NONE'/>")
    check(lg.ok, "FAST login accepted without a code")
    check(lg.server_final_ok, "FAST responder HMAC verified")
    token2 = lg.token_el().get("token") if lg.token_el() is not None else None
    check(token2 and token2 != token1, "rotated token issued")
    c.close()
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=ua, token=token1, fast_count=1)
    expect_failure(lg, "credentials-expired", "reused FAST counter")
    c.close()
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=ua, token=token2, fast_count=1)
    check(lg.ok, "new token accepted")
    c.close()
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=ua, token=token1, fast_count=2)
    expect_failure(lg, "credentials-expired", "old token after the new one was used")
    c.close()
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=str(uuid.uuid4()), token=token2, fast_count=2)
    expect_failure(lg, "credentials-expired", "token under another user-agent id")
    c.close()

    # invalidate='true'
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=ua, token=token2, fast_count=3, invalidate=True)
    check(lg.ok and lg.token_el() is None, "FAST login with invalidate='true'")
    c.close()
    c = WsConn(env, domain)
    lg = Login(c, "rosa", mech="HT-SHA-256-NONE", ua_id=ua, token=token2, fast_count=4)
    expect_failure(lg, "credentials-expired", "token after invalidate")
    c.close()

    # sam: enrol with a FAST token, admin revokes, credentials-expired; admin reset-totp.
    ua_sam = str(uuid.uuid4())
    c = WsConn(env, domain)
    lg = Login(c, "sam", pw["sam"], ua_id=ua_sam, extra=f"<request-token xmlns='{NS_FAST}' mechanism='HT-SHA-256-NONE'/>")
    check(lg.ok and lg.token_el() is not None, "sam enrolled and got a token")
    sam_token = lg.token_el().get("token")
    c.close()
    c = WsConn(env, domain)
    check(Login(c, "sam", mech="HT-SHA-256-NONE", ua_id=ua_sam, token=sam_token, fast_count=1).ok, "sam FAST login")
    c.close()
    admin.command(revoke, {"accountjid": f"sam@{domain}", "user-agent-id": ua_sam})
    c = WsConn(env, domain)
    expect_failure(Login(c, "sam", mech="HT-SHA-256-NONE", ua_id=ua_sam, token=sam_token, fast_count=2),
                   "credentials-expired", "token revoked by the admin")
    c.close()
    admin.command(reset, {"accountjid": f"sam@{domain}"})
    c = WsConn(env, domain)
    lg = Login(c, "sam", pw["sam"])
    check(lg.task == "TOTP-INIT" and lg.ok, "after admin reset-totp the account enrols again")
    c.close()

    # tess: lockout after 5 failures, unlock after the delay; SM resume after a drop.
    c = WsConn(env, domain)
    lg = Login(c, "tess", pw["tess"])
    check(lg.ok, "tess enrolled")
    tess_key = lg.secret
    c.close()
    for i in range(5):
        c = WsConn(env, domain)
        lg = Login(c, "tess", "wrong-password", check_final=False)
        expect_failure(lg, "not-authorized", f"wrong password {i + 1}")
        c.close()
    c = WsConn(env, domain)
    lg = Login(c, "tess", pw["tess"], totp_key=tess_key)
    expect_failure(lg, "temporary-auth-failure", "locked after 5 failures, even with the right password")
    locked = lg.outcome.find(q(NS_ROUNDS, "locked"))
    check(locked is not None and int(locked.get("retry-after")) >= 1, "<locked retry-after> present")
    c.close()
    time.sleep(int(locked.get("retry-after")) + 1)
    c = WsConn(env, domain)
    lg = Login(c, "tess", pw["tess"], code=totp_code(tess_key, 1), ua_id=str(uuid.uuid4()),
               extra=f"<bind xmlns='{NS_BIND2}'><tag>Probe</tag><enable xmlns='{NS_SM}' resume='true'/></bind>")
    check(lg.ok, "unlocked after the delay")
    enabled = lg.outcome.find(q(NS_BIND2, "bound") + "/" + q(NS_SM, "enabled"))
    check(enabled is not None, "inline SM enabled for tess")
    previd = enabled.get("id")
    c.features()
    c.send("<iq xmlns='jabber:client' type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>")
    c.send(f"<r xmlns='{NS_SM}'/>")
    got_a = None
    while got_a is None:
        el = c.recv()
        if el.tag == q(NS_SM, "a"):
            got_a = int(el.get("h"))
    check(got_a == 1, "server counted 1 handled stanza")
    c.sock.close()  # dropped without </close>
    time.sleep(1)
    wait_next_step()
    c = WsConn(env, domain)
    lg = Login(c, "tess", pw["tess"], code=totp_code(tess_key, 1), extra=f"<resume xmlns='{NS_SM}' previd='{previd}' h='1'/>")
    check(lg.ok, "login with inline resume")
    resumed = lg.outcome.find(q(NS_SM, "resumed"))
    check(resumed is not None and resumed.get("previd") == previd and resumed.get("h") == "1",
          "inline <resumed previd h='1'> inside <success>")
    c.features()
    c.send("<iq xmlns='jabber:client' type='get' id='p2'><ping xmlns='urn:xmpp:ping'/></iq>")
    while True:
        el = c.recv()
        if el.get("id") == "p2":
            break
    check(el.get("type") == "result", "resumed session answers a ping")
    c.close()

    # Log hygiene: no secrets in the server log.
    log = open(env["ROUNDS_SERVER_LOG"], errors="replace").read()
    events = re.findall(r"rounds-auth event=([\w-]+)", log)
    for ev in ("login-success", "login-failed", "lockout", "totp-enrolled", "token-issued", "token-used",
               "token-revoked", "admin-reset-totp", "admin-revoke-tokens", "login-refused-locked"):
        check(ev in events, f"log has event={ev}")
    for secret in (token1, token2, sam_token, base64.b32encode(key).decode().rstrip("=")):
        check(secret not in "\n".join(l for l in log.splitlines() if "rounds-auth" in l), "no token/secret in auth log lines")
    print("sasl2_probe: all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (ProbeError, OSError, ET.ParseError, KeyError, ValueError) as e:
        print(f"sasl2_probe: FAIL: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
