"""Two checkouts side by side in one run: is the change faster? The same commands, alternating between
the two (before, after, after, before, ...) so that a noisy machine slows both alike.

Each command runs in a fresh process with the checkout's ``src`` first on ``PYTHONPATH`` (so its own
helpers are imported, and its lesson kernels inherit that) and its folder as the working directory.
Both use this environment's packages.

Usage::

    git worktree add ../before <commit>
    python bench/compare.py ../before .                 # handouts, one lesson, validate
    python bench/compare.py ../before . --rounds 5 --what validate,lesson
    python bench/compare.py ../before . --cold-cache     # every run starts with an empty cache

Prints, for each command, the median of each checkout and the ratio after / before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LESSON = "notebooks/06-rupture-1927.ipynb"
COMMANDS = {
    "handouts": (
        "build every handout, both editions (python -m helpers handouts)",
        lambda out: [sys.executable, "-m", "helpers", "handouts", "--out", str(out)],
    ),
    "lesson": (
        f"run {Path(LESSON).stem} in a fresh kernel, from a fresh process",
        lambda out: [sys.executable, "-c", f"from helpers.editions import execute; execute({LESSON!r})"],
    ),
    "validate": (
        "python -m helpers validate (tables and banks)",
        lambda out: [sys.executable, "-m", "helpers", "validate"],
    ),
}


def time_command(checkout: Path, argv: list[str], cache: Path | None = None) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    if argv[2:4] == ["helpers", "handouts"] and "--no-cache" in (checkout / "src/helpers/__main__.py").read_text():
        argv = [*argv, "--no-cache"]  # a checkout that keeps executed lessons: run every lesson all the same
    if cache is not None:  # an empty cache folder: what a first run on a fresh machine pays
        env["TRUCE_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    subprocess.run(argv, cwd=checkout, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the checkout before the change")
    parser.add_argument("after", type=Path, help="the checkout after it")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each command per checkout (default 3)")
    parser.add_argument(
        "--cold-cache",
        action="store_true",
        help="give every run an empty cache folder (TRUCE_CACHE_DIR), as on a fresh machine",
    )
    parser.add_argument("--what", default=",".join(COMMANDS), help=f"commands, comma-separated ({', '.join(COMMANDS)})")
    args = parser.parse_args(argv)
    chosen = args.what.split(",")
    unknown = [w for w in chosen if w not in COMMANDS]
    if unknown:
        parser.error(f"unknown command(s) {', '.join(unknown)}; choose from {', '.join(COMMANDS)}")
    checkouts = {"before": args.before.resolve(), "after": args.after.resolve()}
    for name, path in checkouts.items():
        if not (path / "src" / "helpers").is_dir():
            parser.error(f"{name}: {path} is not a checkout of the pack (no src/helpers)")
    samples = {(w, c): [] for w in chosen for c in checkouts}
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        for n in range(args.rounds):
            order = list(checkouts) if n % 2 == 0 else list(reversed(checkouts))
            for what in chosen:
                for name in order:
                    out = Path(tmp) / f"{name}-{what}-{n}"
                    cache = Path(tmp) / f"cache-{name}-{what}-{n}" if args.cold_cache else None
                    seconds = time_command(checkouts[name], COMMANDS[what][1](out), cache)
                    samples[(what, name)].append(seconds)
                    print(f"  round {n + 1}: {what:<9} {name:<6} {seconds:6.2f} s", file=sys.stderr, flush=True)
    print(f"{'command':<70} {'before':>9} {'after':>9} {'after/before':>13}")
    print("-" * 104)
    for what in chosen:
        before = statistics.median(samples[(what, "before")])
        after = statistics.median(samples[(what, "after")])
        print(f"{COMMANDS[what][0]:<70} {before:8.2f}s {after:8.2f}s {after / before:12.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
