#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Self-test of omemo_peer.py: two peers (alice, bob) on a real Prosody.

    /usr/bin/python3 tests/interop/selftest.py [--server-env DIR/prosody.env] [--keep]

Without --server-env it starts a private Prosody with scripts/servers.sh in a
temporary directory, on free ports it picks itself, and stops it at the end.
Exits 0 only if every step passed; otherwise prints the failing step, the
events seen and the tail of the peers' stderr, and exits 1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any, Callable, Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PEER = os.path.join(HERE, "omemo_peer.py")
SERVERS = os.path.join(ROOT, "scripts", "servers.sh")
PYTHON = "/usr/bin/python3"
STEP_TIMEOUT = 20.0
# Bodies that exercise UTF-8 and XML escaping; never logged, only compared.
BODIES = {
    "legacy": "legacy <hello> & \"quotes\" — ünïcödé 🩺",
    "omemo2": "omemo2 <b>not markup</b> & ' — 日本語 🏥",
}


class Failure(Exception):
    pass


class Peer:
    """One omemo_peer.py process, its JSON events in a queue, stderr in a file."""

    def __init__(self, name: str, env: Dict[str, str], workdir: str, ca_file: Optional[str] = None,
                 versions: str = "legacy,omemo2") -> None:
        self.name = name
        self.jid = f"{name}@{env['ROUNDS_SERVER_DOMAIN']}"
        self.state = os.path.join(workdir, f"{name}.json")
        self.stderr_path = os.path.join(workdir, f"{name}.{int(time.time() * 1000)}.stderr")
        self.events: "queue.Queue[Dict[str, Any]]" = queue.Queue()
        self.seen: List[Dict[str, Any]] = []
        self.device_id: Optional[int] = None
        cmd = [PYTHON, PEER, "--jid", self.jid, "--password", f"{name}-test-pw",
               "--host", env["ROUNDS_SERVER_HOST"], "--port", env["ROUNDS_SERVER_C2S_PORT"],
               "--ca-file", ca_file or env["ROUNDS_SERVER_CA"], "--state", self.state,
               "--versions", versions, "--verbose"]
        self.stderr = open(self.stderr_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
                                     text=True, encoding="utf-8", bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            line = line.strip()
            if not line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                event = {"event": "_bad_output", "line": line}
            self.events.put(event)
        self.events.put({"event": "_eof"})

    def send(self, obj: Dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(obj) + "\n")
        self.proc.stdin.flush()

    def expect(self, what: str, pred: Callable[[Dict[str, Any]], bool], timeout: float = STEP_TIMEOUT,
               fail_on: Callable[[Dict[str, Any]], bool] = lambda e: False) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(f"{self.name}: timed out after {timeout:g} s waiting for {what}")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append(event)
            if pred(event):
                return event
            if event["event"] in ("_eof", "_bad_output") or fail_on(event):
                raise Failure(f"{self.name}: got {json.dumps(event, ensure_ascii=False)} while waiting for {what}")

    def quit(self, timeout: float = STEP_TIMEOUT) -> int:
        if self.proc.poll() is None:
            try:
                self.send({"cmd": "quit"})
            except (BrokenPipeError, OSError):
                pass
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"{self.name}: did not exit within {timeout:g} s after quit") from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()

    def stderr_text(self) -> str:
        self.stderr.flush()
        with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
            return f.read()


def is_problem(event: Dict[str, Any]) -> bool:
    return event["event"] in ("error", "undecryptable", "unencrypted")


def free_ports(n: int) -> List[int]:
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


def read_env(path: str) -> Dict[str, str]:
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                env[key] = value
    return env


# ---------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------
def log(msg: str) -> None:
    print(f"[selftest] {msg}", file=sys.stderr, flush=True)


def start_peer(name: str, env: Dict[str, str], workdir: str, peers: List[Peer], **kw: Any) -> Peer:
    peer = Peer(name, env, workdir, **kw)
    peers.append(peer)
    ready = peer.expect("ready", lambda e: e["event"] == "ready", fail_on=is_problem)
    if ready.get("versions") != ["legacy", "omemo2"] or not isinstance(ready.get("device_id"), int):
        raise Failure(f"{name}: unexpected ready event {ready}")
    peer.device_id = ready["device_id"]
    log(f"{name} ready as device {peer.device_id}")
    return peer


