"""`make test`: the library's unit tests, every notebook on a fresh kernel, and checks of the output.

    scripts/jupyter-python scripts/test.py        (NB="6-5 6-7": only those notebooks, for a quick check by hand)

unit tests      `mvn test` in lib/; every test case in lib/target/surefire-reports counts
kernel starts   scripts/kernel_start_test.py: KERNEL_STARTS (100) starts with jupyter_client and one through a notebook
                server; the kernel reports the language_info the notebooks carry        (beside the unit tests)
static checks   each notebook is committed clean (no outputs or execution counts, the Java kernelspec and its
                language_info, `%jars ../lib/target/gan.jar` first, a heading); README.md shows the commands .ci/run
                runs, lists every notebook and has the glossary
notebooks       each on a fresh kernel into build/test/executed/, exported to build/test/book/
second runs     each notebook that declares metadata.gan.second_run (every lecture notebook 6-* must) again with that
                code injected after its parameters cell (scripts/second_run.py), into build/test/second/
                (notebooks and second runs share one pool, NB_JOBS at a time)
frontends       scripts/browser_check.mjs in JupyterLab and Notebook 7: the gallery Run All twice, saved, reloaded, every
                figure drawn (and 6-6 once in JupyterLab); a small notebook opened LAB_STARTS (10) times with a fresh
                kernel and restarted LAB_STARTS times                               (beside the notebooks)
pages offline   each exported page loads nothing from the network and every local file it loads or links exists
browser         scripts/browser_check.mjs opens the pages with figures in headless Chromium: every figure draws

Every item prints a line; failures are repeated at the end, then the wall and CPU seconds per group, `make test took
N s`, and the last line `N passed, N failed`. Exit status 1 when anything failed.
"""
import contextlib
import html.parser
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import book
import second_run

ROOT, TEST_ROOT = book.ROOT, book.BUILD / "test"
SCRIPTS = ROOT / "scripts"
NPM_DIR = book.BUILD / "npm"
KERNEL_STARTS = os.environ.get("KERNEL_STARTS", "100")
LAB_STARTS = os.environ.get("LAB_STARTS", "10")


def cpu_seconds():
    return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


class Tally:
    """Every test item, passed or failed, by group; failures keep their line for the recap; wall and CPU seconds."""

    def __init__(self):
        self.groups = {g: [0, 0] for g in ("unit tests", "static checks", "kernel starts", "notebooks", "second runs",
                                           "pages offline", "browser", "frontends")}
        self.failures, self.seconds, self.lock = [], {}, threading.Lock()

    def add(self, group, ok, failure_line=None, count=1):
        with self.lock:
            self.groups.setdefault(group, [0, 0])[0 if ok else 1] += count
            if not ok and failure_line:
                self.failures.append(failure_line)

    def add_counts(self, group, output, label):
        """Adds a sub-test's last `N passed, N failed` line and its FAIL lines; False when it printed none."""
        found = re.findall(r"(\d+) passed, (\d+) failed", output)
        if not found:
            return False
        passed, failed = map(int, found[-1])
        fails = [f"{line.strip()} ({label})" for line in output.splitlines() if line.strip().startswith("FAIL")]
        self.add(group, True, count=passed)
        self.add(group, False, count=failed)
        with self.lock:
            self.failures += fails or ([f"FAIL {label}: {failed} failed"] if failed else [])
        return True

    @contextlib.contextmanager
    def timed(self, name):
        """Wall and CPU seconds (this process and the children it waited for) of the block; the CPU of blocks that
        ran side by side is counted in each of them."""
        wall, cpu = time.monotonic(), cpu_seconds()
        try:
            yield
        finally:
            self.seconds[name] = (time.monotonic() - wall, cpu_seconds() - cpu)


def heading(text, say=print):
    say(f"== {text}")


def first_line(text):
    return next((line.strip() for line in (text or "").splitlines() if line.strip()), "")


