"""The installed Java kernel started --starts times (default 100) with jupyter_client, 2 at a time, each answering
kernel_info and `1+1`; the first start also the patch's answers: language_info as the notebooks carry it, history,
inspect (Shift+Tab). A start that does not answer within --timeout s (default 30) fails and its kernel log is printed.
(Starts through a notebook server, REST + websocket: make test's frontend checks, 20 in JupyterLab, 20 in Notebook 7.)
The last line is `kernel start test: N passed, N failed`; exit status 1 when anything failed.
"""
import argparse
import concurrent.futures
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import book

CODE, EXPECTED = "1+1", "2"
# The patch's answers (lib/src/kernel-patch/.../ganpatch), asked of the first start: name -> good(kernel client, timeout)
PATCH_CHECKS = {"language_info as the notebooks carry it": lambda kc, t: kc.kernel_info(reply=True, timeout=t)["content"].get(
                    "language_info") == book.LANGUAGE_INFO,
                "history_reply": lambda kc, t: isinstance(kc.history(raw=True, output=False, hist_access_type="tail", n=10,
                                                                     reply=True, timeout=t)["content"].get("history"), list)}
PATCH_CHECKS |= {f"inspect {code[:at]}|{code[at:]}": lambda kc, t, code=code, at=at: bool(kc.inspect(
                     code, at, detail_level=0, reply=True, timeout=t)["content"].get("found"))
                 for code, at in (("Math.max", 8), ("Math.max(1, 2)", 8), ("Math.max(", 9), ("Math.max(a, b)", 9))}


def result_text(content):
    """The text of an execute_result (this kernel sends `2` as text/html)."""
    return (content.get("data", {}).get("text/plain") or content.get("data", {}).get("text/html") or "").strip()


def one_start(index, timeout, log_dir):
    """One start with plain jupyter_client: {index, ok, seconds (to kernel_info), error, log, checks}."""
    from jupyter_client import KernelManager
    r = {"index": index, "ok": False, "seconds": None, "error": None, "log": Path(log_dir) / f"start-{index:03d}.log", "checks": {}}
    km, kc, t0 = KernelManager(kernel_name=book.KERNEL_NAME), None, time.monotonic()
    with open(r["log"], "w", encoding="utf-8") as out:
        try:
            km.start_kernel(stdout=out, stderr=subprocess.STDOUT)
            r["ports"] = {port for name, port in km.get_connection_info().items() if name.endswith("_port")}
            (kc := km.client()).start_channels()
            kc.wait_for_ready(timeout=timeout)
            r["seconds"], values = time.monotonic() - t0, []
            reply = kc.execute_interactive(CODE, timeout=timeout, output_hook=lambda m: values.append(
                result_text(m["content"])) if m["msg_type"] == "execute_result" else None)
            if reply["content"].get("status") != "ok" or values != [EXPECTED]:
                raise RuntimeError(f"`{CODE}`: status {reply['content'].get('status')!r}, results {values}")
            for name, good in PATCH_CHECKS.items() if index == 1 else ():
                try:
                    r["checks"][name] = good(kc, timeout)
                except Exception:  # no reply in time
                    r["checks"][name] = False
            if failed := [name for name, ok in r["checks"].items() if not ok]:
                raise RuntimeError("kernel started, but failed: " + ", ".join(failed))
            r["ok"] = True
        except Exception as e:  # this start failed; the others go on
            r["error"] = f"{type(e).__name__}: {e}"
            if r.get("ports") and shutil.which("ss"):  # the TCP sockets on the kernel's ports, to see what each one reached
                r["error"] += "".join(f"\n  {line}" for line in subprocess.run(["ss", "-tanp"], capture_output=True, text=True).stdout
                                      .splitlines() if any(f":{port} " in line for port in r["ports"]))
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
    # Threads, not processes: all starts then take their ports from jupyter_client's one LocalPortCache, as a notebook
    # server's kernels do. With a cache per process two starts could get the same port (9 in 8000 starts of two
    # processes that pick ports as jupyter_client does), and the kernel that bound it second failed to start.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(one_start, i, args.timeout, log_dir) for i in range(1, args.starts + 1)]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            results.append(future.result())
            if not results[-1]["ok"] or done % 10 == 0:
                print(f"  {done}/{args.starts} done, {sum(not x['ok'] for x in results)} failed"
                      f" ({time.monotonic() - t0:.0f} s)", flush=True)
    passed, failed = report(sorted(results, key=lambda r: r["index"]), "jupyter_client, 2 at a time")
    print(f"({time.monotonic() - t0:.0f} s; logs of failed starts in {log_dir})")
    print(f"kernel start test: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
