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
bad row is reported with its file and line, and skipped. Nothing stops the run.

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
import io
import json
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .exercises.bank import LESSONS
from .progress import EXPORT_COLUMNS

#: The columns a student's file must have (``id`` is the row number in their own database: not needed).
REQUIRED = tuple(c for c in EXPORT_COLUMNS if c != "id")
#: The columns of the collected table, one row per student and exercise.
TABLE_COLUMNS = (
    "student",
    "lesson",
    "exercise_id",
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
#: The name the Export button gives a file: truce-and-rupture-answers-<lesson>-<YYYYmmdd-HHMMSS>.csv
#: (a browser may add " (1)" to a second download of the same name).
EXPORT_NAME = re.compile(
    r"truce-and-rupture-answers"
    r"(?:-(?:" + "|".join(re.escape(lesson) for lesson in LESSONS) + r"|\d\d-[a-z0-9-]+?(?=-\d{8}-\d{6})))?"
    r"(?:-\d{8}-\d{6})?(?:\s*\(\d+\))?",
    re.IGNORECASE,
)
#: What a learning platform adds to a student's folder name (Moodle: "Name_12345_assignsubmission_file_").
PLATFORM_SUFFIX = re.compile(r"_(\d+)_assignsubmission_\w*$")
#: What a spreadsheet reads as the start of a formula (OWASP "CSV injection"), with the full-width forms
#: (＝ ＋ － ＠) that some spreadsheets also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: A student's file larger than this is not read (an export of every lesson is well under 1 MB).
MAX_FILE_BYTES = 20_000_000
#: Status words, and the mark each gets in the printed report.
MARKS = {"correct": "✔", "tried": "✘", "saved": "✎", "not tried": "·"}
_TRUE, _FALSE = {"true", "1", "yes", "y", "t"}, {"false", "0", "no", "n", "f"}


@dataclass(frozen=True)
class Skipped:
    """A file (``line`` None) or a row of a student's export that ``collect`` skipped, and why.

    Not a :class:`helpers.errors.Problem`: that is a fault in the pack's own data, raised in a DataError;
    this is a line in the teacher's report about someone else's file, which the merge goes on without.
    """

    file: Path
    line: int | None
    message: str

    def text(self, folder: Path | None = None) -> str:
        name = _shown(self.file, folder)
        return f"{name}, line {self.line}: {self.message}" if self.line else f"{name}: {self.message}"


@dataclass(frozen=True)
class Attempt:
    """One saved attempt from one student's file."""

    student: str
    exercise_id: str
    lesson: str
    answer: str  # as JSON, as the file holds it
    correct: bool | None
    score: float | None
    created_at: str
    file: Path


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
                    cell.value = _printable(str(value), keep="\n")
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
            out.extend(f"  {_shown(f, self.folder)}" for f in self.unnamed)
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
        return "\n".join(_printable(line) for line in out)


def collect(folder: str | Path, skip: tuple[Path, ...] = ()) -> Collection:
    """Read every answer file under ``folder``; never raises for a bad file (it is reported instead).

    ``skip``: files to leave out (the command leaves out its own output). Links are reported, not followed.
    """
    folder = Path(folder)
    result = Collection(folder)
    skip_resolved = {Path(s).resolve() for s in skip}
    found: list[tuple[Path, str, list[Attempt]]] = []  # (file, where it came from, its attempts)
    for path in _walk(folder, result):
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


def _walk(folder: Path, result: Collection) -> list[Path]:
    """The regular files under ``folder`` (sorted), never through a link; links and odd files are reported;
    hidden files (.DS_Store, .ipynb_checkpoints) are left out silently."""
    files = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        here = Path(root)
        for d in list(dirs):
            if d.startswith("."):
                dirs.remove(d)
            elif (here / d).is_symlink():
                dirs.remove(d)
                result.problems.append(
                    Skipped(
                        here / d,
                        None,
                        "is a link to another folder: not followed (copy the files themselves into the folder)",
                    )
                )
        for name in names:
            if name.startswith("."):
                continue
            path = here / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                result.problems.append(
                    Skipped(path, None, "is a link to another file: not read (copy the file itself into the folder)")
                )
            elif not stat.S_ISREG(mode):
                result.problems.append(Skipped(path, None, "is not a regular file: not read"))
            else:
                files.append(path)
    return sorted(files)


def read_answers(path: Path, folder: Path | None = None) -> tuple[list[Attempt] | None, list[Skipped], str]:
    """One student's file: (attempts, problems, student). ``attempts`` is None when the file is skipped."""
    try:
        raw = _read_no_link(path)
    except OSError as exc:
        return None, [Skipped(path, None, f"cannot be read ({exc.strerror or exc})")], ""
    if raw is None:
        return None, [Skipped(path, None, f"is larger than {MAX_FILE_BYTES // 1_000_000} MB: not an answer export")], ""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark (Excel's "Unicode text")
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return None, [Skipped(path, None, "not a text file (broken UTF-16)")], ""
    if not raw.strip():
        return None, [Skipped(path, None, "the file is empty (not an answer export)")], ""
    if b"\x00" in raw[:4096] or raw[:4] == b"PK\x03\x04":
        return (
            None,
            [
                Skipped(
                    path,
                    None,
                    "not a text file (a spreadsheet? ask for the CSV file that 'Export my answers (CSV)' writes)",
                )
            ],
            "",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything; kept for safety
        return None, [Skipped(path, None, "not a text file in UTF-8")], ""
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = [h.strip().lower() for h in next(reader)]
    except (csv.Error, StopIteration) as exc:
        return None, [Skipped(path, None, f"not a CSV file ({exc})")], ""
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        if header[:3] == list(TABLE_COLUMNS[:3]):
            return None, [Skipped(path, None, "a table made by 'collect', not a student's answers")], ""
        return (
            None,
            [
                Skipped(
                    path,
                    None,
                    f"not an answer export: no column {', '.join(missing)} (expected {', '.join(EXPORT_COLUMNS)})",
                )
            ],
            "",
        )
    student = _student(path, folder)
    if "student" in header:  # a file that says whose it is
        names = {
            _printable(row[header.index("student")]).strip()
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            if len(row) > header.index("student")
        } - {"", "student"}
        student = names.pop() if len(names) == 1 else student
    col = {name: header.index(name) for name in header if name}
    attempts, problems = [], []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            try:
                attempts.append(_attempt(row, col, student, path))
            except ValueError as exc:
                problems.append(Skipped(path, line, str(exc)))
    except csv.Error as exc:
        problems.append(
            Skipped(
                path, reader.line_num, f"the rest of the file is not valid CSV ({exc}); rows before this line were kept"
            )
        )
    return attempts, problems, student


# --- helpers --------------------------------------------------------------------------------------


def _attempt(row: list[str], col: dict[str, int], student: str, path: Path) -> Attempt:
    def get(name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    if len(row) <= max(col[c] for c in REQUIRED):
        raise ValueError(f"{len(row)} values, expected {len(col)}")
    if "student" in col and _printable(get("student")).strip():
        student = _printable(get("student")).strip()
    exercise_id, lesson = get("exercise_id"), get("lesson")
    if not exercise_id or not lesson:
        raise ValueError("no exercise_id or lesson")
    correct_text = get("correct").lower()
    if correct_text in _TRUE:
        correct = True
    elif correct_text in _FALSE:
        correct = False
    elif correct_text in ("", "none", "null"):
        correct = None
    else:
        raise ValueError(f"correct is {get('correct')!r} (expected true, false or nothing)")
    score_text = get("score")
    try:
        score = float(score_text.replace(",", ".")) if score_text else None
    except ValueError:
        raise ValueError(f"score is {score_text!r} (expected a number from 0 to 1)") from None
    if score is not None and not 0 <= score <= 1:
        raise ValueError(f"score is {score_text!r} (expected a number from 0 to 1)")
    return Attempt(student, exercise_id, lesson, get("answer"), correct, score, get("created_at"), path)


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


_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}  # control, format (bidi overrides, zero-width), line/paragraph separators


def _printable(text: str, keep: str = "") -> str:
    r"""Text without control or invisible format characters (a name cannot drive the teacher's terminal).

    >>> _printable("Ev\x1b[2Jil\u202eName")
    'Ev[2JilName'
    """
    return "".join(c for c in text if c in keep or unicodedata.category(c) not in _INVISIBLE)


def _read_no_link(path: Path) -> bytes | None:
    """The file's bytes, opened without following a link (raises OSError for one); None if it is too big."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError("not a regular file")
        data = fh.read(MAX_FILE_BYTES + 1)
    return None if len(data) > MAX_FILE_BYTES else data


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


def _student(path: Path, folder: Path | None) -> str:
    if folder is not None:
        parts = path.relative_to(folder).parts
        if len(parts) > 1:
            return _printable(PLATFORM_SUFFIX.sub("", parts[0]).strip() or parts[0])
    name = _printable(EXPORT_NAME.sub("", path.stem)).strip(" -_.")
    return name or f"unnamed ({_printable(path.name)})"


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
        "files": "; ".join(sorted({_shown(a.file, folder) for a in attempts})),
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


def _shown(path: Path, folder: Path | None) -> str:
    if folder is not None:
        try:
            return str(path.relative_to(folder))
        except ValueError:
            pass
    return str(path)


def main(folder: str, output: str | None = DEFAULT_OUTPUT) -> int:
    """The command: read, write the table, print the report. 0 if any answers were read, 1 if none, 2 if
    the folder is missing."""
    folder_path = Path(folder)
    if not folder_path.is_dir():
        print(f"{_printable(folder)} is not a folder: give the folder that holds the students' answer files.")
        return 2
    out_path = Path(output) if output else None
    result = collect(folder_path, skip=(out_path,) if out_path else ())
    print(result.report())
    if not result.files:
        print(
            f"\nNo answer files found in {_printable(folder)}: students export theirs with 'Export my answers (CSV)' "
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
