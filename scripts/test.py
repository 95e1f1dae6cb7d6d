"""`make test`: the library's unit tests, every notebook on a fresh kernel, and checks of the output.

    scripts/jupyter-python scripts/test.py

1. unit tests      `mvn test` in lib/; every test case in lib/target/surefire-reports counts
2. static checks   each notebook in notebooks/ is committed clean (no outputs, no execution counts,
                   the Java kernelspec, `%jars ../lib/target/gan.jar` first, a heading); README.md
                   shows the commands that .ci/run runs and lists every notebook
3. notebooks       each executed on a fresh kernel (nothing reused from `make run`) into
                   build/test/executed/, exported to build/test/book/
   second runs     each notebook that declares metadata.gan.second_run (every lecture notebook 6-*
                   must) executed again with that code injected after its parameters cell
                   (scripts/second_run.py), into build/test/second/
4. pages           each exported page loads nothing from the network (no http:// or https:// in a
                   src/href it would load, nor in CSS url()/@import), every local file it loads or
                   links exists, and no inline plotly.js is left in it
5. browser         scripts/browser_check.py (when present) opens the pages that have figures in
                   headless Chromium

Every item prints a line; failures are repeated at the end, and the last line is `N passed, N failed`.
Exit status 1 when anything failed.
"""
import contextlib
import html.parser
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import book
import second_run

ROOT = book.ROOT
TEST_ROOT = book.BUILD / "test"
SUREFIRE = book.LIB_TARGET / "surefire-reports"
BROWSER_CHECK = ROOT / "scripts" / "browser_check.py"
KERNEL_START_TEST = ROOT / "scripts" / "kernel_start_test.py"
LAB_CHECK = ROOT / "scripts" / "lab_check.mjs"
NPM_SOURCE = ROOT / "scripts" / "npm"             # package.json + package-lock.json: playwright-core, pinned
NPM_DIR = book.BUILD / "npm"
KERNEL_STARTS = int(os.environ.get("KERNEL_STARTS", "100"))
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
TEST_COMMAND = "make test"
RUN_COMMAND = "make run"


class Tally:
    """Every test item: passed or failed, by group; failures keep their message for the recap."""

    def __init__(self):
        # group -> [passed, failed], in the order the groups run
        self.groups = {g: [0, 0] for g in ("unit tests", "static checks", "kernel starts", "notebooks", "second runs", "pages offline", "browser", "frontends")}
        self.failures = []
        self.skipped = []
        self.seconds = {}      # group -> [wall seconds, CPU seconds of this process and its waited-for children]

    @contextlib.contextmanager
    def timed(self, group):
        """Adds the wall time and the CPU time (this process and the children it waited for) of the block to group."""
        def cpu():
            return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                         resource.getrusage(resource.RUSAGE_CHILDREN)))
        wall, used = time.monotonic(), cpu()
        try:
            yield
        finally:
            t = self.seconds.setdefault(group, [0.0, 0.0])
            t[0] += time.monotonic() - wall
            t[1] += cpu() - used

    def add(self, group, ok, failure_line=None):
        counts = self.groups.setdefault(group, [0, 0])
        counts[0 if ok else 1] += 1
        if not ok:
            self.failures.append(failure_line)

    def passed(self):
        return sum(c[0] for c in self.groups.values())

    def failed(self):
        return sum(c[1] for c in self.groups.values())


def heading(text):
    print(f"== {text}", flush=True)


# ---------------------------------------------------------------------------------------------------
# 1. Unit tests

