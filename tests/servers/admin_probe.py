#!/usr/bin/python3
"""Protocol-level test of mod_rounds_admin and mod_rounds_policy (packaging/prosody) on the
test Prosody, independent of the C++ client (docs/admin.md, server part).

Uses the clinic accounts xia (revoke, non-admin checks, policy subscriber), yan (wipe while
online) and zed (wipe while offline, disable/enable) and one admin session for every
command (a TOTP step is accepted once per account). Re-runnable: the accounts are reset
through the admin commands first. Stdlib only; the transports and the SASL2 login come
from sasl2_probe.py next to this file. Usage: ROUNDS_TEST_ENV=DIR/prosody.env admin_probe.py
SPDX-License-Identifier: GPL-3.0-or-later
"""
import base64
import hashlib
import json
import os
import re
import sys
import time
import uuid
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sasl2_probe import (NS_BIND2, NS_CMD, NS_FAST, NS_SASL2, NS_SM, NS_STREAM, Admin, Login,  # noqa: E402
                         ProbeError, WsConn, check, expect_failure, load_env, q, totp_code)

NS_ADMIN = "https://rounds.invalid/ns/admin"
NS_AUTH = "https://rounds.invalid/ns/auth"
NS_POLICY = "https://rounds.invalid/ns/policy"
NS_DATA = "jabber:x:data"
NS_PUBSUB = "http://jabber.org/protocol/pubsub"
NS_EVENT = "http://jabber.org/protocol/pubsub#event"
NS_STREAMS = "urn:ietf:params:xml:ns:xmpp-streams"
NS_STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas"
NS_BIND = "urn:ietf:params:xml:ns:xmpp-bind"
AXOLOTL = ("eu.siacs.conversations.axolotl.devicelist", "list", "eu.siacs.conversations.axolotl")
OMEMO2 = ("urn:xmpp:omemo:2:devices", "devices", "urn:xmpp:omemo:2")
REQ_TOKEN = f"<request-token xmlns='{NS_FAST}' mechanism='HT-SHA-256-NONE'/>"


def ua_el(ua, device):
    return f"<user-agent id='{ua}'><software>Rounds</software><device>{device}</device></user-agent>"


def bind2(sm=False):
    return f"<bind xmlns='{NS_BIND2}'><tag>Rounds</tag>" + (f"<enable xmlns='{NS_SM}' resume='true'/>" if sm else "") + "</bind>"


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")


class Session:
    """A connection of one account after a SASL2 outcome; helpers for iq round trips."""

    def __init__(self, env, domain):
        self.conn = WsConn(env, domain)
        self.n = 0
        self.stash = []

    def iq(self, body, to=None, type_="set"):
        self.n += 1
        iid = f"q{self.n}"
        to_attr = f" to='{to}'" if to else ""
        self.conn.send(f"<iq xmlns='jabber:client' type='{type_}' id='{iid}'{to_attr}>{body}</iq>")
        while True:
            el = self.conn.recv()
            if el.tag == "{jabber:client}iq" and el.get("id") == iid:
                return el
            self.stash.append(el)

    def wait_for(self, pred, timeout=10):
        for i, el in enumerate(self.stash):
            if pred(el):
                return self.stash.pop(i)
        deadline = time.time() + timeout
        while time.time() < deadline:
            el = self.conn.recv(timeout=max(0.1, deadline - time.time()))
            if pred(el):
                return el
            self.stash.append(el)
        raise ProbeError("timed out waiting for an element")

    def stream_error(self):
        """Reads until the stream error; returns the list of its child tags."""
        try:
            el = self.wait_for(lambda e: e.tag == q(NS_STREAM, "error"))
        except ProbeError as e:
            raise ProbeError("no stream error before the end: " + str(e))
        return [c.tag for c in el]

    def close(self):
        self.conn.close()


