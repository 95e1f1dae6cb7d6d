"""Executes the notebooks and publishes them as a small book of HTML pages that work offline.

    scripts/jupyter-python scripts/book.py run      execute what changed, export, write the index
                                                    (NB="6-5 6-7" runs only notebooks starting so)
    scripts/jupyter-python scripts/book.py strip    remove outputs and execution counts from notebooks/

`make run` calls `run`; scripts/test.py uses the same functions with a fresh output folder.

Notebooks are notebooks/*.ipynb sorted by file name (6-1-... to 6-7-..., then beyond-...). Each runs
on a fresh kernel whose working directory is notebooks/, so `%jars ../lib/target/gan.jar` works.
Up to two notebooks run at once (NB_JOBS), each in a child process whose output, the kernel's log
included, goes to build/logs/<name>.log and is shown only when the kernel does not start.

Outputs (build/ is ignored by git):
    build/executed/<name>.ipynb          executed notebook, with outputs
    build/executed/<name>.result.json    ok/failed, seconds, first error, and the key it was run for
    build/logs/<name>.log                the child's and the kernel's stderr
    build/book/index.html                the book: every notebook in lecture order
    build/book/<name>.html               one page per notebook
    build/book/assets/                   require.js, jQuery, MathJax and plotly.js, copied locally

A notebook is executed again only when its source, the library jars (lib/target/gan.jar and
lib/target/deps/) or data/ changed, or when its last run failed; its page is written again only when
the executed notebook, this exporter, or its neighbours in the book changed.
"""
import concurrent.futures
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LIB_TARGET = ROOT / "lib" / "target"
JAR = LIB_TARGET / "gan.jar"
DEPS = LIB_TARGET / "deps"
DATA = ROOT / "data"
BUILD = ROOT / "build"
KERNEL_NAME = "rapaio-jupyter-kernel"
# What the patched kernel reports as language_info (its version cut to the Java feature release, see
# lib/src/kernel-patch/.../ShellHandlers.java). Committed notebooks carry exactly this, so that JupyterLab and
# Notebook 7, which write the kernel's language_info into a notebook on open, do not mark it modified.
LANGUAGE_INFO = {"name": "java", "version": "17", "mimetype": "text/x-java-source", "file_extension": ".jshell",
                 "pygments_lexer": "java", "codemirror_mode": "java", "nbconvert_exporter": "script"}

CELL_TIMEOUT = int(os.environ.get("NB_CELL_TIMEOUT", "1200"))      # seconds per cell
STARTUP_TIMEOUT = 60                                                # seconds for a new kernel to answer kernel_info
JOBS = max(1, int(os.environ.get("NB_JOBS", str(min(2, os.cpu_count() or 1)))))

MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
PLOTLY_IN_JAR = re.compile(r"META-INF/resources/webjars/plotly\.js-dist/([0-9.]+)/plotly\.js$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
GAN_PLOTLY_OPEN = re.compile(r"""<script\b[^>]*\bclass\s*=\s*["']gan-plotly["'][^>]*>""", re.IGNORECASE)
GAN_FIGURE = re.compile(r"""<div\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?gan-figure[\s"']""", re.IGNORECASE)
EXPORT_KEY = re.compile(r"<!-- gan-book export-key ([0-9a-f]+) -->\s*$")


# ---------------------------------------------------------------------------------------------------
# Notebooks and what they depend on

def list_notebooks():
    """notebooks/*.ipynb in book order: sorted by file name."""
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not p.name.startswith("."))


def rel(path):
    try:
        return str(Path(path).relative_to(ROOT))
    except ValueError:
        return str(path)


