"""Executes the notebooks and publishes them as a book of HTML pages that work offline (README.md, "make run").

    scripts/jupyter-python scripts/book.py run      execute what changed (NB="6-5 6-7": only those), export, index
    scripts/jupyter-python scripts/book.py strip    remove outputs and execution counts from notebooks/

Each notebook runs on a fresh kernel in notebooks/, NB_JOBS (default 2) at a time, the kernel logging to
build/logs/<name>.log; again only when it, the library or data/ changed or it failed. scripts/test.py reuses this.
"""
import atexit
import concurrent.futures
import functools
import hashlib
import html
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS, BUILD, DATA = ROOT / "notebooks", ROOT / "build", ROOT / "data"
LIB_TARGET = ROOT / "lib" / "target"
KERNEL_NAME = "rapaio-jupyter-kernel"
# What the patched kernel reports (lib/src/kernel-patch/.../ShellHandlers.java); committed notebooks carry exactly
# this, so that JupyterLab and Notebook 7, which write it into a notebook on open, do not mark it modified.
LANGUAGE_INFO = {"name": "java", "version": "17", "mimetype": "text/x-java-source", "file_extension": ".jshell",
                 "pygments_lexer": "java", "codemirror_mode": "java", "nbconvert_exporter": "script"}
CELL_TIMEOUT = int(os.environ.get("NB_CELL_TIMEOUT", "1200"))      # seconds per cell
STARTUP_TIMEOUT = 60                                                # seconds for a new kernel to answer kernel_info
JOBS = max(1, int(os.environ.get("NB_JOBS", str(min(2, os.cpu_count() or 1)))))
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
PLOTLY_MIME, FIGURE_SPEC_CLASS = "application/vnd.plotly.v1+json", "gan-figure-spec"  # gan.plot.FigureHtml.SPEC_CLASS
EXPORT_KEY = re.compile(r"<!-- gan-book export-key ([0-9a-f]+) -->\s*$")


def list_notebooks():
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not p.name.startswith("."))


