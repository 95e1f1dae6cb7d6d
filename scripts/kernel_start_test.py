"""The installed Java kernel started --starts times (default 100) with jupyter_client, 2 at a time, each answering
kernel_info and `1+1`, then once through a notebook server (REST + websocket, as JupyterLab and Notebook 7 start
kernels) with the patch's answers: language_info as the notebooks carry it, an idle status, history, inspect
(Shift+Tab). A start that does not answer within --timeout s (default 30) fails and its kernel log is printed.
The last line is `kernel start test: N passed, N failed`; exit status 1 when anything failed.
"""
import argparse
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
from pathlib import Path

import book

CODE, EXPECTED = "1+1", "2"


def result_text(content):
    """The text of an execute_result (this kernel sends `2` as text/html)."""
    return (content.get("data", {}).get("text/plain") or content.get("data", {}).get("text/html") or "").strip()


def one_start(index, timeout, log_dir):
    """One start with plain jupyter_client: {index, ok, seconds (to kernel_info), error, log, checks}."""
    from jupyter_client import KernelManager
    r = {"index": index, "ok": False, "seconds": None, "error": None, "log": Path(log_dir) / f"start-{index:03d}.log"}
    km, kc, t0 = KernelManager(kernel_name=book.KERNEL_NAME), None, time.monotonic()
    with open(r["log"], "w", encoding="utf-8") as out:
        try:
            km.start_kernel(stdout=out, stderr=subprocess.STDOUT)
            (kc := km.client()).start_channels()
            kc.wait_for_ready(timeout=timeout)
            r["seconds"], values = time.monotonic() - t0, []
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
        r["log"].unlink()
    return r