def first_heading(nb, fallback):
    """The text of the notebook's first markdown heading ('# 6-1. GAN 개요 / Overview' -> '6-1. GAN ...')."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$", line)
            if m:
                return m.group(1)
    return fallback


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def jar_fingerprint():
    """Content of the library as the kernel sees it: every entry (name, CRC, size) of gan.jar, and the
    names and sizes of lib/target/deps/*.jar. Rebuilding the jar from unchanged sources keeps it."""
    h = hashlib.sha256()
    if JAR.is_file():
        with zipfile.ZipFile(JAR) as z:
            for info in sorted(z.infolist(), key=lambda i: i.filename):
                h.update(f"{info.filename}\0{info.CRC}\0{info.file_size}\n".encode())
    else:
        h.update(b"no jar")
    for dep in sorted(DEPS.glob("*.jar")):
        h.update(f"{dep.name}\0{dep.stat().st_size}\n".encode())
    return h.hexdigest()


def data_fingerprint():
    h = hashlib.sha256()
    if DATA.is_dir():
        for f in sorted(p for p in DATA.rglob("*") if p.is_file()):
            h.update(f"{f.relative_to(DATA)}\0{sha256_file(f)}\n".encode())
    return h.hexdigest()


def digest(*parts):
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()


def atomic_write(path, data):
    """Writes a whole file or nothing: to a temporary file next to it, then renamed over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~UMASK)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------------------------------------------
# Executing one notebook (in a child process, so that its kernel's log goes to a file)

def error_line(output):
    """One line for an error output: 'IllegalStateException: D-loss 1.52 is not within 0.03 of log 4'.

    The Java kernel reports a thrown exception as ename 'EvalException' with the exception's class and
    message on the first traceback line, and a compile error as 'CompilerException' with the message
    after the code excerpt."""
    ename = output.get("ename", "") or "Error"
    evalue = ANSI.sub("", output.get("evalue", "") or "").strip()
    lines = [ANSI.sub("", part).strip() for entry in output.get("traceback", []) for part in entry.splitlines()]
    lines = [line for line in lines if line]
    if ename == "EvalException" and lines:
        m = re.match(r"^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?::\s*(.*))?$", lines[0])
        if m:
            simple = m.group(1).rsplit(".", 1)[-1]
            return f"{simple}: {m.group(2)}" if m.group(2) else simple
        return lines[0]
    if ename == "CompilerException":
        detail = [line for line in lines if line != "Compile error:" and not line.startswith("|")]
        return f"CompilerException: {detail[0] if detail else evalue}"
    first = evalue.splitlines()[0] if evalue else (lines[0] if lines else "")
    return f"{ename}: {first}" if first else ename


def execute_child(src, out, result_path):
    """Runs one notebook on a fresh kernel; writes the executed notebook and a result JSON. Exit 0 when
    every cell ran, 1 when a cell failed, 2 when the kernel did not start.

    The kernel (rapaio-jupyter-kernel 3.0.1 with the project's start-up patch, lib/src/kernel-patch/)
    starts every time; one that has not answered within STARTUP_TIMEOUT seconds is an error, reported
    with its log (the parent prints it), not retried.
    """
    import nbformat

    start = time.monotonic()
    nb = nbformat.read(src, as_version=4)
    result = execute_once(nb, STARTUP_TIMEOUT)
    result["seconds"] = round(time.monotonic() - start, 2)
    atomic_write(out, nbformat.writes(nb))
    atomic_write(result_path, json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result["ok"] else (1 if result["started"] else 2)


def execute_once(nb, startup_timeout):
    """Executes nb in place on a new kernel; returns the result dict (ok, started, error)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    state = {"cell": None}
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT, startup_timeout=startup_timeout,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})

    def on_cell_execute(cell, cell_index):
        state["cell"] = cell_index

    client.on_cell_execute = on_cell_execute
    result = {"ok": False, "cells": len(nb.cells), "error": None, "started": False}
    try:
        client.execute()
        result["ok"] = True
    except CellExecutionError:
        result["error"] = cell_error(nb, state["cell"], None)
    except (CellTimeoutError, TimeoutError) as e:
        if state["cell"] is None:
            result["error"] = {"kind": "startup", "message": f"kernel did not answer within {startup_timeout} s: "
                                                             f"{type(e).__name__}: {e}"}
        else:
            result["error"] = cell_error(nb, state["cell"], f"timed out after {CELL_TIMEOUT} s (NB_CELL_TIMEOUT)")
    except DeadKernelError as e:
        message = f"the kernel died: {str(e).splitlines()[0] if str(e) else 'DeadKernelError'}"
        result["error"] = (cell_error(nb, state["cell"], message) if state["cell"] is not None
                           else {"kind": "startup", "message": message})
    except Exception as e:  # kernel not found, did not start, ...
        text = str(e).strip().splitlines()[0] if str(e).strip() else ""
        if state["cell"] is None:
            result["error"] = {"kind": "startup", "message": f"{type(e).__name__}: {text}"}
        else:
            result["error"] = cell_error(nb, state["cell"], f"{type(e).__name__}: {text}")
    finally:
        # nbclient leaves its atexit clean-up registered when the kernel fails to start; it would only
        # print an AssertionError into the log at exit
        import atexit
        atexit.unregister(client._cleanup_kernel)
    result["started"] = result["ok"] or state["cell"] is not None
    return result


def cell_error(nb, index, message):
    """Where and what: the cell (1-based index among all cells), its In [n], the error's first line."""
    cell = nb.cells[index] if index is not None and index < len(nb.cells) else None
    if message is None and cell is not None:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        message = error_line(errors[0]) if errors else "the cell raised an error"
    return {"kind": "cell", "cell": None if index is None else index + 1,
            "execution_count": cell.get("execution_count") if cell is not None else None,
            "message": message or "error"}


def describe_failure(name, error):
    """'notebooks/6-5-x.ipynb cell 12 (In [7]): IllegalStateException: ...'"""
    where = f"notebooks/{name}"
    if error is None:
        return f"{where}: failed"
    if error.get("kind") == "cell":
        count = error.get("execution_count")
        prompt = f" (In [{count}])" if count is not None else ""
        return f"{where} cell {error.get('cell')}{prompt}: {error.get('message')}"
    return f"{where}: {error.get('message')}"


class Executed:
    """The outcome of running one notebook."""

    def __init__(self, source, ok, seconds, error, log, skipped=False):
        self.source, self.ok, self.seconds, self.error, self.log, self.skipped = source, ok, seconds, error, log, skipped

    @property
    def name(self):
        return self.source.name

    def line(self):
        if self.ok:
            return f"ok   notebooks/{self.name}"
        return f"FAIL {describe_failure(self.name, self.error)}"


def run_one(source, out_dir, log_dir, key):
    """Executes `source` in a child process; returns an Executed. Thread-safe (one child each)."""
    out = out_dir / source.name
    result_path = out_dir / (source.stem + ".result.json")
    log = log_dir / (source.stem + ".log")
    log_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    if result_path.exists():
        result_path.unlink()
    start = time.monotonic()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with open(log, "wb") as log_file:
        code = subprocess.run([sys.executable, str(Path(__file__).resolve()), "exec", str(source), str(out),
                               str(result_path)], stdin=subprocess.DEVNULL, stdout=log_file,
                              stderr=subprocess.STDOUT, env=env, cwd=str(ROOT)).returncode
    seconds = time.monotonic() - start
    try:
        result = json.loads(result_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        result = {"ok": False, "started": False,
                  "error": {"kind": "startup", "message": f"the notebook runner exited with {code} before writing a result"}}
    result["seconds"] = round(seconds, 2)
    result["key"] = key
    atomic_write(result_path, json.dumps(result, ensure_ascii=False, indent=1))
    return Executed(source, bool(result.get("ok")), seconds, result.get("error"), log)


def print_kernel_log(log, lines=40):
    """The tail of a child's log (the kernel's stderr), for a notebook whose kernel did not start."""
    try:
        text = Path(log).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    print(f"       last {min(lines, len(text))} lines of {rel(log)}:")
    for line in text[-lines:]:
        print("       | " + ANSI.sub("", line))


def execute_all(sources, out_dir, log_dir, keys, reuse):
    """Executes the notebooks (two at a time by default) and prints one line per notebook, in the
    order they finish: seconds, ok or FAIL with notebook, cell and error. With reuse, a notebook whose
    last run succeeded for the same key is not run again. Returns {name: Executed}."""
    results, todo, unselected = {}, [], []
    for source in sources:
        previous = read_result(out_dir / (source.stem + ".result.json")) if reuse else None
        if (previous and previous.get("ok") and previous.get("key") == keys[source.name]
                and (out_dir / source.name).is_file()):
            results[source.name] = Executed(source, True, previous.get("seconds", 0.0), None, None, skipped=True)
        elif reuse and not selected(source):
            unselected.append(source.name)                   # NB=… names others: keep their last run, if any
            if previous and (out_dir / source.name).is_file():
                results[source.name] = Executed(source, bool(previous.get("ok")), previous.get("seconds", 0.0),
                                                previous.get("error"), None, skipped=True)
        else:
            todo.append(source)
    if unselected:
        print(f"   not selected by NB={os.environ.get('NB', '')!r}, not run: {', '.join(unselected)}")
    if reuse and results:
        print(f"   unchanged, not run again: {', '.join(sorted(results))}")
    if todo:
        print(f"== executing {len(todo)} notebook{'s' if len(todo) != 1 else ''}, {min(JOBS, len(todo))} at a time "
              f"(kernel logs in {rel(log_dir)}/)", flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
        futures = [pool.submit(run_one, s, out_dir, log_dir, keys[s.name]) for s in todo]
        for future in concurrent.futures.as_completed(futures):
            done = future.result()
            results[done.name] = done
            print(f"{done.seconds:7.1f} s  {done.line()}", flush=True)
            if not done.ok and done.error and done.error.get("kind") == "startup":
                print_kernel_log(done.log)
    return results


def selected(source):
    """True unless NB (space-separated file-name prefixes, e.g. NB="6-5 6-7") leaves this notebook out."""
    prefixes = os.environ.get("NB", "").split()
    return not prefixes or any(source.name.startswith(p) for p in prefixes)


def read_result(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------------
# Local copies of the scripts a page loads (require.js, jQuery, MathJax, plotly.js)

# The page assets come from webjars on Maven Central (Maven is needed for the library anyway; after the
# first fetch they are in ~/.m2 and build/webjars/, so later runs work offline).
WEBJARS = {
    "mathjax": ("org.webjars.npm:mathjax:2.7.9", "META-INF/resources/webjars/mathjax/2.7.9/"),
    "requirejs": ("org.webjars:requirejs:2.3.6", "META-INF/resources/webjars/requirejs/2.3.6/"),
    "jquery": ("org.webjars:jquery:3.7.1", "META-INF/resources/webjars/jquery/3.7.1/"),
}
WEBJAR_DIR = BUILD / "webjars"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


def webjar(name):
    """The jar of WEBJARS[name] in build/webjars/, fetched with Maven (dependency:copy) when missing."""
    artifact = WEBJARS[name][0]
    _, artifact_id, version = artifact.split(":")
    jar = WEBJAR_DIR / f"{artifact_id}-{version}.jar"
    if jar.is_file():
        return jar
    WEBJAR_DIR.mkdir(parents=True, exist_ok=True)
    print(f"== book: fetching {artifact} (page assets) with Maven into {rel(WEBJAR_DIR)}/", flush=True)
    done = subprocess.run(os.environ.get("MVN", "mvn").split() + ["-q", "-B", f"{DEPENDENCY_PLUGIN}:copy",
                          f"-Dartifact={artifact}", f"-DoutputDirectory={WEBJAR_DIR}"], cwd=WEBJAR_DIR,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0 or not jar.is_file():
        print(ANSI.sub("", done.stdout))
        raise SystemExit(f"book: Maven could not fetch {artifact} into {rel(WEBJAR_DIR)} (exit {done.returncode}); "
                         f"see above (offline? the first run needs Maven Central)")
    return jar


def read_webjar(name, path):
    """The bytes of `path` (relative to the webjar's resource folder) in WEBJARS[name]."""
    with zipfile.ZipFile(webjar(name)) as z:
        return z.read(WEBJARS[name][1] + path)


# Only what MathJax needs for TeX input and CommonHTML output (about 4 MB of its 54 MB).
MATHJAX_PARTS = ["MathJax.js", f"config/{MATHJAX_CONFIG.split(',')[0]}.js", "config/Safe.js", "config/local",
                 "extensions", "jax/input/TeX", "jax/element", "jax/output/CommonHTML", "jax/output/PreviewHTML",
                 "jax/output/NativeMML", "jax/output/PlainSource", "fonts/HTML-CSS/TeX/woff",
                 "fonts/HTML-CSS/TeX/otf", "localization/en"]


def copy_tree_atomically(make, dest):
    """Builds a folder in a temporary sibling with make(tmp) and renames it into place."""
    tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix="." + dest.name + "."))
    try:
        make(tmp)
        os.chmod(tmp, 0o777 & ~UMASK)
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def plotly_jar():
    jars = sorted(DEPS.glob("plotly.js-dist-*.jar"))
    if not jars:
        raise SystemExit(f"book: {rel(DEPS)}/plotly.js-dist-*.jar missing; build the library first (make jar)")
    return jars[-1]


def plotly_version():
    with zipfile.ZipFile(plotly_jar()) as z:
        for name in z.namelist():
            m = PLOTLY_IN_JAR.match(name)
            if m:
                return m.group(1)
    raise SystemExit(f"book: {plotly_jar()} has no META-INF/resources/webjars/plotly.js-dist/<version>/plotly.js")


def ensure_assets(book_dir):
    """Copies require.js, jQuery, MathJax (the parts used) and plotly.js into <book>/assets once."""
    assets = book_dir / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for target, name, path in [("require.min.js", "requirejs", "require.min.js"),
                               ("jquery.min.js", "jquery", "jquery.min.js")]:
        if not (assets / target).is_file():
            atomic_write(assets / target, read_webjar(name, path))

    mathjax = assets / "mathjax"
    if not (mathjax / "MathJax.js").is_file():
        prefix = WEBJARS["mathjax"][1]
        parts = tuple(prefix + part for part in MATHJAX_PARTS)

        def copy_mathjax(tmp):
            with zipfile.ZipFile(webjar("mathjax")) as z:
                for info in z.infolist():
                    name = info.filename
                    if info.is_dir() or not any(name == p or name.startswith(p + "/") for p in parts):
                        continue
                    dest = tmp / name[len(prefix):]
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(z.read(info))
            if not (tmp / "MathJax.js").is_file():
                raise SystemExit(f"book: {webjar('mathjax')} has no MathJax.js")

        copy_tree_atomically(copy_mathjax, mathjax)

    version = plotly_version()
    plotly = assets / f"plotly-{version}.js"
    if not plotly.is_file():
        with zipfile.ZipFile(plotly_jar()) as z:
            prefix = f"META-INF/resources/webjars/plotly.js-dist/{version}/"
            atomic_write(plotly, z.read(prefix + "plotly.js"))
            atomic_write(assets / f"plotly-{version}.LICENSE", z.read(prefix + "LICENSE"))
    return version


# ---------------------------------------------------------------------------------------------------
# HTML pages

def strip_inline_plotly(page):
    """Removes every <script class="gan-plotly" ...>...</script> (the inline plotly.js that older versions of
    the library sent with a kernel session's first figure; figures now carry only their plotly JSON and an
    HTML fallback, see gan.plot.FigureHtml); pages load one shared copy from assets/ instead.

    nbconvert's HTML export shows each figure once, from its text/html: the figure's
    application/vnd.plotly.v1+json bundle is not in the exporter's display_data_priority, so it is skipped."""
    out, pos = [], 0
    while True:
        m = GAN_PLOTLY_OPEN.search(page, pos)
        if not m:
            out.append(page[pos:])
            return "".join(out)
        end = page.find("</script>", m.end())
        if end < 0:
            raise ValueError('a <script class="gan-plotly"> block has no </script>')
        out.append(page[pos:m.start()])
        pos = end + len("</script>")


PLOTLY_MIME = "application/vnd.plotly.v1+json"
FIGURE_SPEC_CLASS = "gan-figure-spec"  # gan.plot.FigureHtml.SPEC_CLASS


def with_figure_json(nb):
    """Puts each figure's plotly JSON in front of its HTML fallback, as gan.plot.FigureHtml.specElement does: a
    notebook output carries the JSON once, as its application/vnd.plotly.v1+json data, and its text/html (the
    fallback, which nbconvert shows) draws the JSON from a <script type="application/json" class="gan-figure-spec">
    right before its div. Outputs that already have it, or carry the JSON inline (older outputs), are left alone."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            fallback = data.get("text/html")
            if PLOTLY_MIME not in data or fallback is None:
                continue
            fallback = "".join(fallback) if isinstance(fallback, list) else fallback
            if f'class="{FIGURE_SPEC_CLASS}"' in fallback or "var spec = {" in fallback or 'class="gan-figure"' not in fallback:
                continue
            spec = json.dumps(data[PLOTLY_MIME], separators=(",", ":"), ensure_ascii=False)
            spec = spec.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # cannot end the script
            data["text/html"] = (f'<script type="application/json" class="{FIGURE_SPEC_CLASS}">{spec}</script>\n'
                                 + fallback)
    return nb


def plotly_loader(version):
    """plotly.js, loaded before require.js with AMD hidden, so that it always sets window.Plotly."""
    return ("<script>window.__ganDefine = window.define; window.define = undefined;</script>\n"
            f'<script src="assets/plotly-{version}.js"></script>\n'
            "<script>window.define = window.__ganDefine; delete window.__ganDefine;</script>\n")


NAV_STYLE = ("font: 14px/1.6 system-ui, sans-serif; padding: 8px 16px; display: flex; gap: 24px; "
             "border-bottom: 1px solid #ddd; background: #fafafa")


def nav_bar(prev, nxt, executed_href):
    """Contents / previous / next links; prev and nxt are (href, title) or None."""
    links = ['<a href="index.html">Contents</a>']
    if prev:
        links.append(f'<a href="{html.escape(prev[0])}">&larr; {html.escape(prev[1])}</a>')
    if nxt:
        links.append(f'<a href="{html.escape(nxt[0])}">{html.escape(nxt[1])} &rarr;</a>')
    links.append(f'<a href="{html.escape(executed_href)}">executed notebook (.ipynb)</a>')
    return f'<nav class="gan-book-nav" style="{NAV_STYLE}">{"".join(links)}</nav>\n'


_exporter = None


def exporter():
    global _exporter
    if _exporter is None:
        from nbconvert import HTMLExporter
        _exporter = HTMLExporter(template_name="lab")
        # Everything the page loads comes from assets/ next to it: nothing from the network.
        _exporter.mathjax_url = f"assets/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
        _exporter.require_js_url = "assets/require.min.js"
        _exporter.jquery_url = "assets/jquery.min.js"
    return _exporter


NOTEBOOK_LINK = re.compile(r"""href=(["'])(?:\./)?([A-Za-z0-9][\w.-]*)\.ipynb(#[^"']*)?\1""")


def link_pages(body):
    """Links to a sibling notebook (`6-7-theory.ipynb#s6`, which JupyterLab follows) point to its page in the book
    (`6-7-theory.html#s6`); links to anything else are left as they are."""
    def page(m):
        if not (NOTEBOOKS / (m.group(2) + ".ipynb")).is_file():
            return m.group(0)
        return f"href={m.group(1)}{m.group(2)}.html{m.group(3) or ''}{m.group(1)}"
    return NOTEBOOK_LINK.sub(page, body)


def export_page(executed, page, title, nav, version, key):
    """Writes the HTML page of an executed notebook."""
    import nbformat
    nb = nbformat.read(executed, as_version=4)
    nb.metadata.pop("widgets", None)  # widget state would load the widget manager from a CDN
    nb.metadata["title"] = title
    with_figure_json(nb)
    body, _ = exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = link_pages(strip_inline_plotly(body))
    head = re.search(r"<head[^>]*>", body)
    if head is None:
        raise ValueError(f"nbconvert wrote no <head> for {executed}")
    insert = head.end()
    charset = re.compile(r"\s*<meta charset=[^>]*>").match(body, insert)
    if charset:
        insert = charset.end()
    if GAN_FIGURE.search(body):
        body = body[:insert] + "\n" + plotly_loader(version) + body[insert:]
    m = re.search(r"<body[^>]*>", body)
    if m:
        body = body[:m.end()] + "\n" + nav + body[m.end():]
        tail = body.rfind("</body>")
        if tail >= 0:
            body = body[:tail] + nav + body[tail:]
    body = body.rstrip() + f"\n<!-- gan-book export-key {key} -->\n"
    atomic_write(page, body)


def page_key(page):
    """The export key a page was written for (from its last line), or None."""
    try:
        with open(page, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 200))
            tail = f.read().decode("utf-8", errors="replace")
    except OSError:
        return None
    m = EXPORT_KEY.search(tail)
    return m.group(1) if m else None


INDEX_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }
.ok { color: #1a7f37; } .failed { color: #c62828; } .small { color: #666; font-size: 90%; }
"""


README = ROOT / "README.md"


def glossary_html():
    """The glossary table of README.md (the markdown table after its `<!-- glossary` comment) as HTML,
    its $…$ left for MathJax; "" when README.md has none."""
    text = README.read_text(encoding="utf-8") if README.is_file() else ""
    start = text.find("<!-- glossary")
    if start < 0:
        return ""
    rows = []
    for line in text[start:].splitlines()[1:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= set("-: ") for c in cells):
            continue
        tag = "th" if not rows else "td"
        rows.append("<tr>" + "".join(f"<{tag}>{html.escape(c).replace('`', '')}</{tag}>" for c in cells) + "</tr>")
    if not rows:
        return ""
    return ('<h2 id="glossary">용어 / Glossary</h2>\n<table class="glossary">\n<thead>' + rows[0] + "</thead>\n<tbody>\n"
            + "\n".join(rows[1:]) + "\n</tbody>\n</table>\n")


def write_index(book_dir, entries, executed_rel):
    """entries: list of dict(name, title, ok, seconds, error)."""
    rows = []
    for e in entries:
        stem = Path(e["name"]).stem
        status = ('<span class="ok">ok</span>' if e["ok"] else
                  f'<span class="failed">failed</span><br><span class="small">{html.escape(describe_failure(e["name"], e["error"]))}</span>')
        written = (book_dir / f"{stem}.html").is_file()
        title = (f'<a href="{html.escape(stem)}.html">{html.escape(e["title"])}</a>' if written
                 else html.escape(e["title"]))
        ipynb = (f'<a href="{html.escape(executed_rel)}/{html.escape(e["name"])}">.ipynb</a>' if written else "")
        rows.append(f'<tr><td>{title}</td><td>{status}</td><td class="small">{e["seconds"]:.1f} s</td>'
                    f'<td class="small">{ipynb}</td></tr>')
    page = f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>GAN in Java: notebooks</title>
<style>{INDEX_STYLE}</style>
<script type="text/x-mathjax-config">MathJax.Hub.Config({{tex2jax: {{inlineMath: [["$", "$"]]}}}});</script>
<script src="assets/mathjax/MathJax.js?config={MATHJAX_CONFIG}"></script>
</head>
<body>
<h1>Generative Adversarial Nets in Java</h1>
<p>강의 순서대로 (6-1 ~ 6-7, 그다음 강의 밖의 노트북) 실행된 노트북입니다. 모든 페이지는 네트워크 없이 디스크에서 바로 열립니다.</p>
<p>The notebooks of the tutorial set, executed, in lecture order (6-1 to 6-7, then further notebooks).
Each page works offline: open it from disk.</p>
<table>
<thead><tr><th>Notebook</th><th>Status</th><th>Time</th><th>Executed</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{glossary_html()}
<p class="small">Built {time.strftime("%Y-%m-%d %H:%M")} from notebooks/ by <code>make run</code>.</p>
</body>
</html>
"""
    index = book_dir / "index.html"
    if not index.is_file() or index.read_text(encoding="utf-8") != page:
        atomic_write(index, page)
    return index


def publish(sources, results, executed_dir, book_dir, titles):
    """Writes the pages whose key changed, removes pages of deleted notebooks, writes the index.
    Returns the list of pages (Path) in book order."""
    version = ensure_assets(book_dir)
    exporter_hash = sha256_file(Path(__file__))
    executed_rel = os.path.relpath(executed_dir, book_dir)
    pages, entries, written = [], [], 0
    for i, source in enumerate(sources):
        name, stem = source.name, source.stem
        prev = (sources[i - 1].stem + ".html", titles[sources[i - 1].name]) if i > 0 else None
        nxt = (sources[i + 1].stem + ".html", titles[sources[i + 1].name]) if i + 1 < len(sources) else None
        nav = nav_bar(prev, nxt, f"{executed_rel}/{name}")
        executed = executed_dir / name
        page = book_dir / f"{stem}.html"
        pages.append(page)
        result = results[name]
        if executed.is_file():
            key = digest(sha256_file(executed), exporter_hash, version, nav, titles[name])
            if page_key(page) != key:
                try:
                    export_page(executed, page, titles[name], nav, version, key)
                    written += 1
                except Exception as e:  # one bad page must not stop the book
                    result.ok = False
                    result.error = {"kind": "export", "message": f"HTML export failed: {type(e).__name__}: {e}"}
                    print(f"FAIL {describe_failure(name, result.error)}")
                    if page.exists():
                        page.unlink()
        elif page.exists():
            page.unlink()
        entries.append({"name": name, "title": titles[name], "ok": result.ok, "seconds": result.seconds,
                        "error": result.error})
    current = {p.name for p in pages} | {"index.html"}
    for old in book_dir.glob("*.html"):
        if old.name not in current:
            old.unlink()
    index = write_index(book_dir, entries, executed_rel)
    print(f"== book: {len(pages)} page{'s' if len(pages) != 1 else ''} in {rel(book_dir)}/ ({written} written, "
          f"{len(pages) - written} unchanged)")
    return pages, index


# ---------------------------------------------------------------------------------------------------
# Commands

def build_book(out_root, reuse):
    """Executes (what changed, with reuse) and publishes every notebook under out_root:
    out_root/executed, out_root/logs, out_root/book. Returns (results, pages, index)."""
    import nbformat
    sources = list_notebooks()
    if not sources:
        raise SystemExit(f"book: no notebooks in {rel(NOTEBOOKS)}/")
    library = digest(jar_fingerprint(), data_fingerprint())
    keys, titles = {}, {}
    for source in sources:
        keys[source.name] = digest(source.read_bytes(), library)
        titles[source.name] = first_heading(nbformat.read(source, as_version=4), source.stem)
    executed_dir, log_dir, book_dir = out_root / "executed", out_root / "logs", out_root / "book"
    results = execute_all(sources, executed_dir, log_dir, keys, reuse)
    sources = [s for s in sources if s.name in results]     # NB=… may leave out notebooks never run before
    for stale in executed_dir.glob("*.ipynb"):
        if stale.name not in keys:
            stale.unlink()
            (executed_dir / (stale.stem + ".result.json")).unlink(missing_ok=True)
    pages, index = publish(sources, results, executed_dir, book_dir, titles)
    return sources, results, pages, index


def command_run():
    start = time.monotonic()
    sources, results, pages, index = build_book(BUILD, reuse=True)
    failed = [results[s.name] for s in sources if not results[s.name].ok]
    print(f"== {len(sources) - len(failed)} of {len(sources)} notebooks ok ({time.monotonic() - start:.1f} s)")
    for f in failed:
        print(f"FAIL {describe_failure(f.name, f.error)}")
    print(f"Open the book: file://{index}")
    return 1 if failed else 0


def strip_outputs(nb):
    """Clears outputs and execution counts in place and sets language_info to LANGUAGE_INFO; True when
    something changed."""
    changed = False
    if dict(nb.metadata.get("language_info", {})) != LANGUAGE_INFO:
        nb.metadata["language_info"] = dict(LANGUAGE_INFO)
        changed = True
    for cell in nb.cells:
        if cell.cell_type == "code":
            if cell.get("outputs") or cell.get("execution_count") is not None:
                changed = True
            cell.outputs = []
            cell.execution_count = None
        if "execution" in cell.get("metadata", {}):
            del cell.metadata["execution"]
            changed = True
    return changed


def command_strip(paths):
    import nbformat
    for path in [Path(p) for p in paths] or list_notebooks():
        nb = nbformat.read(path, as_version=4)
        if strip_outputs(nb):
            atomic_write(path, nbformat.writes(nb) + "\n")
            print(f"stripped {rel(path)}")
    return 0


def main(argv):
    if len(argv) >= 1 and argv[0] == "exec" and len(argv) == 4:
        return execute_child(*argv[1:])
    if argv == ["run"]:
        return command_run()
    if argv and argv[0] == "strip":
        return command_strip(argv[1:])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
