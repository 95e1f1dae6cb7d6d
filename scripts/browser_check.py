#!/usr/bin/python3
"""Open HTML pages from disk in headless Chromium, offline, and check that every plot drew.

    /usr/bin/python3 scripts/browser_check.py --out build/test/browser PAGE.html [PAGE.html ...]
    /usr/bin/python3 scripts/browser_check.py --self-test --out build/test/browser/self-test

For each page: a fresh Chromium (fresh profile, every network request sent to a closed proxy port and
every host name unresolvable) loads the file, and the script waits until each <div class="gan-figure">
holds a plotly chart (an svg.main-svg with at least one drawn trace group) or the timeout passes. It
prints one line per page and exits 1 if any page failed:

    PASS build/book/01-intro.html (7 plots, 2.1 s)
    FAIL build/book/02-gan.html: gan-fig-abc-3: no svg.main-svg (text: "plotly.js is not loaded ...")

and saves a full-page screenshot as <out>/<page name>.png. JavaScript errors and attempted network
requests are printed as WARN lines; --strict makes them failures too.

Chromium is driven through the DevTools protocol over a pipe (--remote-debugging-pipe: JSON messages
ending in NUL on file descriptors 3 and 4), so only the Python standard library is needed.
--self-test builds a good page, a page with a broken figure, a page without plotly.js and a page whose
figure needs the network, and checks that exactly the good one passes.
"""

import argparse
import base64
import fcntl
import glob
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
CLOSED_PORT_PROXY = "127.0.0.1:9"  # discard port, nothing listens: every proxied request fails
DEFAULT_TIMEOUT = 60.0   # seconds for a page to load
DEFAULT_SETTLE = 3.0     # seconds without any change after which undrawn figures count as failed
SCREENSHOT_WIDTH = 1280
MAX_SCREENSHOT_HEIGHT = 30000

# Runs in the page: one record per .gan-figure div. plotly draws each trace as a group of class
# "trace" (scatter, bar, ...) or, for heatmaps, an <image> in the heatmap layer.
FIGURE_PROBE = r"""
(() => Array.from(document.querySelectorAll('div.gan-figure')).map(div => {
  const svg = div.querySelector('svg.main-svg');
  const traces = div.querySelectorAll('g.trace').length + div.querySelectorAll('g.hm image, g.imagelayer image').length;
  return {
    id: div.id,
    svg: !!svg,
    traces: traces,
    data: Array.isArray(div.data) ? div.data.length : -1,
    text: (div.innerText || '').trim().slice(0, 160)
  };
}))()
"""


