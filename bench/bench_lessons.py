"""Each lesson in a fresh kernel, against two floors (see floors.py): an empty notebook (kernel start-up)
and a notebook that only imports what every lesson imports. Rounds are interleaved (floor, floor, every
lesson, floor, ...) so that a noisy machine slows every measurement alike."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from floors import notebooks
from harness import Measurement

EMPTY = "empty notebook, fresh kernel (the floor)"
IMPORTS = "notebook importing pandas, pyplot, ipywidgets, helpers"


def run(quick: bool = False) -> list[Measurement]:
    from helpers.editions import catalogue, execute

    rounds = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        empty, imports = notebooks(Path(tmp), "empty")[0], notebooks(Path(tmp), "import")[0]
        cases = [(Measurement(EMPTY), empty), (Measurement(IMPORTS, baseline=EMPTY), imports)]
        cases += [
            (Measurement(f"lesson {lesson.id}, fresh kernel", baseline=EMPTY, also=IMPORTS), lesson.path)
            for lesson in catalogue()
        ]
        execute(empty)  # warm the disk cache, the font cache and the kernel's imports once
        for _ in range(rounds):
            for measurement, path in cases:
                start = time.perf_counter()
                execute(path)
                measurement.samples.append(time.perf_counter() - start)
    return [m for m, _ in cases]
