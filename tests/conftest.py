"""Shared fixtures: a throwaway copy of data/ that a test may break, and paths to the repository."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from helpers._imports import jsonschema

jsonschema()  # before anything imports nbformat: saves seconds per test process (see helpers._imports)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = ROOT.parent / "shared" / "data"


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
