"""Run lessons top to bottom, each in a fresh kernel with a throwaway progress database, in parallel.

The tests and the handout builder both use this. A lesson that fails raises :class:`LessonError` naming
the lesson, the cell number and the error. While a lesson runs, any attempt to open a network connection
other than to this machine fails (lessons must work offline).
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

#: Injected as the first cell while a lesson runs, then removed: refuses connections off this machine.
NETWORK_GUARD = """\
import socket as _s
_connect = _s.socket.connect
def _guarded(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and host not in ("127.0.0.1", "::1", "localhost"):
        raise OSError(f"lessons run offline: a connection to {host} was refused")
    return _connect(self, address)
_s.socket.connect = _guarded
del _guarded
"""


class LessonError(RuntimeError):
    """A lesson failed to run: ``lesson``, ``cell`` (1-based, as stored) and the error."""

    def __init__(self, lesson: str, cell: int | None, error: str):
        self.lesson, self.cell, self.error = lesson, cell, error
        where = f"cell {cell}" if cell is not None else "start-up"
        super().__init__(f"lesson {lesson} failed at {where}: {error}")


@dataclass
class Executed:
    path: Path
    notebook: object  # nbformat.NotebookNode
    seconds: float


def execute(path: Path | str, timeout: int = 180, workdir: Path | None = None) -> Executed:
    """Execute one notebook in a fresh kernel; return it with outputs (the file on disk is untouched)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    guard = nbformat.v4.new_code_cell(NETWORK_GUARD)
    guard.metadata["tags"] = ["injected"]
    nb.cells.insert(0, guard)
    with tempfile.TemporaryDirectory(prefix="truce-run-") as tmp:
        env_before = dict(os.environ)
        os.environ.setdefault("TRUCE_PROGRESS_DB", str(Path(tmp) / "progress.sqlite"))
        os.environ["MPLCONFIGDIR"] = str(Path(tmp) / "mpl")
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        start = time.perf_counter()
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(workdir or path.parent)}})
        try:
            client.execute()
        except CellExecutionError as exc:
            failed = _failed_cell(nb)
            raise LessonError(path.stem, failed, _short_error(exc)) from None
        except Exception as exc:  # kernel died, timeout, ...
            raise LessonError(path.stem, _failed_cell(nb), f"{type(exc).__name__}: {exc}") from None
        finally:
            os.environ.clear()
            os.environ.update(env_before)
        seconds = time.perf_counter() - start
    nb.cells.pop(0)
    return Executed(path, nb, seconds)


def _failed_cell(nb) -> int | None:
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i  # index 0 is the injected guard, so this is the stored 1-based number
    return None


def _short_error(exc) -> str:
    name = getattr(exc, "ename", "") or type(exc).__name__
    value = getattr(exc, "evalue", "") or str(exc).strip().splitlines()[-1]
    return f"{name}: {value}"


def execute_many(paths: Iterable[Path], workers: int | None = None, timeout: int = 180,
                 on_done: Callable[[Executed], None] | None = None) -> list[Executed]:
    """Execute lessons in parallel (one fresh kernel each); results in the order given.

    The first failure raises its :class:`LessonError` after the running lessons finish.
    """
    paths = [Path(p) for p in paths]
    workers = workers or min(len(paths), os.cpu_count() or 1) or 1
    if workers == 1:
        results = []
        for p in paths:
            results.append(execute(p, timeout))
            if on_done:
                on_done(results[-1])
        return results
    done: dict[Path, Executed] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(execute, p, timeout): p for p in paths}
        error = None
        for future in as_completed(futures):
            try:
                result = future.result()
            except LessonError as exc:
                error = error or exc
                continue
            done[futures[future]] = result
            if on_done:
                on_done(result)
        if error:
            raise error
    return [done[p] for p in paths]
