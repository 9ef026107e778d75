"""What went wrong with a progress file, and what can be saved from a damaged one.

:mod:`helpers.progress` calls on this when sqlite fails: :func:`is_corruption` tells a damaged file (set
aside and recovered) from a lock, a permission or a full disk (reported); :func:`check_pages` finds damage
before it is trusted; :func:`salvage` copies out every attempt still readable; :func:`why_not_saved` says
in words a student can act on why an answer was not saved.

>>> import sqlite3
>>> is_corruption(sqlite3.DatabaseError("file is not a database"))
True
>>> is_corruption(sqlite3.OperationalError("database is locked"))
False
>>> why_not_saved(OSError(28, "No space left on device"), "p.sqlite")[:60]
'Your answer was checked, but it could not be saved (the disk'
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .paths import PROGRESS_ENV


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    """True for 'this file is not a usable database' errors (not for locks, permissions or a full disk)."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return "malformed" in text or "not a database" in text
    return not isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError))


def check_pages(conn: sqlite3.Connection) -> None:
    """Raise sqlite3.DatabaseError if any page of the file is damaged (a quick check: milliseconds here)."""
    result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if result != ["ok"]:
        raise sqlite3.DatabaseError(f"database disk image is malformed ({result[0]})")


_ROW = "SELECT id, exercise_id, lesson, answer, correct, score, created_at FROM attempts"


def salvage(damaged: Path, seconds: float = 10.0) -> list[tuple]:
    """Every attempt that can still be read from a damaged file: a scan in order until the damage, then a
    look-up of each id past it (a damaged page loses only the rows on it). Rows that read as nonsense
    are left out."""
    rows: dict[int, tuple] = {}
    try:
        conn = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        try:
            cursor = conn.execute(_ROW + " ORDER BY id")
            while (row := cursor.fetchone()) is not None:
                if _sound(row):
                    rows[row[0]] = row
        except sqlite3.Error:
            pass
        upper = max(rows, default=0)
        for query in ("SELECT seq FROM sqlite_sequence WHERE name = 'attempts'", "SELECT max(id) FROM attempts"):
            try:
                found = conn.execute(query).fetchone()
                if found and isinstance(found[0], int):
                    upper = max(upper, found[0])
            except sqlite3.Error:
                continue
        upper = max(upper, max(rows, default=0) + 1000)
        deadline = time.monotonic() + seconds
        for rowid in range(1, upper + 1):
            if rowid in rows:
                continue
            if time.monotonic() > deadline:
                break
            try:
                row = conn.execute(_ROW + " WHERE id = ?", (rowid,)).fetchone()
            except sqlite3.Error:
                continue
            if row is not None and _sound(row):
                rows[rowid] = row
    finally:
        conn.close()
    return [rows[k] for k in sorted(rows)]


def _sound(row: tuple) -> bool:
    rowid, exercise_id, lesson, answer, correct, score, created = row
    return (
        isinstance(rowid, int)
        and all(isinstance(v, str) for v in (exercise_id, lesson, answer, created))
        and correct in (None, 0, 1)
        and (score is None or isinstance(score, (int, float)))
    )


def why_not_saved(exc: BaseException, path: Path, read_only: bool = False) -> str:
    text = str(exc).lower()
    if read_only:
        return (
            f"Your answer was checked, but new answers cannot be saved: your progress file {path} is in a "
            f"folder that cannot be written (your earlier answers are still shown). Set {PROGRESS_ENV} to "
            "a file in a folder you can write to, then run the cell again."
        )
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
    return (
        f"Your answer was checked, but it could not be saved ({why}; {path}). "
        f"Set {PROGRESS_ENV} to a file in a folder you can write to, then run the cell again."
    )
