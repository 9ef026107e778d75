"""Finding and reading students' answer files safely, one at a time: every regular file under a folder
(never through a link), each read as the CSV that **Export my answers (CSV)** writes, whatever a student
or a spreadsheet did to it. A file that is not such an export, or a bad row, becomes a :class:`Skipped`
line for the teacher's report, never an exception; names never carry control characters.

:mod:`helpers.collect` merges what is read here into one table.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "amira-khan.csv"
>>> _ = path.write_text("exercise_id,lesson,answer,correct,score,created_at\\n"
...                     'start-balfour-1918,00-start-here,b,true,1,2026-01-05T10:00:00\\n'
...                     "start-balfour-1918,00-start-here,b,maybe,1,2026-01-05T10:01:00\\n")
>>> attempts, skipped, student = read_answers(path)
>>> student, [(a.exercise_id, a.correct) for a in attempts]
('amira-khan', [('start-balfour-1918', True)])
>>> skipped[0].line, skipped[0].message
(3, "correct is 'maybe' (expected true, false or nothing)")
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .exercises.bank import LESSONS
from .progress import EXPORT_COLUMNS

#: The columns a student's file must have (``id`` is the row number in their own database: not needed).
REQUIRED = tuple(c for c in EXPORT_COLUMNS if c != "id")
#: How a table made by ``collect`` begins: such a file is recognised, not read as a student's answers.
TABLE_START = ("student", "lesson", "exercise_id")
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
#: A student's file larger than this is not read (an export of every lesson is well under 1 MB).
MAX_FILE_BYTES = 20_000_000
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
        name = shown(self.file, folder)
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


def answer_files(folder: Path, problems: list[Skipped]) -> list[Path]:
    """The regular files under ``folder`` (sorted), never through a link; links and odd files are added to
    ``problems``; hidden files (.DS_Store, .ipynb_checkpoints) are left out silently."""
    files = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        here = Path(root)
        for d in list(dirs):
            if d.startswith("."):
                dirs.remove(d)
            elif (here / d).is_symlink():
                dirs.remove(d)
                problems.append(
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
                problems.append(
                    Skipped(path, None, "is a link to another file: not read (copy the file itself into the folder)")
                )
            elif not stat.S_ISREG(mode):
                problems.append(Skipped(path, None, "is not a regular file: not read"))
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
        if header[:3] == list(TABLE_START):
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
            printable(row[header.index("student")]).strip()
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


def _attempt(row: list[str], col: dict[str, int], student: str, path: Path) -> Attempt:
    def get(name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    if len(row) <= max(col[c] for c in REQUIRED):
        raise ValueError(f"{len(row)} values, expected {len(col)}")
    if "student" in col and printable(get("student")).strip():
        student = printable(get("student")).strip()
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


_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}  # control, format (bidi overrides, zero-width), line/paragraph separators


def printable(text: str, keep: str = "") -> str:
    r"""Text without control or invisible format characters (a name cannot drive the teacher's terminal).

    >>> printable("Ev\x1b[2Jil\u202eName")
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


def _student(path: Path, folder: Path | None) -> str:
    if folder is not None:
        parts = path.relative_to(folder).parts
        if len(parts) > 1:
            return printable(PLATFORM_SUFFIX.sub("", parts[0]).strip() or parts[0])
    name = printable(EXPORT_NAME.sub("", path.stem)).strip(" -_.")
    return name or f"unnamed ({printable(path.name)})"


def shown(path: Path, folder: Path | None) -> str:
    """A file's name as the report shows it: relative to the folder collected, when it is inside it."""
    if folder is not None:
        try:
            return str(path.relative_to(folder))
        except ValueError:
            pass
    return str(path)