class Browser:
    """One headless Chromium process, spoken to over --remote-debugging-pipe."""

    def __init__(self, timeout, offline=True):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="browser-check-profile-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def child_fds():  # Chromium reads commands on fd 3 and writes replies on fd 4
            a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
            "--user-data-dir=" + self.profile,
            "--window-size=%d,900" % SCREENSHOT_WIDTH,
            "--remote-debugging-pipe", "about:blank",
        ]
        if offline:  # every request goes to a closed port, every host name fails to resolve
            args[1:1] = ["--proxy-server=" + CLOSED_PORT_PROXY, "--proxy-bypass-list=<-loopback>",
                         "--host-resolver-rules=MAP * ~NOTFOUND"]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, preexec_fn=child_fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id = 0
        self.replies = {}
        self.events = []
        self.cond = threading.Condition()
        self.stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace").rstrip())

    def _read(self):
        buf = b""
        while True:
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                break
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                with self.cond:
                    if "id" in msg:
                        self.replies[msg["id"]] = msg
                    else:
                        self.events.append(msg)
                    self.cond.notify_all()
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    closed = False

    def send(self, method, params=None, session=None, timeout=None):
        self.next_id += 1
        msg_id = self.next_id
        msg = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        with self.cond:
            while msg_id not in self.replies:
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    raise RuntimeError("Chromium did not answer %s within %.0f s%s" % (
                        method, timeout or self.timeout, "; it exited: " + " | ".join(self.stderr[-5:]) if self.closed else ""))
                self.cond.wait(left)
            reply = self.replies.pop(msg_id)
        if "error" in reply:
            raise RuntimeError("%s failed: %s" % (method, reply["error"].get("message")))
        return reply.get("result", {})

    def wait_event(self, method, session, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for e in self.events:
                    if e.get("method") == method and e.get("sessionId") == session:
                        return e
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    return None
                self.cond.wait(left)

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_chrome, self.from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def check_page(page, out_dir, timeout, strict, min_plots, settle=DEFAULT_SETTLE):
    """Returns (ok, line, warnings)."""
    page = Path(page)
    if not page.is_file():
        return False, "FAIL %s: no such file" % page, []
    start = time.monotonic()
    browser = Browser(timeout)
    warnings = []
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            browser.send(domain + ".enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": SCREENSHOT_WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.send("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
        if browser.wait_event("Page.loadEventFired", session, timeout) is None:
            return False, "FAIL %s: the page did not finish loading within %.0f s" % (page, timeout), warnings

        # Wait until every figure drew, or nothing changed for `settle` seconds (a figure that has not
        # drawn by then never will: plotly draws synchronously once its script runs), then judge.
        deadline = time.monotonic() + timeout
        figures, previous, stable_since = [], None, time.monotonic()
        while True:
            result = browser.send("Runtime.evaluate", {"expression": FIGURE_PROBE, "returnByValue": True}, session=session)
            figures = result.get("result", {}).get("value") or []
            now = time.monotonic()
            if figures != previous:
                previous, stable_since = figures, now
            if all(f["svg"] and f["traces"] > 0 for f in figures) or now - stable_since > settle or now > deadline:
                break
            time.sleep(0.25)
        time.sleep(0.3)  # let plotly finish its asynchronous drawing (fonts, legends) before the screenshot

        for e in browser.events:
            if e.get("sessionId") != session:
                continue
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                text = d.get("exception", {}).get("description") or d.get("text", "")
                warnings.append("JavaScript error: %s" % text.splitlines()[0] if text else "JavaScript error")
            elif m == "Network.requestWillBeSent":
                url = p.get("request", {}).get("url", "")
                if not url.startswith(("file:", "data:", "about:", "blob:")):
                    warnings.append("tried the network (blocked): %s" % url[:120])

        out_dir.mkdir(parents=True, exist_ok=True)
        shot = out_dir / (page.stem + ".png")
        metrics = browser.send("Page.getLayoutMetrics", session=session)
        size = metrics.get("cssContentSize") or metrics.get("contentSize")
        height = min(MAX_SCREENSHOT_HEIGHT, int(size["height"]) + 1)
        width = max(SCREENSHOT_WIDTH, int(size["width"]))
        png = browser.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}, session=session)
        tmp = shot.with_suffix(".png.tmp")
        tmp.write_bytes(base64.b64decode(png["data"]))
        os.replace(tmp, shot)
    except RuntimeError as e:
        return False, "FAIL %s: %s" % (page, e), warnings
    finally:
        browser.close()

    elapsed = time.monotonic() - start
    problems = []
    for f in figures:
        if not f["svg"]:
            problems.append('%s: no svg.main-svg (text: "%s")' % (f["id"], f["text"]))
        elif f["traces"] == 0:
            problems.append("%s: an empty plot, no trace drawn (%d traces in its data)" % (f["id"], f["data"]))
    if len(figures) < min_plots:
        problems.append("%d plots, expected at least %d" % (len(figures), min_plots))
    if strict and warnings:
        problems.extend(warnings)
    if problems:
        return False, "FAIL %s: %s" % (page, "; ".join(problems)), warnings
    return True, "PASS %s (%d plots, %.1f s, screenshot %s)" % (page, len(figures), elapsed, shot), warnings


def run(pages, out_dir, timeout, strict, min_plots, settle):
    failed = 0
    for page in pages:
        ok, line, warnings = check_page(page, out_dir, timeout, strict, min_plots, settle)
        for w in warnings:
            print("WARN %s: %s" % (page, w))
        print(line, flush=True)
        failed += not ok
    return failed


# ------------------------------------------------------------------ self-test

def find_plotly(explicit):
    if explicit:
        return Path(explicit).read_text(encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    jars = sorted(glob.glob(str(root / "lib/target/deps/plotly.js-dist-2*.jar"))) or sorted(glob.glob(
        os.path.expanduser("~/.m2/repository/org/webjars/npm/plotly.js-dist/2.35.3/plotly.js-dist-2.35.3.jar")))
    if not jars:
        sys.exit("self-test needs plotly.js: build lib/ (mvn package) or pass --plotly FILE")
    with zipfile.ZipFile(jars[-1]) as z:
        name = next(n for n in z.namelist() if n.endswith("/plotly.js"))
        return z.read(name).decode("utf-8")


def figure(div_id, body):
    return ('<div class="gan-figure" id="%s" style="width:500px;height:300px"></div>\n'
            "<script>(function () { var div = document.getElementById('%s');\n"
            "if (!window.Plotly) { div.textContent = 'plotly.js is not loaded in this page'; return; }\n%s\n})();</script>\n"
            % (div_id, div_id, body))


GOOD_PLOT = "Plotly.newPlot(div, [{type: 'scatter', x: [1, 2, 3], y: [2, 1, 3], name: 'ok'}], {title: 'good'});"


def self_test(out_dir, timeout, plotly_file):
    plotly = find_plotly(plotly_file).replace("</", "<\\/")
    head = "<script>(function (define, module, exports) {\n%s\n}).call(window);</script>" % plotly
    pages = {
        "good": (True, head + figure("good-1", GOOD_PLOT) + figure("good-2", GOOD_PLOT.replace("scatter", "bar"))),
        "broken-figure": (False, head + figure("good-1", GOOD_PLOT) + figure("broken-1", "undefinedFunction(div);")),
        "no-plotly": (False, figure("lonely-1", GOOD_PLOT)),
        "empty-plot": (False, head + figure("empty-1", "Plotly.newPlot(div, [], {title: 'nothing'});")),
        "needs-network": (False, '<script src="https://cdn.plot.ly/plotly-2.35.3.min.js"></script>' + figure("cdn-1", GOOD_PLOT)),
    }
    work = Path(tempfile.mkdtemp(prefix="browser-check-self-test-"))
    wrong = []
    try:
        for name, (should_pass, body) in pages.items():
            path = work / (name + ".html")
            path.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>%s</body></html>" % body,
                            encoding="utf-8")
            ok, line, warnings = check_page(path, out_dir, timeout, strict=False, min_plots=1)
            verdict = "as expected" if ok == should_pass else "WRONG"
            print("self-test %-14s %s: %s" % (name, verdict, line.replace(str(path), name)[:220]), flush=True)
            if ok != should_pass:
                wrong.append(name + ": " + line)
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
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per page to load and draw")
    parser.add_argument("--settle", type=float, default=DEFAULT_SETTLE,
                        help="seconds without change after which undrawn figures fail")
    parser.add_argument("--strict", action="store_true", help="JavaScript errors and network attempts fail the page")
    parser.add_argument("--min-plots", type=int, default=0, help="fail a page with fewer plots")
    parser.add_argument("--self-test", action="store_true", help="check that this checker fails broken pages")
    parser.add_argument("--plotly", help="plotly.js file for --self-test (default: from the webjar)")
    args = parser.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit("%s not found: apt-get install chromium" % CHROMIUM)
    out_dir = Path(args.out)
    if args.self_test:
        sys.exit(self_test(out_dir, args.timeout, args.plotly))
    if not args.pages:
        parser.error("give at least one page, or --self-test")
    sys.exit(1 if run(args.pages, out_dir, args.timeout, args.strict, args.min_plots, args.settle) else 0)


if __name__ == "__main__":
    main()
