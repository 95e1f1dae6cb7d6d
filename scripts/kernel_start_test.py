"""Starts the installed Java kernel many times and fails on any start that does not answer in time.

1. --starts N (default 100) starts with plain jupyter_client, --parallel (default 2) at a time in worker processes:
   start_kernel, wait_for_ready, execute `1+1` (reply ok, result 2), shut down.
2. One start through a notebook server as JupyterLab and Notebook 7 start kernels: jupyter_server on a free
   127.0.0.1 port with a token, POST /api/kernels, the /api/kernels/<id>/channels websocket, kernel_info, `1+1`,
   then the patch's answers: an idle status seen, history_request answered, inspect (Shift+Tab) with the cursor at the
   end of `Math.max` and right after its `(` finds the documentation; DELETE the kernel.

A start fails when it does not answer within --timeout seconds (default 30); its kernel log is printed. The last
line is `kernel start test: N passed, N failed`; exit status 1 when anything failed.
"""
import argparse
import asyncio
import concurrent.futures
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

CODE, EXPECTED = "1+1", "2"


def result_text(content):
    """The text of an execute_result (this kernel sends `2` as text/html)."""
    data = content.get("data", {})
    return (data.get("text/plain") or data.get("text/html") or "").strip()


def log_tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError as e:
        return f"(no log: {e})"


def one_start(index, kernel_name, timeout, log_dir):
    """One start with plain jupyter_client: {index, ok, seconds (to kernel_info), error, log}."""
    from jupyter_client import KernelManager
    log = Path(log_dir) / f"start-{index:03d}.log"
    r = {"index": index, "ok": False, "seconds": None, "error": None, "log": str(log)}
    km, kc, t0 = KernelManager(kernel_name=kernel_name), None, time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        try:
            km.start_kernel(stdout=out, stderr=subprocess.STDOUT)
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=timeout)
            r["seconds"] = time.monotonic() - t0
            values = []
            reply = kc.execute_interactive(CODE, timeout=timeout, output_hook=lambda m: values.append(
                result_text(m["content"])) if m["msg_type"] == "execute_result" else None)
            if reply["content"].get("status") != "ok" or values != [EXPECTED]:
                raise RuntimeError(f"`{CODE}`: status {reply['content'].get('status')!r}, results {values}")
            r["ok"] = True
        except Exception as e:  # this start failed; the others go on
            r["error"] = f"{type(e).__name__}: {e}"
        finally:
            if kc is not None:
                kc.stop_channels()
            try:
                km.shutdown_kernel(now=not r["ok"])
            except Exception as e:
                r["ok"], r["error"] = False, r["error"] or f"shutdown: {type(e).__name__}: {e}"
    if r["ok"]:
        log.unlink()
    return r