def ask(ws, msg_type, content, timeout, statuses, want_result=False):
    """Sends a shell request on the kernel's websocket; (reply content, execute_result text) once both came."""
    import websocket
    from jupyter_client.session import Session
    msg = dict(Session(username="test").msg(msg_type, content), channel="shell")
    ws.send(json.dumps(msg, default=str))
    reply, value, deadline = None, None, time.monotonic() + timeout
    while reply is None or (want_result and value is None):
        ws.settimeout(max(deadline - time.monotonic(), 0.01))
        try:
            text = ws.recv()
        except websocket.WebSocketTimeoutException:
            raise RuntimeError(f"{msg_type}: no {'reply' if reply is None else 'result'} within {timeout:g} s")
        if not text:
            raise RuntimeError(f"{msg_type}: the server closed the websocket")
        answer = json.loads(text) if isinstance(text, str) else {"header": {}, "parent_header": {}}
        kind = answer["header"].get("msg_type")
        statuses += [answer["content"]["execution_state"]] if kind == "status" else []
        if answer["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            reply = answer["content"] if kind == msg_type.replace("_request", "_reply") else reply
            value = result_text(answer["content"]) if kind == "execute_result" else value
    return reply, value


def server_start(timeout, log_dir):
    """One start through jupyter_server on a free 127.0.0.1 port with a token: POST /api/kernels, the channels
    websocket, kernel_info, `1+1`, then the patch's checks into r["checks"]; DELETE the kernel."""
    import websocket
    r = {"index": "server", "ok": False, "seconds": None, "error": None, "log": Path(log_dir) / "server.log", "checks": {}}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        host, token = f"127.0.0.1:{s.getsockname()[1]}", secrets.token_hex(16)

    def request(method, path, body=None):
        req = urllib.request.Request(f"http://{host}{path}", data=None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return json.loads(response.read() or "null")

    with open(r["log"], "w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "jupyter_server", "--no-browser", "--ServerApp.ip=127.0.0.1",
                                   f"--ServerApp.port={host.split(':')[1]}", "--ServerApp.port_retries=0",
                                   f"--ServerApp.root_dir={tempfile.mkdtemp(prefix='kernel-start-test-')}",
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
            t0, statuses = time.monotonic(), []
            kernel_id = request("POST", "/api/kernels", {"name": book.KERNEL_NAME})["id"]
            ws = websocket.create_connection(f"ws://{host}/api/kernels/{kernel_id}/channels?token={token}", timeout=timeout)
            try:
                info, _ = ask(ws, "kernel_info_request", {}, timeout, statuses)
                r["seconds"] = time.monotonic() - t0
                reply, value = ask(ws, "execute_request", {"code": CODE, "silent": False, "store_history": True,
                                                           "user_expressions": {}, "allow_stdin": False}, timeout,
                                   statuses, want_result=True)
                if reply.get("status") != "ok" or value != EXPECTED:
                    raise RuntimeError(f"`{CODE}`: status {reply.get('status')!r}, result {value!r}")
                r["checks"]["language_info as the notebooks carry it"] = info.get("language_info") == book.LANGUAGE_INFO
                r["checks"]["idle seen"] = "idle" in statuses
                checks = [("history_reply", "history_request", {"output": False, "raw": True, "hist_access_type": "tail",
                                                                "n": 10}, lambda reply: isinstance(reply.get("history"), list))]
                checks += [(f"inspect {code[:at]}|{code[at:]}", "inspect_request", {"code": code, "cursor_pos": at,
                            "detail_level": 0}, lambda reply: bool(reply.get("found")))
                           for code, at in (("Math.max", 8), ("Math.max(1, 2)", 8), ("Math.max(", 9), ("Math.max(a, b)", 9))]
                for name, msg_type, content, good in checks:
                    try:
                        reply, _ = ask(ws, msg_type, content, timeout, statuses)
                        r["checks"][name] = reply.get("status") == "ok" and good(reply)
                    except RuntimeError:
                        r["checks"][name] = False
            finally:
                ws.close()
                request("DELETE", f"/api/kernels/{kernel_id}")
            if failed := [name for name, ok in r["checks"].items() if not ok]:
                raise RuntimeError("kernel started, but failed: " + ", ".join(failed))
            r["ok"] = True
        except Exception as e:
            r["error"] = f"{type(e).__name__}: {e}"
        finally:
            server.terminate()
            server.wait()
    return r


def report(results, title):
    answered, failed = [r["seconds"] for r in results if r["seconds"] is not None], [r for r in results if not r["ok"]]
    print(f"{title}: {len(results)} starts, {len(failed)} failed" + (
        f"; seconds to answer kernel_info: median {statistics.median(answered):.1f}, max {max(answered):.1f}"
        if answered else ""), flush=True)
    for r in failed:
        log = r["log"].read_text(encoding="utf-8", errors="replace").splitlines()[-40:] if r["log"].is_file() else []
        print(f"  FAILED start {r['index']}: {r['error']}\n  --- kernel log ({r['log']}) ---\n  " + "\n  ".join(log))
    for name, ok in (check for r in results for check in r.get("checks", {}).items()):
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    return len(results) - len(failed), len(failed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--starts", type=int, default=100, help="starts with plain jupyter_client (default 100)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a start may take to answer (default 30)")
    parser.add_argument("--log-dir", help="where kernel logs go (default: a temporary folder)")
    args = parser.parse_args()
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        spec = KernelSpecManager().get_kernel_spec(book.KERNEL_NAME)
    except NoSuchKernel:
        sys.exit(f"kernel start test: no kernelspec {book.KERNEL_NAME!r} (install it: make kernel)")
    print(f"kernel start test: {book.KERNEL_NAME} from {spec.resource_dir}\n  argv: {' '.join(spec.argv)}", flush=True)
    log_dir = Path(args.log_dir or tempfile.mkdtemp(prefix="kernel-start-logs-"))
    log_dir.mkdir(parents=True, exist_ok=True)
    t0, results = time.monotonic(), []
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(one_start, i, args.timeout, log_dir) for i in range(1, args.starts + 1)]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            results.append(future.result())
            if not results[-1]["ok"] or done % 10 == 0:
                print(f"  {done}/{args.starts} done, {sum(not x['ok'] for x in results)} failed"
                      f" ({time.monotonic() - t0:.0f} s)", flush=True)
    counts = [report(sorted(results, key=lambda r: r["index"]), "jupyter_client, 2 at a time") if results else (0, 0),
              report([server_start(args.timeout, log_dir)], "notebook server (REST + websocket)")]
    print(f"({time.monotonic() - t0:.0f} s; logs of failed starts in {log_dir})")
    print(f"kernel start test: {sum(c[0] for c in counts)} passed, {sum(c[1] for c in counts)} failed")
    return 1 if any(c[1] for c in counts) else 0


if __name__ == "__main__":
    sys.exit(main())
