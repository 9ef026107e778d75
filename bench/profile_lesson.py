"""Where does a lesson's time go? Run it in a fresh kernel (as the tests and the build do) and print:

1. the time of each code cell, and what is left over (kernel start-up and shut-down);
2. with ``--profile``, the functions that cost most inside the kernel (cProfile, started in an injected
   first cell and stopped in an injected last one), sorted by cumulative time.

Usage::

    python bench/profile_lesson.py 06            # per-cell times of lesson 06
    python bench/profile_lesson.py 06 --profile  # and the top functions
    python bench/profile_lesson.py all           # per-cell summary of every lesson

Nothing here is asserted in a test; it is a tool for finding what to make faster.
"""

from __future__ import annotations

import argparse
import pstats
import sys
import tempfile
from datetime import datetime
from pathlib import Path

START_PROFILE = "import cProfile as _cp\n_prof = _cp.Profile()\n_prof.enable()"
STOP_PROFILE = "_prof.disable()\n_prof.dump_stats({path!r})"


def _seconds(cell) -> float | None:
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def cell_times(lesson, profile_to: Path | None = None):
    """Execute ``lesson`` (a helpers.editions.Lesson); return (total seconds, [(cell number, seconds, first line)])."""
    from helpers._imports import nbformat as load_nbformat

    nbformat = load_nbformat()

    from helpers.editions import execute

    nb = nbformat.read(lesson.path, as_version=4)
    if profile_to is not None:
        nb.cells.insert(0, nbformat.v4.new_code_cell(START_PROFILE))
    with tempfile.TemporaryDirectory(prefix="truce-profile-") as tmp:
        copy = Path(tmp) / lesson.path.name
        nbformat.write(nb, copy)
        epilogue = (lambda _nb: STOP_PROFILE.format(path=str(profile_to))) if profile_to is not None else None
        result = execute(copy, workdir=lesson.path.parent, epilogue=epilogue)
    cells = result.notebook.cells[1:] if profile_to is not None else result.notebook.cells
    rows = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        seconds = _seconds(cell)
        if seconds is not None:
            first = next((line for line in cell.source.splitlines() if line.strip()), "")
            rows.append((number, seconds, first[:70]))
    return result.seconds, rows


def main(argv=None) -> int:
    from helpers.editions import catalogue

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lesson", help="a lesson number such as 06, or 'all'")
    parser.add_argument("--profile", action="store_true", help="also profile the kernel's work with cProfile")
    parser.add_argument("--top", type=int, default=30, help="how many functions to list (default 30)")
    args = parser.parse_args(argv)
    lessons = catalogue()
    chosen = lessons if args.lesson == "all" else [lesson for lesson in lessons if lesson.id.startswith(args.lesson)]
    if not chosen:
        parser.error(f"no lesson {args.lesson!r}; lessons: {', '.join(lesson.id for lesson in lessons)}")
    for lesson in chosen:
        with tempfile.TemporaryDirectory() as tmp:
            stats_path = Path(tmp) / "lesson.prof" if args.profile else None
            total, rows = cell_times(lesson, stats_path)
            in_cells = sum(s for _, s, _ in rows)
            print(
                f"\n{lesson.id}: {total:.2f} s in all, {in_cells:.2f} s in {len(rows)} code cells, "
                f"{total - in_cells:.2f} s outside them (kernel start and stop)"
            )
            for number, seconds, first in sorted(rows, key=lambda r: -r[1])[: 8 if args.lesson == "all" else 15]:
                print(f"  cell {number:>3} {seconds * 1000:8.0f} ms  {first}")
            if stats_path is not None:
                print(f"\nTop {args.top} functions by cumulative time inside the kernel:")
                pstats.Stats(str(stats_path), stream=sys.stdout).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