def error_condition(iq):
    err = iq.find("{jabber:client}error")
    if err is None:
        return None, None
    for c in err:
        if c.tag.startswith("{%s}" % NS_STANZAS):
            return err.get("type"), c.tag.split("}")[1]
    return err.get("type"), "?"


class AdminCmd:
    """Ad-hoc commands over the one admin session of the run."""

    def __init__(self, env, domain):
        self.admin = Admin(env, domain)  # password + TOTP, Bind2
        self.s = Session.__new__(Session)
        self.s.conn, self.s.n, self.s.stash = self.admin.conn, 0, []
        self.domain = domain

    def raw(self, node, fields=None, action="execute", sessionid=None):
        form = ""
        if fields is not None:
            form = f"<x xmlns='{NS_DATA}' type='submit'>" + "".join(
                f"<field var='{k}'><value>{xml_escape(v)}</value></field>" for k, v in fields.items()) + "</x>"
        sid = f" sessionid='{sessionid}'" if sessionid else ""
        return self.s.iq(f"<command xmlns='{NS_CMD}' node='{node}' action='{action}'{sid}>{form}</command>", to=self.domain)

    def run(self, node, fields=None):
        """Executes a command with its form filled in; returns the completed <command/>."""
        res = self.raw(node, fields if fields is not None else {})
        cmd = res.find(q(NS_CMD, "command"))
        if res.get("type") != "result" or cmd is None or cmd.get("status") != "completed":
            raise ProbeError(f"ad-hoc {node} failed: " + ET.tostring(res).decode())
        return cmd

    def error(self, node, fields):
        res = self.raw(node, fields)
        check(res.get("type") == "error", f"{node.split('#')[1]} with {sorted(fields)} is refused")
        return error_condition(res)


def form_rows(cmd):
    x = cmd.find(q(NS_DATA, "x"))
    if x is None:
        raise ProbeError("command result has no form")
    cols = [f.get("var") for f in x.findall(f"{q(NS_DATA, 'reported')}/{q(NS_DATA, 'field')}")]
    rows = []
    for item in x.findall(q(NS_DATA, "item")):
        rows.append({f.get("var"): (f.findtext(q(NS_DATA, "value")) or "") for f in item.findall(q(NS_DATA, "field"))})
    return cols, rows


def form_field(cmd, var):
    x = cmd.find(q(NS_DATA, "x"))
    for f in x.findall(q(NS_DATA, "field")):
        if f.get("var") == var:
            return [v.text or "" for v in f.findall(q(NS_DATA, "value"))]
    return None


def device_row(adm, domain, user, ua):
    cols, rows = form_rows(adm.run(NS_ADMIN + "#list-devices", {"accountjid": f"{user}@{domain}"}))
    for r in rows:
        if r.get("user-agent-id") == ua:
            return cols, r
    raise ProbeError(f"no device record of {user} for its client")


def pep_ids(sess, spec):
    node, name, ns = spec
    res = sess.iq(f"<pubsub xmlns='{NS_PUBSUB}'><items node='{node}'/></pubsub>", type_="get")
    if res.get("type") != "result":
        raise ProbeError(f"cannot read {node}: " + ET.tostring(res).decode())
    return sorted(d.get("id") for d in res.iter(q(ns, "device")))


def sha256_hex(data):
    return hashlib.sha256(data.encode()).hexdigest()


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def verify_chain(entries, first_prev=None):
    prev_hash, prev_seq = first_prev, None
    for e in entries:
        body = {k: v for k, v in e.items() if k not in ("prev", "hash")}
        if prev_seq is not None and e["seq"] != prev_seq + 1:
            return False, f"gap before seq {e['seq']}"
        if prev_hash is not None and e["prev"] != prev_hash:
            return False, f"broken link at seq {e['seq']}"
        if sha256_hex(e["prev"] + canonical(body)) != e["hash"]:
            return False, f"bad hash at seq {e['seq']}"
        prev_hash, prev_seq = e["hash"], e["seq"]
    return True, ""


