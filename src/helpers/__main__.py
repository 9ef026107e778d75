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
    collect = sub.add_parser(
        "collect", help="merge students' exported answer files into one table; report who did what"
    )
    collect.add_argument("folder", help="the folder holding the CSV files students exported (sub-folders too)")
    collect.add_argument(
        "--output",
        default="collected-answers.csv",
        help="where to write the table, one row per student and exercise (default: %(default)s)",
    )
    hand = sub.add_parser("handouts", help="execute the lessons and write student and teacher HTML handouts")
    hand.add_argument("--lessons", help="lesson numbers or names, comma-separated, e.g. 01,06 (default: every lesson)")
    hand.add_argument(
        "--edition", choices=["student", "teacher", "both"], default="both", help="which edition (default: both)"
    )
    hand.add_argument("--out", help="output folder (default: build/handouts, or build/handouts-core with --core-only)")
    hand.add_argument(
        "--core-only",
        action="store_true",
        help="leave the extension sections out: a shorter handout for the seminar, each left-out part named",
    )
    hand.add_argument("--workers", type=int, help="lessons run at once (default: one per core)")
    hand.add_argument(
        "--no-cache", action="store_true", help="run every lesson, even those unchanged since their last run"
    )
    pdf = sub.add_parser("pdf", help="print the HTML handouts to A4 PDF with headless Chromium")
    pdf.add_argument(
        "--edition", choices=["student", "teacher", "both"], default="both", help="which edition (default: both)"
    )
    pdf.add_argument(
        "--out", help="the handouts folder (default: build/handouts, or build/handouts-core with --core-only)"
    )
    pdf.add_argument("--core-only", action="store_true", help="print the core-only handouts (no extension sections)")
    lessons = sub.add_parser("lessons", help="copy the lessons (notebooks) into a folder, e.g. after `pip install`")
    lessons.add_argument("folder", help="where to put them (created if needed; files already there are kept)")
    quiz = sub.add_parser(
        "export-quiz", help="write the question banks as quizzes for Moodle or Canvas (GIFT, Moodle XML, QTI)"
    )
    quiz.add_argument("--format", required=True, choices=["gift", "moodle-xml", "qti"], help="the file format")
    quiz.add_argument("--lessons", help="lesson numbers or names, comma-separated, e.g. 01,06 (default: every lesson)")
    quiz.add_argument("--out", default="build/quiz", help="output folder (default: %(default)s)")
    standard = sub.add_parser("standard", help="measure every lesson against the lesson standard (LESSONS.md)")
    standard.add_argument("--lessons", help="lesson names, comma-separated (default: every lesson)")
    args = parser.parse_args(argv)
    if args.command == "standard":
        return _standard(args.lessons)
    if args.command == "lessons":
        return _lessons(args.folder)
    if args.command == "export-quiz":
        from .quiz import main as quiz_main

        return quiz_main(args.format, args.lessons, args.out)
    if args.command == "handouts":
        return _handouts(args)
    if args.command == "pdf":
        return _pdf(args)
    if args.command == "validate":
        return _validate()
    if args.command == "nav":
        return _nav(args.check)
    if args.command == "collect":
        from .collect import main as collect_main

        return collect_main(args.folder, args.output)
    return 2


def _handouts(args) -> int:
    from .editions import LessonError, build
    from .editions.builder import default_out

    try:
        result = build(
            args.lessons, args.edition, args.out, args.workers, cache=not args.no_cache, core_only=args.core_only
        )
    except LessonError as err:
        print(
            f"Handouts not built: {err}\nNothing was written to {args.out or default_out(args.core_only)}.",
            file=sys.stderr,
        )
        return 1
    except (KeyError, ValueError) as err:
        print(f"Handouts not built: {err.args[0] if err.args else err}", file=sys.stderr)
        return 2
    _say_where(result.out, result.editions, result.summary())
    return 0


def _say_where(out, editions, first: str) -> None:
    """The last lines of `make handouts` and `make pdf`: where to open what was written."""
    from pathlib import Path

    print(first)
    for edition in editions:
        print(f"{edition.capitalize()} edition: {(Path(out) / edition / 'index.html').resolve()}")


def _pdf(args) -> int:
    from .editions import LessonError
    from .editions.pdf import fresh_handouts, print_pdfs

    try:
        fresh = fresh_handouts(args.out, args.edition, core_only=args.core_only)
        print(fresh.summary())
        pdfs = print_pdfs(fresh.out, args.edition)
    except (FileNotFoundError, RuntimeError, LessonError) as err:
        print(f"PDFs not printed: {err}", file=sys.stderr)
        return 1
    _say_where(fresh.out, fresh.editions, f"Printed {len(pdfs)} PDF(s) beside the handouts.")
    return 0


def _lessons(folder: str) -> int:
    """Copy every lesson (and the app's notebook) out of the pack: for a student who installed with pip.

    A file already in ``folder`` is kept as it is (it may hold the student's own work) and named.
    """
    import shutil
    from pathlib import Path

    from .errors import DataError
    from .paths import data_dir

    try:
        source = data_dir().parent / "notebooks"
    except DataError as err:
        print(f"Lessons not copied: {err}", file=sys.stderr)
        return 1
    target = Path(folder).expanduser()
    copied, kept = [], []
    for path in sorted(source.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        out = target / path.relative_to(source)
        if out.exists():
            kept.append(out)
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        copied.append(out)
    for out in kept:
        print(f"kept (already there, not overwritten): {out}")
    print(f"{len(copied)} notebooks copied to {target}; open {target / '00-start-here.ipynb'} first.")
    return 0


def _nav(check: bool) -> int:
    from .editions.catalogue import update_navigation

    stale = update_navigation(check=check)
    for path in stale:
        print(f"{'out of date' if check else 'updated'}: {path.name}")
    if not stale:
        print("navigation is up to date")
    return 1 if (check and stale) else 0


def _standard(lessons: str | None) -> int:
    from .editions.catalogue import catalogue
    from .standard import choice_balance, measure, problems, report

    chosen = [x.strip() for x in lessons.split(",")] if lessons else [x.id for x in catalogue()]
    measures = [measure(lesson) for lesson in chosen]  # each lesson read once, for the table and the problems
    print(report(measures))
    short = [(m.lesson, p) for m in measures for p in problems(m)]
    for lesson, problem in short:
        print(f"{lesson}: {problem}")
    balance = choice_balance(measures)
    return 1 if short or balance["key_longest"] * 3 > balance["items"] or balance["top_position_share"] > 0.4 else 0


def _validate() -> int:
    from .checks import validate
    from .errors import DataError
    from .exercises import validate_banks
    from .teacher import validate_teacher_files

    try:
        summary = validate()
        banks = validate_banks()
        teacher = validate_teacher_files()
    except DataError as err:
        print(f"The data package has problems.\n{err}", file=sys.stderr)
        return 1
    print(
        f"OK: {summary['tables']} tables (and {summary['link_tables']} link tables), {summary['rows']} rows; "
        "every key, reference and source resolves, and every row rests on a primary or scholarly source or is marked uncertain."
    )
    print(
        f"OK: {banks.get('banks', '?')} question banks, {banks.get('exercises', '?')} exercises; every answer, option and reference checks."
    )
    print(f"OK: {teacher['teacher_files']} teacher files; every model answer names an exercise, every claim has one.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
