"""A teacher's view of a class: merge the answer files students exported into one table.

``python -m helpers collect FOLDER`` reads every file in FOLDER (and its sub-folders): the CSV files that a
lesson's **Export my answers (CSV)** button writes (:meth:`helpers.progress.ProgressStore.export_csv`). It
writes one table, a row per student and exercise (``--output``, default ``collected-answers.csv``), and
prints who has done what, lesson by lesson.

Who is who, in this order: a ``student`` column, if a file has one; the student's own folder inside FOLDER
(a learning platform's download usually gives each student one); else the file's name, without the
export's standard ``truce-and-rupture-answers-<lesson>-<time>`` part. So ask students to rename the file
to their name (``amira-khan.csv``) or to hand it in through a platform that files it under their name.

A file that is not such an export (not text, not CSV, wrong columns) is reported by name and skipped; a
bad row is reported with its file and line, and skipped. Nothing stops the run. Finding the files and
reading each one is :mod:`helpers.collect_read`'s job; this module merges them and writes the table.

Safe with hostile files (a student controls every cell of their file):

- a cell a spreadsheet would read as a formula (a leading ``=``, ``+``, ``-``, ``@``, tab, carriage
  return, or their full-width forms) is written with a leading apostrophe (:func:`neutralise`), so Excel
  and LibreOffice show it as text; ``--output class.xlsx`` writes a workbook whose cells are typed text;
- two students with the same name in different folders stay two students: the platform's id stays in the
  name shown (``Alex Smith (123)``), and the report warns; names that differ only in case are reported;
- a symbolic link is never followed (it is reported); control characters never reach the terminal;
- UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text") and Windows-1252 are read.

>>> import tempfile, pathlib
>>> from helpers.progress import ProgressStore
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> store = ProgressStore(tmp / "progress.sqlite")
>>> _ = store.record("start-balfour-1918", "00-start-here", "a", correct=False, score=0.0)
>>> _ = store.record("start-balfour-1918", "00-start-here", "b", correct=True, score=1.0)
>>> folder = tmp / "answers"
>>> folder.mkdir()
>>> _ = store.export_csv(folder / "amira.csv")
>>> _ = (folder / "notes.txt").write_text("not an export")
>>> result = collect(folder)
>>> result.students, [p.file.name for p in result.problems]
(['amira'], ['notes.txt'])
>>> row = result.table().query("exercise_id == 'start-balfour-1918'").iloc[0]
>>> row.status, int(row.attempts)
('correct', 2)
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from .collect_read import (
    PLATFORM_SUFFIX,
    REQUIRED,
    TABLE_START,
    Attempt,
    Skipped,
    answer_files,
    printable,
    read_answers,
    shown,
)

#: The columns of the collected table, one row per student and exercise.
TABLE_COLUMNS = (
    *TABLE_START,  # "student", "lesson", "exercise_id"
    "status",
    "attempts",
    "correct",
    "best_score",
    "last_answer",
    "first_attempt",
    "last_attempt",
    "files",
)
DEFAULT_OUTPUT = "collected-answers.csv"
#: What a spreadsheet reads as the start of a formula (OWASP "CSV injection"), with the full-width forms
#: (＝ ＋ － ＠) that some spreadsheets also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Status words, and the mark each gets in the printed report.
MARKS = {"correct": "✔", "tried": "✘", "saved": "✎", "not tried": "·"}


@dataclass
class Collection:
    """What :func:`collect` found: the attempts, the files read and the problems met."""

    folder: Path
    attempts: list[Attempt] = field(default_factory=list)
    files: dict[Path, str] = field(default_factory=dict)  # each file read -> its student
    problems: list[Skipped] = field(default_factory=list)
    unnamed: list[Path] = field(default_factory=list)  # files whose name says nothing of the student
    warnings: list[str] = field(default_factory=list)  # same names kept apart, names differing in case

    @property
    def students(self) -> list[str]:
        return sorted(set(self.files.values()) | {a.student for a in self.attempts}, key=str.casefold)

    @property
    def skipped_files(self) -> list[Skipped]:
        return [p for p in self.problems if p.line is None]

    @property
    def skipped_rows(self) -> list[Skipped]:
        return [p for p in self.problems if p.line is not None]

    def lessons(self) -> dict[str, list[str]]:
        """Each lesson seen in any file -> its exercises: the bank's graded ones in order (when the bank
        loads), then any other exercise a file names."""
        seen: dict[str, list[str]] = {}
        for a in self.attempts:
            ids = seen.setdefault(a.lesson, [])
            if a.exercise_id not in ids:
                ids.append(a.exercise_id)
        lessons = {}
        for lesson in sorted(seen):
            bank = _bank_exercises(lesson)
            lessons[lesson] = bank + [e for e in seen[lesson] if e not in bank]
        return lessons

    def table(self):
        """The merged table (a pandas DataFrame): one row per student and exercise, every exercise of
        every lesson seen, with ``status`` 'correct', 'tried' (not right yet), 'saved' (an answer with no
        right or wrong, such as a source analysis) or 'not tried'."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=list(TABLE_COLUMNS))

    def rows(self) -> list[dict]:
        by_key: dict[tuple[str, str, str], list[Attempt]] = {}
        for a in self.attempts:
            by_key.setdefault((a.student, a.lesson, a.exercise_id), []).append(a)
        rows = []
        for lesson, exercises in self.lessons().items():
            for student in self.students:
                for exercise_id in exercises:
                    rows.append(
                        _row(student, lesson, exercise_id, by_key.get((student, lesson, exercise_id), []), self.folder)
                    )
        return rows

    def write_csv(self, path: str | Path) -> Path:
        """The table as CSV (UTF-8), every cell a spreadsheet would run as a formula made text."""
        path = Path(path)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=TABLE_COLUMNS)
            writer.writeheader()
            writer.writerows({k: neutralise(v) for k, v in row.items()} for row in self.rows())
        return path

    def write_xlsx(self, path: str | Path) -> Path:
        """The table as an Excel workbook (openpyxl): numbers are numbers, and every other cell is typed
        text with Excel's quote prefix, so an answer such as ``=HYPERLINK(...)`` is shown, never run."""
        from openpyxl import Workbook

        path = Path(path)
        book = Workbook()
        sheet = book.active
        sheet.title = "answers"
        sheet.append(list(TABLE_COLUMNS))
        for row in self.rows():
            values = [row[c] for c in TABLE_COLUMNS]
            sheet.append([v if isinstance(v, (int, float)) else "" for v in values])
            for cell, value in zip(sheet[sheet.max_row], values):
                if not isinstance(value, (int, float)):
                    cell.value = printable(str(value), keep="\n")
                    cell.data_type = "s"  # text, even when it starts with "="
                    cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        sheet.freeze_panes = "A2"
        book.save(path)
        return path

    def report(self) -> str:
        """Who has done what, as plain text: a line per student and a mark per exercise, lesson by lesson."""
        out = []
        n_files = len(self.files)
        out.append(
            f"Read {n_files} answer file{'s' if n_files != 1 else ''} from {self.folder}: "
            f"{len(self.students)} student{'s' if len(self.students) != 1 else ''}, "
            f"{len(self.attempts)} attempt{'s' if len(self.attempts) != 1 else ''}."
        )
        if self.skipped_files:
            out.append(f"Skipped {len(self.skipped_files)} file{'s' if len(self.skipped_files) != 1 else ''}:")
            out.extend(f"  {p.text(self.folder)}" for p in self.skipped_files)
        if self.skipped_rows:
            out.append(f"Skipped {len(self.skipped_rows)} row{'s' if len(self.skipped_rows) != 1 else ''}:")
            out.extend(f"  {p.text(self.folder)}" for p in self.skipped_rows)
        if self.warnings:
            out.append("Please check:")
            out.extend(f"  {w}" for w in self.warnings)
        if self.unnamed:
            out.append(
                "These files keep the name the Export button gave them, so the student is named after "
                "the file; rename each to the student's name:"
            )
            out.extend(f"  {shown(f, self.folder)}" for f in self.unnamed)
        rows = self.rows()
        width = max([len(s) for s in self.students] + [7])
        for lesson, exercises in self.lessons().items():
            out.append("")
            out.append(f"{lesson}: {len(exercises)} exercise{'s' if len(exercises) != 1 else ''}")
            out.extend(f"  {n:>2}  {e}" for n, e in enumerate(exercises, 1))
            numbers = " ".join(f"{n % 100:>2}" for n in range(1, len(exercises) + 1))
            out.append(f"  {'student':<{width}}  {numbers}   done  correct")
            for student in self.students:
                mine = [r for r in rows if r["student"] == student and r["lesson"] == lesson]
                marks = " ".join(f"{MARKS[r['status']]:>2}" for r in mine)
                done = sum(r["status"] != "not tried" for r in mine)
                right = sum(r["status"] == "correct" for r in mine)
                out.append(f"  {student:<{width}}  {marks}   {done:>2}/{len(mine):<2} {right:>4}")
        if self.attempts:
            out.append("")
            out.append("Key: ✔ right   ✘ tried, not right yet   ✎ answers saved (nothing to get right)   · not tried")
        return "\n".join(printable(line) for line in out)