def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def unit_tests(tally):
    log = TEST_ROOT / "mvn-test.log"
    heading(f"unit tests: mvn test (log: {book.rel(log)})")
    if SUREFIRE.exists():
        shutil.rmtree(SUREFIRE)
    start = time.monotonic()
    with open(log, "wb") as out:
        code = subprocess.run(os.environ.get("MVN", "mvn").split() + ["-B", "test"], cwd=ROOT / "lib", stdout=out, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL).returncode
    seconds = time.monotonic() - start
    per_class, cases, failed = {}, 0, 0
    for report in sorted(SUREFIRE.glob("TEST-*.xml")) if SUREFIRE.is_dir() else []:
        for case in ET.parse(report).getroot().iter("testcase"):
            name = f"{case.get('classname')}.{case.get('name')}"
            counts = per_class.setdefault(case.get("classname"), [0, 0, 0])
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if case.find("skipped") is not None:
                counts[2] += 1
                tally.skipped.append(f"unit test {name}")
                continue
            cases += 1
            if problem is None:
                counts[0] += 1
                tally.add("unit tests", True)
            else:
                counts[1] += 1
                failed += 1
                what = first_line(problem.get("message")) or first_line(problem.text) or problem.get("type", "")
                line = f"FAIL unit test {name}: {what}"
                print("  " + line)
                tally.add("unit tests", False, line)
    for cls, (ok, bad, skipped) in sorted(per_class.items()):
        extra = (f", {bad} failed" if bad else "") + (f", {skipped} skipped" if skipped else "")
        print(f"  {cls}: {ok} passed{extra}")
    if code != 0 and failed == 0:
        errors = [book.ANSI.sub("", line).rstrip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
                  if line.startswith("[ERROR]") or "\x1b[1;31mERROR" in line]
        line = f"FAIL mvn test exited with {code}: {first_line(errors[0][7:]) if errors else 'see the log'} ({book.rel(log)})"
        print("  " + line)
        for error in errors[:20]:
            print("    " + error)
        tally.add("unit tests", False, line)
    print(f"  {cases} test cases, {failed} failed ({seconds:.1f} s)")


# ---------------------------------------------------------------------------------------------------
# 2. Static checks

def notebook_problems(path):
    """What makes a committed notebook unfit: outputs, execution counts, wrong kernel, no %jars first."""
    import nbformat
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # unreadable JSON, schema violations
        return [f"not a valid notebook: {type(e).__name__}: {first_line(str(e))}"]
    problems = []
    kernelspec = nb.metadata.get("kernelspec", {})
    if kernelspec.get("name") != book.KERNEL_NAME:
        problems.append(f'kernelspec name is {kernelspec.get("name")!r}, not "{book.KERNEL_NAME}"')
    if dict(nb.metadata.get("language_info", {})) != book.LANGUAGE_INFO:
        problems.append(f"metadata.language_info is {dict(nb.metadata.get('language_info', {}))}, not what the kernel "
                        f"reports ({book.LANGUAGE_INFO}): JupyterLab would mark it modified on open")
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i} has {len(cell.outputs)} output{'s' if len(cell.outputs) != 1 else ''}")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i} has execution count {cell.execution_count}")
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code or not code[0].source.strip().startswith("%jars ../lib/target/gan.jar"):
        problems.append("the first code cell is not `%jars ../lib/target/gan.jar`")
    if book.first_heading(nb, None) is None:
        problems.append("no markdown heading (the book takes the title from the first one)")
    return problems


def static_checks(tally, sources):
    heading("static checks")
    for source in sources:
        problems = notebook_problems(source)
        if problems:
            line = f"FAIL notebooks/{source.name} is not committed clean: {'; '.join(problems)} (make strip removes outputs)"
            print("  " + line)
        else:
            print(f"  ok   notebooks/{source.name} committed clean")
        tally.add("static checks", not problems, None if not problems else line)

    readme = README.read_text(encoding="utf-8") if README.is_file() else ""
    ci = CI.read_text(encoding="utf-8") if CI.is_file() else ""
    problems = []
    blocks = re.findall(r"```[a-z]*\n(.*?)```", readme, re.S)
    if not blocks or TEST_COMMAND not in blocks[0] or RUN_COMMAND not in blocks[0]:
        problems.append(f"README.md's first code block does not show `{RUN_COMMAND}` and `{TEST_COMMAND}`")
    if not re.search(rf"^\s*(exec\s+)?{re.escape(TEST_COMMAND)}\b", ci, re.M):
        problems.append(f".ci/run does not run `{TEST_COMMAND}`")
    if book.glossary_html().count("<tr>") < 2:
        problems.append("README.md has no glossary table after its `<!-- glossary` comment (the book's index shows it)")
    missing = [s.name for s in sources if s.name not in readme]
    if missing:
        problems.append(f"README.md's table does not list {', '.join(missing)}")
    line = f"FAIL README.md and .ci/run: {'; '.join(problems)}" if problems else None
    print("  " + line if problems else f"  ok   README.md shows the commands .ci/run runs and lists every notebook")
    tally.add("static checks", not problems, line)


# ---------------------------------------------------------------------------------------------------
# 4. Pages load nothing from the network

