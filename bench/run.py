"""Run every bench_*.py in this folder, print one table, and write bench/results/latest.json.

Usage: python bench/run.py [--quick] [--only data,exercises] [--out FILE]

``--quick`` takes fewer samples and leaves out the full test suite (``--only tests`` runs it).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import table  # noqa: E402

#: Benches left out of a --quick run unless named with --only.
SLOW = {"tests", "app"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--only", help="comma-separated bench names (e.g. data,exercises)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json", help="where to write the JSON")
    args = parser.parse_args(argv)
    names = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
    if args.only:
        unknown = set(args.only.split(",")) - set(names)
        if unknown:
            parser.error(f"no bench named {', '.join(sorted(unknown))}; benches: {', '.join(names)}")
        names = [n for n in names if n in args.only.split(",")]
    elif args.quick:
        names = [n for n in names if n not in SLOW]
    measurements = []
    for name in names:
        print(f"running bench_{name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench_{name}")
        measurements.extend(module.run(quick=args.quick))
    print(table(measurements))
    results = {m.name: m for m in measurements}
    out = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "cores": __import__("os").cpu_count(),
        "measurements": [m.as_dict(results) for m in measurements],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