def collect(folder: str | Path, skip: tuple[Path, ...] = ()) -> Collection:
    """Read every answer file under ``folder``; never raises for a bad file (it is reported instead).

    ``skip``: files to leave out (the command leaves out its own output). Links are reported, not followed.
    """
    folder = Path(folder)
    result = Collection(folder)
    skip_resolved = {Path(s).resolve() for s in skip}
    found: list[tuple[Path, str, list[Attempt]]] = []  # (file, where it came from, its attempts)
    for path in answer_files(folder, result.problems):
        if path.resolve() in skip_resolved:
            continue  # our own output
        attempts, problems, named_by = read_answers(path, folder)
        result.problems.extend(problems)
        if attempts is None:
            continue
        found.append((path, named_by, attempts))
    names = _keep_apart(folder, found, result.warnings)
    seen: set[tuple] = set()
    for path, named_by, attempts in found:
        origin = _origin(path, folder)
        student = names[(named_by, origin)]
        result.files[path] = student
        if student.startswith("unnamed "):
            result.unnamed.append(path)
        for a in attempts:
            a = replace(a, student=names[(a.student, origin)])
            key = (a.student, a.exercise_id, a.lesson, a.created_at, a.answer)
            if key not in seen:  # the same attempt exported twice (two exports, or a whole-pack export)
                seen.add(key)
                result.attempts.append(a)
    _warn_about_case(result)
    return result


