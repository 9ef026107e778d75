"""A student's answers, saved on their own machine with sqlite3: every attempt, a summary per lesson,
and an export to CSV for the teacher.

Where: :func:`helpers.paths.progress_db` (an environment variable, else the user's data folder).
The store knows nothing of exercises: the caller says how many there are (``summary(lesson, total)``);
the progress panel that shows a summary lives with the other views, in :mod:`helpers.exercises.widgets`.

Safe with two notebooks open at once (write-ahead logging, a busy timeout, one short transaction per
save). A database that cannot be read is renamed aside (``progress.sqlite.unreadable-<time>``) with a
message, and a fresh one is started. If saving fails (read-only folder, full disk) nothing raises:
:meth:`ProgressStore.record` returns a :class:`SaveResult` whose ``message`` the exercise shows.

>>> import tempfile, os
>>> store = ProgressStore(os.path.join(tempfile.mkdtemp(), "p.sqlite"))
>>> store.record("ex-1", "00-start-here", ["a"], correct=True, score=1.0).ok
True
>>> store.summary("00-start-here", total=12).text
'1 of 12 done (1 correct)'
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .paths import PROGRESS_ENV, progress_db

#: How long a writer waits for another process's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise_id TEXT    NOT NULL,
    lesson      TEXT    NOT NULL,
    answer      TEXT    NOT NULL,      -- the answer as JSON
    correct     INTEGER,               -- 1, 0, or NULL when there is no right answer (source analysis)
    score       REAL,                  -- 0..1, or NULL
    created_at  TEXT    NOT NULL       -- ISO 8601, UTC
);
"""
_INDEX = "CREATE INDEX IF NOT EXISTS attempts_lesson ON attempts (lesson, exercise_id)"
EXPORT_COLUMNS = ("id", "exercise_id", "lesson", "answer", "correct", "score", "created_at")


class ProgressWarning(UserWarning):
    """Progress could not be read or saved; the exercises still work."""


def default_path() -> Path:
    """Where the progress database lives (:func:`helpers.paths.progress_db`)."""
    return progress_db()


@dataclass(frozen=True)
class SaveResult:
    """Whether an attempt was saved; ``message`` says why not, in words a student can act on."""

    ok: bool
    message: str = ""


@dataclass(frozen=True)
class LessonSummary:
    """How far a student is through a lesson's exercises."""

    lesson: str
    done: int
    total: int | None
    correct: int

    @property
    def text(self) -> str:
        """'7 of 12 done (5 correct)'."""
        of = f" of {self.total}" if self.total is not None else ""
        return f"{self.done}{of} done ({self.correct} correct)"


