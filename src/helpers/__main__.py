"""Command line: ``python -m helpers validate`` (and more sub-commands as the pack grows)."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description="Truce and Rupture: pack tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate the data package (schema, keys, references, sources)")
    nav = sub.add_parser("nav", help="regenerate the navigation line at the foot of every lesson")
    nav.add_argument("--check", action="store_true", help="only report lessons whose navigation is out of date")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate()
    if args.command == "nav":
        return _nav(args.check)
    return 2


def _nav(check: bool) -> int:
    from .notebooks import update_navigation

    stale = update_navigation(check=check)
    for path in stale:
        print(f"{'out of date' if check else 'updated'}: {path.name}")
    if not stale:
        print("navigation is up to date")
    return 1 if (check and stale) else 0


def _validate() -> int:
    from .checks import validate
    from .errors import DataError

    from .exercises import validate_banks

    try:
        summary = validate()
        banks = validate_banks()
    except DataError as err:
        print(f"The data package has problems.\n{err}", file=sys.stderr)
        return 1
    print(f"OK: {summary['tables']} tables, {summary['rows']} rows; every key, reference and source resolves.")
    print(f"OK: {banks.get('banks', '?')} question banks, {banks.get('exercises', '?')} exercises; every answer, option and reference checks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
