"""`make test` (README.md, "What make test checks"); NB="6-5 6-7" runs only those notebooks, for a check by hand.

Groups: unit tests (mvn test) beside kernel starts (scripts/kernel_start_test.py); static checks (notebooks committed
clean, README.md and .ci/run); notebooks and second runs (scripts/second_run.py) on fresh kernels into build/test/
beside frontends (scripts/browser_check.mjs lab|notebook); the book's pages offline in a browser (browser_check.mjs
pages). Every item prints a line; failures are repeated at the end, then wall and CPU seconds per group, `make test took
N s`, `N passed, N failed`.
"""
import concurrent.futures
import contextlib
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
KERNEL_STARTS = os.environ.get("KERNEL_STARTS", "100")
LAB_STARTS = os.environ.get("LAB_STARTS", "10")


def cpu_seconds():
    return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def machine_busy():
    """Core-seconds the whole machine has run code (/proc/stat: user, nice, system, irq, softirq), or None."""
    with contextlib.suppress(OSError):
        ticks = [int(t) for t in Path("/proc/stat").read_text().split("\n")[0].split()[1:8]]
        return (sum(ticks[:3]) + ticks[5] + ticks[6]) / os.sysconf("SC_CLK_TCK")


class Tally:
    """Every test item, passed or failed, by group; failures keep their line for the recap; wall and CPU seconds."""

    def __init__(self):
        self.groups = {g: [0, 0] for g in ("unit tests", "static checks", "kernel starts", "notebooks", "second runs",
                                           "browser", "frontends")}
        self.failures, self.seconds, self.lock = [], {}, threading.Lock()

    def add(self, group, ok, failure_line=None, count=1):
        with self.lock:
            self.groups.setdefault(group, [0, 0])[0 if ok else 1] += count
            self.failures += [failure_line] if failure_line and not ok and count else []

    def check(self, group, problems, ok_text, what, say=print):
        """One item: `ok   ok_text`, or `FAIL what: problem; problem` (also kept for the recap)."""
        line = f"FAIL {what}: {'; '.join(problems)}" if problems else None
        say("  " + (line or f"ok   {ok_text}"))
        self.add(group, not problems, line)

    @contextlib.contextmanager
    def timed(self, name):
        """Wall and CPU seconds (this process and the children it waited for) of the block; the CPU of blocks that
        ran side by side is counted in each of them."""
        wall, cpu = time.monotonic(), cpu_seconds()
        try:
            yield
        finally:
            self.seconds[name] = (time.monotonic() - wall, cpu_seconds() - cpu)


def first_line(text):
    return next((line.strip() for line in (text or "").splitlines() if line.strip()), "")


def side_by_side(first, *others):
    """Runs the tasks (functions of `say`) at once; the first prints as it goes, each other one's lines are printed
    together when it ends. An exception in any of them is raised again once all ended."""
    def buffered(task):
        lines = []
        try:
            task(lines.append)
        finally:
            if lines:
                print("\n".join(lines), flush=True)
    with concurrent.futures.ThreadPoolExecutor() as pool:
        futures = [pool.submit(buffered, task) for task in others]
        first(lambda line: print(line, flush=True))
        for future in futures:
            future.result()


# ---------------------------------------------------------------------------------------------------
# Unit tests, static checks