def side_by_side(*tasks):
    """Runs the tasks (functions of `say`) at once; the first prints as it goes, each other one's lines are printed
    together when it ends. An exception in any of them is raised again once all ended."""
    lines, errors = [[] for _ in tasks], []

    def buffered(i):
        try:
            tasks[i](lines[i].append)
        except BaseException as e:
            errors.append(e)
        print("\n".join(lines[i]), flush=True)
    threads = [threading.Thread(target=buffered, args=(i,)) for i in range(1, len(tasks))]
    for t in threads:
        t.start()
    try:
        tasks[0](lambda line: print(line, flush=True))
    finally:
        for t in threads:
            t.join()
    if errors:
        raise errors[0]


# ---------------------------------------------------------------------------------------------------
# Unit tests, static checks

def unit_tests(tally, say):
    log, surefire = TEST_ROOT / "mvn-test.log", book.LIB_TARGET / "surefire-reports"
    shutil.rmtree(surefire, ignore_errors=True)
    with tally.timed("unit tests"), open(log, "wb") as out:
        code = subprocess.run(os.environ.get("MVN", "mvn").split() + ["-B", "test"], cwd=ROOT / "lib", stdout=out,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
    heading(f"unit tests: mvn test (log: {book.rel(log)})", say)
    per_class, failed = {}, 0
    for report in sorted(surefire.glob("TEST-*.xml")):
        for case in ET.parse(report).getroot().iter("testcase"):
            counts = per_class.setdefault(case.get("classname"), [0, 0, 0])
            problem = case.find("failure") if case.find("failure") is not None else case.find("error")
            if case.find("skipped") is not None:
                counts[2] += 1
                continue
            counts[0 if problem is None else 1] += 1
            line = None if problem is None else (f"FAIL unit test {case.get('classname')}.{case.get('name')}: "
                                                 + (first_line(problem.get("message")) or first_line(problem.text)
                                                    or problem.get("type", "")))
            if line:
                say("  " + line)
                failed += 1
            tally.add("unit tests", problem is None, line)
    for cls, (ok, bad, skipped) in sorted(per_class.items()):
        say(f"  {cls}: {ok} passed" + (f", {bad} failed" if bad else "") + (f", {skipped} skipped" if skipped else ""))
    if code != 0 and failed == 0:
        errors = [book.ANSI.sub("", line).rstrip() for line in log.read_text(errors="replace").splitlines()
                  if line.startswith("[ERROR]") or "\x1b[1;31mERROR" in line]
        line = f"FAIL mvn test exited with {code}: {first_line(errors[0][7:]) if errors else 'see the log'} ({book.rel(log)})"
        for text in ["  " + line] + ["    " + e for e in errors[:20]]:
            say(text)
        tally.add("unit tests", False, line)
    say(f"  {sum(c[0] + c[1] for c in per_class.values())} test cases, {failed} failed "
        f"({tally.seconds['unit tests'][0]:.1f} s)")


def notebook_problems(path):
    """What makes a committed notebook unfit: outputs, execution counts, wrong kernel or language_info, no %jars first."""
    import nbformat
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # unreadable JSON, schema violations
        return [f"not a valid notebook: {type(e).__name__}: {first_line(str(e))}"]
    problems = []
    if nb.metadata.get("kernelspec", {}).get("name") != book.KERNEL_NAME:
        problems.append(f'kernelspec name is {nb.metadata.get("kernelspec", {}).get("name")!r}, not "{book.KERNEL_NAME}"')
    if dict(nb.metadata.get("language_info", {})) != book.LANGUAGE_INFO:
        problems.append(f"metadata.language_info is {dict(nb.metadata.get('language_info', {}))}, not what the kernel "
                        f"reports ({book.LANGUAGE_INFO}): JupyterLab would mark it modified on open")
    code = [(i, c) for i, c in enumerate(nb.cells, start=1) if c.cell_type == "code"]
    for i, cell in code:
        if cell.get("outputs"):
            problems.append(f"cell {i} has {len(cell.outputs)} output{'s' if len(cell.outputs) != 1 else ''}")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i} has execution count {cell.execution_count}")
    if not code or not code[0][1].source.strip().startswith("%jars ../lib/target/gan.jar"):
        problems.append("the first code cell is not `%jars ../lib/target/gan.jar`")
    if book.first_heading(nb, None) is None:
        problems.append("no markdown heading (the book takes the title from the first one)")
    return problems


