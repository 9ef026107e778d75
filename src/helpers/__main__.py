"""Command line: ``python -m helpers validate`` (and more sub-commands as the pack grows)."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description="Truce and Rupture: pack tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate the data package (schema, keys, references, sources)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate()
    return 2


def _validate() -> int:
    from .checks import validate
    from .errors import DataError

    try:
        summary = validate()
    except DataError as err:
        print(f"The data package has problems.\n{err}", file=sys.stderr)
        return 1
    print(f"OK: {summary['tables']} tables, {summary['rows']} rows; every key, reference and source resolves.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