def unit_tests(tally, say):
    log, surefire = TEST_ROOT / "mvn-test.log", book.LIB_TARGET / "surefire-reports"
    shutil.rmtree(surefire, ignore_errors=True)
    with tally.timed("unit tests"), open(log, "wb") as out:
        code = subprocess.run(os.environ.get("MVN", "mvn").split() + ["-B", "test"], cwd=ROOT / "lib", stdout=out,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
    say(f"== unit tests: mvn test (log: {book.rel(log)})")
    every = [case for report in sorted(surefire.glob("TEST-*.xml")) for case in ET.parse(report).getroot().iter("testcase")]
    cases = [case for case in every if case.find("skipped") is None]
    for case in (case for case in every if case.find("skipped") is not None):     # a skip is shown, not counted
        say(f"  skipped unit test {case.get('classname')}.{case.get('name')}: {first_line(case.find('skipped').get('message')) or first_line(case.find('skipped').text) or 'no reason given'}")
    for case in cases:
        problem = next((p for p in (case.find("failure"), case.find("error")) if p is not None), None)
        line = None if problem is None else (f"FAIL unit test {case.get('classname')}.{case.get('name')}: " + (
            first_line(problem.get("message")) or first_line(problem.text) or problem.get("type", "")))
        if line:
            say("  " + line)
        tally.add("unit tests", problem is None, line)
    failed = tally.groups["unit tests"][1]
    if code != 0 and failed == 0:
        errors = [book.ANSI.sub("", line).rstrip()[7:] for line in log.read_text(errors="replace").splitlines()
                  if book.ANSI.sub("", line).startswith("[ERROR]")]
        tally.check("unit tests", [f"{first_line(errors[0]) if errors else 'see the log'} ({book.rel(log)})"], "",
                    f"mvn test exited with {code}", say)
        for e in errors[:20]:
            say("    " + e)
    say(f"  {len(cases)} test cases, {failed} failed, {len(every) - len(cases)} skipped ({tally.seconds['unit tests'][0]:.1f} s)")


def notebook_problems(path):
    """What makes a committed notebook unfit: outputs, execution counts, wrong kernel or language_info, no %jars first."""
    import nbformat
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # unreadable JSON, schema violations
        return [f"not a valid notebook: {type(e).__name__}: {first_line(str(e))}"]
    problems, kernel = [], nb.metadata.get("kernelspec", {}).get("name")
    if kernel != book.KERNEL_NAME:
        problems.append(f'kernelspec name is {kernel!r}, not "{book.KERNEL_NAME}"')
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
    return problems + (["make strip removes outputs"] if problems else [])


def static_checks(tally):
    print("== static checks")
    for source in book.list_notebooks():
        tally.check("static checks", notebook_problems(source), f"notebooks/{source.name} committed clean",
                    f"notebooks/{source.name} is not committed clean")
    read = lambda path: path.read_text(encoding="utf-8") if path.is_file() else ""
    readme, ci = read(ROOT / "README.md"), read(ROOT / ".ci" / "run")
    blocks, problems = re.findall(r"```[a-z]*\n(.*?)```", readme, re.S), []
    if not blocks or "make test" not in blocks[0] or "make run" not in blocks[0]:
        problems.append("README.md's first code block does not show `make run` and `make test`")
    if not re.search(r"^\s*(exec\s+)?make test\b", ci, re.M):
        problems.append(".ci/run does not run `make test`")
    if book.glossary().count("\n") < 2:
        problems.append("README.md has no glossary table after its `<!-- glossary` comment (the book's index shows it)")
    if missing := [s.name for s in book.list_notebooks() if s.name not in readme]:
        problems.append(f"README.md's table does not list {', '.join(missing)}")
    tally.check("static checks", problems, "README.md shows the commands .ci/run runs and lists every notebook",
                "README.md and .ci/run")


# ---------------------------------------------------------------------------------------------------
# Sub-tests: kernel starts, browser check, frontends

def run_sub_test(tally, group, label, argv, say=print, env=None, timeout=1800):
    """Runs a sub-test, echoes its output, and counts its last `N passed, N failed` line and its FAIL lines; no such
    line is a failure."""
    start = time.monotonic()
    try:
        done = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout, env=env)
        output, code = done.stdout, done.returncode
    except subprocess.TimeoutExpired as e:
        output, code = e.stdout if isinstance(e.stdout, str) else "", f"timeout ({timeout} s)"
    for line in output.splitlines():
        say("  " + line)
    if found := re.findall(r"(\d+) passed, (\d+) failed", output):
        passed, failed = map(int, found[-1])
        fails = [f"{line.strip()} ({label})" for line in output.splitlines() if line.strip().startswith("FAIL")]
        tally.add(group, True, count=passed)
        tally.add(group, False, count=failed)
        with tally.lock:
            tally.failures += fails or ([f"FAIL {label}: {failed} failed"] if failed else [])
    if not found or code not in (0, 1):
        tally.check(group, [f"exited with {code} without a result line"], "", label, say)
    say(f"  ({time.monotonic() - start:.0f} s)")


def kernel_starts(tally, say):
    with tally.timed("kernel starts"):
        say(f"== the Java kernel starts every time: {KERNEL_STARTS} starts with jupyter_client")
        run_sub_test(tally, "kernel starts", "kernel start test", [sys.executable, "scripts/kernel_start_test.py",
                     "--starts", KERNEL_STARTS, "--log-dir", book.rel(TEST_ROOT / "kernel-starts")], say)


