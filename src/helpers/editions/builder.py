"""The handout build: run what changed, reuse what did not, write both editions and their indexes.

1. **Run or reuse** each lesson: :class:`.cache.ExecutedCache` returns the stored run when nothing the
   lesson depends on has changed; the others run in parallel in fresh kernels (:mod:`.execute`).
2. **Prepare** each edition (:mod:`.edition`) and **render** it (:mod:`.render`).
3. **Write** into a temporary folder beside the output and move into place only when every lesson has
   succeeded: a failed build leaves nothing half-written.

A failing lesson stops the build with :class:`.execute.LessonError` naming the lesson, the cell and the
error. The result says which lessons ran, which were reused and where the indexes are.

>>> parse_editions("both"), parse_editions("teacher")
(('student', 'teacher'), ('teacher',))
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ExecutedCache
from .catalogue import Lesson, catalogue, select_lessons
from .edition import prepare
from .execute import Executed, execute_many
from .kernel import EDITIONS
from .render import render_handout, render_index, warm_up


@dataclass
class BuildResult:
    """What a build did: ``executed`` lessons ran, ``reused`` came from the cache; ``files`` written."""

    out: Path
    editions: tuple[str, ...]
    lessons: list[str]
    files: list[Path]
    seconds: float
    executed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Three lines for the command line: what ran, what was reused, where the indexes are."""
        ran = ", ".join(self.executed) or "none"
        kept = ", ".join(self.reused) or "none"
        indexes = " and ".join(str(self.out / e / "index.html") for e in self.editions)
        return "\n".join(
            [
                *self.notes,
                f"Executed {len(self.executed)} lesson(s): {ran}",
                f"Reused {len(self.reused)} unchanged lesson(s) from the cache: {kept}",
                f"Wrote {len(self.files)} files in {self.seconds:.1f} s; open {indexes}",
            ]
        )


def default_out(core_only: bool = False) -> Path:
    """Where handouts go unless told: core-only ones apart, so the two never overwrite each other.

    >>> default_out().as_posix(), default_out(core_only=True).as_posix()
    ('build/handouts', 'build/handouts-core')
    """
    return Path("build/handouts-core" if core_only else "build/handouts")


