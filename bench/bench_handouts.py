"""The handout build against its floors: executing as many empty notebooks in fresh kernels, in-process
(the issue's floor), and as many notebooks that only import what every lesson imports (see floors.py).

Measured serially (one worker) and in parallel (one worker per core), with the same executor the build
uses (``helpers.editions.execute_many``), so the first ratio is what the lessons and the rendering add to
kernel start-up, the second what they add to kernel start-up and the unavoidable imports. "execute
lessons" (no rendering) splits the build's cost between the lessons' own work and the handout rendering.
Rounds are interleaved (floor, lessons, build, floor, ...) so that a noisy machine slows every measurement
alike; compare only ratios from one run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from floors import notebooks
from harness import Measurement


def run(quick: bool = False, folder: Path | None = None) -> list[Measurement]:
    """``folder``: another notebooks folder (default: the pack's notebooks/)."""
    from helpers.editions import build, catalogue, execute_many

    lessons = catalogue(folder)
    n, cores = len(lessons), max(1, min(os.cpu_count() or 1, len(lessons)))
    rounds = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-handouts-") as tmp:
        tmp = Path(tmp)
        empties, importers = notebooks(tmp, "empty", n), notebooks(tmp, "import", n)
        out = tmp / "build" / "handouts"

        def build_with(workers: int):
            def go():
                build(out=out, workers=workers, progress=False, folder=folder, cache=False)  # every lesson runs
                shutil.rmtree(out)

            return go

        floor_1 = Measurement(f"{n} empty notebooks, 1 worker (floor)")
        floor_p = Measurement(f"{n} empty notebooks, {cores} workers (floor)")
        imports_1 = Measurement(f"{n} importing notebooks, 1 worker", baseline=floor_1.name)
        imports_p = Measurement(f"{n} importing notebooks, {cores} workers", baseline=floor_p.name)
        cases = [
            (floor_1, lambda: execute_many(empties, workers=1)),
            (floor_p, lambda: execute_many(empties, workers=cores)),
            (imports_1, lambda: execute_many(importers, workers=1)),
            (imports_p, lambda: execute_many(importers, workers=cores)),
            (
                Measurement(
                    f"execute {n} lessons, {cores} workers (no rendering)", baseline=floor_p.name, also=imports_p.name
                ),
                lambda: execute_many([lesson.path for lesson in lessons], workers=cores),
            ),
            (
                Measurement(
                    f"build handouts: {n} lessons x 2 editions, {cores} workers",
                    baseline=floor_p.name,
                    also=imports_p.name,
                    target="<= 1.5x the floor",
                ),
                build_with(cores),
            ),
            (
                Measurement(
                    f"build handouts: {n} lessons x 2 editions, 1 worker",
                    baseline=floor_1.name,
                    also=imports_1.name,
                    target="<= 1.5x the floor",
                ),
                build_with(1),
            ),
        ]
        execute_many(empties[:1], workers=1)  # warm the disk cache and imports once
        for _ in range(rounds):
            for measurement, fn in cases:
                start = time.perf_counter()
                fn()
                measurement.samples.append(time.perf_counter() - start)
    return [m for m, _ in cases]
