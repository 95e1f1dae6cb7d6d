"""A notebook's second parameter run: the notebook with its `gan.second_run` code injected after its parameters cell.

Every lecture notebook has one code cell tagged `parameters` (cell metadata "tags": ["parameters"]) holding what a
reader would change, and in its notebook metadata a second set of values to test it with:

    "metadata": {"gan": {"second_run": {"code": "nK = 1;\\nlearningRate = 1e-3;\\nseed = 7;\\nnEpochs = 2_000;",
                                        "note": "k = 1, learning rate 1e-3, seed 7, 2,000 epochs"}}}

`code` is Java that assigns new values to variables the parameters cell declares. `make test` runs the notebook once
as committed and once with `code` injected as a new cell (tagged `injected-parameters`) right after the parameters
cell; both runs must finish without an error.

    scripts/jupyter-python scripts/second_run.py notebooks/6-5-normal.ipynb   executes the second run into build/second/
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def second_run_code(nb):
    """The notebook's second-run code, or None when it declares none."""
    spec = nb.metadata.get("gan", {}).get("second_run")
    return spec.get("code") if spec else None


def inject(nb):
    """A copy of nb with its second-run code as a cell after the parameters cell.

    Raises ValueError naming what is missing: the second-run code, or exactly one cell tagged `parameters`."""
    import copy
    import nbformat
    code = second_run_code(nb)
    if not code:
        raise ValueError("no metadata.gan.second_run.code in the notebook")
    tagged = [i for i, c in enumerate(nb.cells)
              if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        raise ValueError(f"needs exactly one code cell tagged 'parameters', found {len(tagged)}")
    out = copy.deepcopy(nb)
    cell = nbformat.v4.new_code_cell("// second parameter run (make test): injected after the parameters cell\n" + code,
                                     metadata={"tags": ["injected-parameters"]})
    cell.pop("id", None)
    out.cells.insert(tagged[0] + 1, cell)
    return out


def main(argv):
    import nbformat
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import book
    if len(argv) != 1:
        print(__doc__.split("\n\n")[-1], file=sys.stderr)
        return 2
    src = Path(argv[0]).resolve()
    nb = nbformat.read(src, as_version=4)
    injected = inject(nb)
    out_dir = ROOT / "build" / "second"
    out_dir.mkdir(parents=True, exist_ok=True)
    staged = out_dir / ("source-" + src.name)
    book.atomic_write(staged, nbformat.writes(injected))
    code = book.execute_child(str(staged), str(out_dir / src.name), str(out_dir / (src.stem + ".result.json")))
    print((out_dir / (src.stem + ".result.json")).read_text())
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
