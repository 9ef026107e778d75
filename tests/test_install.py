"""The installable pack: a wheel or sdist of the repository carries data/, the banks and the lessons, and a
plain (non-editable) install finds them with no checkout in sight. Slow: each test builds the pack once.

The full route (a fresh virtual environment, ``pip install <repository>`` with its dependencies, then a
lesson run there) is tests/test_colab.py, which installs through the lessons' own first cell.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def shipped_files(folder: str) -> set[str]:
    """The files under ROOT/folder that the pack must ship (git-tracked and new ones; no caches)."""
    base = ROOT / folder
    return {
        p.relative_to(ROOT).as_posix()
        for p in base.rglob("*")
        if p.is_file() and not {"__pycache__", ".ipynb_checkpoints"} & set(p.parts) and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            str(ROOT),
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("truce_and_rupture-*.whl")
    return found


def test_wheel_carries_data_banks_and_lessons(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"helpers/_pack/{name}" for name in shipped_files("data") | shipped_files("notebooks")}
    assert expected, "nothing to ship?"
    assert not expected - names, f"the wheel lacks {sorted(expected - names)[:5]}"
    assert "helpers/_pack/data/datapackage.json" in names
    assert any(n.startswith("helpers/_pack/data/exercises/") and n.endswith(".yaml") for n in names), "the banks"
    assert "helpers/_pack/notebooks/01-recognition-1924.ipynb" in names
    assert "helpers/_pack/notebooks/app/explorer-app.ipynb" in names
    assert not [n for n in names if "__pycache__" in n or ".ipynb_checkpoints" in n]


def test_sdist_carries_the_folders_the_wheel_copies(tmp_path):
    """pip builds a git URL in place, but an sdist (a release, or an index) must still hold data/ and notebooks/."""
    code = f"from setuptools import build_meta; print(build_meta.build_sdist({str(tmp_path)!r}))"
    name = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    sdist = tmp_path / name.stdout.strip().splitlines()[-1]
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()}
    for needed in shipped_files("data") | shipped_files("notebooks") | {"setup.py", "MANIFEST.in"}:
        assert needed in members, f"the sdist lacks {needed}"


def test_installed_copy_works_outside_any_checkout(wheel, tmp_path):
    """The wheel installed on its own (dependencies from this environment), run from a folder with no data/."""
    target, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRUCE_")}
    env.update(PYTHONPATH=str(target), TRUCE_CACHE_DIR=str(tmp_path / "cache"))
    script = (
        "import helpers, helpers.paths as p; "
        "print(helpers.__file__); print(p.data_dir()); print(len(helpers.load_events())); "
        "from helpers.exercises import get_exercise; print(type(get_exercise('recog-date-evidence')).__name__)"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    module, data, events, _ = run.stdout.splitlines()
    assert module.startswith(str(target)), f"imported the checkout, not the installed copy: {module}"
    assert Path(data) == target / "helpers" / "_pack" / "data"
    import helpers

    assert int(events) == len(helpers.load_events()) > 0

    # `python -m helpers lessons DIR` copies the lessons out, and keeps a student's file that is already there
    lessons = tmp_path / "my-lessons"
    lessons.mkdir()
    (lessons / "01-recognition-1924.ipynb").write_text("my own work")
    run = subprocess.run(
        [sys.executable, "-m", "helpers", "lessons", str(lessons)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "kept" in run.stdout and "01-recognition-1924.ipynb" in run.stdout
    assert (lessons / "01-recognition-1924.ipynb").read_text() == "my own work"
    copied = {p.relative_to(lessons).as_posix() for p in lessons.rglob("*.ipynb")}
    assert copied == {p.removeprefix("notebooks/") for p in shipped_files("notebooks") if p.endswith(".ipynb")}

    # TRUCE_DATA_DIR still wins over the shipped copy
    env["TRUCE_DATA_DIR"] = str(tmp_path / "nowhere")
    run = subprocess.run(
        [sys.executable, "-c", "import helpers; helpers.load_events()"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0 and "TRUCE_DATA_DIR is set to" in run.stderr