def static_checks(tally, sources):
    heading("static checks")
    for source in sources:
        problems = notebook_problems(source)
        line = (f"FAIL notebooks/{source.name} is not committed clean: {'; '.join(problems)} (make strip removes outputs)"
                if problems else None)
        print("  " + (line or f"ok   notebooks/{source.name} committed clean"))
        tally.add("static checks", not problems, line)
    readme = (ROOT / "README.md").read_text(encoding="utf-8") if (ROOT / "README.md").is_file() else ""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8") if (ROOT / ".ci" / "run").is_file() else ""
    blocks, problems = re.findall(r"```[a-z]*\n(.*?)```", readme, re.S), []
    if not blocks or "make test" not in blocks[0] or "make run" not in blocks[0]:
        problems.append("README.md's first code block does not show `make run` and `make test`")
    if not re.search(r"^\s*(exec\s+)?make test\b", ci, re.M):
        problems.append(".ci/run does not run `make test`")
    if book.glossary_html().count("<tr>") < 2:
        problems.append("README.md has no glossary table after its `<!-- glossary` comment (the book's index shows it)")
    if missing := [s.name for s in book.list_notebooks() if s.name not in readme]:
        problems.append(f"README.md's table does not list {', '.join(missing)}")
    line = f"FAIL README.md and .ci/run: {'; '.join(problems)}" if problems else None
    print("  " + (line or "ok   README.md shows the commands .ci/run runs and lists every notebook"))
    tally.add("static checks", not problems, line)


# ---------------------------------------------------------------------------------------------------
# Pages load nothing from the network

NETWORK = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
NOT_A_FILE = re.compile(r"^\s*(?:#|data:|javascript:|mailto:|about:|blob:)|^\s*$", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)


