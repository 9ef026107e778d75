"""Where the pack's files live. One function answers each question; nothing else hard-codes a path.

Every environment variable the pack reads (``TRUCE_*``) is read here and nowhere else:
``TRUCE_DATA_DIR`` (:func:`data_dir`), ``TRUCE_CACHE_DIR`` (:func:`cache_dir`), ``TRUCE_CACHE``
(:func:`cache_enabled`) and ``TRUCE_PROGRESS_DB`` (:func:`progress_db`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

#: Environment variable that points the loaders at another data/ folder (e.g. a teacher's copy).
DATA_ENV = "TRUCE_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path | None:
    """The repository root when the package runs from a checkout's ``src/helpers`` (editable install), else None.

    Only the checkout's own ``src/`` counts: a regular install that happens to sit inside a checkout (a
    virtual environment made in the repository's folder) reads its own shipped copy, not the checkout's.
    """
    parent = _PACKAGE_DIR.parent.parent
    if (
        _PACKAGE_DIR.parent.name == "src"
        and (parent / "data" / "datapackage.json").is_file()
        and (parent / "pyproject.toml").is_file()
    ):
        return parent
    return None


def data_dir() -> Path:
    """The folder holding ``datapackage.json`` and the tables.

    Looks, in order, at ``$TRUCE_DATA_DIR``; the repository this package was installed from (an editable
    install: edits show at once); the working directory and its parents (so a notebook in a clone's
    ``notebooks/`` finds ``../data``); and the copy shipped inside the package (``helpers/_pack/data``, see
    setup.py), which is what ``pip install`` of the repository or a wheel gives anywhere else (Colab, a hub image).

    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    override = os.environ.get(DATA_ENV)
    if override:
        path = Path(override).expanduser()
        if not (path / "datapackage.json").is_file():
            from .errors import DataError

            raise DataError(f"${DATA_ENV} is set to {path}, but there is no datapackage.json there")
        return path
    root = project_root()
    if root is not None:
        return root / "data"
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / "data" / "datapackage.json").is_file():
            return parent / "data"
    from importlib.resources import files

    shipped = Path(str(files(__package__ or "helpers").joinpath("_pack", "data")))
    if (shipped / "datapackage.json").is_file():
        return shipped
    from .errors import DataError

    raise DataError(
        f"cannot find the pack's data/ folder: it is not in {shipped} (an install without it: reinstall with "
        "`pip install` of the repository or a wheel), nor around the working folder; run from inside the "
        f"repository, or set ${DATA_ENV} to the folder that holds datapackage.json"
    )


#: Environment variable that moves the pack's cache (typed tables and checked banks, see helpers._diskcache;
#: matplotlib's settings and font list for lessons run by the tests and the handout build) elsewhere.
CACHE_ENV = "TRUCE_CACHE_DIR"


def cache_dir(name: str = "") -> Path:
    """A folder for things worth keeping between runs but safe to delete, created if needed.

    ``$TRUCE_CACHE_DIR``, else ``$XDG_CACHE_HOME/truce-and-rupture``, else ``~/.cache/truce-and-rupture``;
    when none of them can be written (a read-only home), a folder in the system's temporary directory.

    >>> cache_dir("matplotlib").name
    'matplotlib'
    """
    override = os.environ.get(CACHE_ENV)
    if override:
        base = Path(override).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "truce-and-rupture"
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    fallback = Path(tempfile.gettempdir()) / f"truce-and-rupture-{user}"
    for folder in (base / name, fallback / name):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError(f"no writable cache folder: tried {base / name} and the temporary directory")


#: Set to "off" (or "0", "no", "false") to derive everything afresh in every process (helpers._diskcache).
CACHE_SWITCH_ENV = "TRUCE_CACHE"


def cache_enabled() -> bool:
    """False when ``$TRUCE_CACHE`` turns the on-disk cache off.

    >>> cache_enabled() in (True, False)
    True
    """
    return os.environ.get(CACHE_SWITCH_ENV, "on").strip().lower() not in ("off", "0", "no", "false")


#: Environment variable naming the progress database file (tests, shared machines and the lesson runner set it).
PROGRESS_ENV = "TRUCE_PROGRESS_DB"
_APP_DIR = "truce-and-rupture"


def progress_db() -> Path:
    """Where a student's progress database lives.

    ``$TRUCE_PROGRESS_DB`` if set, else ``progress.sqlite`` in the user's data folder
    (``$XDG_DATA_HOME/truce-and-rupture`` or ``~/.local/share/truce-and-rupture``; ``%LOCALAPPDATA%`` on
    Windows).

    >>> progress_db().suffix
    '.sqlite'
    """
    override = os.environ.get(PROGRESS_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / _APP_DIR / "progress.sqlite"


def bank_dir(root: Path | str | None = None) -> Path:
    """The folder of question banks: ``exercises/`` in the data folder (``root``, default :func:`data_dir`).

    >>> bank_dir("/tmp/data").as_posix()
    '/tmp/data/exercises'
    """
    return (Path(root) if root is not None else data_dir()) / "exercises"


def notebooks_dir() -> Path:
    """The lessons' folder, ``notebooks/`` beside the data folder.

    >>> (notebooks_dir() / "00-start-here.ipynb").is_file()
    True
    """
    return data_dir().parent / "notebooks"