class ProgressStore:
    """The attempts saved in one sqlite file. Each call opens a short-lived connection."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.messages: list[str] = []
        self._ready = False

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.path)!r})"

    # -- connection and recovery -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self._ready:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":  # e.g. a file system without shared memory
                    conn.execute("PRAGMA journal_mode = DELETE")
                conn.executescript(_SCHEMA)
                self._check_shape(conn)
                conn.execute(_INDEX)
                self._ready = True
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _check_shape(conn: sqlite3.Connection) -> None:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(attempts)")]
        if columns != list(EXPORT_COLUMNS):
            raise sqlite3.DatabaseError(f"the attempts table has unexpected columns {columns}")

    def _open(self) -> sqlite3.Connection:
        """Connect; if the file is not a readable progress database, move it aside and start afresh."""
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not _is_corruption(exc):
                raise
            moved = self.move_aside(reason=str(exc))
            self._ready = False
            conn = self._connect()
            self._say(f"Your progress file could not be read ({exc}). It was moved to {moved.name} "
                      f"and a fresh one was started at {self.path}.")
            return conn

    def move_aside(self, reason: str = "") -> Path:
        """Rename the database (and its -wal/-shm files) to ``<name>.unreadable-<time>``; return the new path."""
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{n}")
        if self.path.exists():
            os.replace(self.path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
        return target

    def _say(self, message: str) -> None:
        self.messages.append(message)
        warnings.warn(message, ProgressWarning, stacklevel=3)

    # -- writing -----------------------------------------------------------------------------------

    def record(self, exercise_id: str, lesson: str, answer: Any, correct: bool | None, score: float | None,
               when: datetime | None = None) -> SaveResult:
        """Save one attempt. Never raises: a failure comes back as ``SaveResult(ok=False, message=...)``."""
        created = (when or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="milliseconds")
        row = (str(exercise_id), str(lesson), _to_json(answer), None if correct is None else int(bool(correct)),
               None if score is None else float(score), created)
        for retry in (True, False):
            try:
                conn = self._open()
                try:
                    with conn:  # one short transaction; the busy timeout waits for another notebook's
                        conn.execute("BEGIN IMMEDIATE")
                        conn.execute("INSERT INTO attempts (exercise_id, lesson, answer, correct, score, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)", row)
                finally:
                    conn.close()
                return SaveResult(True)
            except (sqlite3.Error, OSError) as exc:
                if retry and "no such table" in str(exc):  # the file was deleted since we set it up
                    self._ready = False
                    continue
                return SaveResult(False, _why_not_saved(exc, self.path))
        return SaveResult(False, "not saved")  # pragma: no cover - the loop always returns

    # -- reading -----------------------------------------------------------------------------------

    def attempts(self, lesson: str | None = None, exercise_id: str | None = None) -> list[dict]:
        """Saved attempts (oldest first) as dicts; the answer is decoded from JSON. [] if unreadable."""
        query, args = "SELECT * FROM attempts", []
        where = [(c, v) for c, v in (("lesson", lesson), ("exercise_id", exercise_id)) if v is not None]
        if where:
            query += " WHERE " + " AND ".join(f"{c} = ?" for c, _ in where)
            args = [v for _, v in where]
        try:
            conn = self._open()
            try:
                conn.row_factory = sqlite3.Row
                rows = [dict(r) for r in conn.execute(query + " ORDER BY id", args)]
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            self._say(_why_not_saved(exc, self.path).replace("could not be saved", "could not be read"))
            return []
        for r in rows:
            r["answer"] = _from_json(r["answer"])
            r["correct"] = None if r["correct"] is None else bool(r["correct"])
        return rows

    def summary(self, lesson: str, total: int | None = None) -> LessonSummary:
        """How many of a lesson's exercises have been attempted, and how many answered correctly.

        ``total`` is how many exercises the lesson has (the caller knows; None: '3 done' without one).
        """
        rows = self.attempts(lesson=lesson)
        done = {r["exercise_id"] for r in rows}
        correct = {r["exercise_id"] for r in rows if r["correct"]}
        return LessonSummary(lesson, len(done), total, len(correct))

    def export_csv(self, path: str | os.PathLike, lesson: str | None = None) -> Path:
        """Write the attempts (one row each, answer as JSON) to a CSV file for the teacher; return its path."""
        path = Path(path)
        rows = self.attempts(lesson=lesson)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(EXPORT_COLUMNS)
            for r in rows:
                writer.writerow([r["id"], r["exercise_id"], r["lesson"], _to_json(r["answer"]),
                                 "" if r["correct"] is None else str(r["correct"]).lower(),
                                 "" if r["score"] is None else r["score"], r["created_at"]])
        return path


_STORES: dict[Path, ProgressStore] = {}


def default_store() -> ProgressStore:
    """The store at :func:`default_path` (one object per path, so messages are not repeated)."""
    path = default_path()
    if path not in _STORES:
        _STORES[path] = ProgressStore(path)
    return _STORES[path]


# --- helpers --------------------------------------------------------------------------------------

def _to_json(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return json.dumps(str(value), ensure_ascii=False)


def _from_json(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """True for 'this file is not a usable database' errors (not for locks, permissions or a full disk)."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return "malformed" in text or "not a database" in text
    return not isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError))


def _why_not_saved(exc: BaseException, path: Path) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        why = "the folder or file is read-only"
    elif "full" in text or getattr(exc, "errno", None) == 28:
        why = "the disk is full"
    elif "locked" in text or "busy" in text:
        why = "another notebook kept the file busy for too long"
    elif "unable to open" in text or isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        why = "the file cannot be created there"
    else:
        why = str(exc)
    return (f"Your answer was checked, but it could not be saved ({why}; {path}). "
            f"Set {PROGRESS_ENV} to a file in a folder you can write to, then run the cell again.")