class PageScanner(html.parser.HTMLParser):
    """What a page loads (src, data, poster, background, link/base href, srcset, CSS url() and @import) and links to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads, self.links, self.styles, self.in_style = [], [], [], False

    def handle_starttag(self, tag, attrs):
        for name, value in (a for a in attrs if a[1] is not None):
            if name in ("src", "data", "poster", "background") or (name == "href" and tag in ("link", "base")):
                self.loads.append((tag, name, value))
            elif name == "srcset":
                self.loads += [(tag, name, part.strip().split(" ")[0]) for part in value.split(",") if part.strip()]
            elif name == "href":
                self.links.append((tag, name, value))
            elif name == "style":
                self.styles.append(value)
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)


def page_problems(page):
    text = page.read_text(encoding="utf-8", errors="replace")
    scanner = PageScanner()
    scanner.feed(text)
    loads = scanner.loads + [("style", "url", m.group(2) if m.group(2) is not None else m.group(4))
                             for css in scanner.styles for m in CSS_URL.finditer(css)]
    problems = [f"<{tag} {attr}> loads {url[:120]} from the network" for tag, attr, url in loads if NETWORK.match(url)]
    for (tag, attr, url), verb in [(load, "loads") for load in loads] + [(link, "links to") for link in scanner.links]:
        path = re.split(r"[?#]", url, maxsplit=1)[0]
        if not NETWORK.match(url) and not NOT_A_FILE.match(url) and path and not (page.parent / path).exists():
            problems.append(f"<{tag} {attr}> {verb} {url[:120]}, which does not exist")
    if book.GAN_PLOTLY_OPEN.search(text):
        problems.append('an inline <script class="gan-plotly"> block is left in the page')
    return problems


def check_pages(tally, pages):
    heading("pages load nothing from the network")
    for page in pages:
        problems = page_problems(page) if page.is_file() else ["not written"]
        line = (f"FAIL {book.rel(page)}: {'; '.join(problems[:5])}" + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else "")
                if problems else None)
        print("  " + (line or f"ok   {book.rel(page)}"))
        tally.add("pages offline", not problems, line)


# ---------------------------------------------------------------------------------------------------
# Sub-tests: kernel starts, browser check, frontends

def run_sub_test(tally, group, label, argv, say=print, env=None, timeout=1800):
    """Runs a sub-test, echoes its output, and counts its `N passed, N failed`; no such line is a failure."""
    start = time.monotonic()
    try:
        done = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout, env=env)
        output, code = done.stdout, done.returncode
    except subprocess.TimeoutExpired as e:
        output, code = e.stdout if isinstance(e.stdout, str) else "", f"timeout ({timeout} s)"
    for line in output.splitlines():
        say("  " + line)
    if not tally.add_counts(group, output, label) or code not in (0, 1):
        line = f"FAIL {label}: exited with {code} without a result line"
        say("  " + line)
        tally.add(group, False, line)
    say(f"  ({time.monotonic() - start:.0f} s)")


def kernel_starts(tally, say):
    with tally.timed("kernel starts"):
        heading(f"the Java kernel starts every time: {KERNEL_STARTS} starts, and one through a notebook server", say)
        from jupyter_client.manager import start_new_kernel
        try:
            km, kc = start_new_kernel(kernel_name=book.KERNEL_NAME, startup_timeout=60,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                info = kc.kernel_info(reply=True, timeout=30)["content"].get("language_info")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            line = None if info == book.LANGUAGE_INFO else \
                f"FAIL the kernel reports language_info {info}, the notebooks carry {book.LANGUAGE_INFO}"
        except Exception as e:
            line = f"FAIL language_info check: {type(e).__name__}: {first_line(str(e))}"
        say("  " + (line or "ok   the kernel reports the language_info the notebooks carry"))
        tally.add("kernel starts", line is None, line)
        run_sub_test(tally, "kernel starts", "kernel start test",
                     [sys.executable, "scripts/kernel_start_test.py", "--starts", KERNEL_STARTS,
                      "--log-dir", book.rel(TEST_ROOT / "kernel-starts")], say)


def browser_check(tally, pages):
    """The exported pages that have figures, in headless Chromium; none, or no checker, is a failure."""
    with_figures = [p for p in pages if p.is_file() and book.GAN_FIGURE.search(p.read_text(encoding="utf-8", errors="replace"))]
    heading(f"browser check: {len(with_figures)} page{'s' if len(with_figures) != 1 else ''} with figures "
            "(scripts/browser_check.mjs)")
    if not with_figures:
        print("  FAIL no exported page has a figure")
        return tally.add("browser", False, "FAIL browser check: no exported page has a figure")
    run_sub_test(tally, "browser", "browser check", ["node", "scripts/browser_check.mjs", "pages", "--min-plots", "1",
                                                      "--out", book.rel(TEST_ROOT / "browser")]
                 + [book.rel(p) for p in with_figures], timeout=900)


def playwright_core():
    """build/npm/node_modules/playwright-core, installed with `npm ci` from scripts/npm/ when missing or when the lock
    file changed (never a browser: the tests use /usr/bin/chromium)."""
    installed, stamp = NPM_DIR / "node_modules" / "playwright-core", NPM_DIR / ".lock-sha256"
    key = book.sha256_file(SCRIPTS / "npm" / "package-lock.json")
    if installed.is_dir() and stamp.is_file() and stamp.read_text().strip() == key:
        return installed
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("make test needs Node.js >= 18 and npm for the JupyterLab check (Debian: apt-get install nodejs npm)")
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(SCRIPTS / "npm" / name, NPM_DIR / name)
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NPM_DIR, stdout=subprocess.PIPE, text=True,
                          stderr=subprocess.STDOUT, env=dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1"))
    if done.returncode != 0 or not installed.is_dir():
        raise SystemExit(f"{done.stdout}\nnpm ci in {book.rel(NPM_DIR)} failed (exit {done.returncode}); see above")
    stamp.write_text(key + "\n")
    return installed


def frontends(tally, say):
    """browser_check.mjs: in each frontend the gallery (Run All twice, save, reload) and the start check; in JupyterLab also
    6-6 (Run All once: its live chart and figures)."""
    with tally.timed("frontends"):
        jupyter = str(Path(sys.executable).parent / "jupyter")
        for frontend, args in [("lab", ["--runs", "2", "gallery-plots.ipynb"]), ("lab", ["--runs", "1", "6-6-four-gaussians.ipynb"]),
                               ("notebook", ["--runs", "2", "gallery-plots.ipynb"])]:
            if "gallery-plots.ipynb" in args:
                args = args + ["--opens", LAB_STARTS, "--restarts", LAB_STARTS]
            heading(f"{'JupyterLab' if frontend == 'lab' else 'Notebook 7'} in headless Chromium: {' '.join(args)}", say)
            out = TEST_ROOT / (f"{frontend}-check" + ("" if "gallery-plots.ipynb" in args else "-6-6"))
            run_sub_test(tally, "frontends", f"{frontend} check", ["node", "scripts/browser_check.mjs", frontend,
                         "--jupyter", jupyter, "--out", book.rel(out)] + args, say)


# ---------------------------------------------------------------------------------------------------

def second_run_jobs(tally, sources):
    """A job per notebook that declares a second run (its code injected, staged in build/test/second-src/); a lecture
    notebook (6-*) that declares none fails."""
    import nbformat
    jobs = []
    for source in sources:
        nb = nbformat.read(source, as_version=4)
        if second_run.second_run_code(nb) is None and not source.name.startswith("6-"):
            continue
        try:
            staged = TEST_ROOT / "second-src" / source.name
            book.atomic_write(staged, nbformat.writes(second_run.inject(nb)))
        except ValueError as e:
            tally.add("second runs", False, f"FAIL notebooks/{source.name} second run: {e}")
            print(f"  FAIL notebooks/{source.name} second run: {e}")
            continue
        note = nb.metadata.get("gan", {}).get("second_run", {}).get("note", "")
        jobs.append(book.Job(staged, TEST_ROOT / "second", TEST_ROOT / "second-logs", "second-run",
                             f"second run of notebooks/{source.name}" + (f" [{note}]" if note else "")))
    return jobs


def main():
    start = time.monotonic()
    TEST_ROOT.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    os.environ["PLAYWRIGHT_CORE"] = str(playwright_core())  # for the browser checks, BrowserEndToEndTest's too
    prefixes = os.environ.get("NB", "").split()
    sources = [s for s in book.list_notebooks() if not prefixes or any(s.name.startswith(p) for p in prefixes)]

    with tally.timed("unit tests + kernel starts"):
        side_by_side(lambda say: unit_tests(tally, say), lambda say: kernel_starts(tally, say))
    with tally.timed("static checks"):
        static_checks(tally, book.list_notebooks())

    def notebooks(say):
        with tally.timed("notebooks + second runs"):
            heading("notebooks, each on a fresh kernel, and their second parameter runs (metadata.gan.second_run "
                    "injected after the parameters cell)")
            second = second_run_jobs(tally, sources)
            jobs, pages, index = book.build_book(TEST_ROOT, reuse=False, extra_jobs=second, sources=sources)
            for job in jobs + second:
                tally.add("second runs" if job in second else "notebooks", job.ok, None if job.ok else job.line())
            results.extend([pages, index])
    results = []
    with tally.timed("notebooks + frontends"):
        side_by_side(notebooks, lambda say: frontends(tally, say))
    pages, index = results
    with tally.timed("pages offline"):
        check_pages(tally, pages + [index])
    with tally.timed("browser"):
        browser_check(tally, pages)

    print()
    heading("summary (" + ", ".join(f"{group} {c[0]}/{c[0] + c[1]}" for group, c in tally.groups.items())
            + f"; {time.monotonic() - start:.0f} s)")
    for name, (wall, cpu) in tally.seconds.items():
        print(f"  {name:<28} {wall:7.1f} s wall {cpu:8.1f} CPU-s")
    for line in tally.failures:
        print(line)
    print(f"make test took {time.monotonic() - start:.0f} s")
    print(f"{sum(c[0] for c in tally.groups.values())} passed, {sum(c[1] for c in tally.groups.values())} failed")
    return 1 if any(c[1] for c in tally.groups.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
