# shellcheck shell=bash
# A tiny RFC 7395 (XMPP over WebSocket) client used by servers.sh to prove that a
# test server is really ready, and to give the demo accounts their display names.
# Source it; do not run it. Needs /usr/bin/python3 with python3-websockets.
# SPDX-License-Identifier: GPL-3.0-or-later

# rounds_ws_probe URL CAFILE DOMAIN [USER PASSWORD [FULL-NAME]]
#   Connects to 127.0.0.1 (the URL's port), verifies TLS against CAFILE for the name
#   "localhost", opens a stream and reads the features. With USER/PASSWORD it logs in
#   (SCRAM-SHA-256, else SCRAM-SHA-1, else PLAIN), binds and pings the server. With
#   FULL-NAME it also stores a vcard-temp with FN/NICKNAME and publishes a XEP-0172 nick.
#   Prints "mechanisms=..." and "login=ok"; exits non-zero on any failure.
rounds_ws_probe() {
    /usr/bin/python3 - "$@" <<'PY'
import asyncio, base64, hashlib, hmac, os, ssl, sys
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
import websockets

url, cafile, domain = sys.argv[1:4]
user = sys.argv[4] if len(sys.argv) > 4 else None
password = sys.argv[5] if len(sys.argv) > 5 else None
full_name = sys.argv[6] if len(sys.argv) > 6 else None
FRAMING = "urn:ietf:params:xml:ns:xmpp-framing"
SASL = "urn:ietf:params:xml:ns:xmpp-sasl"
TIMEOUT = 5

def fail(msg):
    print("error=" + msg)
    sys.exit(1)

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")

class Conn:
    def __init__(self, ws):
        self.ws = ws
    async def send(self, s):
        await self.ws.send(s)
    async def recv(self):
        data = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
        return ET.fromstring(data)
    async def open_stream(self):
        await self.send(f"<open xmlns='{FRAMING}' to='{domain}' version='1.0'/>")
        opened = await self.recv()
        if opened.tag != "{%s}open" % FRAMING:
            fail("expected <open/>, got " + opened.tag)
        feats = await self.recv()
        if not feats.tag.endswith("}features"):
            fail("expected stream features, got " + feats.tag)
        return feats
    async def iq(self, xml, ident):
        await self.send(xml)
        while True:
            el = await self.recv()
            if el.tag.endswith("}iq") and el.get("id") == ident:
                if el.get("type") != "result":
                    fail("iq %s failed: %s" % (ident, ET.tostring(el, encoding="unicode")))
                return el

def scram(hname, conn):
    h = getattr(hashlib, hname)
    nonce = base64.b64encode(os.urandom(18)).decode()
    name = user.replace("=", "=3D").replace(",", "=2C")
    first_bare = f"n={name},r={nonce}"
    async def run():
        mech = "SCRAM-SHA-256" if hname == "sha256" else "SCRAM-SHA-1"
        await conn.send(f"<auth xmlns='{SASL}' mechanism='{mech}'>%s</auth>"
                        % base64.b64encode(("n,," + first_bare).encode()).decode())
        ch = await conn.recv()
        if not ch.tag.endswith("}challenge"):
            return ch
        server_first = base64.b64decode(ch.text or "").decode()
        attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
        if not attrs["r"].startswith(nonce):
            fail("server nonce does not extend ours")
        salted = hashlib.pbkdf2_hmac(hname, password.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
        client_key = hmac.new(salted, b"Client Key", h).digest()
        stored_key = h(client_key).digest()
        final_bare = "c=biws,r=" + attrs["r"]
        auth_msg = ",".join([first_bare, server_first, final_bare]).encode()
        sig = hmac.new(stored_key, auth_msg, h).digest()
        proof = bytes(a ^ b for a, b in zip(client_key, sig))
        final = final_bare + ",p=" + base64.b64encode(proof).decode()
        await conn.send(f"<response xmlns='{SASL}'>%s</response>" % base64.b64encode(final.encode()).decode())
        res = await conn.recv()
        if res.tag.endswith("}success"):
            server_key = hmac.new(salted, b"Server Key", h).digest()
            want = base64.b64encode(hmac.new(server_key, auth_msg, h).digest()).decode()
            got = base64.b64decode(res.text or "").decode()
            if got != "v=" + want:
                fail("server signature mismatch")
        return res
    return run()

async def main():
    parts = urlsplit(url)
    ctx = ssl.create_default_context(cafile=cafile)
    try:
        ws = await websockets.connect(url, ssl=ctx, subprotocols=["xmpp"], host="127.0.0.1",
                                      port=parts.port, server_hostname="localhost",
                                      open_timeout=TIMEOUT, close_timeout=1, max_size=2**22)
    except Exception as e:  # refused, TLS failure, HTTP error: all mean "not ready"
        fail("connect: %s: %s" % (type(e).__name__, e))
    try:
        if ws.subprotocol != "xmpp":
            fail("server did not accept the xmpp subprotocol")
        conn = Conn(ws)
        feats = await conn.open_stream()
        mechs = [m.text for m in feats.iter("{%s}mechanism" % SASL)]
        print("mechanisms=" + " ".join(mechs))
        if not user:
            await conn.send(f"<close xmlns='{FRAMING}'/>")
            return
        if "SCRAM-SHA-256" in mechs:
            res = await scram("sha256", conn)
        elif "SCRAM-SHA-1" in mechs:
            res = await scram("sha1", conn)
        elif "PLAIN" in mechs:
            await conn.send(f"<auth xmlns='{SASL}' mechanism='PLAIN'>%s</auth>"
                            % base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode())
            res = await conn.recv()
        else:
            fail("no usable SASL mechanism")
        if not res.tag.endswith("}success"):
            fail("authentication failed: " + ET.tostring(res, encoding="unicode"))
        await conn.open_stream()
        await conn.iq("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                      "<resource>rounds-probe</resource></bind></iq>", "bind")
        await conn.iq(f"<iq xmlns='jabber:client' type='get' id='ping' to='{domain}'><ping xmlns='urn:xmpp:ping'/></iq>", "ping")
        if full_name:
            first = full_name.split()[0]
            await conn.iq("<iq xmlns='jabber:client' type='set' id='vc'><vCard xmlns='vcard-temp'>"
                          f"<FN>{esc(full_name)}</FN><NICKNAME>{esc(first)}</NICKNAME></vCard></iq>", "vc")
            await conn.iq("<iq xmlns='jabber:client' type='set' id='nick'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                          "<publish node='http://jabber.org/protocol/nick'><item id='current'>"
                          f"<nick xmlns='http://jabber.org/protocol/nick'>{esc(full_name)}</nick></item></publish></pubsub></iq>", "nick")
        await conn.send(f"<close xmlns='{FRAMING}'/>")
        print("login=ok")
    finally:
        await ws.close()

try:
    asyncio.run(main())
except SystemExit:
    raise
except Exception as e:
    fail("%s: %s" % (type(e).__name__, e))
PY
}
