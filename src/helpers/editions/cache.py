"""Executed lessons kept between builds: a lesson runs again only when something it depends on changed.

An entry's key is a SHA-256 of the notebook's bytes and a *fingerprint* of everything else a run depends
on: every file of the data package (tables, schema, question banks), the helper code (every file of the
``helpers`` package, templates included) and the versions of Python and of the libraries that run or
shape a lesson. Entries are JSON files in ``helpers.paths.cache_dir("executed")``, one per lesson (a new
run of a lesson replaces its old entry). An entry that cannot be read is removed and the lesson runs
again; a folder that cannot be written is skipped (the build still works, it only remembers nothing).

Why not jupyter-cache (Jupyter Book's cache): it keys a notebook by its code cells and kernel alone, so the
data, the helper code and the library versions would have to be folded in by hand; it brings SQLAlchemy
and a database; and its executors cannot run this pack's injected cells (network guard, widget labels,
static exercises) or its throwaway progress database, so the pack would still drive nbclient itself and
use it only as a key-value store, which a folder of JSON files named by a SHA-256 does here.

>>> fp = fingerprint()
>>> len(fp), fp == fingerprint()
(64, True)
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..paths import cache_dir, data_dir
from .execute import Executed

#: Bump when the stored form changes.
FORMAT = 1
#: The distributions whose versions are part of every key (a missing one counts as 'absent').
LIBRARIES = (
    "nbclient",
    "nbformat",
    "nbconvert",
    "ipykernel",
    "jupyter_client",
    "ipython",
    "ipywidgets",
    "pandas",
    "numpy",
    "matplotlib",
    "pyyaml",
    "jsonschema",
    "pygments",
)
_PACKAGE = Path(__file__).resolve().parents[1]


def _hash_files(digest, root: Path, pattern: str = "*") -> None:
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


@lru_cache(maxsize=1)
def _versions() -> str:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=absent")
    return f"python={platform.python_version()} {sys.implementation.name};" + ";".join(found)


def fingerprint(data: Path | None = None) -> str:
    """The hex SHA-256 of the data package, the helper code and the library versions."""
    digest = hashlib.sha256(f"format={FORMAT};{_versions()}".encode())
    digest.update(b"\0data\0")
    _hash_files(digest, Path(data) if data is not None else data_dir())
    digest.update(b"\0code\0")
    _hash_files(digest, _PACKAGE)
    return digest.hexdigest()


class ExecutedCache:
    """Executed lessons on disk. ``folder`` None: the pack's cache folder; ``read`` False: nothing is
    reused (``--no-cache``: every lesson runs, and the fresh runs are stored for next time)."""

    def __init__(self, folder: Path | str | None = None, read: bool = True, data: Path | None = None):
        self.read = read
        self.fingerprint = fingerprint(data)
        self.notes: list[str] = []
        try:
            self.folder = Path(folder) if folder is not None else cache_dir("executed")
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.folder = None
            self.notes.append(f"executed lessons are not kept (no cache folder: {exc})")

    def key(self, path: Path) -> str:
        return hashlib.sha256(self.fingerprint.encode() + Path(path).read_bytes()).hexdigest()

    def _entry(self, path: Path, key: str) -> Path:
        return self.folder / f"{Path(path).stem}-{key[:24]}.json"

    def get(self, path: Path) -> Executed | None:
        """The stored run of this lesson for its current inputs, or None (a damaged entry is removed)."""
        if self.folder is None or not self.read:
            return None
        entry = self._entry(path, self.key(path))
        try:
            raw = entry.read_bytes()
        except OSError:  # not there (the usual miss) or unreadable
            return None
        try:
            stored = json.loads(raw)  # bytes that are not UTF-8 raise a ValueError too
            if stored.get("format") != FORMAT or not isinstance(stored.get("notebook"), dict):
                raise ValueError(f"format {stored.get('format')!r}")
            from .. import _imports as imports

            notebook = imports.nbformat().from_dict(stored["notebook"])
            if not isinstance(notebook.cells, list):
                raise TypeError("no list of cells")
            return Executed(Path(path), notebook, float(stored["seconds"]), list(stored["exercises"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            self.notes.append(f"{entry.name}: a damaged cache entry ({type(exc).__name__}); the lesson runs again")
            entry.unlink(missing_ok=True)
            return None

    def put(self, executed: Executed) -> Path | None:
        """Store a run (replacing this lesson's older entries); None if the folder cannot be written."""
        if self.folder is None:
            return None
        path = executed.path
        entry = self._entry(path, self.key(path))
        body = json.dumps(
            {
                "format": FORMAT,
                "lesson": path.stem,
                "seconds": round(executed.seconds, 3),
                "exercises": executed.exercises,
                "notebook": executed.notebook,
            },
            ensure_ascii=False,
        )
        try:
            fd, tmp = tempfile.mkstemp(prefix=".entry-", dir=self.folder)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(body)
            os.replace(tmp, entry)
            for old in self.folder.glob(f"{path.stem}-*.json"):
                if old != entry and len(old.stem) == len(entry.stem):
                    old.unlink(missing_ok=True)
        except OSError as exc:
            self.notes.append(f"could not keep {path.stem} in {self.folder}: {exc}")
            return None
        return entry
