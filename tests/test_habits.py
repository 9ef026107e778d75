"""The habits of a kept project: lint in `make test`, local pre-commit hooks, notebooks stored without
outputs, and the files a newcomer looks for first."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest itself depends on tomli there
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_make_test_runs_lint_first_and_lint_runs_ruff_check_and_format():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    prerequisites = re.search(r"^test:([^#\n]*)", makefile, re.M).group(1).split()
    assert "lint" in prerequisites
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "ruff check" in recipe and "ruff format --check" in recipe


def test_ruff_is_configured_and_installed_by_the_test_extra():
    pyproject = PYPROJECT
    assert pyproject["tool"]["ruff"]["line-length"] == 120
    assert any(r.startswith("ruff") for r in pyproject["project"]["optional-dependencies"]["test"])
    floor = re.search(r">=\s*3\.(\d+)", pyproject["project"]["requires-python"]).group(1)
    assert pyproject["tool"]["ruff"]["target-version"] == f"py3{floor}", "ruff checks for the oldest Python claimed"


def test_pre_commit_hooks_are_local_and_cover_ruff_and_nbstripout():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "no hook downloads anything"
    entries = {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}
    assert entries["ruff-check"].split()[1:3] == ["check", "--fix"]
    assert entries["ruff-format"].split()[1:] == ["format"]
    assert "--keep-id" in entries["nbstripout"], "the lessons' cell ids are stable and must stay"
    for entry in entries.values():
        assert (ROOT / entry.split()[0]).name in {"ruff", "nbstripout"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_is_stored_without_outputs_or_execution_counts(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    stored = [
        i
        for i, c in enumerate(nb["cells"], 1)
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert stored == [], f"{path.name}: cells {stored} stored with output (run nbstripout --keep-id)"


def test_the_nbstripout_hook_would_leave_every_notebook_as_it_is():
    tool = shutil.which("nbstripout", path=str(ROOT / ".venv" / "bin")) or shutil.which("nbstripout")
    if tool is None:
        pytest.skip("nbstripout is not installed (make setup installs it)")
    done = subprocess.run([tool, "--verify", "--keep-id", *map(str, NOTEBOOKS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_notebook_with_output_fails_the_nbstripout_check(tmp_path):
    tool = shutil.which("nbstripout", path=str(ROOT / ".venv" / "bin")) or shutil.which("nbstripout")
    if tool is None:
        pytest.skip("nbstripout is not installed (make setup installs it)")
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "code")
    cell["execution_count"] = 1
    cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hello\n"]}]
    dirty = tmp_path / "dirty.ipynb"
    dirty.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert subprocess.run([tool, "--verify", "--keep-id", str(dirty)], capture_output=True).returncode != 0


def test_the_files_a_newcomer_looks_for_are_there():
    for name in ("CONTRIBUTING.md", "CHANGELOG.md", "CITATION.cff", ".editorconfig", ".pre-commit-config.yaml"):
        assert (ROOT / name).is_file(), name
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for section in (
        "## Add a fact",
        "## Add a quotation",
        "## Add an extract",
        "## Add an exercise",
        "## Add a lesson",
        "[sic]",
    ):
        assert section in contributing
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_citation_cff_has_what_cff_1_2_0_requires():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"]
    assert cff["authors"] == [{"name": "Truce and Rupture contributors"}]
    assert str(cff["version"]) == PYPROJECT["project"]["version"]


def test_the_python_running_the_tests_is_one_pyproject_claims():
    claimed = PYPROJECT["project"]["requires-python"]
    floor = tuple(int(n) for n in re.search(r">=\s*(\d+)\.(\d+)", claimed).groups())
    assert sys.version_info[:2] >= floor