def full_login(env, domain, user, pw, ua, device, extra="", key=None, step=0):
    """Password login (TOTP-INIT on a reset account, else TOTP with the given step offset)."""
    s = Session(env, domain)
    code = totp_code(key, step) if key else None
    lg = Login(s.conn, user, pw, extra=ua_el(ua, device) + extra, totp_key=key, code=code)
    return s, lg


def fast_login(env, domain, user, ua, token, count, extra=""):
    s = Session(env, domain)
    lg = Login(s.conn, user, mech="HT-SHA-256-NONE", token=token, fast_count=count, extra=ua_el(ua, "ward-pc") + extra)
    return s, lg


# ---------------------------------------------------------------------------
# The scenario
# ---------------------------------------------------------------------------
def main():
    env = load_env()
    domain = env.get("ROUNDS_SERVER_CLINIC_DOMAIN")
    pubsub = env.get("ROUNDS_SERVER_CLINIC_PUBSUB")
    if not domain or not pubsub:
        raise ProbeError("env file has no ROUNDS_SERVER_CLINIC_DOMAIN / _PUBSUB (not the prosody env?)")
    pw = {a.split("@")[0]: a.split(":", 1)[1] for a in env["ROUNDS_SERVER_CLINIC_ACCOUNTS"].split()}
    for u in ("xia", "yan", "zed"):
        if u not in pw:
            raise ProbeError(f"{u} missing from ROUNDS_SERVER_CLINIC_ACCOUNTS")
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 2))
    A = NS_ADMIN + "#"
    secrets = [pw["xia"], pw["yan"], pw["zed"], env["ROUNDS_SERVER_CLINIC_ADMIN_PASSWORD"],
               env["ROUNDS_SERVER_CLINIC_ADMIN_TOTP_SECRET"]]
    codes = []

    adm = AdminCmd(env, domain)
    check(True, "admin logged in once (password + TOTP) for all commands")
    for u in ("xia", "yan", "zed"):
        adm.run(A + "enable-account", {"accountjid": f"{u}@{domain}"})
        adm.run(NS_AUTH + "#reset-totp", {"accountjid": f"{u}@{domain}"})
        adm.run(NS_AUTH + "#revoke-tokens", {"accountjid": f"{u}@{domain}", "user-agent-id": ""})
    check(True, "xia, yan, zed enabled, TOTP reset, tokens dropped")

    # Two-stage use and argument errors.
    res = adm.raw(A + "list-devices")
    cmd = res.find(q(NS_CMD, "command"))
    check(cmd is not None and cmd.get("status") == "executing" and form_field(cmd, "accountjid") is not None,
          "list-devices executed empty returns its form (status executing)")
    res = adm.raw(A + "list-devices", {"accountjid": f"xia@{domain}"}, action="complete", sessionid=cmd.get("sessionid"))
    check(res.find(q(NS_CMD, "command")).get("status") == "completed", "the submitted form completes it")
    check(adm.error(A + "list-devices", {"accountjid": f"nobody@{domain}"}) == ("cancel", "item-not-found"),
          "unknown account: item-not-found")
    check(adm.error(A + "revoke-device", {"accountjid": f"xia@{domain}", "user-agent-id": str(uuid.uuid4())})[1]
          == "item-not-found", "unknown user-agent id: item-not-found")
    check(adm.error(A + "revoke-device", {"accountjid": f"xia@{domain}"})[1] == "bad-request", "missing field: bad-request")

    # ---- xia: device record, device report, revoke -------------------------------------
    ua_x = str(uuid.uuid4())
    s_a, lg = full_login(env, domain, "xia", pw["xia"], ua_x, "ward4-pc", REQ_TOKEN + bind2(sm=True))
    check(lg.ok and lg.task == "TOTP-INIT", "xia enrols with a full login (user agent Rounds / ward4-pc)")
    xia_key, token_x = lg.secret, lg.token_el().get("token")
    codes.append(lg.code)
    secrets += [token_x, base64.b32encode(xia_key).decode().rstrip("=")]
    enabled = lg.outcome.find(f"{q(NS_BIND2, 'bound')}/{q(NS_SM, 'enabled')}")
    check(enabled is not None, "xia session A has resumable SM")
    previd_a = enabled.get("id")
    s_a.conn.features()
    cols, row = device_row(adm, domain, "xia", ua_x)
    for c in ("user-agent-id", "software", "device", "first-seen", "last-seen", "token", "omemo-devices", "state",
              "online", "wipe-id", "wiped-at"):
        check(c in cols, f"list-devices column {c}")
    check(row["software"] == "Rounds" and row["device"] == "ward4-pc", "record has software and device")
    check(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row["first-seen"]) and row["first-seen"] <= row["last-seen"],
          "record has first-seen / last-seen (XEP-0082)")
    check(row["state"] == "active" and row["token"] == "active" and row["online"] == "true", "record active, token active, online")
    s_a.conn.sock.close()  # dropped: hibernates (XEP-0198)
    time.sleep(0.5)

    s_b, lg = fast_login(env, domain, "xia", ua_x, token_x, 1, bind2())
    check(lg.ok and lg.outcome.find(q(NS_BIND2, "bound")) is not None, "xia session B: FAST login, bound")
    s_b.conn.features()
    for node, name, ns in (AXOLOTL, OMEMO2):
        res = s_b.iq(f"<pubsub xmlns='{NS_PUBSUB}'><publish node='{node}'><item id='current'><{name} xmlns='{ns}'>"
                     f"<device id='1111'/><device id='2222'/></{name}></item></publish></pubsub>")
        check(res.get("type") == "result", f"xia publishes {node} with 1111 and 2222")
    res = s_b.iq(f"<device-report xmlns='{NS_ADMIN}'><omemo-device id='1111'/></device-report>", to=domain)
    check(res.get("type") == "result", "device-report answered with a result")
    res = s_b.iq(f"<device-report xmlns='{NS_ADMIN}'><omemo-device id='x1'/></device-report>", to=domain)
    check(error_condition(res)[1] == "bad-request", "device-report with a malformed id: bad-request")
    _, row = device_row(adm, domain, "xia", ua_x)
    check(row["omemo-devices"] == "1111", "record stores the reported OMEMO id")

    # Non-admin: no admin commands in disco#items, forbidden on execute.
    res = s_b.iq(f"<query xmlns='http://jabber.org/protocol/disco#items' node='{NS_CMD}'/>", to=domain, type_="get")
    nodes = [i.get("node") for i in res.iter("{http://jabber.org/protocol/disco#items}item")]
    check(not any(n.startswith(NS_ADMIN) or n.startswith(NS_AUTH) for n in nodes), "non-admin sees no admin commands")
    res = adm.s.iq(f"<query xmlns='http://jabber.org/protocol/disco#items' node='{NS_CMD}'/>", to=domain, type_="get")
    nodes = [i.get("node") for i in res.iter("{http://jabber.org/protocol/disco#items}item")]
    for c in ("list-users", "list-devices", "revoke-device", "wipe-device", "disable-account", "enable-account", "export-audit"):
        check(A + c in nodes, f"admin sees {c}")
    for c in ("list-users", "revoke-device"):
        res = s_b.iq(f"<command xmlns='{NS_CMD}' node='{A}{c}' action='execute'/>", to=domain)
        check(error_condition(res) == ("auth", "forbidden"), f"non-admin {c}: forbidden")

    adm.run(A + "revoke-device", {"accountjid": f"xia@{domain}", "user-agent-id": ua_x})
    tags = s_b.stream_error()
    check(q(NS_STREAMS, "policy-violation") in tags and q(NS_ADMIN, "revoked") in tags,
          "revoke closes the live session with policy-violation + <revoked/>")
    s_b.close()
    _, row = device_row(adm, domain, "xia", ua_x)
    check(row["state"] == "revoked" and row["token"] == "revoked" and row["online"] == "false", "record revoked")
    s, lg = fast_login(env, domain, "xia", ua_x, token_x, 2)
    expect_failure(lg, "credentials-expired", "FAST token after revoke")
    check(lg.outcome.find(q(NS_ADMIN, "revoked")) is not None,
          "the refused token login says the client was revoked")
    s.close()
    # Full login again (next TOTP step), trying to resume the hibernated session A.
    s_x, lg = full_login(env, domain, "xia", pw["xia"], ua_x, "ward4-pc",
                         f"<resume xmlns='{NS_SM}' previd='{previd_a}' h='0'/>", key=xia_key, step=1)
    codes.append(lg.code)
    check(lg.ok, "a full login (password + code) works again after revoke")
    check(lg.outcome.find(q(NS_SM, "failed")) is not None and lg.outcome.find(q(NS_SM, "resumed")) is None,
          "the hibernated session was destroyed (resume failed)")
    s_x.conn.features()
    res = s_x.iq(f"<bind xmlns='{NS_BIND}'><resource>probe</resource></bind>")
    check(res.get("type") == "result", "xia binds classically")
    xia_full = res.findtext(f".//{q(NS_BIND, 'jid')}")
    for spec in (AXOLOTL, OMEMO2):
        check(pep_ids(s_x, spec) == ["2222"], f"{spec[0]} lost the revoked id 1111, kept 2222")
    _, row = device_row(adm, domain, "xia", ua_x)
    check(row["state"] == "active", "record active again after the full login")

    # ---- yan: wipe while online ---------------------------------------------------------
    ua_y = str(uuid.uuid4())
    s_c, lg = full_login(env, domain, "yan", pw["yan"], ua_y, "ward5-pc", REQ_TOKEN + bind2())
    check(lg.ok, "yan enrols and is online")
    token_y = lg.token_el().get("token")
    codes.append(lg.code)
    secrets += [token_y, base64.b32encode(lg.secret).decode().rstrip("=")]
    s_c.conn.features()
    cmd = adm.run(A + "wipe-device", {"accountjid": f"yan@{domain}", "user-agent-id": ua_y})
    wipe_y = (form_field(cmd, "wipe-id") or [""])[0]
    check(wipe_y != "", "wipe-device returns the wipe-id")
    tags = s_c.stream_error()
    check(q(NS_STREAMS, "reset") in tags, "the online device gets <reset/>")
    s_c.close()
    s, lg = fast_login(env, domain, "yan", ua_y, token_y, 1, REQ_TOKEN + bind2(sm=True))
    check(lg.ok, "yan's token login succeeds")
    wipe = lg.outcome.find(q(NS_ADMIN, "wipe"))
    check(wipe is not None and wipe.get("id") == wipe_y, "<wipe id=..> in <success>")
    check(lg.server_final_ok, "FAST responder still in additional-data")
    check(lg.outcome.find(q(NS_BIND2, "bound")) is None and lg.outcome.find(q(NS_FAST, "token")) is None,
          "no <bound/> and no new token")
    check(lg.outcome.findtext(q(NS_SASL2, "authorization-identifier")) == f"yan@{domain}", "bare authorization-identifier")
    feats = s.conn.features()
    check(len(list(feats)) == 0, "empty stream features after the wipe success")
    res = s.iq(f"<bind xmlns='{NS_BIND}'><resource>x</resource></bind>")
    check(error_condition(res)[1] == "not-allowed", "classic bind refused with not-allowed")
    s.conn.send(f"<enable xmlns='{NS_SM}' resume='true'/>")
    check(s.wait_for(lambda e: e.tag == q(NS_SM, "failed")) is not None, "SM enable refused with <failed/>")
    _, row = device_row(adm, domain, "yan", ua_y)
    check(row["state"] == "wipe-delivered", "record wipe-delivered")
    s.conn.send(f"<wiped xmlns='{NS_ADMIN}' id='{wipe_y}'/>")
    ack = s.wait_for(lambda e: e.tag == q(NS_ADMIN, "wiped"))
    check(ack.get("id") == wipe_y and ack.get("ack") == "true", "<wiped ack='true'/> answered")
    try:
        s.wait_for(lambda e: e.tag == "{urn:ietf:params:xml:ns:xmpp-framing}close", timeout=5)
        closed = True
    except ProbeError as e:
        closed = "closed" in str(e)
    check(closed, "the server closes the stream after the acknowledgement")
    s.close()
    _, row = device_row(adm, domain, "yan", ua_y)
    check(row["state"] == "wiped" and row["wiped-at"] and row["wipe-id"] == wipe_y, "record wiped, wiped-at set")
    s, lg = fast_login(env, domain, "yan", ua_y, token_y, 2)
    expect_failure(lg, "credentials-expired", "token dropped after the confirmation")
    check(lg.outcome.find(q(NS_ADMIN, "revoked")) is None, "a wiped client's refusal does not say revoked")
    s.close()

    # ---- zed: wipe while offline, then disable / enable ---------------------------------
    ua_z = str(uuid.uuid4())
    s, lg = full_login(env, domain, "zed", pw["zed"], ua_z, "ward6-pc", REQ_TOKEN)
    check(lg.ok, "zed enrols")
    zed_key, token_z = lg.secret, lg.token_el().get("token")
    codes.append(lg.code)
    secrets += [token_z, base64.b32encode(zed_key).decode().rstrip("=")]
    s.close()
    cmd = adm.run(A + "wipe-device", {"accountjid": f"zed@{domain}", "user-agent-id": ua_z})
    wipe_z = form_field(cmd, "wipe-id")[0]
    _, row = device_row(adm, domain, "zed", ua_z)
    check(row["state"] == "wipe-pending" and row["online"] == "false", "offline device: wipe-pending")
    s, lg = fast_login(env, domain, "zed", ua_z, token_z, 1, bind2())
    check(lg.ok and lg.outcome.find(q(NS_ADMIN, "wipe")) is not None and lg.outcome.find(q(NS_BIND2, "bound")) is None,
          "next token login gets <wipe/>, not bound")
    s.close()  # switched off before confirming
    _, row = device_row(adm, domain, "zed", ua_z)
    check(row["state"] == "wipe-delivered", "unconfirmed: wipe-delivered")
    s, lg = fast_login(env, domain, "zed", ua_z, token_z, 2)
    wipe = lg.outcome.find(q(NS_ADMIN, "wipe"))
    check(lg.ok and wipe is not None and wipe.get("id") == wipe_z, "delivered again with the same id")
    s.conn.features()
    s.conn.send(f"<wiped xmlns='{NS_ADMIN}' id='{wipe_z}'/>")
    check(s.wait_for(lambda e: e.tag == q(NS_ADMIN, "wiped")).get("ack") == "true", "zed's confirmation acknowledged")
    s.close()
    _, row = device_row(adm, domain, "zed", ua_z)
    check(row["state"] == "wiped", "zed's record wiped")

    ua_z2 = str(uuid.uuid4())
    s_d, lg = full_login(env, domain, "zed", pw["zed"], ua_z2, "ward7-pc", REQ_TOKEN + bind2(), key=zed_key, step=1)
    codes.append(lg.code)
    check(lg.ok, "zed signs in on another computer")
    token_z2 = lg.token_el().get("token")
    secrets.append(token_z2)
    s_d.conn.features()
    cols, rows = form_rows(adm.run(A + "list-users"))
    check(cols == ["jid", "devices", "totp", "disabled", "online"], f"list-users columns {cols}")
    zrow = [r for r in rows if r["jid"] == f"zed@{domain}"]
    check(zrow and zrow[0]["online"] == "true" and zrow[0]["totp"] == "true" and zrow[0]["disabled"] == "false"
          and int(zrow[0]["devices"]) >= 2, "list-users: zed online, enrolled, not disabled, 2+ devices")
    adm.run(A + "disable-account", {"accountjid": f"zed@{domain}"})
    tags = s_d.stream_error()
    check(q(NS_STREAMS, "policy-violation") in tags and q(NS_ADMIN, "disabled") in tags,
          "disable closes the session with policy-violation + <disabled/>")
    s_d.close()
    s, lg = fast_login(env, domain, "zed", ua_z2, token_z2, 1)
    expect_failure(lg, "account-disabled", "token login of a disabled account")
    s.close()
    _, rows = form_rows(adm.run(A + "list-users"))
    check([r["disabled"] for r in rows if r["jid"] == f"zed@{domain}"] == ["true"], "list-users shows disabled")
    adm.run(A + "enable-account", {"accountjid": f"zed@{domain}"})
    s, lg = fast_login(env, domain, "zed", ua_z2, token_z2, 2)
    check(lg.ok, "token login works after enable-account")
    s.close()

    # ---- org policy -----------------------------------------------------------------------
    res = s_x.iq(f"<pubsub xmlns='{NS_PUBSUB}'><subscribe node='{NS_POLICY}' jid='{xia_full}'/></pubsub>", to=pubsub)
    check(res.get("type") == "result", "xia subscribes to the policy node")
    res = s_x.iq(f"<pubsub xmlns='{NS_PUBSUB}'><publish node='{NS_POLICY}'><item id='current'><policy xmlns='{NS_POLICY}'>"
                 "<idle-lock-minutes>480</idle-lock-minutes></policy></item></publish></pubsub>", to=pubsub)
    check(error_condition(res)[1] == "forbidden", "non-admin cannot publish the policy")
    res = s_x.iq(f"<pubsub xmlns='{NS_PUBSUB}'><create node='probe-{uuid.uuid4()}'/></pubsub>", to=pubsub)
    check(error_condition(res)[1] == "forbidden", "non-admin cannot create nodes")
    res = s_x.iq(f"<pubsub xmlns='{NS_PUBSUB}'><create node='{NS_POLICY}'/></pubsub>", to=pubsub)
    check(res.get("type") == "error", "non-admin cannot create the policy node")
    res = adm.s.iq(f"<pubsub xmlns='{NS_PUBSUB}#owner'><configure node='{NS_POLICY}'/></pubsub>", to=pubsub, type_="get")
    conf = {f.get("var"): f.findtext(q(NS_DATA, "value")) for f in res.iter(q(NS_DATA, "field"))}
    check(conf.get("pubsub#access_model") == "open" and conf.get("pubsub#publish_model") == "publishers"
          and conf.get("pubsub#max_items") == "1" and conf.get("pubsub#persist_items") in ("1", "true"),
          "node config: open, publishers, max_items 1, persistent")
    res = adm.s.iq(f"<pubsub xmlns='{NS_PUBSUB}'><publish node='{NS_POLICY}'><item id='current'><policy xmlns='{NS_POLICY}'>"
                   "<idle-lock-minutes>0</idle-lock-minutes></policy></item></publish></pubsub>", to=pubsub)
    check(error_condition(res)[1] == "bad-request", "malformed policy refused with bad-request")
    marker = str(int(time.time()) % 400 + 1)
    res = adm.s.iq(f"<pubsub xmlns='{NS_PUBSUB}'><publish node='{NS_POLICY}'><item id='current'><policy xmlns='{NS_POLICY}'>"
                   f"<idle-lock-minutes>{marker}</idle-lock-minutes><require-mfa>true</require-mfa>"
                   "<forwarding-domain>partner.example</forwarding-domain></policy></item></publish></pubsub>", to=pubsub)
    check(res.get("type") == "result", "admin publishes the policy")
    msg = s_x.wait_for(lambda e: e.tag == "{jabber:client}message" and e.find(q(NS_EVENT, "event")) is not None)
    check(msg.get("from") == pubsub, "notification comes from the clinic's pubsub service")
    item = msg.find(f"{q(NS_EVENT, 'event')}/{q(NS_EVENT, 'items')}/{q(NS_EVENT, 'item')}")
    check(item is not None and item.get("id") == "current"
          and item.findtext(f"{q(NS_POLICY, 'policy')}/{q(NS_POLICY, 'idle-lock-minutes')}") == marker,
          "subscriber receives the policy item 'current'")
    res = s_x.iq(f"<pubsub xmlns='{NS_PUBSUB}'><items node='{NS_POLICY}'/></pubsub>", to=pubsub, type_="get")
    check(len(list(res.iter(q(NS_PUBSUB, "item")))) == 1, "one item kept")
    s_x.close()

    # ---- server audit ---------------------------------------------------------------------
    cmd = adm.run(A + "export-audit", {"since": started})
    entries_text = form_field(cmd, "entries")
    entries = [json.loads(t) for t in entries_text]
    check(form_field(cmd, "count") == [str(len(entries))] and len(entries) > 10, f"export-audit since start: {len(entries)} entries")
    ok, why = verify_chain(entries)
    check(ok, "hash chain of this run verifies " + why)
    seqs = [e["seq"] for e in entries]
    check(seqs == sorted(seqs), "oldest first")

    def has(event, **kw):
        return any(e["event"] == event and all(e.get(k) == v for k, v in kw.items()) for e in entries)
    check(has("revoke-device", account=f"xia@{domain}", user_agent_id=ua_x, actor=env["ROUNDS_SERVER_CLINIC_ADMIN"]),
          "audit: revoke-device with actor, account, user_agent_id")
    for ev in ("wipe-requested", "wipe-delivered", "wipe-confirmed"):
        check(has(ev, account=f"yan@{domain}", user_agent_id=ua_y), f"audit: {ev} of yan")
    for ev in ("disable-account", "enable-account"):
        check(has(ev, account=f"zed@{domain}"), f"audit: {ev}")
    check(has("policy-published", actor=env["ROUNDS_SERVER_CLINIC_ADMIN"]), "audit: policy-published")
    check(has("login-success", account=f"xia@{domain}") and has("token-issued") and has("device-report"),
          "audit: auth events from mod_rounds_auth and device-report")
    check(has("login-refused-disabled", account=f"zed@{domain}"), "audit: login-refused-disabled")
    check(all(set(e) <= {"seq", "ts", "event", "actor", "account", "user_agent_id", "detail", "prev", "hash"} for e in entries),
          "audit entries have only the documented fields")
    cmd = adm.run(A + "export-audit", {"max": "3"})
    check(form_field(cmd, "count") == ["3"], "export-audit max=3")
    full = [json.loads(t) for t in form_field(adm.run(A + "export-audit", {}), "entries")]
    ok, why = verify_chain(full, "0" * 64 if full and full[0]["seq"] == 1 else None)
    check(ok and full[0]["seq"] == 1, "the whole audit verifies from the genesis entry " + why)

    # No secret anywhere in the audit or the server log.
    audit_text = "\n".join(entries_text)
    log = open(env["ROUNDS_SERVER_LOG"], errors="replace").read()
    for i, secret in enumerate(secrets):
        check(secret not in audit_text, f"no secret #{i} (password/token/TOTP secret) in the audit")
        check(secret not in log, f"no secret #{i} (password/token/TOTP secret) in the server log")
    for c in codes:
        check(not re.search(rf"(?<![0-9a-f]){c}(?![0-9a-f])", audit_text), "no TOTP code in the audit")
    adm.s.conn.close()
    print("admin_probe: all checks passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (ProbeError, OSError, ET.ParseError, KeyError, ValueError, IndexError, AttributeError) as e:
        print(f"admin_probe: FAIL: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