def exchange(sender: Peer, receiver: Peer, version: str, tag: str) -> None:
    body = f"{BODIES[version]} [{tag}]"
    msg_id = f"selftest-{tag}-{version}-{sender.name}"
    sender.send({"cmd": "send", "to": receiver.jid, "body": body, "version": version, "id": msg_id})
    sent = sender.expect(f"sent {msg_id}", lambda e: e["event"] == "sent", fail_on=is_problem)
    if sent.get("id") != msg_id or sent.get("version") != version:
        raise Failure(f"{sender.name}: sent event does not match the request: {sent}")
    got = receiver.expect(f"{version} message {msg_id} from {sender.name}",
                          lambda e: e["event"] == "message" and e.get("id") == msg_id, fail_on=is_problem)
    problems = []
    if got.get("body") != body:
        problems.append("body differs")
    if got.get("version") != version:
        problems.append(f"version {got.get('version')} != {version}")
    if got.get("from") != sender.jid:
        problems.append(f"from {got.get('from')} != {sender.jid}")
    if got.get("sender_device") != sender.device_id:
        problems.append(f"sender_device {got.get('sender_device')} != {sender.device_id}")
    if got.get("origin_id") != msg_id:
        problems.append(f"origin_id {got.get('origin_id')} != {msg_id}")
    if problems:
        raise Failure(f"{receiver.name}: {version} message {msg_id}: " + "; ".join(problems))
    log(f"{version}: {sender.name} -> {receiver.name} ok ({tag})")


def check_devices(asker: Peer, owner: Peer) -> None:
    asker.send({"cmd": "devices", "jid": owner.jid})
    ev = asker.expect(f"devices of {owner.name}", lambda e: e["event"] == "devices", fail_on=is_problem)
    for version in ("legacy", "omemo2"):
        if owner.device_id not in (ev.get(version) or []):
            raise Failure(f"{asker.name} does not see {owner.name}'s device {owner.device_id} in the "
                          f"{version} device list: {ev}")
    log(f"{asker.name} sees {owner.name}'s device in both device lists")


async def precreate_restricted_node(env: Dict[str, str], name: str) -> None:
    """Publish an empty OMEMO 2 device list for NAME with access_model=presence, so the
    peer must reconfigure the node (publish-options precondition) before publishing."""
    import slixmpp  # Debian's python3-slixmpp

    class Client(slixmpp.ClientXMPP):
        async def get_dns_records(self, domain: str, port: Optional[int] = None) -> Any:
            return [(env["ROUNDS_SERVER_DOMAIN"], env["ROUNDS_SERVER_HOST"], int(env["ROUNDS_SERVER_C2S_PORT"]))]

    client = Client(f"{name}@{env['ROUNDS_SERVER_DOMAIN']}", f"{name}-test-pw")
    client.ca_certs = env["ROUNDS_SERVER_CA"]
    client.default_domain = env["ROUNDS_SERVER_DOMAIN"]
    for plugin in ("xep_0004", "xep_0060"):
        client.register_plugin(plugin)
    done: asyncio.Future = asyncio.get_event_loop().create_future()

    async def on_start(_: Any) -> None:
        try:
            import xml.etree.ElementTree as ET
            from slixmpp.exceptions import IqError
            try:  # a reused server may hold the node from an earlier run
                await client["xep_0060"].delete_node(None, "urn:xmpp:omemo:2:devices", timeout=10)
            except IqError:
                pass
            form = client["xep_0004"].make_form(ftype="submit")
            form.add_field(var="FORM_TYPE", ftype="hidden",
                           value="http://jabber.org/protocol/pubsub#publish-options")
            form.add_field(var="pubsub#access_model", value="presence")
            await client["xep_0060"].publish(None, "urn:xmpp:omemo:2:devices", id="current",
                                             payload=ET.Element("{urn:xmpp:omemo:2}devices"), options=form,
                                             timeout=10)
            done.set_result(None)
        except Exception as e:  # reported by the caller
            done.set_exception(e)
        finally:
            client.disconnect()

    client.add_event_handler("session_start", on_start)
    client.add_event_handler("failed_auth", lambda _: done.done() or done.set_exception(Failure("auth failed")))
    client.connect((env["ROUNDS_SERVER_HOST"], int(env["ROUNDS_SERVER_C2S_PORT"])))
    try:
        await asyncio.wait_for(done, STEP_TIMEOUT)
        await asyncio.sleep(0.2)
    finally:
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