def parse_editions(editions: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(editions, str):
        editions = EDITIONS if editions == "both" else (editions,)
    editions = tuple(e for e in EDITIONS if e in set(editions))
    if not editions:
        raise ValueError(f"editions must be among {EDITIONS}")
    return editions


class Progress:
    """Lesson-by-lesson lines with elapsed time, on a terminal; silent otherwise."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total, self.done, self.start = total, 0, time.perf_counter()

    def say(self, text: str) -> None:
        if self.enabled:
            print(text, file=self.stream, flush=True)

    def lesson(self, lesson_id: str, seconds: float, verb: str = "ran in") -> None:
        self.done += 1
        self.say(
            f"  [{self.done}/{self.total}] {lesson_id:<32} {verb} {seconds:5.1f} s · "
            f"{time.perf_counter() - self.start:6.1f} s elapsed"
        )


def _cache(cache: bool | str | Path | ExecutedCache) -> ExecutedCache:
    if isinstance(cache, ExecutedCache):
        return cache
    if cache is True or cache is None:
        return ExecutedCache()
    if cache is False:
        return ExecutedCache(read=False)
    return ExecutedCache(cache)


def build(
    lessons: str | Iterable[str] | None = None,
    editions: str | Iterable[str] = EDITIONS,
    out: Path | str | None = None,
    workers: int | None = None,
    folder: Path | None = None,
    progress: bool | None = None,
    timeout: int = 180,
    cache: bool | str | Path | ExecutedCache = True,
    core_only: bool = False,
) -> BuildResult:
    """Run (or reuse) lessons and write their handouts; see the module docstring.

    ``lessons``: None for every lesson in ``folder`` (default notebooks/), or numbers/names ('01,06').
    ``progress``: None shows progress only when stderr is a terminal. ``cache``: True for the pack's
    cache folder, a folder, or False to run every lesson (the fresh runs are still kept). ``core_only``
    leaves the extension sections out (a handout for the seminar); ``out`` defaults to build/handouts, or
    build/handouts-core for a core-only build, so the two never overwrite each other. Raises
    :class:`LessonError` if a lesson fails, leaving the output folder as it was.
    """
    start = time.perf_counter()
    editions = parse_editions(editions)
    every = catalogue(folder)
    chosen = select_lessons(every, lessons)
    if not chosen:
        raise KeyError(f"no lessons found in {folder or 'notebooks/'}")
    out = Path(out) if out else default_out(core_only)
    store = _cache(cache)
    reused = {lesson.id: found for lesson in chosen if (found := store.get(lesson.path)) is not None}
    to_run = [lesson for lesson in chosen if lesson.id not in reused]
    report = Progress(len(chosen), enabled=progress)
    cores = max(1, min(workers or os.cpu_count() or 1, len(to_run) or 1))
    report.say(
        f"Building {len(chosen)} lesson(s) × {len(editions)} edition(s): {len(reused)} unchanged, "
        f"{len(to_run)} to run on {cores} core(s) → {out}"
    )
    made_parent = not out.parent.exists()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    by_id = {lesson.id: lesson for lesson in chosen}
    ids = {lesson.id for lesson in every}
    try:
        for edition in editions:
            (tmp / edition).mkdir()

        def write(executed: Executed) -> None:
            lesson = by_id[executed.lesson]
            for edition in editions:
                html = render_handout(
                    prepare(executed, edition, core_only), lesson, edition, ids, lesson.path.parent, core_only
                )
                (tmp / edition / f"{lesson.id}.html").write_bytes(html.encode("utf-8"))

        def ran(executed: Executed) -> None:
            store.put(executed)
            write(executed)
            report.lesson(executed.lesson, executed.seconds)

        def reuse_all() -> None:
            if to_run:
                threading.Thread(target=warm_up, daemon=True).start()
            for lesson_id, executed in reused.items():
                write(executed)
                report.lesson(lesson_id, executed.seconds, "reused, first ran in")

        if to_run:
            execute_many(
                [lesson.path for lesson in to_run], workers=cores, timeout=timeout, on_done=ran, on_start=reuse_all
            )
        else:
            reuse_all()
        files = _install(tmp, out, editions, every, chosen, lessons is None, core_only)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if made_parent:
            _remove_if_empty(out.parent)
        raise
    shutil.rmtree(tmp, ignore_errors=True)
    result = BuildResult(
        out,
        editions,
        [lesson.id for lesson in chosen],
        files,
        time.perf_counter() - start,
        [lesson.id for lesson in to_run],
        list(reused),
        list(store.notes),
    )
    report.say(result.summary())
    return result


def _install(
    tmp: Path,
    out: Path,
    editions: tuple[str, ...],
    every: list[Lesson],
    chosen: list[Lesson],
    full: bool,
    core_only: bool = False,
) -> list[Path]:
    """Write the indexes, then move each edition into place (a whole folder at once on a full build)."""
    files = []
    for edition in editions:
        staged, final = tmp / edition, out / edition
        present = {lesson.id for lesson in chosen}
        if not full and final.is_dir():  # a partial build keeps the handouts already there
            present |= {p.stem for p in final.glob("*.html")}
        listed = [lesson for lesson in every if lesson.id in present]
        (staged / "index.html").write_bytes(render_index(listed, edition, core_only).encode("utf-8"))
        out.mkdir(exist_ok=True)
        if full or not final.exists():
            old = tmp / f"old-{edition}"
            if final.exists():
                final.rename(old)
            staged.rename(final)
        else:
            for path in staged.iterdir():
                os.replace(path, final / path.name)
        files.extend(final / name for name in ["index.html", *(f"{lesson.id}.html" for lesson in chosen)])
    return files


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
