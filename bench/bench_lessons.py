"""Each lesson in a fresh kernel against the floor: an empty notebook in a fresh kernel (kernel start-up)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from harness import Measurement, measure


def _empty_notebook(folder: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("pass")]
    path = folder / "empty.ipynb"
    nbformat.write(nb, path)
    return path


def run(quick: bool = False) -> list[Measurement]:
    from helpers.execute import execute
    from helpers.notebooks import catalogue

    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        empty = _empty_notebook(Path(tmp))
        floor = measure("empty notebook, fresh kernel (the floor)", lambda: execute(empty), repeat=repeat + 2)
        out = [floor]
        for lesson in catalogue():
            out.append(measure(f"lesson {lesson.id}, fresh kernel", lambda p=lesson.path: execute(p), repeat=repeat,
                               warmup=0, baseline=floor.name))
    return out
