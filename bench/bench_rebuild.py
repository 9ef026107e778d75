"""Builds that redo only what changed (issue 14), in one run, against ``jupyter nbconvert --execute --to
html`` run on each lesson, two notebooks at a time (the way a teacher would script it without the pack):

- a cold build: an empty executed-lesson cache, every lesson runs;
- an unchanged rebuild: every lesson reused from the cache, only the pages are rendered again;
- a one-lesson edit: one notebook changed (a markdown cell appended), only that lesson runs again.

The builds run on a copy of notebooks/ (so that the edit touches nothing in the checkout), with 2
workers. Rounds are interleaved (nbconvert, cold, unchanged, edit, ...). The rebuild rows' ratio is to the
cold build of the same run (target: an unchanged rebuild at or below 0.2x); the cold build's is to
nbconvert. A rebuild that runs a lesson it should have reused stops the bench (that is a bug, not a speed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness import Measurement

ROOT = Path(__file__).resolve().parents[1]


def nbconvert_two_at_a_time(notebooks: list[Path], out: Path, env: dict) -> None:
    jupyter = Path(sys.executable).with_name("jupyter")

    def one(path: Path) -> None:
        subprocess.run(
            [str(jupyter), "nbconvert", "--execute", "--to", "html", "--output-dir", str(out), str(path)],
            cwd=path.parent,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, notebooks))


def edit(path: Path, note: str) -> None:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell(f"*{note}*"))
    nbformat.write(nb, path)


def run(quick: bool = False) -> list[Measurement]:
    from helpers.editions import build, catalogue

    rounds = 1 if quick else 2
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp:
        tmp = Path(tmp)
        copy = tmp / "notebooks"
        shutil.copytree(ROOT / "notebooks", copy)
        lessons = catalogue(copy)
        n = len(lessons)
        env = {**os.environ, "TRUCE_PROGRESS_DB": str(tmp / "progress.sqlite")}
        nbconvert = Measurement(f"nbconvert --execute --to html, {n} notebooks, 2 at a time (baseline)")
        cold = Measurement(
            f"cold build: {n} lessons x 2 editions, empty cache, 2 workers",
            baseline=nbconvert.name,
            target="no slower than today (0.54x)",
        )
        unchanged = Measurement(
            "unchanged rebuild: every lesson reused",
            baseline=cold.name,
            also=nbconvert.name,
            target="<= 0.2x the cold build",
        )
        edited = Measurement("one-lesson edit rebuild: that lesson runs again", baseline=cold.name, also=nbconvert.name)
        for r in range(rounds):
            out, cache = tmp / f"out-{r}", tmp / f"cache-{r}"
            start = time.perf_counter()
            nbconvert_two_at_a_time([lesson.path for lesson in lessons], tmp / f"nbconvert-{r}", env)
            nbconvert.samples.append(time.perf_counter() - start)
            for measurement, expect_runs in ((cold, n), (unchanged, 0), (edited, 1)):
                if measurement is edited:
                    edit(lessons[(r * 4 + 3) % n].path, f"Edited for the bench, round {r + 1}.")
                start = time.perf_counter()
                result = build(out=out, folder=copy, workers=2, progress=False, cache=cache)
                measurement.samples.append(time.perf_counter() - start)
                if len(result.executed) != expect_runs:
                    raise RuntimeError(f"{measurement.name}: ran {result.executed}, expected {expect_runs} lesson(s)")
    return [nbconvert, cold, unchanged, edited]