def browser_check(tally, pages):
    """The book's pages and index in headless Chromium, offline: figures drawn, nothing from the network, no missing file."""
    print(f"== the book's {len(pages)} pages in a browser, offline (scripts/browser_check.mjs pages)")
    run_sub_test(tally, "browser", "browser check", ["node", "scripts/browser_check.mjs", "pages", "--book", "--out",
                                                      book.rel(TEST_ROOT / "browser")] + [book.rel(p) for p in pages], timeout=900)


def frontends(tally, say):
    """browser_check.mjs: in each frontend the gallery (Run All twice, save, reload) and the start check; in JupyterLab also
    6-6 (Run All once: its live chart and figures)."""
    with tally.timed("frontends"):
        starts = ["--opens", LAB_STARTS, "--restarts", LAB_STARTS]
        for frontend, args, out in [("lab", ["--runs", "2", "gallery-plots.ipynb"] + starts, "lab-check"),
                                    ("lab", ["--runs", "1", "6-6-four-gaussians.ipynb"], "lab-check-6-6"),
                                    ("notebook", ["--runs", "2", "gallery-plots.ipynb"] + starts, "notebook-check")]:
            say(f"== {'JupyterLab' if frontend == 'lab' else 'Notebook 7'} in headless Chromium: {' '.join(args)}")
            run_sub_test(tally, "frontends", f"{frontend} check", ["node", "scripts/browser_check.mjs", frontend,
                         "--jupyter", str(Path(sys.executable).parent / "jupyter"), "--out", book.rel(TEST_ROOT / out)]
                         + args, say)


# ---------------------------------------------------------------------------------------------------

def second_run_jobs(tally, sources):
    """The second runs (second_run.job) of the notebooks that declare one; a lecture notebook (6-*) that declares none
    fails."""
    import nbformat
    jobs = []
    for source in sources:
        if second_run.second_run_code(nbformat.read(source, as_version=4)) is None and not source.name.startswith("6-"):
            continue
        try:
            jobs.append(second_run.job(source, TEST_ROOT))
        except ValueError as e:
            tally.check("second runs", [str(e)], "", f"notebooks/{source.name} second run")
    return jobs


def main():
    start, busy, tally, results = time.monotonic(), machine_busy(), Tally(), []
    TEST_ROOT.mkdir(parents=True, exist_ok=True)
    prefixes = os.environ.get("NB", "").split()
    sources = [s for s in book.list_notebooks() if not prefixes or any(s.name.startswith(p) for p in prefixes)]

    with tally.timed("unit tests + kernel starts"):
        side_by_side(lambda say: unit_tests(tally, say), lambda say: kernel_starts(tally, say))
    with tally.timed("static checks"):
        static_checks(tally)

    def notebooks(say):
        with tally.timed("notebooks + second runs"):
            say("== notebooks, each on a fresh kernel, and their second parameter runs (metadata.gan.second_run "
                "injected after the parameters cell)")
            second = second_run_jobs(tally, sources)
            jobs, pages, index = book.build_book(TEST_ROOT, reuse=False, extra_jobs=second, sources=sources)
            for job in jobs + second:
                tally.add("second runs" if job in second else "notebooks", job.ok, None if job.ok else job.line())
            results.extend([pages, index])
    with tally.timed("notebooks + frontends"):
        side_by_side(notebooks, lambda say: frontends(tally, say))
    with tally.timed("browser"):
        browser_check(tally, results[0] + [results[1]])

    passed, failed = (sum(c[i] for c in tally.groups.values()) for i in (0, 1))
    print("\n== summary (" + ", ".join(f"{group} {c[0]}/{c[0] + c[1]}" for group, c in tally.groups.items())
          + f"; {time.monotonic() - start:.0f} s)")
    for name, (wall, cpu) in tally.seconds.items():
        print(f"  {name:<28} {wall:7.1f} s wall {cpu:8.1f} CPU-s")
    for line in tally.failures:
        print(line)
    wall, used = time.monotonic() - start, None if busy is None else machine_busy() - busy
    print(f"make test took {wall:.0f} s" + ("" if used is None else f" (the machine busy {used:.0f} of "
          f"{wall * os.cpu_count():.0f} core-seconds)") + f"\n{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
