"""The handout build against its floor: executing as many EMPTY notebooks in fresh kernels, in-process.

Measured serially (one worker) and in parallel (one worker per core), with the same executor the build
uses (``helpers.execute.execute_many``), so the ratio is what the lessons and the rendering add to kernel
start-up. "execute lessons" (no rendering) splits the build's cost between the lessons' own work and the
handout rendering. Rounds are interleaved (floor, lessons, build, floor, ...) so that a noisy machine
slows every measurement alike; compare only ratios from one run.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from harness import Measurement


def _empty_notebooks(folder: Path, n: int) -> list[Path]:
    import nbformat

    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        path = folder / f"{i:02d}-empty.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def run(quick: bool = False, folder: Path | None = None) -> list[Measurement]:
    """``folder``: another notebooks folder (default: the pack's notebooks/)."""
    from helpers.execute import execute_many
    from helpers.handouts import build
    from helpers.notebooks import catalogue

    lessons = catalogue(folder)
    n, cores = len(lessons), max(1, min(os.cpu_count() or 1, len(lessons)))
    rounds = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-handouts-") as tmp:
        tmp = Path(tmp)
        empties = _empty_notebooks(tmp, n)
        out = tmp / "build" / "handouts"

        def build_with(workers: int):
            def go():
                build(out=out, workers=workers, progress=False, folder=folder)
                shutil.rmtree(out)
            return go

        floor_1 = Measurement(f"{n} empty notebooks, 1 worker (floor)")
        floor_p = Measurement(f"{n} empty notebooks, {cores} workers (floor)")
        cases = [
            (floor_1, lambda: execute_many(empties, workers=1)),
            (floor_p, lambda: execute_many(empties, workers=cores)),
            (Measurement(f"execute {n} lessons, {cores} workers (no rendering)", baseline=floor_p.name),
             lambda: execute_many([lesson.path for lesson in lessons], workers=cores)),
            (Measurement(f"build handouts: {n} lessons x 2 editions, {cores} workers", baseline=floor_p.name,
                         target="<= 1.5x the floor"), build_with(cores)),
            (Measurement(f"build handouts: {n} lessons x 2 editions, 1 worker", baseline=floor_1.name,
                         target="<= 1.5x the floor"), build_with(1)),
        ]
        execute_many(empties[:1], workers=1)  # warm the disk cache and imports once
        for _ in range(rounds):
            for measurement, fn in cases:
                start = time.perf_counter()
                fn()
                measurement.samples.append(time.perf_counter() - start)
    return [m for m, _ in cases]
