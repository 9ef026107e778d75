"""A student's answers, saved on their own machine with sqlite3: every attempt, a summary per lesson,
and an export to CSV for the teacher.

Where: :func:`helpers.paths.progress_db` (an environment variable, else the user's data folder).
The store knows nothing of exercises: the caller says how many there are (``summary(lesson, total)``);
the progress panel that shows a summary lives with the other views, in :mod:`helpers.exercises.widgets`.

Safe with two notebooks open at once (write-ahead logging, a busy timeout, one short transaction per
save). A damaged database, found at any point (opening, saving or reading), is renamed aside
(``progress.sqlite.unreadable-<time>``), every attempt sqlite can still read is copied into a fresh file,
and one sentence says how many were kept (:mod:`helpers.progress_repair` tells damage from other failures
and salvages the rows). A file in a read-only folder is read (the answers are shown) and new answers are
refused with a message. If saving fails (full disk, a locked file) nothing raises:
:meth:`ProgressStore.record` returns a :class:`SaveResult` whose ``message`` the exercise shows.

An answer is at most :data:`MAX_ANSWER_CHARS` characters of text (20,000: a long essay); a longer one is
refused with a message (:func:`answer_too_long`) and nothing already saved is touched.

>>> import tempfile, os
>>> store = ProgressStore(os.path.join(tempfile.mkdtemp(), "p.sqlite"))
>>> store.record("ex-1", "00-start-here", ["a"], correct=True, score=1.0).ok
True
>>> store.summary("00-start-here", total=12).text
'1 of 12 done (1 correct)'
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import time
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .paths import PROGRESS_ENV, progress_db
from .progress_repair import check_pages, is_corruption, salvage, why_not_saved

#: How long a writer waits for another process's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000
#: The longest answer saved, in characters of text (all of an answer's boxes together): room for an essay.
MAX_ANSWER_CHARS = 20_000

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


def answer_length(answer: Any) -> int:
    """The characters of text in an answer (every box of a source analysis counted).

    >>> answer_length({"q1": "abc", "q2": ["de", "f"]})
    6
    """
    if isinstance(answer, str):
        return len(answer)
    if isinstance(answer, dict):
        return sum(answer_length(v) for v in answer.values())
    if isinstance(answer, (list, tuple)):
        return sum(answer_length(v) for v in answer)
    return len(str(answer))


def answer_too_long(answer: Any) -> str:
    """'' if the answer can be saved, else the message a student reads.

    >>> answer_too_long("x" * 20_000)
    ''
    >>> answer_too_long("x" * 20_001)[:45]
    'Your answer is 20,001 characters long, longer'
    """
    n = answer_length(answer)
    if n <= MAX_ANSWER_CHARS:
        return ""
    return (
        f"Your answer is {n:,} characters long, longer than the {MAX_ANSWER_CHARS:,} characters an answer "
        "may have, so it was not checked or saved. Shorten it and press the button again "
        "(your earlier answers are kept)."
    )


def _journal_mode_wal(conn: sqlite3.Connection) -> str:
    """Ask for write-ahead logging; return the mode the file ends up in.

    SQLite answers "database is locked" at once, without waiting for the busy timeout, when another
    notebook is switching the same new file to WAL at that moment, so wait here instead (up to the
    busy timeout) rather than fail the first save.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class ProgressStore:
    """The attempts saved in one sqlite file. Each call opens a short-lived connection.

    ``read_only`` becomes True when the file exists in a folder that cannot be written: its answers are
    read, new ones are refused with a message.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.messages: list[str] = []
        self.read_only = False
        self._ready = False

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.path)!r})"

    # -- connection and recovery -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.path.exists() and not _writable(self.path):
            return self._connect_read_only()
        self.read_only = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self._ready:
                mode = _journal_mode_wal(conn)
                if str(mode).lower() != "wal":  # e.g. a file system without shared memory
                    conn.execute("PRAGMA journal_mode = DELETE")
                check_pages(conn)
                conn.executescript(_SCHEMA)
                self._check_shape(conn)
                conn.execute(_INDEX)
                self._ready = True
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        """The existing file, opened to read only (its folder or itself cannot be written)."""
        uri = self.path.resolve().as_uri()
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:  # a WAL file cannot be opened without writing its -shm file
            conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
        try:
            if not self._ready:
                self._check_shape(conn)
                self._ready = True
        except BaseException:
            conn.close()
            raise
        if not self.read_only:
            self.read_only = True
            self._say(
                f"Your progress file {self.path} is in a folder that cannot be written: your answers so "
                f"far are shown, but new answers cannot be saved there. Set {PROGRESS_ENV} to a file in "
                "a folder you can write to."
            )
        return conn

    @staticmethod
    def _check_shape(conn: sqlite3.Connection) -> None:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(attempts)")]
        if columns != list(EXPORT_COLUMNS):
            raise sqlite3.DatabaseError(f"the attempts table has unexpected columns {columns}")

    def _open(self) -> sqlite3.Connection:
        """Connect; if the file is not a readable progress database, recover it (see :meth:`recover`)."""
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc) or self.read_only:
                raise
            self.recover(exc)
            return self._connect()

    def recover(self, reason: BaseException | str = "") -> Path:
        """Set the damaged file aside, copy every attempt sqlite can still read into a fresh file, and say
        in one sentence how many were kept. Returns where the damaged file went."""
        moved = self.move_aside(reason=str(reason))
        self._ready = False
        rows = salvage(moved)
        conn = self._connect()
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT OR IGNORE INTO attempts (id, exercise_id, lesson, answer, correct, score, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
        finally:
            conn.close()
        kept = f"{len(rows)} saved answer{'s' if len(rows) != 1 else ''} could be recovered into it"
        self._say(
            f"Your progress file could not be read ({reason}), so it was moved to {moved.name} and a "
            f"fresh one was started at {self.path}: {kept}."
        )
        return moved

    def _run(self, work):
        """``work(conn)`` on an open connection; damage found on the way is recovered once and retried."""
        damage: sqlite3.DatabaseError | None = None
        conn = self._open()
        try:
            return work(conn)
        except sqlite3.DatabaseError as exc:
            if not is_corruption(exc) or self.read_only:
                raise
            damage = exc
        finally:
            conn.close()
        self.recover(damage)
        conn = self._open()
        try:
            return work(conn)
        finally:
            conn.close()

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

    def record(
        self,
        exercise_id: str,
        lesson: str,
        answer: Any,
        correct: bool | None,
        score: float | None,
        when: datetime | None = None,
    ) -> SaveResult:
        """Save one attempt. Never raises: a failure comes back as ``SaveResult(ok=False, message=...)``."""
        too_long = answer_too_long(answer)
        if too_long:
            return SaveResult(False, too_long)
        created = (when or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="milliseconds")
        row = (
            str(exercise_id),
            str(lesson),
            _to_json(answer),
            None if correct is None else int(bool(correct)),
            None if score is None else float(score),
            created,
        )

        def insert(conn: sqlite3.Connection) -> None:
            if self.read_only:
                raise sqlite3.OperationalError("attempt to write a readonly database")
            with conn:  # one short transaction; the busy timeout waits for another notebook's
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT INTO attempts (exercise_id, lesson, answer, correct, score, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    row,
                )

        for retry in (True, False):
            try:
                self._run(insert)
                return SaveResult(True)
            except (sqlite3.Error, OSError) as exc:
                if retry and "no such table" in str(exc):  # the file was deleted since we set it up
                    self._ready = False
                    continue
                return SaveResult(False, why_not_saved(exc, self.path, self.read_only))
        return SaveResult(False, "not saved")  # pragma: no cover - the loop always returns

    # -- reading -----------------------------------------------------------------------------------

    def attempts(self, lesson: str | None = None, exercise_id: str | None = None) -> list[dict]:
        """Saved attempts (oldest first) as dicts; the answer is decoded from JSON. [] if unreadable."""
        query, args = "SELECT * FROM attempts", []
        where = [(c, v) for c, v in (("lesson", lesson), ("exercise_id", exercise_id)) if v is not None]
        if where:
            query += " WHERE " + " AND ".join(f"{c} = ?" for c, _ in where)
            args = [v for _, v in where]

        def select(conn: sqlite3.Connection) -> list[dict]:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(query + " ORDER BY id", args)]

        try:
            rows = self._run(select)
        except (sqlite3.Error, OSError) as exc:
            self._say(why_not_saved(exc, self.path).replace("could not be saved", "could not be read"))
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
        path.write_text(self.export_text(lesson), encoding="utf-8", newline="")
        return path

    def export_text(self, lesson: str | None = None) -> str:
        """The CSV export as text, made in memory (the app offers it as a download; no file is written)."""
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        for r in self.attempts(lesson=lesson):
            writer.writerow(
                [
                    r["id"],
                    r["exercise_id"],
                    r["lesson"],
                    _to_json(r["answer"]),
                    "" if r["correct"] is None else str(r["correct"]).lower(),
                    "" if r["score"] is None else r["score"],
                    r["created_at"],
                ]
            )
        return out.getvalue()


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


def _writable(path: Path) -> bool:
    """Whether the file and its folder can be written (sqlite needs the folder for its journal files)."""
    return os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)
