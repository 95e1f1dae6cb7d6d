"""A notebook's second parameter run: its `metadata.gan.second_run.code` (e.g. {"code": "nK = 1;\\nseed = 7;",
"note": "k = 1, seed 7"}) injected as a cell after its one code cell tagged `parameters`. make test runs it; by hand:

    scripts/jupyter-python scripts/second_run.py notebooks/6-5-normal.ipynb   executes it into build/second/
"""
import copy
import sys
from pathlib import Path

import book


def second_run_code(nb):
    return nb.metadata.get("gan", {}).get("second_run", {}).get("code")


def inject(nb):
    """A copy of nb with the second-run code as a cell (tagged and with the id `injected-parameters`, so the staged
    copy stays the same from run to run) after the parameters cell; ValueError when either is missing."""
    import nbformat
    if not (code := second_run_code(nb)):
        raise ValueError("no metadata.gan.second_run.code in the notebook")
    tagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]
    if len(tagged) != 1:
        raise ValueError(f"needs exactly one code cell tagged 'parameters', found {len(tagged)}")
    out = copy.deepcopy(nb)
    out.cells.insert(tagged[0] + 1, nbformat.v4.new_code_cell(
        "// second parameter run (make test): injected after the parameters cell\n" + code,
        id="injected-parameters", metadata={"tags": ["injected-parameters"]}))
    return out


def job(source, root):
    """The book.Job of source's second run: staged in root/second-src/, run into root/second/ (ValueError as inject)."""
    import nbformat
    nb = nbformat.read(source, as_version=4)
    book.atomic_write(staged := root / "second-src" / source.name, nbformat.writes(inject(nb)))
    note = nb.metadata.get("gan", {}).get("second_run", {}).get("note", "")
    return book.Job(staged, root / "second", root / "second-logs", "second-run",
                    f"second run of notebooks/{source.name}" + (f" [{note}]" if note else ""))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[-1])
    done = job(Path(sys.argv[1]).resolve(), book.BUILD).run()
    sys.exit(print(f"{done.seconds:.1f} s  {done.line()} (kernel log: {book.rel(done.log)})") or not done.ok)