def rel(path):
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def first_heading(nb, fallback):
    """The text of the notebook's first markdown heading ('# 6-1. GAN 개요 / Overview' -> '6-1. GAN ...')."""
    for cell in nb.cells:
        for line in cell.source.splitlines() if cell.cell_type == "markdown" else []:
            if m := re.match(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$", line):
                return m.group(1)
    return fallback


def digest(*parts):
    return hashlib.sha256(b"\0".join(p.encode() if isinstance(p, str) else p for p in parts)).hexdigest()


def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def library_fingerprint():
    """gan.jar's entries (name, CRC, size), deps/*.jar (name, size) and data/: a rebuild from unchanged sources keeps it."""
    jar, parts = LIB_TARGET / "gan.jar", []
    if jar.is_file():
        with zipfile.ZipFile(jar) as z:
            parts += sorted(f"{i.filename} {i.CRC} {i.file_size}" for i in z.infolist())
    parts += [f"{d.name} {d.stat().st_size}" for d in sorted((LIB_TARGET / "deps").glob("*.jar"))]
    parts += [f"{f.relative_to(DATA)} {sha256_file(f)}" for f in sorted(DATA.rglob("*")) if f.is_file()]
    return digest(*parts)


def atomic_write(path, data):
    """Writes a whole file or nothing: a temporary file beside it, renamed over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------------
# Executing notebooks

def error_line(output):
    """One line for an error output. The kernel reports a thrown exception as ename 'EvalException' with class and
    message on the first traceback line, a compile error as 'CompilerException' with the message after the code."""
    ename, evalue = output.get("ename", "") or "Error", ANSI.sub("", output.get("evalue", "") or "").strip()
    lines = [s for s in (ANSI.sub("", p).strip() for e in output.get("traceback", []) for p in e.splitlines()) if s]
    if ename == "EvalException" and lines:
        m = re.match(r"^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?::\s*(.*))?$", lines[0])
        return m.group(1).rsplit(".", 1)[-1] + (f": {m.group(2)}" if m.group(2) else "") if m else lines[0]
    if ename == "CompilerException":
        detail = [line for line in lines if line != "Compile error:" and not line.startswith("|")]
        return f"CompilerException: {detail[0] if detail else evalue}"
    first = evalue.splitlines()[0] if evalue else (lines[0] if lines else "")
    return f"{ename}: {first}" if first else ename


def execute(src, out, log):
    """Executes one notebook on a fresh kernel (its output to the file log) into out; None, or what failed. A kernel
    that has not answered within STARTUP_TIMEOUT seconds is an error, never retried."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb, at = nbformat.read(src, as_version=4), [None]
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT, startup_timeout=STARTUP_TIMEOUT,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.on_cell_execute = lambda cell, cell_index: at.__setitem__(0, cell_index)
    error = None
    try:
        client.execute(stdout=log, stderr=subprocess.STDOUT)
    except Exception as e:
        text, message = (str(e).strip().splitlines() or [""])[0], None
        if isinstance(e, (CellTimeoutError, TimeoutError)):
            message = (f"kernel did not answer within {STARTUP_TIMEOUT} s: {type(e).__name__}: {text}" if at[0] is None
                       else f"timed out after {CELL_TIMEOUT} s (NB_CELL_TIMEOUT)")
        elif isinstance(e, DeadKernelError):
            message = f"the kernel died: {text or 'DeadKernelError'}"
        elif not isinstance(e, CellExecutionError):  # kernel not found, did not start, ...
            message = f"{type(e).__name__}: {text}"
        if at[0] is None:
            error = {"kind": "startup", "message": message}
        else:
            cell = nb.cells[at[0]]
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            error = {"kind": "cell", "cell": at[0] + 1, "execution_count": cell.get("execution_count"),
                     "message": message or (error_line(errors[0]) if errors else "the cell raised an error")}
    finally:
        atexit.unregister(client._cleanup_kernel)  # nbclient leaves it registered when the kernel did not start
    atomic_write(out, nbformat.writes(nb))
    return error


def describe_failure(where, error):
    """'notebooks/6-5-x.ipynb cell 12 (In [7]): IllegalStateException: ...'"""
    if not error or error.get("kind") != "cell":
        return f"{where}: {error.get('message') if error else 'failed'}"
    count = error.get("execution_count")
    return f"{where} cell {error.get('cell')}{f' (In [{count}])' if count is not None else ''}: {error.get('message')}"


class Job:
    """One notebook to execute (label: what the lines call it) and, once run, its outcome."""

    def __init__(self, source, out_dir, log_dir, key, label=None):
        self.source, self.out, self.key, self.name = source, out_dir / source.name, key, source.name
        self.result_path, self.log = out_dir / (source.stem + ".result.json"), log_dir / (source.stem + ".log")
        self.label = label or f"notebooks/{source.name}"
        self.ok, self.seconds, self.error = False, 0.0, None

    def line(self):
        return f"ok   {self.label}" if self.ok else f"FAIL {describe_failure(self.label, self.error)}"

    def run(self):
        """Executes the notebook (thread-safe: a kernel each) and writes {ok, seconds, error, key} beside it."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.result_path.unlink(missing_ok=True)
        start = time.monotonic()
        with open(self.log, "wb") as log:
            self.error = execute(self.source, self.out, log)
        self.ok, self.seconds = self.error is None, time.monotonic() - start
        atomic_write(self.result_path, json.dumps({"ok": self.ok, "seconds": round(self.seconds, 2), "error": self.error,
                                                   "key": self.key}, ensure_ascii=False, indent=1))
        return self


def execute_all(jobs, reuse):
    """Executes the jobs, JOBS at a time, the longest last time first, printing one line per job as it finishes.
    With reuse, a notebook whose last run succeeded for the same key, or that NB leaves out, is not run again.
    Returns the jobs run or kept."""
    todo, kept, unselected = [], [], []
    prefixes = os.environ.get("NB", "").split() if reuse else []
    for job in jobs:
        try:
            previous = json.loads(job.result_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        job.seconds = previous.get("seconds", 0.0)
        unchanged = previous.get("ok") and previous.get("key") == job.key and job.out.is_file()
        if reuse and (unchanged or (prefixes and not any(job.name.startswith(p) for p in prefixes))):
            job.ok, job.error = bool(previous.get("ok")), previous.get("error")
            (kept if unchanged else unselected).append(job)
        else:
            todo.append(job)
    if unselected:
        print(f"   not selected by NB={os.environ.get('NB', '')!r}, not run: {', '.join(j.name for j in unselected)}")
    if kept:
        print(f"   unchanged, not run again: {', '.join(sorted(j.name for j in kept))}")
    if todo:
        print(f"== executing {len(todo)} notebook{'s' if len(todo) != 1 else ''}, {min(JOBS, len(todo))} at a time "
              f"(kernel logs in {rel(todo[0].log.parent)}/)", flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
        for done in concurrent.futures.as_completed([pool.submit(j.run) for j in sorted(todo, key=lambda j: -j.seconds)]):
            job = done.result()
            print(f"{job.seconds:7.1f} s  {job.line()}", flush=True)
            if not job.ok and (job.error or {}).get("kind") == "startup":
                text = job.log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
                print(f"       last {len(text)} lines of {rel(job.log)}:\n"
                      + "\n".join("       | " + ANSI.sub("", line) for line in text))
    return [job for job in jobs if job in todo or job.out.is_file()]   # NB=… may leave out notebooks never run


# ---------------------------------------------------------------------------------------------------
# Local copies of what a page loads: require.js, jQuery, MathJax and plotly.js (loaded by each figure's own script,
# gan.plot.FigureHtml), unpacked from their webjars by lib/pom.xml (its book-assets execution)

WEBJARS = LIB_TARGET / "webjars" / "META-INF" / "resources" / "webjars"


def ensure_assets(book_dir):
    """The webjars' files in <book>/assets, each copied whole or not at all, once; returns plotly's version."""
    assets, plotly = book_dir / "assets", sorted(WEBJARS.glob("plotly.js-dist/*/plotly.js"))
    assets.mkdir(parents=True, exist_ok=True)
    if not plotly:
        raise SystemExit(f"book: {rel(WEBJARS)}/plotly.js-dist missing; build the library (make jar)")
    version = plotly[-1].parent.name
    for dest, source in [("require.min.js", "requirejs/*/require.min.js"), ("jquery.min.js", "jquery/*/jquery.min.js"),
                         ("mathjax", "mathjax/*"), (f"plotly-{version}.js", f"plotly.js-dist/{version}/plotly.js"),
                         (f"plotly-{version}.LICENSE", f"plotly.js-dist/{version}/LICENSE")]:  # FigureHtml.PLOTLY_ASSET
        if not (assets / dest).exists():
            found, tmp = sorted(WEBJARS.glob(source)), assets / f".{dest}.{os.getpid()}.tmp"
            if not found:
                raise SystemExit(f"book: {rel(WEBJARS)}/{source} missing; build the library (make jar)")
            (shutil.copytree if found[-1].is_dir() else shutil.copyfile)(found[-1], tmp)
            os.replace(tmp, assets / dest)
    return version


# ---------------------------------------------------------------------------------------------------
# HTML pages

def with_figure_json(nb):
    """Puts each figure's plotly JSON in front of its HTML fallback, as gan.plot.FigureHtml.specElement does (a
    notebook output carries the JSON once, as its PLOTLY_MIME data, which nbconvert does not show)."""
    for out in (o for cell in nb.cells for o in cell.get("outputs", [])):
        data = out.get("data", {})
        fallback = data.get("text/html")
        fallback = "".join(fallback) if isinstance(fallback, list) else fallback
        if PLOTLY_MIME in data and 'class="gan-figure"' in (fallback or "") and f'class="{FIGURE_SPEC_CLASS}"' not in fallback:
            spec = json.dumps(data[PLOTLY_MIME], separators=(",", ":"), ensure_ascii=False)
            spec = spec.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # cannot end the script
            data["text/html"] = f'<script type="application/json" class="{FIGURE_SPEC_CLASS}">{spec}</script>\n{fallback}'
    return nb


NOTEBOOK_LINK = re.compile(r"""href=(["'])(?:\./)?([A-Za-z0-9][\w.-]*)\.ipynb(#[^"']*)?\1""")


def nav_bar(prev, nxt, executed_href):
    """Markdown: Contents / previous / next / the executed notebook; prev and nxt are (href, title) or None."""
    esc = lambda text: re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)
    links = ["[Contents](index.html)"] + ([f"[← {esc(prev[1])}]({prev[0]})"] if prev else [])
    links += ([f"[{esc(nxt[1])} →]({nxt[0]})"] if nxt else []) + [f"[executed notebook (.ipynb)]({executed_href})"]
    return " &nbsp;·&nbsp; ".join(links)


def link_pages(body):
    """Links to a sibling notebook (`6-7-theory.ipynb#s6`, which JupyterLab follows) point to its page in the book."""
    return NOTEBOOK_LINK.sub(lambda m: f"href={m.group(1)}{m.group(2)}.html{m.group(3) or ''}{m.group(1)}"
                             if (NOTEBOOKS / (m.group(2) + ".ipynb")).is_file() else m.group(0), body)


@functools.cache
def exporter():
    """nbconvert's HTML exporter, everything a page loads from assets/ beside it."""
    from nbconvert import HTMLExporter
    return HTMLExporter(template_name="lab", mathjax_url=f"assets/mathjax/MathJax.js?config={MATHJAX_CONFIG}",
                        require_js_url="assets/require.min.js", jquery_url="assets/jquery.min.js")


def export_page(executed, page, title, nav, key):
    """Writes the HTML page of an executed notebook, the nav bar (markdown) at its top and bottom."""
    import nbformat
    nb = nbformat.read(executed, as_version=4)
    nb.metadata.pop("widgets", None)  # widget state would load the widget manager from a CDN
    nb.metadata["title"] = title
    nb.cells = [nbformat.v4.new_markdown_cell(nav, id="gan-nav-top"), *nb.cells,
                nbformat.v4.new_markdown_cell(nav, id="gan-nav-end")]
    body = link_pages(exporter().from_notebook_node(with_figure_json(nb), resources={"metadata": {"name": title}})[0])
    atomic_write(page, body.rstrip() + f"\n<!-- gan-book export-key {key} -->\n")


def page_key(page):
    """The export key a page was written for (from its last line), or None."""
    m = EXPORT_KEY.search(page.read_text(encoding="utf-8", errors="replace")[-200:]) if page.is_file() else None
    return m.group(1) if m else None


def glossary():
    """The glossary of README.md: the markdown table after its `<!-- glossary` comment ("" when it has none)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8") if (ROOT / "README.md").is_file() else ""
    lines = text[text.find("<!-- glossary"):].splitlines()[1:] if "<!-- glossary" in text else []
    table = "\n".join(itertools.takewhile(lambda line: line.startswith("|"), lines))
    return re.sub(r"\$[^$\n]*\$", lambda m: m.group(0).replace("|", r"\vert "), table)  # no cell ends inside $|r|$


INDEX = """# Generative Adversarial Nets in Java

강의 순서대로 (6-1 ~ 6-7, 그다음 강의 밖의 노트북) 실행된 노트북입니다. 모든 페이지는 네트워크 없이 디스크에서 바로 열립니다.

The notebooks of the tutorial set, executed, in lecture order (6-1 to 6-7, then further notebooks).
Each page works offline: open it from disk.

| Notebook | Status | Time | Executed |
|---|---|---|---|
"""


def write_index(book_dir, jobs, titles, executed_rel):
    """index.html: a markdown notebook (the notebooks' table, the glossary) exported as the pages are."""
    import nbformat
    rows = []
    for j in jobs:
        title, written = titles[j.name].replace("|", "\\|"), (book_dir / f"{j.source.stem}.html").is_file()
        status = "ok" if j.ok else "**failed**: " + html.escape(describe_failure(j.label, j.error)).replace("|", "&#124;")
        rows.append(f"| {f'[{title}]({j.source.stem}.html)' if written else title} | {status} | {j.seconds:.1f} s | "
                    + (f"[.ipynb]({executed_rel}/{j.name})" if written else "") + " |")
    table = glossary()
    text = INDEX + "\n".join(rows) + (f"\n\n## 용어 / Glossary\n\n{table}" if table else "")
    nb = nbformat.v4.new_notebook(metadata={"title": "GAN in Java: notebooks"}, cells=[nbformat.v4.new_markdown_cell(
        text + f"\n\nBuilt {time.strftime('%Y-%m-%d %H:%M')} from notebooks/ by `make run`.", id="index")])
    page, index = exporter().from_notebook_node(nb, resources={"metadata": {"name": "index"}})[0], book_dir / "index.html"
    if not index.is_file() or index.read_text(encoding="utf-8") != page:
        atomic_write(index, page)
    return index


def publish(jobs, book_dir, titles):
    """Writes the pages whose key changed, removes pages of deleted notebooks, writes the index. Returns (pages in
    book order, index)."""
    version, exporter_hash = ensure_assets(book_dir), sha256_file(__file__)
    executed_rel = os.path.relpath(jobs[0].out.parent, book_dir) if jobs else "../executed"
    pages, written = [], 0
    for i, job in enumerate(jobs):
        near = [(j.source.stem + ".html", titles[j.name]) if j else None
                for j in (jobs[i - 1] if i else None, jobs[i + 1] if i + 1 < len(jobs) else None)]
        nav = nav_bar(*near, f"{executed_rel}/{job.name}")
        page = book_dir / f"{job.source.stem}.html"
        pages.append(page)
        if not job.out.is_file():
            page.unlink(missing_ok=True)
            continue
        key = digest(sha256_file(job.out), exporter_hash, version, nav, titles[job.name])
        if page_key(page) != key:
            try:
                export_page(job.out, page, titles[job.name], nav, key)
                written += 1
            except Exception as e:  # one bad page must not stop the book
                job.ok, job.error = False, {"kind": "export", "message": f"HTML export failed: {type(e).__name__}: {e}"}
                print(f"FAIL {describe_failure(job.label, job.error)}")
                page.unlink(missing_ok=True)
    for old in book_dir.glob("*.html"):
        if old not in pages and old.name != "index.html":
            old.unlink()
    index = write_index(book_dir, jobs, titles, executed_rel)
    print(f"== book: {len(pages)} page{'s' if len(pages) != 1 else ''} in {rel(book_dir)}/ ({written} written, "
          f"{len(pages) - written} unchanged)")
    return pages, index


# ---------------------------------------------------------------------------------------------------
# Commands

def build_book(out_root, reuse, extra_jobs=(), sources=None):
    """Executes (with reuse: what changed) the notebooks (default: all) into out_root/executed, and extra_jobs in the
    same pool, then publishes out_root/book. Returns (notebook jobs run or kept, pages, index)."""
    import nbformat
    sources = list_notebooks() if sources is None else sources
    if not sources:
        raise SystemExit(f"book: no notebooks in {rel(NOTEBOOKS)}/")
    library, executed_dir = library_fingerprint(), out_root / "executed"
    titles = {s.name: first_heading(nbformat.read(s, as_version=4), s.stem) for s in sources}
    jobs = [Job(s, executed_dir, out_root / "logs", digest(s.read_bytes(), library)) for s in sources]
    done = execute_all(jobs + list(extra_jobs), reuse)
    jobs = [j for j in jobs if j in done]
    for stale in executed_dir.glob("*.ipynb"):
        if stale.name not in titles:
            stale.unlink()
            (executed_dir / (stale.stem + ".result.json")).unlink(missing_ok=True)
    return (jobs, *publish(jobs, out_root / "book", titles))


def strip_outputs(nb):
    """Clears outputs and execution counts in place and sets language_info to LANGUAGE_INFO; True when it changed."""
    changed = dict(nb.metadata.get("language_info", {})) != LANGUAGE_INFO
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    for cell in nb.cells:
        if cell.cell_type == "code":
            changed |= bool(cell.get("outputs")) or cell.get("execution_count") is not None
            cell.outputs, cell.execution_count = [], None
        changed |= cell.get("metadata", {}).pop("execution", None) is not None
    return changed


def main(argv):
    import nbformat
    if argv == ["run"]:
        start = time.monotonic()
        jobs, pages, index = build_book(BUILD, reuse=True)
        failed = [j for j in jobs if not j.ok]
        print(f"== {len(jobs) - len(failed)} of {len(jobs)} notebooks ok ({time.monotonic() - start:.1f} s)")
        for j in failed:
            print(f"FAIL {describe_failure(j.label, j.error)}")
        print(f"Open the book: file://{index}")
        return 1 if failed else 0
    if argv[:1] == ["strip"]:
        for path in [Path(p) for p in argv[1:]] or list_notebooks():
            if strip_outputs(nb := nbformat.read(path, as_version=4)):
                atomic_write(path, nbformat.writes(nb) + "\n")
                print(f"stripped {rel(path)}")
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