def run(env: Dict[str, str], workdir: str) -> None:
    peers: List[Peer] = []
    try:
        # 0. A restricted, pre-existing node the peer must reconfigure (publish-options).
        asyncio.get_event_loop().run_until_complete(precreate_restricted_node(env, "alice"))
        log("pre-created alice's OMEMO 2 device list node with access_model=presence")

        # 1. Certificate verification is on: a CA the server does not use is refused.
        bad = Peer("dave", env, workdir, ca_file=env["ROUNDS_SERVER_OTHER_CA"])
        peers.append(bad)
        ev = bad.expect("a fatal TLS error", lambda e: e["event"] == "error" and e.get("fatal"),
                        fail_on=lambda e: e["event"] == "ready")
        rc = bad.proc.wait(timeout=STEP_TIMEOUT)
        if rc == 0 or "TLS" not in ev.get("detail", ""):
            raise Failure(f"dave with an unrelated CA: exit {rc}, {ev}")
        log("unrelated CA refused")

        # 2. Two fresh peers.
        alice = start_peer("alice", env, workdir, peers)
        bob = start_peer("bob", env, workdir, peers)
        check_devices(bob, alice)  # alice's reconfigured node is readable by a stranger
        check_devices(alice, bob)

        # 3. Both directions, both versions.
        for version in ("legacy", "omemo2"):
            exchange(alice, bob, version, "first")
            exchange(bob, alice, version, "first")

        # 4. An account without devices: a clean error, and the peer carries on.
        alice.send({"cmd": "send", "to": f"carol@{env['ROUNDS_SERVER_DOMAIN']}", "body": "x",
                    "version": "omemo2", "id": "to-carol"})
        ev = alice.expect("an error for carol", lambda e: e["event"] == "error",
                          fail_on=lambda e: e["event"] == "sent")
        if ev.get("id") != "to-carol" or ev.get("fatal"):
            raise Failure(f"alice: unexpected error event for a recipient without devices: {ev}")
        alice.send({"cmd": "frobnicate"})
        alice.expect("an error for an unknown command", lambda e: e["event"] == "error")
        log("recipient without devices and unknown command: clean errors")

        # 5. Restart bob with the same state: same device, sessions kept.
        old_id = bob.device_id
        rc = bob.quit()
        if rc != 0:
            raise Failure(f"bob exited with {rc} after quit")
        bob = start_peer("bob", env, workdir, peers)
        if bob.device_id != old_id:
            raise Failure(f"bob's device id changed across a restart: {old_id} -> {bob.device_id}")
        for version in ("legacy", "omemo2"):
            exchange(alice, bob, version, "after-restart")
            exchange(bob, alice, version, "after-restart")

        # 6. Clean exits, no tracebacks, no bodies in the logs.
        for peer in (alice, bob):
            rc = peer.quit()
            if rc != 0:
                raise Failure(f"{peer.name} exited with {rc} after quit")
        for peer in peers:
            text = peer.stderr_text()
            if "Traceback" in text:
                raise Failure(f"{peer.name}: traceback in stderr ({peer.stderr_path})")
            for body in BODIES.values():
                if body in text:
                    raise Failure(f"{peer.name}: a message body appears in stderr ({peer.stderr_path})")
        log("clean exits, no tracebacks or bodies in stderr")
    except Failure:
        for peer in peers:
            log(f"--- {peer.name} events: {json.dumps(peer.seen, ensure_ascii=False)[-2000:]}")
            log(f"--- {peer.name} stderr tail ({peer.stderr_path}):")
            print("\n".join(peer.stderr_text().splitlines()[-25:]), file=sys.stderr)
        raise
    finally:
        for peer in peers:
            peer.kill()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server-env", help="env file of a running Prosody (scripts/servers.sh); default: start one")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()

    workdir = tempfile.mkdtemp(prefix="omemo-peer-selftest.")
    server_dir = None
    try:
        if args.server_env:
            env = read_env(args.server_env)
        else:
            server_dir = os.path.join(workdir, "servers")
            ports = free_ports(3)
            senv = dict(os.environ, ROUNDS_PROSODY_HTTPS_PORT=str(ports[0]),
                        ROUNDS_PROSODY_HTTP_PORT=str(ports[1]), ROUNDS_PROSODY_C2S_PORT=str(ports[2]))
            log(f"starting prosody in {server_dir} (c2s port {ports[2]})")
            r = subprocess.run([SERVERS, "start", "prosody", server_dir], env=senv,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode != 0:
                raise Failure(f"could not start prosody:\n{r.stdout}")
            env = read_env(os.path.join(server_dir, "prosody.env"))
        for key in ("ROUNDS_SERVER_DOMAIN", "ROUNDS_SERVER_HOST", "ROUNDS_SERVER_C2S_PORT", "ROUNDS_SERVER_CA",
                    "ROUNDS_SERVER_OTHER_CA"):
            if not env.get(key):
                raise Failure(f"server env lacks {key}")
        run(env, workdir)
        log("PASS")
        return 0
    except Failure as e:
        log(f"FAIL: {e}")
        return 1
    finally:
        if server_dir is not None:
            subprocess.run([SERVERS, "stop", "prosody", server_dir], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if args.keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
