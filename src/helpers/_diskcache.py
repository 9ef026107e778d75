"""Keep what the pack derives from its files (typed tables, checked question banks) on disk between runs.

Every lesson runs in a fresh kernel, and without this each kernel would parse the CSV tables again (about
0.3 s) and check the question banks again (about 0.15 s). An entry is found by a key made of everything
the result depends on: the path and bytes of each input file, the source code of this package, and the
versions of Python, pandas and numpy. Change a file, the code or a library and the key changes, so an
entry is never stale; old entries are deleted once the folder holds more than :data:`MAX_ENTRIES`.

Nothing that goes wrong here stops a lesson: a missing, unreadable or corrupt entry is built again, and an
entry that cannot be written (a read-only home folder) is simply not kept. An environment variable turns
the cache off (:func:`helpers.paths.cache_enabled`), another moves it (:func:`helpers.paths.cache_dir`).
The entries are pickles that this package wrote into the user's own cache folder; it reads no others.

>>> import tempfile, os
>>> from helpers.paths import CACHE_ENV
>>> os.environ[CACHE_ENV] = tempfile.mkdtemp()
>>> cached("example", [], lambda: {"answer": 42})   # built and kept
{'answer': 42}
>>> cached("example", [], lambda: 1 / 0)            # found: not built again
{'answer': 42}
>>> del os.environ[CACHE_ENV]
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from .paths import cache_dir, cache_enabled

T = TypeVar("T")

#: The folder is pruned, oldest first, to this many entries.
MAX_ENTRIES = 300
_PACKAGE_DIR = Path(__file__).resolve().parent


def enabled() -> bool:
    """False when the cache is switched off (:func:`helpers.paths.cache_enabled`)."""
    return cache_enabled()


def cached(kind: str, inputs: Iterable[Path], build: Callable[[], T], extra: str = "") -> T:
    """``build()``'s result, from disk if it was built before from the same ``inputs`` by the same code.

    ``kind`` names the sort of entry (it starts the file name); ``build`` must depend only on the inputs,
    on ``extra`` (any other text that shapes the result, such as a table's schema) and on this package's
    code. An exception from ``build`` propagates and nothing is kept.
    """
    if not enabled():
        return build()
    try:
        folder = cache_dir("derived")
        key = _key(kind, inputs, extra)
    except OSError:  # no writable cache folder, or an input vanished: derive it afresh
        return build()
    path = folder / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception:  # corrupt or written by an incompatible version: drop it and build again
        _remove(path)
    value = build()
    _store(path, value)
    return value


def clear() -> int:
    """Delete every entry; return how many there were."""
    entries = list(cache_dir("derived").glob("*.pickle"))
    for entry in entries:
        _remove(entry)
    return len(entries)


def _key(kind: str, inputs: Iterable[Path], extra: str = "") -> str:
    digest = hashlib.sha256(f"{kind}\0{extra}\0{_code_digest()}".encode())
    for path in inputs:
        resolved = Path(path).resolve()
        digest.update(f"\0{resolved}\0{_file_digest(resolved)}".encode())
    return digest.hexdigest()[:40]


def _file_digest(path: Path) -> str:
    info = path.stat()
    return _file_digest_at(path, info.st_mtime_ns, info.st_size, info.st_ino)


@lru_cache(maxsize=512)
def _file_digest_at(path: Path, mtime_ns: int, size: int, inode: int) -> str:
    """The file's SHA-256, computed once per version of the file in a process."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """This package's source code and the versions of what its results are made of."""
    import numpy
    import pandas

    digest = hashlib.sha256(f"{sys.version}\0{pandas.__version__}\0{numpy.__version__}".encode())
    for source in sorted(_PACKAGE_DIR.rglob("*.py")):
        digest.update(str(source.relative_to(_PACKAGE_DIR)).encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def _store(path: Path, value) -> None:
    """Write atomically (a reader never sees half a file); give up quietly if the folder refuses."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".writing-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        _remove(Path(tmp))
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    try:
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return
    for old in entries[:-MAX_ENTRIES] if len(entries) > MAX_ENTRIES else []:
        _remove(old)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
