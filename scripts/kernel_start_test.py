"""Starts the installed Java kernel many times and fails on any start that does not answer in time.

rapaio-jupyter-kernel 3.0.1 alone fails to start about one time in eight (two start-order races; the
project's patch, lib/src/kernel-patch/, fixes them). This test shows whether the installed kernelspec starts
every time:

1. --starts N (default 100) starts with plain jupyter_client, --parallel (default 2) at a time, each in
   its own worker process: KernelManager.start_kernel, wait_for_ready(timeout), execute `1+1`, check that
   the reply is ok and the result is 2, shut the kernel down.
2. Once through a notebook server, as JupyterLab and Notebook 7 start kernels: a jupyter server on a free
   127.0.0.1 port with a token, POST /api/kernels, the /api/kernels/<id>/channels websocket, kernel_info,
   then execute `1+1`; also history_request (must be answered) and inspect (Shift+Tab) with the cursor at
   the end of `Math.max` and right after its `(` (must find the documentation); DELETE the kernel.

A start fails when it does not answer within --timeout seconds (default 30). For each failure the kernel's
log (its stderr and stdout) is printed. The last line is `kernel start test: N passed, N failed` and the
exit status is 1 when anything failed. Needs jupyter_client (7 or 8) and, for 2., jupyter_server
(JupyterLab 4, Notebook 7) or the classic notebook package: the Python of the project's Jupyter.

usage: python scripts/kernel_start_test.py [--starts N] [--parallel P] [--timeout S] [--kernel NAME]
                                           [--no-server] [--server-only]
"""
import argparse
import concurrent.futures
import importlib.util
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

KERNEL_NAME = "rapaio-jupyter-kernel"
CODE = "1+1"
EXPECTED = "2"


def log_tail(path, lines=40):
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as e:
        return f"(no log: {e})"
    return "\n".join(text[-lines:])


def result_text(data):
    """The text of an execute_result's data (the kernel sends `2` as text/html, other kernels as text/plain)."""
    return (data.get("text/plain") or data.get("text/html") or "").strip()