def server_start(kernel_name, timeout, log_dir):
    """One start through jupyter_server's REST + websocket path: one_start's dict plus `checks`."""
    r = {"index": "server", "ok": False, "seconds": None, "error": None, "log": str(Path(log_dir) / "server.log"),
         "checks": {}}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token, root = secrets.token_hex(16), tempfile.mkdtemp(prefix="kernel-start-test-")
    url = f"http://127.0.0.1:{port}"

    def request(method, path, body=None):
        req = urllib.request.Request(url + path, data=None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as response:
            text = response.read().decode()
            return json.loads(text) if text else None

    with open(r["log"], "w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "jupyter_server", "--no-browser", "--ServerApp.ip=127.0.0.1",
                                   f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
                                   f"--IdentityProvider.token={token}"] + (["--allow-root"] if os.geteuid() == 0 else []),
                                  stdout=out, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                if server.poll() is not None:
                    raise RuntimeError(f"jupyter server exited with {server.returncode}")
                try:
                    request("GET", "/api/status")
                    break
                except OSError:
                    time.sleep(0.3)
            t0 = time.monotonic()
            kernel_id = request("POST", "/api/kernels", {"name": kernel_name})["id"]
            try:
                asyncio.run(websocket_session(f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels?token={token}",
                                              timeout, t0, r))
            finally:
                request("DELETE", f"/api/kernels/{kernel_id}")
            failed = [name for name, ok in r["checks"].items() if not ok]
            if failed:
                raise RuntimeError("kernel started, but failed: " + ", ".join(failed))
            r["ok"] = True
        except Exception as e:
            r["error"] = f"{type(e).__name__}: {e}"
        finally:
            server.terminate()
            server.wait()
    return r


async def websocket_session(url, timeout, t0, r):
    """kernel_info and `1+1` on the kernel's websocket (raises when either does not answer in `timeout` s), then
    the checks of the patch into r["checks"]."""
    from tornado.websocket import websocket_connect
    ws, session, statuses = await asyncio.wait_for(websocket_connect(url), timeout), uuid.uuid4().hex, []

    async def ask(msg_type, content, want_result=False):
        msg_id = uuid.uuid4().hex
        await ws.write_message(json.dumps({"header": {"msg_id": msg_id, "msg_type": msg_type, "username": "test",
                                                      "session": session, "version": "5.4",
                                                      "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
                                           "parent_header": {}, "metadata": {}, "content": content, "buffers": [],
                                           "channel": "shell"}))
        reply, value, deadline = None, None, time.monotonic() + timeout
        while reply is None or (want_result and value is None):
            try:
                text = await asyncio.wait_for(ws.read_message(), max(deadline - time.monotonic(), 0.01))
            except asyncio.TimeoutError:
                raise RuntimeError(f"{msg_type}: no {'reply' if reply is None else 'result'} within {timeout:g} s")
            if text is None:
                raise RuntimeError(f"{msg_type}: the server closed the websocket")
            answer = json.loads(text) if isinstance(text, str) else {"header": {}, "parent_header": {}}
            kind = answer["header"].get("msg_type")
            if kind == "status":
                statuses.append(answer["content"]["execution_state"])
            if answer["parent_header"].get("msg_id") == msg_id:
                if kind == msg_type.replace("_request", "_reply"):
                    reply = answer["content"]
                elif kind == "execute_result":
                    value = result_text(answer["content"])
        return reply, value

    try:
        await ask("kernel_info_request", {})
        r["seconds"] = time.monotonic() - t0
        reply, value = await ask("execute_request", {"code": CODE, "silent": False, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False}, want_result=True)
        if reply.get("status") != "ok" or value != EXPECTED:
            raise RuntimeError(f"`{CODE}`: status {reply.get('status')!r}, result {value!r}")
        r["checks"]["idle seen"] = "idle" in statuses
        checks = [("history_reply", "history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 10},
                   lambda reply: isinstance(reply.get("history"), list))]
        checks += [(f"inspect {code[:at]}|{code[at:]}", "inspect_request", {"code": code, "cursor_pos": at, "detail_level": 0},
                    lambda reply: bool(reply.get("found")))
                   for code, at in (("Math.max", 8), ("Math.max(1, 2)", 8), ("Math.max(", 9), ("Math.max(a, b)", 9))]
        for name, msg_type, content, good in checks:
            try:
                reply, _ = await ask(msg_type, content)
                r["checks"][name] = reply.get("status") == "ok" and good(reply)
            except RuntimeError:
                r["checks"][name] = False
    finally:
        ws.close()


def report(results, title):
    answered = [r["seconds"] for r in results if r["seconds"] is not None]
    failed = [r for r in results if not r["ok"]]
    print(f"{title}: {len(results)} starts, {len(failed)} failed" + (
        f"; seconds to answer kernel_info: median {statistics.median(answered):.1f}, max {max(answered):.1f}"
        if answered else ""), flush=True)
    for r in failed:
        print(f"  FAILED start {r['index']}: {r['error']}\n  --- kernel log ({r['log']}) ---\n  "
              + log_tail(r["log"]).replace("\n", "\n  "))
    return len(results) - len(failed), len(failed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--starts", type=int, default=100, help="starts with plain jupyter_client (default 100)")
    parser.add_argument("--parallel", type=int, default=2, help="starts at a time (default 2)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a start may take to answer (default 30)")
    parser.add_argument("--kernel", default="rapaio-jupyter-kernel", help="kernelspec name")
    parser.add_argument("--no-server", action="store_true", help="skip the start through a notebook server")
    parser.add_argument("--server-only", action="store_true", help="only the start through a notebook server")
    parser.add_argument("--log-dir", help="where kernel logs go (default: a temporary folder)")
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
                results.append(future.result())
                if not results[-1]["ok"] or done % 10 == 0:
                    print(f"  {done}/{args.starts} done, {sum(not x['ok'] for x in results)} failed"
                          f" ({time.monotonic() - t0:.0f} s)", flush=True)
        p, f = report(sorted(results, key=lambda r: r["index"]), f"jupyter_client, {args.parallel} at a time")
        passed, failed = passed + p, failed + f
    if not args.no_server:
        r = server_start(args.kernel, args.timeout, log_dir)
        p, f = report([r], "notebook server (REST + websocket)")
        for name, ok in r["checks"].items():
            print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        passed, failed = passed + p, failed + f
    print(f"({time.monotonic() - t0:.0f} s; logs of failed starts in {log_dir})")
    print(f"kernel start test: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
