#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent OMEMO peer for Rounds interop tests.

Uses Syndace's python-omemo stack as packaged by Debian 12 (python3-omemo,
python3-oldmemo, python3-twomemo) on top of python3-slixmpp, with its own glue
between omemo's SessionManager and PEP (XEP-0060/0163). Run it with
/usr/bin/python3: Debian's packages do not import under another interpreter.

    /usr/bin/python3 omemo_peer.py --jid bob@localhost --password bob-test-pw \\
        --host 127.0.0.1 --port 15222 --ca-file ca.crt --state bob.json \\
        [--versions legacy,omemo2] [--server-name localhost] [--verbose]

Line protocol (one JSON object per line; see README.md in this directory):
  stdin  {"cmd":"send","to":J,"body":B,"version":"legacy"|"omemo2","id":optional}
         {"cmd":"devices","jid":J}
         {"cmd":"quit"}
  stdout {"event":"ready","device_id":N,"versions":[...],"jid":J}
         {"event":"message","from":J,"body":B,"version":V,"sender_device":N,
          "id":I,"origin_id":O,"stanza_id":S}
         {"event":"undecryptable","from":J,"version":V,"error":E,"id":I}
         {"event":"unencrypted","from":J,"body":B,"id":I}
         {"event":"attachment","from":J,"size":N,"sha256":H,"id":I}   (after a "message"
             whose body is one XEP-0454 aesgcm:// link: fetched over https with the
             server's CA and decrypted; never the link, which carries the key)
         {"event":"attachment-error","from":J,"error":E,"id":I}
         {"event":"sent","id":I,"version":V,"devices":N,"skipped":[...]}
         {"event":"devices","jid":J,"legacy":[...],"omemo2":[...]}
         {"event":"error","detail":D[,"id":I][,"fatal":true]}

Logs go to stderr only and never contain message bodies or key material.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import hashlib
import re
import ssl
import urllib.request
import json
import logging
import os
import secrets
import signal
import sys
import tempfile
import xml.etree.ElementTree as ET
from typing import Any, Dict, FrozenSet, List, Optional, Tuple

try:
    import omemo
    import oldmemo
    import oldmemo.etree
    import twomemo
    import twomemo.etree
    import slixmpp
    from slixmpp.exceptions import IqError, IqTimeout
    from omemo.storage import Just, Maybe, Nothing
    from omemo.types import DeviceInformation, JSONType, TrustLevel
except ImportError as import_error:  # pragma: no cover - environment problem
    print(json.dumps({"event": "error", "fatal": True,
                      "detail": f"missing dependency ({import_error}); run with /usr/bin/python3 and install "
                                "python3-omemo python3-oldmemo python3-twomemo python3-slixmpp "
                                "python3-xmlschema"}), flush=True)
    sys.exit(2)

LOG = logging.getLogger("omemo_peer")

LEGACY_NS = oldmemo.oldmemo.NAMESPACE  # eu.siacs.conversations.axolotl
OMEMO2_NS = twomemo.twomemo.NAMESPACE  # urn:xmpp:omemo:2
VERSION_NS = {"legacy": LEGACY_NS, "omemo2": OMEMO2_NS}
NS_VERSION = {ns: name for name, ns in VERSION_NS.items()}

LEGACY_DEVICELIST_NODE = f"{LEGACY_NS}.devicelist"
LEGACY_BUNDLE_NODE_PREFIX = f"{LEGACY_NS}.bundles:"
OMEMO2_DEVICES_NODE = f"{OMEMO2_NS}:devices"
OMEMO2_BUNDLES_NODE = f"{OMEMO2_NS}:bundles"
DEVICELIST_NODES = {LEGACY_NS: LEGACY_DEVICELIST_NODE, OMEMO2_NS: OMEMO2_DEVICES_NODE}

SCE_NS = "urn:xmpp:sce:1"
CLIENT_NS = "jabber:client"
EME_NS = "urn:xmpp:eme:0"
HINTS_NS = "urn:xmpp:hints"
SID_NS = "urn:xmpp:sid:0"
PUBSUB_ERRORS_NS = "http://jabber.org/protocol/pubsub#errors"
PUBLISH_OPTIONS_FORM = "http://jabber.org/protocol/pubsub#publish-options"
NODE_CONFIG_FORM = "http://jabber.org/protocol/pubsub#node_config"

BLIND_TRUST = "blind"
IQ_TIMEOUT = 15
FALLBACK_BODY = "[This message is OMEMO encrypted; your client does not seem to support it.]"


class PeerError(Exception):
    """An expected failure, reported as a JSON error event without a traceback."""


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
def emit(event: str, **fields: Any) -> None:
    obj = {"event": event}
    obj.update(fields)
    try:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        pass  # nobody is listening any more; stdin EOF ends the process


def describe(exc: BaseException) -> str:
    """A one-line description of an exception, without payloads."""
    if isinstance(exc, IqError):
        cond = exc.iq["error"]["condition"]
        text = exc.iq["error"]["text"]
        app = [child.tag.split("}")[-1] for child in exc.iq["error"].xml
               if not child.tag.startswith("{urn:ietf:params:xml:ns:xmpp-stanzas}")]
        return "iq error " + cond + (f" ({', '.join(app)})" if app else "") + (f": {text}" if text else "")
    if isinstance(exc, IqTimeout):
        return "iq timeout"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# ---------------------------------------------------------------------------
# Storage: one JSON file, rewritten atomically on every change
# ---------------------------------------------------------------------------
class JsonFileStorage(omemo.Storage):
    FORMAT = 1

    def __init__(self, path: str, own_jid: str) -> None:
        super().__init__()
        self.__path = path
        self.__data: Dict[str, JSONType] = {}
        if os.path.exists(path):
            try:
                with open(path, "r", encoding="utf-8") as f:
                    doc = json.load(f)
            except (OSError, ValueError) as e:
                raise PeerError(f"cannot read state file {path}: {describe(e)}") from e
            if not isinstance(doc, dict) or doc.get("format") != self.FORMAT or not isinstance(doc.get("data"), dict):
                raise PeerError(f"state file {path} is not an omemo_peer state file")
            if doc.get("jid") != own_jid:
                raise PeerError(f"state file {path} belongs to {doc.get('jid')}, not {own_jid}")
            self.__data = doc["data"]
        self.__jid = own_jid
        self.__write()  # fail early if the location is not writable

    def __write(self) -> None:
        directory = os.path.dirname(os.path.abspath(self.__path))
        fd, tmp = tempfile.mkstemp(prefix=".omemo-peer-", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": self.FORMAT, "jid": self.__jid, "data": self.__data}, f)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.__path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    async def _load(self, key: str) -> Maybe[JSONType]:
        if key in self.__data:
            return Just(self.__data[key])
        return Nothing()

    async def _store(self, key: str, value: JSONType) -> Any:
        self.__data[key] = value
        self.__write()

    async def _delete(self, key: str) -> Any:
        if key in self.__data:
            del self.__data[key]
            self.__write()


# ---------------------------------------------------------------------------
# PEP glue
# ---------------------------------------------------------------------------
class Pep:
    """Device lists and bundles of both OMEMO versions over PEP, with slixmpp."""

    def __init__(self, xmpp: "PeerClient") -> None:
        self.xmpp = xmpp

    def _form(self, form_type: str, fields: Dict[str, str]) -> Any:
        form = self.xmpp["xep_0004"].make_form(ftype="submit")
        form.add_field(var="FORM_TYPE", ftype="hidden", value=form_type)
        for var, value in fields.items():
            form.add_field(var=var, value=value)
        return form

    @staticmethod
    def _is_precondition_failure(exc: IqError) -> bool:
        return exc.iq["error"].xml.find(f"{{{PUBSUB_ERRORS_NS}}}precondition-not-met") is not None

    async def publish(self, node: str, item_id: str, payload: ET.Element, options: Dict[str, str]) -> None:
        """Publish with publish-options; if the node exists with another configuration,
        reconfigure it to the options and publish again."""
        pubsub = self.xmpp["xep_0060"]
        form = self._form(PUBLISH_OPTIONS_FORM, options)
        try:
            await pubsub.publish(None, node, id=item_id, payload=payload, options=form, timeout=IQ_TIMEOUT)
            return
        except IqError as e:
            if (e.iq["error"]["condition"] == "resource-constraint"
                    and "pubsub#max_items" in options):
                # ejabberd 23.01 knows no max_items publish-option: publish without
                # it, then give the node room for every device's item.
                LOG.info("server refuses max_items as a publish-option; configuring node %s", node)
                rest = {k: v for k, v in options.items() if k != "pubsub#max_items"}
                await pubsub.publish(None, node, id=item_id, payload=payload,
                                     options=self._form(PUBLISH_OPTIONS_FORM, rest), timeout=IQ_TIMEOUT)
                await pubsub.set_node_config(None, node, self._form(NODE_CONFIG_FORM,
                                             {**rest, "pubsub#max_items": "256"}), timeout=IQ_TIMEOUT)
                return
            if not self._is_precondition_failure(e):
                raise
            LOG.info("node %s exists with another configuration: reconfiguring it", node)
        await pubsub.set_node_config(None, node, self._form(NODE_CONFIG_FORM, options), timeout=IQ_TIMEOUT)
        await pubsub.publish(None, node, id=item_id, payload=payload,
                             options=self._form(PUBLISH_OPTIONS_FORM, options), timeout=IQ_TIMEOUT)

    async def items(self, jid: Optional[str], node: str, item_ids: Optional[List[str]] = None) -> Optional[List[Tuple[str, Optional[ET.Element]]]]:
        """The (id, payload) of the node's items, or None if the node does not exist."""
        try:
            iq = await self.xmpp["xep_0060"].get_items(jid, node, item_ids=item_ids, timeout=IQ_TIMEOUT)
        except IqError as e:
            if e.iq["error"]["condition"] == "item-not-found":
                return None
            raise
        result = []
        for item in iq["pubsub"]["items"]:
            children = list(item.xml)
            result.append((item["id"], children[0] if children else None))
        return result

    # -- device lists --------------------------------------------------------
    async def download_device_list(self, namespace: str, bare_jid: str) -> Dict[int, Optional[str]]:
        node = DEVICELIST_NODES.get(namespace)
        if node is None:
            raise omemo.UnknownNamespace(namespace)
        try:
            items = await self.items(bare_jid, node)
        except (IqError, IqTimeout) as e:
            raise omemo.DeviceListDownloadFailed(f"{node} of {bare_jid}: {describe(e)}") from e
        if not items:
            return {}
        # Prefer the item "current" (both versions use a singleton node); otherwise the last one.
        chosen = next((p for i, p in items if i == "current"), items[-1][1])
        if chosen is None:
            return {}
        list_tag = f"{{{LEGACY_NS}}}list" if namespace == LEGACY_NS else f"{{{OMEMO2_NS}}}devices"
        if chosen.tag == list_tag and len(chosen) == 0:
            return {}  # an empty list, which the schemas reject but which means "no devices"
        try:
            if namespace == LEGACY_NS:
                return oldmemo.etree.parse_device_list(chosen)
            return twomemo.etree.parse_device_list(chosen)
        except Exception as e:
            raise omemo.DeviceListDownloadFailed(f"malformed {node} of {bare_jid}: {describe(e)}") from e

    async def upload_device_list(self, namespace: str, device_list: Dict[int, Optional[str]]) -> None:
        node = DEVICELIST_NODES.get(namespace)
        if node is None:
            raise omemo.UnknownNamespace(namespace)
        if namespace == LEGACY_NS:
            payload = oldmemo.etree.serialize_device_list(device_list)
        else:
            # No labels (trap 10: keep the OMEMO 2 publications minimal).
            payload = twomemo.etree.serialize_device_list({k: None for k in device_list})
        try:
            await self.publish(node, "current", payload, {"pubsub#access_model": "open"})
        except (IqError, IqTimeout) as e:
            raise omemo.DeviceListUploadFailed(f"{node}: {describe(e)}") from e
        LOG.info("published %s device list with %d device(s)", NS_VERSION[namespace], len(device_list))

    # -- bundles -------------------------------------------------------------
    async def upload_bundle(self, bundle: omemo.Bundle) -> None:
        try:
            if isinstance(bundle, oldmemo.oldmemo.BundleImpl):
                await self.publish(f"{LEGACY_BUNDLE_NODE_PREFIX}{bundle.device_id}", "current",
                                   oldmemo.etree.serialize_bundle(bundle), {"pubsub#access_model": "open"})
            elif isinstance(bundle, twomemo.twomemo.BundleImpl):
                await self.publish(OMEMO2_BUNDLES_NODE, str(bundle.device_id),
                                   twomemo.etree.serialize_bundle(bundle),
                                   {"pubsub#access_model": "open", "pubsub#max_items": "max"})
            else:
                raise omemo.UnknownNamespace(bundle.namespace)
        except (IqError, IqTimeout) as e:
            raise omemo.BundleUploadFailed(f"{bundle.namespace}: {describe(e)}") from e
        LOG.info("published %s bundle of device %d", NS_VERSION[bundle.namespace], bundle.device_id)

    async def download_bundle(self, namespace: str, bare_jid: str, device_id: int) -> omemo.Bundle:
        if namespace == LEGACY_NS:
            node, item_ids = f"{LEGACY_BUNDLE_NODE_PREFIX}{device_id}", None
        elif namespace == OMEMO2_NS:
            node, item_ids = OMEMO2_BUNDLES_NODE, [str(device_id)]
        else:
            raise omemo.UnknownNamespace(namespace)
        try:
            items = await self.items(bare_jid, node, item_ids)
        except (IqError, IqTimeout) as e:
            raise omemo.BundleDownloadFailed(f"{node} of {bare_jid}: {describe(e)}") from e
        if namespace == OMEMO2_NS and items:
            items = [(i, p) for i, p in items if i == str(device_id)]
        payload = next((p for _, p in reversed(items or []) if p is not None), None)
        if payload is None:
            raise omemo.BundleNotFound(f"no {NS_VERSION[namespace]} bundle for device {device_id} of {bare_jid}")
        try:
            if namespace == LEGACY_NS:
                return oldmemo.etree.parse_bundle(payload, bare_jid, device_id)
            return twomemo.etree.parse_bundle(payload, bare_jid, device_id)
        except Exception as e:
            raise omemo.BundleDownloadFailed(
                f"malformed {NS_VERSION[namespace]} bundle of device {device_id} of {bare_jid}: {describe(e)}") from e

    async def delete_bundle(self, namespace: str, device_id: int) -> None:
        try:
            if namespace == LEGACY_NS:
                await self.xmpp["xep_0060"].delete_node(None, f"{LEGACY_BUNDLE_NODE_PREFIX}{device_id}",
                                                        timeout=IQ_TIMEOUT)
            elif namespace == OMEMO2_NS:
                await self.xmpp["xep_0060"].retract(None, OMEMO2_BUNDLES_NODE, str(device_id), notify=True,
                                                    timeout=IQ_TIMEOUT)
            else:
                raise omemo.UnknownNamespace(namespace)
        except IqError as e:
            if e.iq["error"]["condition"] == "item-not-found":
                return
            raise omemo.BundleDeletionFailed(describe(e)) from e
        except IqTimeout as e:
            raise omemo.BundleDeletionFailed(describe(e)) from e


# ---------------------------------------------------------------------------
# Session manager
# ---------------------------------------------------------------------------
def make_session_manager_class(pep: Pep, send_stanza: Any) -> type:
    """SessionManager subclass bound to one connection. The abstract methods are
    called from SessionManager.create before the instance is returned, so they
    reach the connection through the closure, not through the instance."""

    class PeerSessionManager(omemo.SessionManager):
        @staticmethod
        async def _upload_bundle(bundle: omemo.Bundle) -> Any:
            await pep.upload_bundle(bundle)

        @staticmethod
        async def _download_bundle(namespace: str, bare_jid: str, device_id: int) -> omemo.Bundle:
            return await pep.download_bundle(namespace, bare_jid, device_id)

        @staticmethod
        async def _delete_bundle(namespace: str, device_id: int) -> Any:
            await pep.delete_bundle(namespace, device_id)

        @staticmethod
        async def _upload_device_list(namespace: str, device_list: Dict[int, Optional[str]]) -> Any:
            await pep.upload_device_list(namespace, device_list)

        @staticmethod
        async def _download_device_list(namespace: str, bare_jid: str) -> Dict[int, Optional[str]]:
            return await pep.download_device_list(namespace, bare_jid)

        async def _evaluate_custom_trust_level(self, device: DeviceInformation) -> TrustLevel:
            if device.trust_level_name == BLIND_TRUST:
                return TrustLevel.TRUSTED
            raise omemo.UnknownTrustLevel(device.trust_level_name)

        async def _make_trust_decision(self, undecided: FrozenSet[DeviceInformation],
                                       identifier: Optional[str]) -> Any:
            for device in undecided:
                await self.set_trust(device.bare_jid, device.identity_key, BLIND_TRUST)

        @staticmethod
        async def _send_message(message: omemo.Message, bare_jid: str) -> Any:
            # Empty OMEMO messages (session completion, heartbeats): key material only.
            try:
                send_stanza(bare_jid, message, None, None)
            except Exception as e:
                raise omemo.MessageSendingFailed(describe(e)) from e
            LOG.info("sent empty %s message to %s", NS_VERSION.get(message.namespace, "?"), bare_jid)

    return PeerSessionManager


# ---------------------------------------------------------------------------
# SCE (XEP-0420) for OMEMO 2
# ---------------------------------------------------------------------------
def build_sce_envelope(body: str, to_bare: str, from_bare: str) -> bytes:
    env = ET.Element(f"{{{SCE_NS}}}envelope")
    content = ET.SubElement(env, f"{{{SCE_NS}}}content")
    ET.SubElement(content, f"{{{CLIENT_NS}}}body").text = body
    pad_len = secrets.randbelow(200)
    ET.SubElement(env, f"{{{SCE_NS}}}rpad").text = secrets.token_urlsafe(pad_len + 1)[:pad_len] if pad_len else ""
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.SubElement(env, f"{{{SCE_NS}}}time", {"stamp": stamp})
    ET.SubElement(env, f"{{{SCE_NS}}}to", {"jid": to_bare})
    ET.SubElement(env, f"{{{SCE_NS}}}from", {"jid": from_bare})
    ET.register_namespace("", SCE_NS)
    return ET.tostring(env, encoding="utf-8")


def parse_sce_envelope(data: bytes, sender_bare: str, own_bare: str) -> Tuple[Optional[str], List[str]]:
    """Returns (body or None, tags of the content children). Raises PeerError if the
    envelope is malformed or its affix elements do not match the stanza."""
    try:
        env = ET.fromstring(data)
    except ET.ParseError as e:
        raise PeerError(f"SCE envelope is not well-formed XML: {e}") from e
    if env.tag != f"{{{SCE_NS}}}envelope":
        raise PeerError(f"payload root is {env.tag}, not an {SCE_NS} envelope")
    content = env.find(f"{{{SCE_NS}}}content")
    if content is None:
        raise PeerError("SCE envelope without <content/>")
    if env.find(f"{{{SCE_NS}}}rpad") is None:
        LOG.warning("SCE envelope without <rpad/>")
    frm = env.find(f"{{{SCE_NS}}}from")
    if frm is not None and slixmpp.JID(frm.get("jid", "")).bare != sender_bare:
        raise PeerError("SCE <from/> does not match the stanza sender")
    to = env.find(f"{{{SCE_NS}}}to")
    if to is not None and slixmpp.JID(to.get("jid", "")).bare != own_bare:
        raise PeerError("SCE <to/> does not name this account")
    tags = [child.tag for child in content]
    body = content.find(f"{{{CLIENT_NS}}}body")
    if body is None:
        if content.find(f"{{{SCE_NS}}}body") is not None or content.find("body") is not None:
            raise PeerError("SCE <content/> holds a <body/> outside the jabber:client namespace")
        return None, tags
    return body.text or "", tags


# ---------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------
class PeerClient(slixmpp.ClientXMPP):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args.jid, args.password)
        self.args = args
        self.own_bare = slixmpp.JID(args.jid).bare
        self.versions: List[str] = args.versions
        self.done: asyncio.Future = asyncio.get_event_loop().create_future()
        self.exit_code = 0
        self.quitting = False
        self.manager: Optional[omemo.SessionManager] = None
        self.backends: Dict[str, omemo.Backend] = {}
        self.device_id: Optional[int] = None
        self.lock = asyncio.Lock()  # one omemo operation at a time
        self.ready = asyncio.Event()
        self.storage: Optional[JsonFileStorage] = None
        self.pep = Pep(self)

        self.ca_certs = args.ca_file
        self.ssl_context.check_hostname = True
        self.default_domain = args.server_name  # TLS server name (the host is an IP address)
        self.use_ipv6 = False

        for plugin in ("xep_0030", "xep_0004", "xep_0060", "xep_0115", "xep_0163", "xep_0199"):
            self.register_plugin(plugin)
        for version in self.versions:
            self["xep_0163"].add_interest(DEVICELIST_NODES[VERSION_NS[version]])

        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("pubsub_publish", self.on_pubsub_publish)
        self.add_event_handler("failed_all_auth", self.on_failed_auth)
        self.add_event_handler("connection_failed", self.on_connection_failed)
        self.add_event_handler("ssl_invalid_chain", self.on_invalid_chain)
        self.add_event_handler("stream_error", self.on_stream_error)
        self.add_event_handler("disconnected", self.on_disconnected)

    # The host is given as an address: never resolve the domain, connect exactly there.
    async def get_dns_records(self, domain: str, port: Optional[int] = None) -> List[Tuple[str, str, int]]:
        return [(self.args.server_name, self.args.host, self.args.port)]

    # -- lifecycle -----------------------------------------------------------
    def fatal(self, detail: str, code: int = 1) -> None:
        if self.done.done() or self.exit_code != 0:
            return
        emit("error", detail=detail, fatal=True)
        self.exit_code = code
        self.quitting = True
        self.cancel_connection_attempt()
        asyncio.ensure_future(self.close_stream())

    async def close_stream(self) -> None:
        """Close the stream politely (bounded), then end the process."""
        if self.transport is not None:
            try:
                await asyncio.wait_for(self.disconnect(wait=1.0), 3)
            except (asyncio.TimeoutError, Exception):  # the link may already be gone
                self.abort()
        if not self.done.done():
            self.done.set_result(None)

    def on_failed_auth(self, _event: Any) -> None:
        self.fatal("authentication failed")

    def on_connection_failed(self, error: Any) -> None:
        self.fatal(f"connection failed: {error}")

    def on_invalid_chain(self, error: Any) -> None:
        self.fatal(f"TLS certificate verification failed: {error}")

    def on_stream_error(self, error: Any) -> None:
        self.fatal(f"stream error: {error['condition']}")

    def on_disconnected(self, _reason: Any) -> None:
        if not self.quitting:
            self.fatal("disconnected by the server")

    async def on_session_start(self, _event: Any) -> None:
        try:
            await self.setup_omemo()
        except Exception as e:  # any failure to set up is fatal and reported once
            LOG.debug("setup failed", exc_info=True)
            self.fatal(f"OMEMO setup failed: {describe(e)}")
            return
        # Caps with the +notify features, then initial presence (messages to the bare JID).
        try:
            await self["xep_0115"].update_caps(broadcast=False)
        except Exception as e:  # caps are only an optimisation for notifications
            LOG.warning("caps update failed: %s", describe(e))
        self.send_presence()
        self.ready.set()
        emit("ready", device_id=self.device_id, versions=self.versions, jid=self.own_bare)
        LOG.info("ready as device %d (%s)", self.device_id, ",".join(self.versions))

    async def setup_omemo(self) -> None:
        self.storage = JsonFileStorage(self.args.state, self.own_bare)
        for version in self.versions:
            ns = VERSION_NS[version]
            self.backends[ns] = oldmemo.Oldmemo(self.storage) if ns == LEGACY_NS else twomemo.Twomemo(self.storage)
        cls = make_session_manager_class(self.pep, self.send_encrypted)
        async with self.lock:
            self.manager = await cls.create(
                backends=[self.backends[VERSION_NS[v]] for v in self.versions],
                storage=self.storage,
                own_bare_jid=self.own_bare,
                initial_own_label=None,
                undecided_trust_level_name=BLIND_TRUST,
            )
            own, _ = await self.manager.get_own_device_information()
            self.device_id = own.device_id
            # Live messages only: leave history synchronisation mode right away.
            await self.manager.after_history_sync()
            # Publish on every start: the server may have lost or reconfigured our nodes.
            for version in self.versions:
                ns = VERSION_NS[version]
                await self.pep.upload_bundle(await self.backends[ns].get_bundle(self.own_bare, self.device_id))
                device_list = await self.pep.download_device_list(ns, self.own_bare)
                device_list.setdefault(self.device_id, None)
                await self.pep.upload_device_list(ns, device_list)
                await self.manager.update_device_list(ns, self.own_bare, device_list)

    async def quit(self) -> None:
        if self.quitting:
            return
        self.quitting = True
        LOG.info("quitting")
        async with self.lock:  # let a running operation finish (its state is stored)
            pass
        await self.close_stream()

    # -- sending -------------------------------------------------------------
    def send_encrypted(self, to_bare: str, message: omemo.Message, msg_id: Optional[str],
                       with_body: Optional[bool]) -> str:
        """Send an OMEMO message element; with_body adds the EME marker and fallback body."""
        if message.namespace == LEGACY_NS:
            encrypted = oldmemo.etree.serialize_message(message)
        elif message.namespace == OMEMO2_NS:
            encrypted = twomemo.etree.serialize_message(message)
        else:
            raise omemo.UnknownNamespace(message.namespace)
        msg = self.make_message(mto=to_bare, mtype="chat")
        msg_id = msg_id or f"peer-{secrets.token_hex(8)}"
        msg["id"] = msg_id
        msg.xml.append(encrypted)
        if with_body:
            ET.SubElement(msg.xml, f"{{{EME_NS}}}encryption",
                          {"namespace": message.namespace,
                           "name": "OMEMO" if message.namespace == LEGACY_NS else "OMEMO 2"})
            msg["body"] = FALLBACK_BODY
        ET.SubElement(msg.xml, f"{{{SID_NS}}}origin-id", {"id": msg_id})
        ET.SubElement(msg.xml, f"{{{HINTS_NS}}}store")
        msg.send()
        return msg_id

    async def cmd_send(self, cmd: Dict[str, Any]) -> None:
        to = cmd.get("to")
        body = cmd.get("body")
        version = cmd.get("version", "omemo2")
        req_id = cmd.get("id")
        if not isinstance(to, str) or not to or not isinstance(body, str):
            raise PeerError("send needs string fields 'to' and 'body'")
        if req_id is not None and not isinstance(req_id, str):
            raise PeerError("'id' must be a string")
        if version not in VERSION_NS:
            raise PeerError(f"unknown version {version!r} (legacy or omemo2)")
        if version not in self.versions:
            raise PeerError(f"version {version} is not enabled (--versions)")
        to_bare = slixmpp.JID(to).bare
        ns = VERSION_NS[version]
        assert self.manager is not None
        async with self.lock:
            # Fresh device lists before sending: notifications are only an optimisation.
            for jid in {to_bare, self.own_bare}:
                try:
                    await self.manager.refresh_device_list(ns, jid)
                except omemo.DeviceListDownloadFailed as e:
                    if jid == to_bare:
                        raise PeerError(f"cannot fetch the {version} device list of {to_bare}: {describe(e)}") from e
                    LOG.warning("own %s device list refresh failed: %s", version, describe(e))
            plaintext = (body.encode("utf-8") if ns == LEGACY_NS
                         else build_sce_envelope(body, to_bare, self.own_bare))
            try:
                messages, errors = await self.manager.encrypt(frozenset({to_bare}), {ns: plaintext},
                                                              backend_priority_order=[ns])
            except omemo.NoEligibleDevices as e:
                raise PeerError(f"no {version} device of {to_bare} to encrypt for") from e
            skipped = sorted({f"{err.bare_jid}/{err.device_id}: {describe(err.exception)}" for err in errors})
            for s in skipped:
                LOG.warning("skipped a device: %s", s)
            message = next((m for m in messages if m.namespace == ns), None)
            if message is None:
                raise PeerError(f"no {version} device of {to_bare} to encrypt for")
            msg_id = self.send_encrypted(to_bare, message, req_id, True)
            LOG.info("sent %s message %s to %s for %d device(s)", version, msg_id, to_bare, len(message.keys))
            emit("sent", id=msg_id, to=to_bare, version=version, devices=len(message.keys), skipped=skipped)

    async def cmd_devices(self, cmd: Dict[str, Any]) -> None:
        jid = cmd.get("jid")
        if not isinstance(jid, str) or not jid:
            raise PeerError("devices needs a string field 'jid'")
        bare = slixmpp.JID(jid).bare
        result: Dict[str, Any] = {"jid": bare}
        for version, ns in VERSION_NS.items():
            try:
                result[version] = sorted((await self.pep.download_device_list(ns, bare)).keys())
            except omemo.DeviceListDownloadFailed as e:
                result[version] = None
                result[f"{version}_error"] = describe(e)
        emit("devices", **result)

    # -- receiving -----------------------------------------------------------
    async def on_pubsub_publish(self, msg: Any) -> None:
        node = msg["pubsub_event"]["items"]["node"]
        ns = next((n for n, dl_node in DEVICELIST_NODES.items() if dl_node == node), None)
        if ns is None or NS_VERSION[ns] not in self.versions:
            return
        await self.ready.wait()
        sender = msg["from"].bare or self.own_bare
        for item in msg["pubsub_event"]["items"]:
            children = list(item.xml)
            if not children:
                continue
            try:
                device_list = (oldmemo.etree.parse_device_list(children[0]) if ns == LEGACY_NS
                               else twomemo.etree.parse_device_list(children[0]))
            except Exception as e:
                LOG.warning("ignoring a malformed %s device list of %s: %s", NS_VERSION[ns], sender, describe(e))
                continue
            try:
                async with self.lock:
                    assert self.manager is not None
                    await self.manager.update_device_list(ns, sender, device_list)
                LOG.info("device list update: %s %s has %d device(s)", NS_VERSION[ns], sender, len(device_list))
            except Exception as e:
                LOG.warning("device list update of %s failed: %s", sender, describe(e))

    async def on_message(self, msg: Any) -> None:
        if msg["type"] == "error":
            emit("error", detail=f"message error from {msg['from']}: {msg['error']['condition']}", id=msg["id"])
            return
        if msg.xml.find("{http://jabber.org/protocol/pubsub#event}event") is not None:
            return
        sender = msg["from"].bare
        origin = msg.xml.find(f"{{{SID_NS}}}origin-id")
        stanza_id = msg.xml.find(f"{{{SID_NS}}}stanza-id")
        ids = {"id": msg["id"] or None,
               "origin_id": origin.get("id") if origin is not None else None,
               "stanza_id": stanza_id.get("id") if stanza_id is not None else None}
        found = False
        for ns in (OMEMO2_NS, LEGACY_NS):
            element = msg.xml.find(f"{{{ns}}}encrypted")
            if element is None:
                continue
            found = True
            await self.ready.wait()
            await self.handle_encrypted(ns, element, sender, ids)
        if not found and msg["body"]:
            emit("unencrypted", **{"from": sender, "body": msg["body"]}, **ids)

    async def handle_encrypted(self, ns: str, element: ET.Element, sender: str, ids: Dict[str, Any]) -> None:
        version = NS_VERSION[ns]
        if version not in self.versions:
            emit("undecryptable", **{"from": sender}, version=version, error="version not enabled", **ids)
            return
        assert self.manager is not None
        async with self.lock:
            try:
                if ns == LEGACY_NS:
                    message = await oldmemo.etree.parse_message(element, sender, self.own_bare, self.manager)
                else:
                    message = twomemo.etree.parse_message(element, sender)
                plaintext, device, _ = await self.manager.decrypt(message)
            except Exception as e:
                LOG.info("undecryptable %s message from %s: %s", version, sender, describe(e))
                emit("undecryptable", **{"from": sender}, version=version, error=describe(e), **ids)
                return
        if plaintext is None:
            LOG.info("empty %s message from %s device %d", version, sender, device.device_id)
            return
        try:
            if ns == LEGACY_NS:
                body: Optional[str] = plaintext.decode("utf-8")
                extra: Dict[str, Any] = {}
            else:
                body, tags = parse_sce_envelope(plaintext, sender, self.own_bare)
                extra = {} if body is not None else {"content": tags}
        except (UnicodeDecodeError, PeerError) as e:
            emit("undecryptable", **{"from": sender}, version=version, error=describe(e), **ids)
            return
        LOG.info("decrypted %s message from %s device %d", version, sender, device.device_id)
        emit("message", **{"from": sender}, body=body, version=version, sender_device=device.device_id,
             **ids, **extra)
        if body is not None and AESGCM_LINK.match(body.strip()):
            try:
                data = await asyncio.get_event_loop().run_in_executor(
                    None, fetch_media, body.strip(), self.ca_certs)
            except (PeerError, OSError) as e:
                emit("attachment-error", **{"from": sender}, error=describe(e), **ids)
                return
            emit("attachment", **{"from": sender}, size=len(data),
                 sha256=hashlib.sha256(data).hexdigest(), **ids)


# ---------------------------------------------------------------------------
# XEP-0454 media: aesgcm://host/path#<iv hex><key hex>, AES-256-GCM, tag appended
# ---------------------------------------------------------------------------
AESGCM_LINK = re.compile(r"^aesgcm://(\S+)#([0-9a-fA-F]+)$")


def fetch_media(link: str, ca_file: str, limit: int = 64 * 1024 * 1024) -> bytes:
    """Downloads and decrypts one aesgcm:// link; raises PeerError on any problem."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    match = AESGCM_LINK.match(link)
    if not match:
        raise PeerError("not an aesgcm link")
    fragment = bytes.fromhex(match.group(2))
    if len(fragment) not in (12 + 32, 16 + 32):
        raise PeerError("bad key fragment length")
    iv, key = fragment[:-32], fragment[-32:]
    context = ssl.create_default_context(cafile=ca_file)
    with urllib.request.urlopen("https://" + match.group(1), context=context, timeout=20) as response:
        data = response.read(limit + 1)
    if len(data) > limit:
        raise PeerError("file too large")
    try:
        return AESGCM(key).decrypt(iv, data, None)
    except Exception as e:  # InvalidTag
        raise PeerError("authentication failed") from e


# ---------------------------------------------------------------------------
# stdin commands
# ---------------------------------------------------------------------------
async def command_loop(client: PeerClient) -> None:
    loop = asyncio.get_event_loop()
    reader = asyncio.StreamReader(limit=4 * 1024 * 1024)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while not client.done.done():
        line = await reader.readline()
        if not line:
            LOG.info("stdin closed")
            await client.quit()
            return
        line = line.strip()
        if not line:
            continue
        try:
            cmd = json.loads(line)
            if not isinstance(cmd, dict):
                raise ValueError("not an object")
        except ValueError as e:
            emit("error", detail=f"bad command line (JSON object expected): {e}")
            continue
        name = cmd.get("cmd")
        if name == "quit":
            await client.quit()
            return
        if name not in ("send", "devices"):
            emit("error", detail=f"unknown command {name!r}")
            continue
        if not client.ready.is_set():
            await asyncio.wait([asyncio.ensure_future(client.ready.wait()), client.done],
                               return_when=asyncio.FIRST_COMPLETED)
            if client.done.done():
                return
        try:
            if name == "send":
                await client.cmd_send(cmd)
            else:
                await client.cmd_devices(cmd)
        except PeerError as e:
            emit("error", detail=str(e), **({"id": cmd["id"]} if "id" in cmd else {}))
        except (omemo.OMEMOException, IqError, IqTimeout) as e:
            emit("error", detail=describe(e), **({"id": cmd["id"]} if "id" in cmd else {}))
        except Exception as e:  # unexpected: keep running, but show where
            LOG.error("command %s failed", name, exc_info=True)
            emit("error", detail=f"internal error: {describe(e)}", **({"id": cmd["id"]} if "id" in cmd else {}))


def parse_args(argv: List[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="OMEMO interop peer (python-omemo + slixmpp)")
    p.add_argument("--jid", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5222)
    p.add_argument("--ca-file", required=True, help="PEM file of the CA the server certificate must chain to")
    p.add_argument("--server-name", default=None, help="TLS server name (default: the JID's domain)")
    p.add_argument("--state", required=True, help="JSON file keeping all OMEMO state")
    p.add_argument("--versions", default="legacy,omemo2", help="comma-separated: legacy, omemo2")
    p.add_argument("--connect-timeout", type=float, default=20.0)
    p.add_argument("--verbose", "-v", action="store_true", help="debug logging to stderr")
    args = p.parse_args(argv)
    versions = [v.strip() for v in args.versions.split(",") if v.strip()]
    bad = [v for v in versions if v not in VERSION_NS]
    if bad or not versions or len(set(versions)) != len(versions):
        p.error(f"--versions must list legacy and/or omemo2 once each, got {args.versions!r}")
    args.versions = versions
    jid = slixmpp.JID(args.jid)
    if not jid.user or not jid.domain:
        p.error("--jid must be user@domain")
    args.server_name = args.server_name or jid.domain
    if not os.path.isfile(args.ca_file):
        p.error(f"--ca-file {args.ca_file} does not exist")
    return args


class NoExpectedTracebacks(logging.Filter):
    """slixmpp logs expected failures (e.g. a refused certificate) at DEBUG with a
    traceback; keep tracebacks for real errors only."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR and record.exc_info:
            record.msg = f"{record.msg} ({describe(record.exc_info[1])})" if record.exc_info[1] else record.msg
            record.exc_info = None
            record.exc_text = None
        return True


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(asctime)s omemo_peer %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(NoExpectedTracebacks())
    LOG.setLevel(logging.DEBUG if verbose else logging.INFO)
    # python-omemo's debug logs contain plaintexts and key material: never below INFO.
    for name in ("omemo", "oldmemo", "twomemo", "doubleratchet", "x3dh"):
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)
    if not verbose:
        logging.getLogger("slixmpp").setLevel(logging.ERROR)


async def amain(args: argparse.Namespace) -> int:
    client = PeerClient(args)
    loop = asyncio.get_event_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(client.quit()))
    client.connect((args.host, args.port), use_ssl=False, force_starttls=True)

    async def connect_watchdog() -> None:
        await asyncio.sleep(args.connect_timeout)
        if not client.ready.is_set():
            client.fatal(f"not ready within {args.connect_timeout:g} s")

    watchdog = asyncio.ensure_future(connect_watchdog())
    commands = asyncio.ensure_future(command_loop(client))
    await client.done
    watchdog.cancel()
    commands.cancel()
    # Let slixmpp finish its own tasks briefly, then cancel whatever is left.
    await asyncio.sleep(0.1)
    pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return client.exit_code


def main() -> int:
    args = parse_args(sys.argv[1:])
    setup_logging(args.verbose)
    try:
        return asyncio.get_event_loop().run_until_complete(amain(args))
    except PeerError as e:
        emit("error", detail=str(e), fatal=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
