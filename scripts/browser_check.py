#!/usr/bin/python3
"""Open HTML pages from disk in headless Chromium, offline, and check that every plot drew.

    /usr/bin/python3 scripts/browser_check.py [--strict] [--min-plots N] --out build/test/browser PAGE.html ...
    /usr/bin/python3 scripts/browser_check.py --self-test --out build/test/browser/self-test

One Chromium (every request sent to a closed proxy port, every host name unresolvable) opens each page in a fresh
browser context and waits until each <div class="gan-figure"> holds a plotly chart (an svg.main-svg with a drawn
trace group or heatmap image), or nothing changed for --settle seconds. One line per page, exit status 1 if any
failed, a full-page screenshot <out>/<page name>.png:

    PASS build/book/01-intro.html (7 plots, 2.1 s, screenshot …)
    FAIL build/book/02-gan.html: gan-fig-abc-3: no svg.main-svg (text: "plotly.js is not loaded ...")

JavaScript errors and network attempts are WARN lines (--strict: failures). Chromium is driven over
--remote-debugging-pipe (NUL-ended JSON on file descriptors 3 and 4): only the standard library is needed.
--self-test checks that a good page passes and a broken figure, a missing plotly.js, an empty plot and a page that
needs the network fail.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
WIDTH = 1280
FIGURE_PROBE = r"""Array.from(document.querySelectorAll('div.gan-figure')).map(div => ({
  id: div.id, svg: !!div.querySelector('svg.main-svg'),
  traces: div.querySelectorAll('g.trace, g.hm image, g.imagelayer image').length,
  data: Array.isArray(div.data) ? div.data.length : -1, text: (div.innerText || '').trim().slice(0, 160)}))"""


class Browser:
    """One headless Chromium, spoken to over --remote-debugging-pipe."""

    def __init__(self, timeout):
        self.timeout, self.next_id, self.replies, self.events, self.closed = timeout, 0, {}, [], False
        self.profile, self.log = tempfile.mkdtemp(prefix="browser-check-profile-"), tempfile.TemporaryFile()
        commands, self.to_chrome = os.pipe()
        self.from_chrome, answers = os.pipe()
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
             "--host-resolver-rules=MAP * ~NOTFOUND", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
             "--mute-audio", "--hide-scrollbars", "--user-data-dir=" + self.profile, f"--window-size={WIDTH},900",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
            pass_fds=(3, 4), preexec_fn=lambda: (os.dup2(commands, 3), os.dup2(answers, 4)))
        os.close(commands)
        os.close(answers)
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        while chunk := os.read(self.from_chrome, 1 << 20):
            *messages, buf = (buf + chunk).split(b"\0")
            with self.cond:
                for msg in map(json.loads, messages):
                    (self.events.append(msg) if "id" not in msg else self.replies.__setitem__(msg["id"], msg))
                self.cond.notify_all()
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def send(self, method, params=None, session=None, timeout=None):
        self.next_id += 1
        msg_id, timeout = self.next_id, timeout or self.timeout
        os.write(self.to_chrome, json.dumps({"id": msg_id, "method": method, "params": params or {},
                                             **({"sessionId": session} if session else {})}).encode() + b"\0")
        with self.cond:
            self.cond.wait_for(lambda: msg_id in self.replies or self.closed, timeout)
            if msg_id not in self.replies:
                self.log.seek(0)
                raise RuntimeError(f"Chromium did not answer {method} within {timeout:.0f} s" + (
                    "; it exited: " + self.log.read().decode(errors="replace")[-500:] if self.closed else ""))
            reply = self.replies.pop(msg_id)
        if "error" in reply:
            raise RuntimeError(f"{method} failed: {reply['error'].get('message')}")
        return reply.get("result", {})

    def wait_event(self, method, session, timeout):
        with self.cond:
            return self.cond.wait_for(lambda: any(e.get("method") == method and e.get("sessionId") == session
                                                  for e in self.events) or self.closed, timeout) and not self.closed

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except RuntimeError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        for fd in (self.to_chrome, self.from_chrome):
            os.close(fd)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


def check_page(browser, page, out_dir, strict=False, min_plots=0, settle=3.0):
    """Opens page in a fresh browser context; returns (ok, line, warnings)."""
    page, start, warnings, figures = Path(page), time.monotonic(), [], []
    if not page.is_file():
        return False, f"FAIL {page}: no such file", []
    context = browser.send("Target.createBrowserContext")["browserContextId"]
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank", "browserContextId": context})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            browser.send(domain + ".enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": 900, "deviceScaleFactor": 1,
                                                            "mobile": False}, session=session)
        browser.send("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
        if not browser.wait_event("Page.loadEventFired", session, browser.timeout):
            return False, f"FAIL {page}: the page did not finish loading within {browser.timeout:.0f} s", warnings
        # plotly draws synchronously once its script ran: a figure not drawn after `settle` seconds without a change
        # and without a pending request (a figure loads plotly.js after the load event) never will
        deadline, previous, stable_since = time.monotonic() + browser.timeout, None, time.monotonic()
        while True:
            figures = browser.send("Runtime.evaluate", {"expression": FIGURE_PROBE, "returnByValue": True},
                                   session=session).get("result", {}).get("value") or []
            with browser.cond:
                requests = {e.get("method"): set() for e in browser.events}
                for e in browser.events:
                    if e.get("sessionId") == session:
                        requests[e["method"]].add(e.get("params", {}).get("requestId"))
            pending = requests.get("Network.requestWillBeSent", set()) - requests.get("Network.loadingFinished", set()) \
                - requests.get("Network.loadingFailed", set())
            now = time.monotonic()
            if figures != previous or pending:
                previous, stable_since = figures, now
            if all(f["svg"] and f["traces"] for f in figures) or now - stable_since > settle or now > deadline:
                break
            time.sleep(0.25)
        time.sleep(0.3)  # plotly's asynchronous finish (fonts, legends) before the screenshot
        with browser.cond:
            events = [e for e in browser.events if e.get("sessionId") == session]
            browser.events = [e for e in browser.events if e.get("sessionId") != session]
        for e in events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                text = d.get("exception", {}).get("description") or d.get("text", "")
                warnings.append("JavaScript error: " + (text.splitlines() or [""])[0])
            elif e.get("method") == "Network.requestWillBeSent":
                url = p.get("request", {}).get("url", "")
                if not url.startswith(("file:", "data:", "about:", "blob:")):
                    warnings.append(f"tried the network (blocked): {url[:120]}")
        size = browser.send("Page.getLayoutMetrics", session=session).get("cssContentSize")
        png = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
            "x": 0, "y": 0, "width": max(WIDTH, int(size["width"])), "height": min(30000, int(size["height"]) + 1),
            "scale": 1}}, session=session)
        out_dir.mkdir(parents=True, exist_ok=True)
        shot = out_dir / (page.stem + ".png")
        shot.with_suffix(".png.tmp").write_bytes(base64.b64decode(png["data"]))
        os.replace(shot.with_suffix(".png.tmp"), shot)
    except RuntimeError as e:
        return False, f"FAIL {page}: {e}", warnings
    finally:
        try:
            browser.send("Target.disposeBrowserContext", {"browserContextId": context}, timeout=10)
        except RuntimeError:
            pass
    problems = [f'{f["id"]}: no svg.main-svg (text: "{f["text"]}")' if not f["svg"] else
                f'{f["id"]}: an empty plot, no trace drawn ({f["data"]} traces in its data)'
                for f in figures if not (f["svg"] and f["traces"])]
    if len(figures) < min_plots:
        problems.append(f"{len(figures)} plots, expected at least {min_plots}")
    problems += warnings if strict else []
    if problems:
        return False, f"FAIL {page}: {'; '.join(problems)}", warnings
    return True, f"PASS {page} ({len(figures)} plots, {time.monotonic() - start:.1f} s, screenshot {shot})", warnings


def run(browser, pages, out_dir, strict, min_plots, settle):
    failed = 0
    for page in pages:
        ok, line, warnings = check_page(browser, page, out_dir, strict, min_plots, settle)
        for w in warnings:
            print(f"WARN {page}: {w}")
        print(line, flush=True)
        failed += not ok
    print(f"browser check: {len(pages) - failed} passed, {failed} failed")
    return failed


def figure(div_id, body):
    return (f'<div class="gan-figure" id="{div_id}" style="width:500px;height:300px"></div>\n'
            f"<script>(function () {{ var div = document.getElementById('{div_id}');\n"
            f"if (!window.Plotly) {{ div.textContent = 'plotly.js is not loaded in this page'; return; }}\n{body}\n}})();"
            "</script>\n")


def self_test(browser, out_dir, plotly_file):
    if plotly_file:
        plotly = Path(plotly_file).read_text(encoding="utf-8")
    else:
        jars = sorted((Path(__file__).resolve().parent.parent / "lib/target/deps").glob("plotly.js-dist-2*.jar"))
        if not jars:
            sys.exit("self-test needs plotly.js: build lib/ (mvn package) or pass --plotly FILE")
        with zipfile.ZipFile(jars[-1]) as z:
            plotly = z.read(next(n for n in z.namelist() if n.endswith("/plotly.js"))).decode("utf-8")
    head = "<script>(function (define, module, exports) {\n%s\n}).call(window);</script>" % plotly.replace("</", "<\\/")
    good = "Plotly.newPlot(div, [{type: 'scatter', x: [1, 2, 3], y: [2, 1, 3], name: 'ok'}], {title: 'good'});"
    pages = {"good": (True, head + figure("good-1", good) + figure("good-2", good.replace("scatter", "bar"))),
             "broken-figure": (False, head + figure("good-1", good) + figure("broken-1", "undefinedFunction(div);")),
             "no-plotly": (False, figure("lonely-1", good)),
             "empty-plot": (False, head + figure("empty-1", "Plotly.newPlot(div, [], {title: 'nothing'});")),
             "needs-network": (False, '<script src="https://cdn.plot.ly/plotly-2.35.3.min.js"></script>'
                               + figure("cdn-1", good))}
    work, wrong = Path(tempfile.mkdtemp(prefix="browser-check-self-test-")), []
    try:
        for name, (should_pass, body) in pages.items():
            path = work / (name + ".html")
            path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>")
            ok, line, _ = check_page(browser, path, out_dir, min_plots=1)
            print(f"self-test {name:<14} {'as expected' if ok == should_pass else 'WRONG'}: "
                  + line.replace(str(path), name)[:220], flush=True)
            wrong += [f"{name}: {line}"] if ok != should_pass else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if wrong:
        print("SELF-TEST FAILED: " + " | ".join(wrong))
        return 1
    print("SELF-TEST PASSED: the good page passes; broken figure, missing plotly.js, empty plot and CDN-only pages fail")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="HTML files to open from disk")
    parser.add_argument("--out", default="build/test/browser", help="folder for the screenshots")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page to load and draw")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds without change after which undrawn figures fail")
    parser.add_argument("--strict", action="store_true", help="JavaScript errors and network attempts fail the page")
    parser.add_argument("--min-plots", type=int, default=0, help="fail a page with fewer plots")
    parser.add_argument("--self-test", action="store_true", help="check that this checker fails broken pages")
    parser.add_argument("--plotly", help="plotly.js file for --self-test (default: from the webjar)")
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"{CHROMIUM} not found: apt-get install chromium")
    if not args.pages and not args.self_test:
        parser.error("give at least one page, or --self-test")
    browser = Browser(args.timeout)
    try:
        if args.self_test:
            return self_test(browser, Path(args.out), args.plotly)
        return 1 if run(browser, args.pages, Path(args.out), args.strict, args.min_plots, args.settle) else 0
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
