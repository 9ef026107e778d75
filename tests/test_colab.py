"""The Colab cell (scripts/colab_cell.py): in every lesson, the same, pinned; and, run where the pack is not
importable, it installs the pack so that the whole lesson runs.

Colab cannot be reached from here, so the slow test plays it: a fresh virtual environment outside the
checkout with nothing but a kernel in it (Colab's own), lesson 01 copied to a folder with no data/ near it,
and the cell's install source pointed at this repository instead of GitHub (the one line changed).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("colab_cell", ROOT / "scripts" / "colab_cell.py")
colab_cell = importlib.util.module_from_spec(spec)
spec.loader.exec_module(colab_cell)

LESSONS = colab_cell.lessons()


def test_every_lesson_has_the_same_pinned_cell_after_its_title():
    pins = colab_cell.pinned()
    assert set(pins) == {p.name for p in LESSONS} and len(LESSONS) >= 9
    assert None not in pins.values(), f"lessons without the Colab cell: {[n for n, r in pins.items() if r is None]}"
    assert len(set(pins.values())) == 1, f"lessons pinned to different commits: {pins}"
    (ref,) = set(pins.values())
    for path in LESSONS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        found = [i for i, c in enumerate(cells) if colab_cell.TAG in c["metadata"].get("tags", [])]
        assert found == [1], f"{path.name}: the Colab cell must come once, right after the title"
        assert "".join(cells[1]["source"]) == colab_cell.cell_source(ref), f"{path.name}: run scripts/colab_cell.py"
        assert "remove-cell" in cells[1]["metadata"]["tags"], "handouts leave the install cell out"


def test_the_pin_is_a_commit_of_this_repository():
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: the pin cannot be looked up")
    (ref,) = set(colab_cell.pinned().values())
    found = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-t", ref], capture_output=True, text=True)
    assert found.stdout.strip() == "commit", f"the Colab cell is pinned to {ref}, which is not a commit here"


def test_rewriting_the_cells_is_idempotent(tmp_path):
    for path in LESSONS:
        shutil.copy(path, tmp_path / path.name)
    (ref,) = set(colab_cell.pinned().values())
    assert colab_cell.write(ref, tmp_path) == [], "the stored lessons differ from what the script writes"
    other = "f" * 40
    assert len(colab_cell.write(other, tmp_path)) == len(LESSONS)
    assert set(colab_cell.pinned(tmp_path).values()) == {other}
    with pytest.raises(ValueError, match="40-character"):
        colab_cell.cell_source("main")


def test_the_readme_opens_every_lesson_in_colab():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(
        r"https://colab\.research\.google\.com/github/OWNER/truce-and-rupture/blob/main/(\S+?\.ipynb)", readme
    )
    assert sorted(links) == sorted(f"notebooks/{p.name}" for p in LESSONS), "one Colab link per lesson"
    assert "| **Google Colab** |" in readme, "the classroom table has a Colab row"


@pytest.mark.slow
def test_the_cell_installs_the_pack_and_the_lesson_runs_in_a_fresh_environment(tmp_path, monkeypatch):
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    # "Colab": a fresh environment, nothing in it but a kernel
    venv = tmp_path / "colab"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "ipykernel"],
        check=True,
        capture_output=True,
    )
    found = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print(u.find_spec('helpers'))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "None", "the fresh environment already sees helpers"
    kernels = tmp_path / "kernels" / "colab"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "colab stand-in",
                "language": "python",
            }
        )
    )

    # the lesson, alone in a folder far from any data/, its cell pointed at this repository
    work = tmp_path / "content"
    work.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "01-recognition-1924.ipynb", as_version=4)
    cell = nb.cells[1]
    (ref,) = set(colab_cell.pinned().values())
    remote = f"git+{colab_cell.REPOSITORY}@{ref}"
    assert remote in cell.source
    cell.source = cell.source.replace(remote, str(ROOT))
    answer = nbformat.v4.new_code_cell(
        "import helpers\n"
        "from helpers.exercises import get_exercise, show\n"
        "from helpers.progress import default_store\n"
        "ex = get_exercise('recog-date-evidence'); w = show(ex); w.select(*ex.answer); w.check_button.click()\n"
        "print(helpers.__file__); import helpers.paths; print(helpers.paths.data_dir()); print(len(default_store().attempts()))"
    )
    nb.cells.append(answer)

    for name in [k for k in os.environ if k.startswith("TRUCE_") or k in ("PYTHONPATH", "VIRTUAL_ENV")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TRUCE_PROGRESS_DB", str(tmp_path / "home" / "progress.sqlite"))
    monkeypatch.setenv("PATH", f"{venv / 'bin'}:{os.environ['PATH']}")
    km = KernelManager(kernel_name="colab", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels.parent)]))
    NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(work)}}).execute()

    errors = [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, f"{errors[0]['ename']}: {errors[0]['evalue']}"
    module, data, attempts = nb.cells[-1].outputs[-1]["text"].strip().splitlines()[-3:]
    assert module.startswith(str(venv)), f"helpers came from {module}, not the fresh environment"
    assert data.startswith(str(venv)) and data.endswith("_pack/data")
    assert attempts == "1"
    widgets = [
        o
        for c in nb.cells
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert len(widgets) >= 6, "the exercises show as widgets"
