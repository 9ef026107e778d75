"""The two floors a lesson is measured against, as notebooks written into a scratch folder.

* the **empty** floor: one cell that does nothing. Executing it is starting a kernel, connecting to it
  and stopping it: what every notebook pays, whatever it holds.
* the **import** floor: one cell that imports what every lesson must (pandas, matplotlib.pyplot,
  ipywidgets and the pack's helpers). No lesson can run in less than this; the gap between a lesson and
  this floor is the lesson's own work.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     paths = notebooks(pathlib.Path(tmp), "import", 2)
...     [p.name for p in paths]
['00-import.ipynb', '01-import.ipynb']
"""

from __future__ import annotations

from pathlib import Path

CODE = {
    "empty": "pass",
    "import": "import pandas, matplotlib.pyplot, ipywidgets\nimport helpers, helpers.lesson, helpers.charts, "
    "helpers.exercises",
}


def notebooks(folder: Path, kind: str, n: int = 1) -> list[Path]:
    """Write ``n`` notebooks of the given kind ("empty" or "import") into ``folder``; return their paths."""
    from helpers._imports import nbformat as load_nbformat

    nbformat = load_nbformat()

    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(CODE[kind])]
        path = folder / f"{i:02d}-{kind}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths
