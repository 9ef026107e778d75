"""Where the pack's files live. One function answers each question; nothing else hard-codes a path."""
from __future__ import annotations

import os
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
    if _PACKAGE_DIR.parent.name == "src" and (parent / "data" / "datapackage.json").is_file() \
            and (parent / "pyproject.toml").is_file():
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


#: Environment variable that moves the pack's cache (typed tables and checked banks, see helpers.diskcache;
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