def one_start(index, kernel_name, timeout, log_dir):
    """Starts one kernel with plain jupyter_client; returns a dict: index, ok, seconds (to answer kernel_info),
    total (to the result of 1+1), error, log."""
    from jupyter_client import KernelManager

    log = Path(log_dir) / f"start-{index:03d}.log"
    result = {"index": index, "ok": False, "seconds": None, "total": None, "error": None, "log": str(log)}
    km = KernelManager(kernel_name=kernel_name)
    client = None
    t0 = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        try:
            km.start_kernel(stdout=out, stderr=subprocess.STDOUT)
            client = km.client()
            client.start_channels()
            try:
                client.wait_for_ready(timeout=timeout)
            except RuntimeError as e:
                raise RuntimeError(f"no kernel_info reply within {timeout:g} s ({e})") from None
            result["seconds"] = time.monotonic() - t0
            msg_id = client.execute(CODE)
            reply, value = None, None
            deadline = time.monotonic() + timeout
            while reply is None or value is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError(f"`{CODE}`: no {'reply' if reply is None else 'result'} within {timeout:g} s")
                if reply is None:
                    try:
                        msg = client.get_shell_msg(timeout=min(left, 1))
                        if msg["parent_header"].get("msg_id") == msg_id:
                            reply = msg
                    except Exception:  # queue.Empty
                        pass
                try:
                    msg = client.get_iopub_msg(timeout=0.05 if reply is None else min(left, 1))
                except Exception:  # queue.Empty
                    continue
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
                    value = result_text(msg["content"]["data"])
            if reply["content"].get("status") != "ok":
                raise RuntimeError(f"`{CODE}`: reply status {reply['content'].get('status')!r}")
            if value != EXPECTED:
                raise RuntimeError(f"`{CODE}`: result {value!r}, expected {EXPECTED!r}")
            result["total"] = time.monotonic() - t0
            result["ok"] = True
        except Exception as e:  # any failure of this start is reported, the others go on
            result["error"] = f"{type(e).__name__}: {e}"
        finally:
            if client is not None:
                client.stop_channels()
            try:
                km.shutdown_kernel(now=not result["ok"])
            except Exception as e:
                result["error"] = result["error"] or f"shutdown: {type(e).__name__}: {e}"
                result["ok"] = False
    if result["ok"]:
        log.unlink(missing_ok=True)
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A jupyter server on a free 127.0.0.1 port with a random token, in its own temporary root folder."""

    def __init__(self, log_dir):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.root = tempfile.mkdtemp(prefix="kernel-start-test-")
        self.log = Path(log_dir) / "server.log"
        self.out = open(self.log, "w", encoding="utf-8")
        if importlib.util.find_spec("jupyter_server"):      # the server of JupyterLab 4 and Notebook 7
            args = [sys.executable, "-m", "jupyter_server", "--no-browser", "--ServerApp.ip=127.0.0.1",
                    f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                    f"--ServerApp.root_dir={self.root}", f"--IdentityProvider.token={self.token}"]
        else:                                                # classic Notebook 6 (Debian's python3-notebook)
            args = [sys.executable, "-m", "notebook", "--no-browser", "--NotebookApp.ip=127.0.0.1",
                    f"--NotebookApp.port={self.port}", "--NotebookApp.port_retries=0",
                    f"--NotebookApp.notebook_dir={self.root}", f"--NotebookApp.token={self.token}"]
        if os.geteuid() == 0:
            args.append("--allow-root")
        self.process = subprocess.Popen(args, stdout=self.out, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, timeout=10):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as response:
            text = response.read().decode()
            return json.loads(text) if text else None

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter server exited with {self.process.returncode}:\n{log_tail(self.log)}")
            try:
                self.request("GET", "/api/status", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"jupyter server not up within {timeout} s:\n{log_tail(self.log)}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.out.close()
        shutil.rmtree(self.root, ignore_errors=True)


def ws_message(msg_type, content, session):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "test", "session": session,
                       "date": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()), "version": "5.4"},
            "parent_header": {}, "metadata": {}, "content": content, "buffers": [],
            "channel": "control" if msg_type.startswith(("shutdown", "interrupt")) else "shell"}


def server_start(kernel_name, timeout, log_dir):
    """One start through a notebook server's REST + websocket path; returns the same dict as one_start plus
    `checks` (idle seen, history and inspect answered)."""
    import asyncio

    result = {"index": "server", "ok": False, "seconds": None, "total": None, "error": None,
              "log": str(Path(log_dir) / "server.log"), "checks": {}}
    server = Server(log_dir)
    kernel_id = None
    try:
        server.wait_until_up()
        t0 = time.monotonic()
        kernel_id = server.request("POST", "/api/kernels", {"name": kernel_name}, timeout=timeout)["id"]
        asyncio.run(websocket_session(server, kernel_id, timeout, t0, result))
        server.request("DELETE", f"/api/kernels/{kernel_id}", timeout=timeout)
        kernel_id = None
        failed = [name for name, ok in result["checks"].items() if not ok]
        if failed:
            raise RuntimeError("kernel started, but failed: " + ", ".join(failed))
        result["ok"] = True
    except Exception as e:
        result["error"] = f"{type(e).__name__}: {e}"
    finally:
        if kernel_id is not None:
            try:
                server.request("DELETE", f"/api/kernels/{kernel_id}", timeout=timeout)
            except OSError:
                pass
        server.stop()
    return result


async def websocket_session(server, kernel_id, timeout, t0, result):
    """On the kernel's /channels websocket (tornado's client, which every Jupyter server brings): kernel_info,
    `1+1`, then the checks of the patch. Fills result's seconds, total and checks; raises when the kernel does
    not answer kernel_info or `1+1` within `timeout` seconds."""
    import asyncio
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?token={server.token}"
    ws = await asyncio.wait_for(websocket_connect(HTTPRequest(url, headers={
        "Authorization": f"token {server.token}"})), timeout)
    session = uuid.uuid4().hex
    statuses = []

    async def ask(msg_type, content, wait_result=False):
        """Sends a request; returns (reply content, execute_result text or None); raises after `timeout` s."""
        msg = ws_message(msg_type, content, session)
        await ws.write_message(json.dumps(msg))
        reply, value = None, None
        deadline = time.monotonic() + timeout
        while reply is None or (wait_result and value is None):
            left = deadline - time.monotonic()
            try:
                text = await asyncio.wait_for(ws.read_message(), max(left, 0.01))
            except asyncio.TimeoutError:
                raise RuntimeError(f"{msg_type}: no {'reply' if reply is None else 'result'} within {timeout:g} s")
            if text is None:
                raise RuntimeError(f"{msg_type}: the server closed the websocket")
            if isinstance(text, bytes):      # binary frames carry buffers; none of these answers has any
                continue
            answer = json.loads(text)
            if answer["header"]["msg_type"] == "status":
                statuses.append(answer["content"]["execution_state"])
            if answer["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            kind = answer["header"]["msg_type"]
            if kind == msg_type.replace("_request", "_reply"):
                reply = answer["content"]
            elif kind == "execute_result":
                value = result_text(answer["content"]["data"])
        return reply, value

    try:
        await ask("kernel_info_request", {})
        result["seconds"] = time.monotonic() - t0
        reply, value = await ask("execute_request", {"code": CODE, "silent": False, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False,
                                                     "stop_on_error": True}, wait_result=True)
        if reply.get("status") != "ok" or value != EXPECTED:
            raise RuntimeError(f"`{CODE}`: status {reply.get('status')!r}, result {value!r} (expected {EXPECTED!r})")
        result["total"] = time.monotonic() - t0
        checks = result["checks"]
        checks["idle seen"] = "idle" in statuses
        try:
            reply, _ = await ask("history_request", {"output": False, "raw": True, "hist_access_type": "tail",
                                                     "n": 10})
            checks["history_reply"] = reply.get("status") == "ok" and isinstance(reply.get("history"), list)
        except RuntimeError:
            checks["history_reply"] = False
        for code, cursor in (("Math.max", 8), ("Math.max(1, 2)", 8), ("Math.max(", 9), ("Math.max(a, b)", 9)):
            name = f"inspect {code[:cursor]}|{code[cursor:]}"
            try:
                reply, _ = await ask("inspect_request", {"code": code, "cursor_pos": cursor, "detail_level": 0})
                checks[name] = reply.get("status") == "ok" and bool(reply.get("found"))
            except RuntimeError:
                checks[name] = False
    finally:
        ws.close()


def report(results, title):
    answered = [r["seconds"] for r in results if r["seconds"] is not None]
    failed = [r for r in results if not r["ok"]]
    print(f"{title}: {len(results)} starts, {len(failed)} failed", end="")
    if answered:
        print(f"; seconds to answer kernel_info: median {statistics.median(answered):.1f}, max {max(answered):.1f}",
              end="")
    print(flush=True)
    for r in failed:
        print(f"  FAILED start {r['index']}: {r['error']}\n  --- kernel log ({r['log']}) ---")
        print("  " + log_tail(r["log"]).replace("\n", "\n  "))
    return len(results) - len(failed), len(failed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--starts", type=int, default=100, help="starts with plain jupyter_client (default 100)")
    parser.add_argument("--parallel", type=int, default=2, help="starts at a time (default 2)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a start may take to answer (default 30)")
    parser.add_argument("--kernel", default=KERNEL_NAME, help=f"kernelspec name (default {KERNEL_NAME})")
    parser.add_argument("--no-server", action="store_true", help="skip the start through a notebook server")
    parser.add_argument("--server-only", action="store_true", help="only the start through a notebook server")
    parser.add_argument("--log-dir", default=None, help="where kernel logs go (default: a temporary folder)")
    args = parser.parse_args()
    if args.starts < 0 or args.parallel < 1 or args.timeout <= 0:
        parser.error(f"--starts must be >= 0 (got {args.starts}), --parallel >= 1 (got {args.parallel}), "
                     f"--timeout > 0 (got {args.timeout:g})")
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        spec = KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        sys.exit(f"kernel start test: no kernelspec {args.kernel!r} (install it: make kernel)")
    print(f"kernel start test: {args.kernel} from {spec.resource_dir}\n  argv: {' '.join(spec.argv)}", flush=True)
    log_dir = Path(args.log_dir or tempfile.mkdtemp(prefix="kernel-start-logs-"))
    log_dir.mkdir(parents=True, exist_ok=True)

    passed = failed = 0
    t0 = time.monotonic()
    if not args.server_only and args.starts:
        results = []
        with concurrent.futures.ProcessPoolExecutor(max_workers=args.parallel) as pool:
            futures = [pool.submit(one_start, i, args.kernel, args.timeout, log_dir) for i in range(1, args.starts + 1)]
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                r = future.result()
                results.append(r)
                if not r["ok"] or done % 10 == 0:
                    print(f"  {done}/{args.starts} done, {sum(not x['ok'] for x in results)} failed"
                          f" ({time.monotonic() - t0:.0f} s)", flush=True)
        results.sort(key=lambda r: r["index"])
        p, f = report(results, f"jupyter_client, {args.parallel} at a time")
        passed, failed = passed + p, failed + f
    if not args.no_server:
        r = server_start(args.kernel, args.timeout, log_dir)
        p, f = report([r], "notebook server (REST + websocket)")
        for name, ok in r.get("checks", {}).items():
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        passed, failed = passed + p, failed + f
    print(f"({time.monotonic() - t0:.0f} s; logs of failed starts in {log_dir})")
    print(f"kernel start test: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
