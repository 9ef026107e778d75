"""Run lessons top to bottom, each in a fresh kernel with a throwaway progress database, in parallel: the
pack's only user of nbclient. The tests and the handout build both come here (through :mod:`.cache`).

A lesson that fails raises :class:`LessonError` naming the lesson, the cell number and the error. While a
lesson runs, any connection off this machine fails (lessons must work offline), the progress database is
a throwaway file (never the student's own) and the kernel's own chatter goes to a log a failure quotes.
Two injected cells, removed afterwards, run :mod:`.kernel` in the lesson's kernel: the first labels the
pack's widgets in the outputs, the last renders the exercises shown (``Executed.exercises``).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .. import _imports as imports
from ..paths import PROGRESS_ENV, cache_dir
from . import kernel

#: The first injected cell: load :mod:`.kernel` from its file (not through ``import helpers``) and start it.
PROLOGUE = f"""\
import importlib.util as _u
_s = _u.spec_from_file_location("_truce_kernel", {str(Path(kernel.__file__))!r})
_truce_kernel = _u.module_from_spec(_s)
_s.loader.exec_module(_truce_kernel)
_truce_kernel.start()
del _u, _s
"""
#: The last injected cell: render the exercises the lesson showed.
EPILOGUE = "_truce_kernel.finish()\ndel _truce_kernel\n"


class LessonError(RuntimeError):
    """A lesson failed to run: ``lesson``, ``cell`` (1-based, as stored) and the error."""

    def __init__(self, lesson: str, cell: int | None, error: str):
        self.lesson, self.cell, self.error = lesson, cell, error
        where = f"cell {cell}" if cell is not None else "start-up"
        super().__init__(f"lesson {lesson} failed at {where}: {error}")

    def __reduce__(self):  # travels back from a worker process intact (the default needs one argument)
        return (type(self), (self.lesson, self.cell, self.error))


@dataclass
class Executed:
    """A lesson as it ran: the notebook with its outputs, how long it took, and the static rendering of
    each exercise it showed, in order: ``{"id": ..., "student": html, "teacher": html}``."""

    path: Path
    notebook: object  # nbformat.NotebookNode
    seconds: float
    exercises: list = field(default_factory=list)

    @property
    def lesson(self) -> str:
        return self.path.stem


def execute(path: Path | str, timeout: int = 180, workdir: Path | None = None) -> Executed:
    """Execute one notebook in a fresh kernel; return it with outputs (the file on disk is untouched)."""
    nbformat = imports.nbformat()
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    head, tail = nbformat.v4.new_code_cell(PROLOGUE), nbformat.v4.new_code_cell(EPILOGUE)
    for cell in (head, tail):
        cell.metadata["tags"] = ["injected"]
    nb.cells = [head, *nb.cells, tail]
    with tempfile.TemporaryDirectory(prefix="truce-run-") as tmp:
        env_before = dict(os.environ)
        # Always a throwaway database: a lesson run by a test or a build never writes to a real one.
        os.environ[PROGRESS_ENV] = str(Path(tmp) / "progress.sqlite")
        # matplotlib's settings folder: the pack's own (so a user's matplotlibrc cannot change a handout),
        # kept between runs (so that no kernel spends most of a second rebuilding the font list).
        try:
            os.environ["MPLCONFIGDIR"] = str(cache_dir("matplotlib"))
        except OSError:  # nowhere to keep it: a throwaway folder, as before
            os.environ["MPLCONFIGDIR"] = str(Path(tmp) / "mpl")
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        log_path = Path(tmp) / "kernel.log"
        start = time.perf_counter()
        # shutdown_kernel="immediate": every output (and the widget state) is in hand once the last cell
        # is idle, so the kernel is stopped at once. The polite shutdown took 0.2 s, or 3.2 s in about one
        # run in three here (bench/README.md), for a kernel whose state is thrown away anyway.
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            shutdown_kernel="immediate",
            resources={"metadata": {"path": str(workdir or path.parent)}},
        )
        try:
            with log_path.open("wb") as log:  # the kernel's own stdout/stderr (start-up notices, crashes)
                client.execute(stdout=log, stderr=log)
        except CellExecutionError as exc:
            failed = _failed_cell(nb)
            if failed == len(nb.cells) - 1:
                raise LessonError(path.stem, None, f"the builder's epilogue cell failed: {_short_error(exc)}") from None
            raise LessonError(path.stem, failed, _short_error(exc)) from None
        except Exception as exc:  # kernel died, timeout, ...
            raise LessonError(
                path.stem, _failed_cell(nb, running=True), f"{type(exc).__name__}: {exc}{_log_tail(log_path)}"
            ) from None
        finally:
            os.environ.clear()
            os.environ.update(env_before)
        seconds = time.perf_counter() - start
    nb.cells.pop(0)
    return Executed(path, nb, seconds, _rendered(nb.cells.pop().get("outputs", [])))


def _rendered(outputs: list) -> list:
    for out in outputs:
        data = out.get("data", {}).get(kernel.RENDERED_MIME)
        if data:
            return list(data["exercises"])
    return []


def _failed_cell(nb, running: bool = False) -> int | None:
    """The stored 1-based number of the cell that failed (index 0 is the injected guard).

    With ``running`` (a timeout or a dead kernel: no error output), the last code cell that started.
    """
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i
    if running:
        started = [
            i
            for i, cell in enumerate(nb.cells)
            if cell.get("cell_type") == "code" and cell.get("metadata", {}).get("execution", {})
        ]
        if started and started[-1] > 0:
            return started[-1]
    return None


def _log_tail(path: Path, lines: int = 8) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    tail = [line for line in text.splitlines() if "running over TCP without encryption" not in line][-lines:]
    return ("\nkernel log:\n" + "\n".join(tail)) if tail else ""


def _short_error(exc) -> str:
    name = getattr(exc, "ename", "") or type(exc).__name__
    value = getattr(exc, "evalue", "") or str(exc).strip().splitlines()[-1]
    return f"{name}: {value}"


def execute_many(
    paths: Iterable[Path],
    workers: int | None = None,
    timeout: int = 180,
    on_done: Callable[[Executed], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> list[Executed]:
    """Execute lessons in parallel (one fresh kernel each, one worker process per core); results in the
    order given. ``on_done`` is called in this process as each lesson finishes; ``on_start`` once every
    lesson is handed out and the worker processes exist (a safe moment to start a thread here).

    The first failure cancels the lessons not yet started and raises its :class:`LessonError` once the
    running ones finish (or at once, with one worker).
    """
    paths = [Path(p) for p in paths]
    workers = max(1, min(workers or os.cpu_count() or 1, len(paths) or 1))
    if workers == 1:
        results = []
        if on_start:
            on_start()
        for p in paths:
            results.append(execute(p, timeout))
            if on_done:
                on_done(results[-1])
        return results
    done: dict[Path, Executed] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(execute, p, timeout): p for p in paths}
        if on_start:
            on_start()
        error = None
        for future in as_completed(futures):
            try:
                result = future.result()
            except LessonError as exc:
                if error is None:
                    error = exc
                    for other in futures:
                        other.cancel()  # lessons not started yet are dropped
                continue
            except CancelledError:
                continue
            if error is None:
                done[futures[future]] = result
                if on_done:
                    on_done(result)
        if error:
            raise error
    return [done[p] for p in paths]
