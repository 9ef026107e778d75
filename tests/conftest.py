"""Shared fixtures: a throwaway copy of data/ that a test may break, paths to the repository, and every
lesson run once per test session (``lesson_runs``)."""

from __future__ import annotations

import csv
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # Python 3.10: the same parser from the test extras (pyproject.toml)
    import tomli as tomllib

from helpers._imports import jsonschema

jsonschema()  # before anything imports nbformat: saves seconds per test process (see helpers._imports)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = ROOT.parent / "shared" / "data"


def read_pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


class DataCopy:
    """A copy of data/ in a temporary folder, with small tools for editing its tables."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, table: str) -> Path:
        return self.root / f"{table}.csv"

    def rows(self, table: str) -> list[dict[str, str]]:
        with self.path(table).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def header(self, table: str) -> list[str]:
        with self.path(table).open(encoding="utf-8", newline="") as fh:
            return next(csv.reader(fh))

    def write(self, table: str, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
        header = header or self.header(table)
        with self.path(table).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)

    def edit(self, table: str, index: int, **changes: str) -> int:
        """Change row ``index`` (0-based, after the header); return its line number in the file."""
        rows = self.rows(table)
        rows[index].update(changes)
        self.write(table, rows)
        return index + 2


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> DataCopy:
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("exercises"))
    shutil.copytree(DATA / "exercises", target / "exercises") if (DATA / "exercises").is_dir() else None
    monkeypatch.setenv("TRUCE_DATA_DIR", str(target))
    return DataCopy(target)


@dataclass
class LessonRuns:
    """Every lesson run once: ``handouts`` (both editions, built into a temporary folder), ``cache`` (the
    session's executed-lesson cache the build filled), ``result`` (the build's report), ``executed``."""

    handouts: Path
    cache: Path
    result: object  # helpers.editions.BuildResult
    executed: dict  # lesson id -> helpers.editions.Executed, read back from the cache


@pytest.fixture(scope="session")
def lesson_runs(tmp_path_factory) -> LessonRuns:
    """Run each lesson once per test session (through a session cache), for every test that needs a run."""
    from helpers.editions import build, catalogue
    from helpers.editions.cache import ExecutedCache

    out = tmp_path_factory.mktemp("build") / "handouts"
    cache = tmp_path_factory.mktemp("executed")
    home = os.environ.get("HOME")
    os.environ["HOME"] = str(tmp_path_factory.mktemp("home"))  # nothing written to the user's home
    try:
        result = build(out=out, folder=ROOT / "notebooks", workers=2, progress=False, cache=cache)
    finally:
        if home is not None:
            os.environ["HOME"] = home
    store = ExecutedCache(cache)
    executed = {lesson.id: store.get(lesson.path) for lesson in catalogue(ROOT / "notebooks")}
    assert all(executed.values()), f"not kept in the cache: {[k for k, v in executed.items() if v is None]}"
    return LessonRuns(out, cache, result, executed)