def neutralise(value):
    r"""A cell a spreadsheet would read as a formula, made text with a leading apostrophe (OWASP's rule);
    anything else (and every number) unchanged.

    >>> print(neutralise('=HYPERLINK("http://x","51 seats")'))
    '=HYPERLINK("http://x","51 seats")
    >>> [neutralise(v) for v in ("+1", "-2", "@SUM(A1)", "\t=1", "\uff1d1+1", "51", 0.5)]
    ["'+1", "'-2", "'@SUM(A1)", "'\t=1", "'＝1+1", '51', 0.5]
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _origin(path: Path, folder: Path | None) -> str:
    """Where a file came from: its top folder inside FOLDER (a platform's folder per student), or '' for a
    file at the top (a student's exports there share their name)."""
    if folder is None:
        return ""
    parts = path.relative_to(folder).parts
    return parts[0] if len(parts) > 1 else ""


def _keep_apart(folder: Path, found: list, warnings: list[str]) -> dict[tuple[str, str], str]:
    """(name, origin) -> the name shown. One name from two origins (two students called Alex Smith in two
    platform folders, or a file that claims another student's name) becomes two names, each with the
    platform's id (or its folder), and a warning for the teacher."""
    origins: dict[str, set[str]] = {}
    for path, named_by, attempts in found:
        origin = _origin(path, folder)
        for name in {named_by, *(a.student for a in attempts)}:
            origins.setdefault(name, set()).add(origin)
    names = {}
    for name, where in origins.items():
        for origin in where:
            names[(name, origin)] = name
        if len(where) > 1:
            shown = []
            for origin in sorted(where):
                if origin:
                    match = PLATFORM_SUFFIX.search(origin)
                    names[(name, origin)] = f"{name} ({match.group(1) if match else origin})"
                shown.append(names[(name, origin)])
            places = ", ".join(f"'{o}'" if o else "the top folder" for o in sorted(where))
            warnings.append(
                f"{len(where)} students are called '{name}' (in {places}); they are kept apart as "
                + ", ".join(f"'{n}'" for n in shown)
                + "."
            )
    return names


def _warn_about_case(result: Collection) -> None:
    by_fold: dict[str, list[str]] = {}
    for student in result.students:
        by_fold.setdefault(student.casefold(), []).append(student)
    for same in by_fold.values():
        if len(same) > 1:
            result.warnings.append(
                "These names differ only in capital letters, so they are counted as "
                f"different students: {', '.join(repr(n) for n in same)}. If they are "
                "one student, rename the files or folders to match."
            )


def _row(student: str, lesson: str, exercise_id: str, attempts: list[Attempt], folder: Path) -> dict:
    attempts = sorted(attempts, key=lambda a: a.created_at)
    if not attempts:
        status = "not tried"
    elif any(a.correct for a in attempts):
        status = "correct"
    elif any(a.correct is False for a in attempts):
        status = "tried"
    else:
        status = "saved"
    scores = [a.score for a in attempts if a.score is not None]
    return {
        "student": student,
        "lesson": lesson,
        "exercise_id": exercise_id,
        "status": status,
        "attempts": len(attempts),
        "correct": "" if not attempts or status == "saved" else str(status == "correct").lower(),
        "best_score": max(scores) if scores else "",
        "last_answer": _readable(attempts[-1].answer) if attempts else "",
        "first_attempt": attempts[0].created_at if attempts else "",
        "last_attempt": attempts[-1].created_at if attempts else "",
        "files": "; ".join(sorted({shown(a.file, folder) for a in attempts})),
    }


def _readable(answer: str) -> str:
    """The answer as a person reads it: 'b', 'a, c', 'A: x; B: y' rather than JSON."""
    try:
        value = json.loads(answer)
    except (TypeError, ValueError):
        return answer
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _bank_exercises(lesson: str) -> list[str]:
    try:
        from .exercises.bank import load_bank

        return [ex.id for ex in load_bank(lesson).graded]
    except Exception:  # noqa: BLE001 - no bank, or no data folder here: list the exercises the files name
        return []


def main(folder: str, output: str | None = DEFAULT_OUTPUT) -> int:
    """The command: read, write the table, print the report. 0 if any answers were read, 1 if none, 2 if
    the folder is missing."""
    folder_path = Path(folder)
    if not folder_path.is_dir():
        print(f"{printable(folder)} is not a folder: give the folder that holds the students' answer files.")
        return 2
    out_path = Path(output) if output else None
    result = collect(folder_path, skip=(out_path,) if out_path else ())
    print(result.report())
    if not result.files:
        print(
            f"\nNo answer files found in {printable(folder)}: students export theirs with 'Export my answers (CSV)' "
            "at the end of each lesson."
        )
        return 1
    if out_path is not None:
        try:
            if out_path.suffix.lower() == ".xlsx":
                result.write_xlsx(out_path)
            else:
                result.write_csv(out_path)
        except OSError as exc:
            print(f"\nCould not write {out_path} ({exc.strerror or exc}).")
            return 1
        print(f"\nThe table (one row per student and exercise) is in {out_path}.")
    return 0


__all__ = [
    "collect",
    "read_answers",
    "neutralise",
    "Collection",
    "Attempt",
    "Skipped",
    "main",
    "TABLE_COLUMNS",
    "REQUIRED",
]
