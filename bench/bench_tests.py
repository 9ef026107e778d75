"""The full test suite's wall time (``pytest``, as ``make test`` runs it after set-up), measured once: it
takes minutes, and CI's budget for it is well under 15 minutes on a 2-core machine."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from harness import Measurement

ROOT = Path(__file__).resolve().parent.parent


def run(quick: bool = False) -> list[Measurement]:
    m = Measurement("full test suite (pytest), wall time", target="well under 15 min")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    m.samples.append(time.perf_counter() - start)
    lines = done.stdout.strip().splitlines() or ["(no output)"]
    for line in [*(line for line in lines if line.startswith("FAILED")), lines[-1]]:
        print(f"  pytest: {line}", file=sys.stderr)
    if done.returncode != 0:
        m.name += " (FAILED: see pytest)"
    return [m]