NETWORK = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)
NOT_A_FILE = re.compile(r"^\s*(?:#|data:|javascript:|mailto:|about:|blob:)", re.IGNORECASE)


class PageScanner(html.parser.HTMLParser):
    """Collects what a page loads (src, link href, object data, CSS url()) and what it links to."""

    LOADS = {"src", "data", "poster", "background"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads, self.links, self.styles, self._in_style = [], [], [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in self.LOADS or (name == "href" and tag in ("link", "base")):
                self.loads.append((tag, name, value))
            elif name == "srcset":
                self.loads.extend((tag, name, part.strip().split(" ")[0]) for part in value.split(",") if part.strip())
            elif name == "href":
                self.links.append((tag, name, value))
            elif name == "style":
                self.styles.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def local_target(page, url):
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    return (page.parent / path) if path else None


def page_problems(page):
    text = page.read_text(encoding="utf-8", errors="replace")
    scanner = PageScanner()
    scanner.feed(text)
    problems = []
    loads = list(scanner.loads)
    for css in scanner.styles:
        for m in CSS_URL.finditer(css):
            loads.append(("style", "url", m.group(2) if m.group(2) is not None else m.group(4)))
    for tag, attr, url in loads:
        if NETWORK.match(url):
            problems.append(f"<{tag} {attr}> loads {url[:120]} from the network")
        elif not NOT_A_FILE.match(url) and url.strip():
            target = local_target(page, url)
            if target is not None and not target.exists():
                problems.append(f"<{tag} {attr}> loads {url[:120]}, which does not exist")
    for tag, attr, url in scanner.links:
        if not NETWORK.match(url) and not NOT_A_FILE.match(url) and url.strip():
            target = local_target(page, url)
            if target is not None and not target.exists():
                problems.append(f"<{tag} {attr}> links to {url[:120]}, which does not exist")
    if book.GAN_PLOTLY_OPEN.search(text):
        problems.append('an inline <script class="gan-plotly"> block is left in the page')
    return problems


def check_pages(tally, pages):
    heading("pages load nothing from the network")
    for page in pages:
        if not page.is_file():
            line = f"FAIL {book.rel(page)}: not written"
            problems = [line]
        else:
            problems = page_problems(page)
            line = f"FAIL {book.rel(page)}: {'; '.join(problems[:5])}" + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else "")
        print("  " + line if problems else f"  ok   {book.rel(page)}")
        tally.add("pages offline", not problems, line if problems else None)


# ---------------------------------------------------------------------------------------------------
# 5. Browser check

def browser_check(tally, pages):
    with_figures = [p for p in pages if p.is_file() and book.GAN_FIGURE.search(p.read_text(encoding="utf-8", errors="replace"))]
    if not BROWSER_CHECK.is_file():
        line = f"SKIP browser check ({book.rel(BROWSER_CHECK)} missing)"
        print(line)
        tally.skipped.append(line)
        return
    heading(f"browser check: {len(with_figures)} page{'s' if len(with_figures) != 1 else ''} with figures "
            f"({book.rel(BROWSER_CHECK)})")
    if not with_figures:
        print("  no exported page has a figure")
        return
    python = sys.executable
    out_dir = TEST_ROOT / "browser"
    try:
        done = subprocess.run([python, book.rel(BROWSER_CHECK), "--out", book.rel(out_dir)] + [book.rel(p) for p in with_figures],
                              cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
        output, code = done.stdout, done.returncode
        if done.stderr.strip():
            (out_dir).mkdir(parents=True, exist_ok=True)
            (out_dir / "stderr.log").write_text(done.stderr, encoding="utf-8")
    except subprocess.TimeoutExpired:
        output, code = "", "timeout (900 s)"
    seen = set()
    for line in output.splitlines():
        m = re.match(r"^(PASS|FAIL) (\S+?)(:| \(|$)", line)
        if not m:
            continue
        print("  " + line)
        page = Path(m.group(2))
        seen.add((ROOT / page).resolve() if not page.is_absolute() else page.resolve())
        tally.add("browser", m.group(1) == "PASS", None if m.group(1) == "PASS" else f"{line} (browser check)")
    for page in with_figures:
        if page.resolve() not in seen:
            line = f"FAIL {book.rel(page)}: browser_check.py printed no result for it (exit {code})"
            print("  " + line)
            tally.add("browser", False, line)
    if code not in (0, 1):
        line = f"FAIL browser check exited with {code}" + (f"; stderr in {book.rel(out_dir / 'stderr.log')}" if (out_dir / "stderr.log").exists() else "")
        print("  " + line)
        tally.add("browser", False, line)


# ---------------------------------------------------------------------------------------------------
# 3b. Second parameter runs

def second_runs(tally, sources):
    """Executes every notebook that declares a second run with its code injected; a lecture notebook
    (6-*) that declares none fails."""
    import nbformat
    staged_dir, out_dir, log_dir = TEST_ROOT / "second-src", TEST_ROOT / "second", TEST_ROOT / "second-logs"
    staged, notes = [], {}
    for source in sources:
        nb = nbformat.read(source, as_version=4)
        if second_run.second_run_code(nb) is None and not source.name.startswith("6-"):
            continue
        try:
            injected = second_run.inject(nb)
        except ValueError as e:
            line = f"FAIL notebooks/{source.name} second run: {e}"
            print("  " + line)
            tally.add("second runs", False, line)
            continue
        target = staged_dir / source.name
        book.atomic_write(target, nbformat.writes(injected))
        staged.append(target)
        notes[source.name] = nb.metadata.get("gan", {}).get("second_run", {}).get("note", "")
    if not staged:
        return
    keys = {s.name: "second-run" for s in staged}
    results = book.execute_all(staged, out_dir, log_dir, keys, reuse=False)
    for source in staged:
        r = results[source.name]
        note = f" [{notes[source.name]}]" if notes[source.name] else ""
        line = f"second run{note}: {r.line()}"
        tally.add("second runs", r.ok, None if r.ok else line)
        print(f"  {'ok  ' if r.ok else 'FAIL'} second run of notebooks/{source.name}{note}: {r.seconds:.1f} s")


# ---------------------------------------------------------------------------------------------------
# The kernel starts every time; the notebooks work in JupyterLab and Notebook 7

def add_counts(tally, group, output, label):
    """Adds the `…: N passed, N failed` of a sub-test's last such line to the tally; False if none."""
    found = re.findall(r"(\d+) passed, (\d+) failed", output)
    if not found:
        return False
    passed, failed = map(int, found[-1])
    counts = tally.groups.setdefault(group, [0, 0])
    counts[0] += passed
    counts[1] += failed
    for line in output.splitlines():
        if line.strip().startswith("FAIL"):
            tally.failures.append(f"{line.strip()} ({label})")
    if failed and not any(line.strip().startswith("FAIL") for line in output.splitlines()):
        tally.failures.append(f"FAIL {label}: {failed} failed")
    return True


def run_sub_test(tally, group, label, argv, env=None, timeout=1800):
    """Runs a sub-test, echoes its output, and counts its `N passed, N failed`."""
    start = time.monotonic()
    try:
        done = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout, env=env)
        output, code = done.stdout, done.returncode
    except subprocess.TimeoutExpired as e:
        output, code = (e.stdout or "") if isinstance(e.stdout, str) else "", f"timeout ({timeout} s)"
    for line in output.splitlines():
        print("  " + line)
    if not add_counts(tally, group, output, label) or code not in (0, 1):
        line = f"FAIL {label}: exited with {code} without a result line"
        print("  " + line)
        tally.add(group, False, line)
    print(f"  ({time.monotonic() - start:.0f} s)")


def language_info_check(tally):
    """The kernel reports book.LANGUAGE_INFO, which the committed notebooks carry."""
    from jupyter_client.manager import start_new_kernel
    try:
        km, kc = start_new_kernel(kernel_name=book.KERNEL_NAME, startup_timeout=60,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            info = kc.kernel_info(reply=True, timeout=30)["content"].get("language_info")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        ok = info == book.LANGUAGE_INFO
        line = None if ok else f"FAIL the kernel reports language_info {info}, the notebooks carry {book.LANGUAGE_INFO}"
    except Exception as e:
        ok, line = False, f"FAIL language_info check: {type(e).__name__}: {first_line(str(e))}"
    print("  " + (line or "ok   the kernel reports the language_info the notebooks carry"))
    tally.add("kernel starts", ok, line)


def kernel_starts(tally):
    heading(f"the Java kernel starts every time: {KERNEL_STARTS} starts, and one through a notebook server")
    language_info_check(tally)
    run_sub_test(tally, "kernel starts", "kernel start test",
                 [sys.executable, book.rel(KERNEL_START_TEST), "--starts", str(KERNEL_STARTS),
                  "--log-dir", book.rel(TEST_ROOT / "kernel-starts")])


def playwright_core():
    """build/npm/node_modules/playwright-core, installed with `npm ci` from scripts/npm/ when missing or
    when the lock file changed. Never downloads a browser: the tests use /usr/bin/chromium."""
    lock = NPM_SOURCE / "package-lock.json"
    installed = NPM_DIR / "node_modules" / "playwright-core"
    stamp = NPM_DIR / ".lock-sha256"
    key = book.sha256_file(lock)
    if installed.is_dir() and stamp.is_file() and stamp.read_text().strip() == key:
        return installed
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("make test needs Node.js >= 18 and npm for the JupyterLab check (Debian: apt-get install nodejs npm)")
    print(f"  == npm ci (playwright-core, {book.rel(NPM_SOURCE)}) into {book.rel(NPM_DIR)}/", flush=True)
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(NPM_SOURCE / name, NPM_DIR / name)
    env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NPM_DIR, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0 or not installed.is_dir():
        print(done.stdout)
        raise SystemExit(f"npm ci in {book.rel(NPM_DIR)} failed (exit {done.returncode}); see above")
    stamp.write_text(key + "\n")
    return installed


def frontends(tally):
    if not LAB_CHECK.is_file():
        line = f"FAIL {book.rel(LAB_CHECK)} missing"
        print(line)
        tally.add("frontends", False, line)
        return
    env = dict(os.environ, PLAYWRIGHT_CORE=str(playwright_core()))
    jupyter = str(Path(sys.executable).parent / "jupyter")
    for frontend in ("lab", "notebook"):
        heading(f"{'JupyterLab' if frontend == 'lab' else 'Notebook 7'} in headless Chromium ({book.rel(LAB_CHECK)})")
        run_sub_test(tally, "frontends", f"{frontend} check",
                     ["node", book.rel(LAB_CHECK), "--frontend", frontend, "--jupyter", jupyter,
                      "--out", book.rel(TEST_ROOT / f"{frontend}-check")] + LAB_CHECK_ARGS, env=env)


# Run All twice, save, reload: every figure draws; then a small notebook opened 10 times with a fresh kernel and
# its kernel restarted 10 times, Run All finishing after each (LAB_STARTS=N changes both counts)
LAB_STARTS = os.environ.get("LAB_STARTS", "10")
LAB_CHECK_ARGS = ["--opens", LAB_STARTS, "--restarts", LAB_STARTS, "gallery-plots.ipynb", "6-6-four-gaussians.ipynb"]


# ---------------------------------------------------------------------------------------------------

def main():
    start = time.monotonic()
    TEST_ROOT.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    sources = book.list_notebooks()

    with tally.timed("unit tests"):
        unit_tests(tally)
    with tally.timed("static checks"):
        static_checks(tally, sources)
    with tally.timed("kernel starts"):
        kernel_starts(tally)

    with tally.timed("notebooks"):
        heading("notebooks, each on a fresh kernel")
        sources, results, pages, index = book.build_book(TEST_ROOT, reuse=False)
        for source in sources:
            r = results[source.name]
            tally.add("notebooks", r.ok, None if r.ok else r.line())

    with tally.timed("second runs"):
        heading("second parameter runs (metadata.gan.second_run injected after the parameters cell)")
        second_runs(tally, sources)

    with tally.timed("pages offline"):
        check_pages(tally, pages + [index])
    with tally.timed("browser"):
        browser_check(tally, pages)
    with tally.timed("frontends"):
        frontends(tally)

    print()
    heading("summary (" + ", ".join(f"{group} {c[0]}/{c[0] + c[1]}" for group, c in tally.groups.items())
            + f"; {time.monotonic() - start:.0f} s)")
    for group, (wall, cpu) in tally.seconds.items():
        print(f"  {group:<14} {wall:7.1f} s wall {cpu:8.1f} CPU-s")
    for line in tally.skipped:
        print(f"  not counted: {line}")
    for line in tally.failures:
        print(line)
    print(f"make test took {time.monotonic() - start:.0f} s")
    print(f"{tally.passed()} passed, {tally.failed()} failed")
    return 1 if tally.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
