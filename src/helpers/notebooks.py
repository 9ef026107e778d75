"""The lesson notebooks as a catalogue: titles, questions and times read from the notebooks themselves,
and the navigation line at the foot of each lesson generated from that catalogue (never hand-kept).

``python -m helpers nav`` rewrites every lesson's navigation cell (tagged ``navigation``); it is safe to
run again and again. ``python -m helpers nav --check`` only reports lessons whose line is out of date.

>>> [lesson.id for lesson in catalogue()][:1]
['00-start-here']
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .paths import data_dir

#: Lesson files are NN-slug.ipynb in notebooks/.
LESSON_NAME = re.compile(r"^(\d\d)-[a-z0-9\-]+\.ipynb$")


def notebooks_dir() -> Path:
    """The notebooks/ folder beside data/."""
    return data_dir().parent / "notebooks"


@dataclass
class Lesson:
    """One lesson notebook as the catalogue sees it."""

    id: str
    path: Path
    number: str
    title: str
    questions: list[str] = field(default_factory=list)
    time: str = ""

    @property
    def minutes(self) -> tuple[int, int]:
        """(teaching, exercises) minutes, read from the Time section ('Teaching: 50 min; exercises: 40 min')."""
        teaching = re.search(r"teaching\D{0,12}(\d+)", self.time, re.I)
        exercises = re.search(r"exercises\D{0,12}(\d+)", self.time, re.I)
        return (int(teaching.group(1)) if teaching else 0, int(exercises.group(1)) if exercises else 0)


def read_notebook(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not a valid notebook (JSON error at line {exc.lineno}: {exc.msg})") from None


def cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def section(markdown: str, heading: str) -> str:
    """The text under a '## heading' in a markdown cell, up to the next heading."""
    match = re.search(rf"^##\s+{re.escape(heading)}\s*$(.*?)(?=^#|\Z)", markdown, re.M | re.S | re.I)
    return match.group(1).strip() if match else ""


def bullets(text: str) -> list[str]:
    return [re.sub(r"^\s*[-*\d.]+\s+", "", line).strip() for line in text.splitlines() if re.match(r"^\s*([-*]|\d+\.)\s+", line)]


def catalogue(folder: Path | None = None) -> list[Lesson]:
    """Every lesson in notebooks/, in order, with its title, questions and time."""
    folder = folder or notebooks_dir()
    lessons = []
    for path in sorted(folder.glob("*.ipynb")):
        match = LESSON_NAME.match(path.name)
        if not match:
            continue
        nb = read_notebook(path)
        markdown = [cell_text(c) for c in nb.get("cells", []) if c.get("cell_type") == "markdown"]
        title = next((m.splitlines()[0][2:].strip() for m in markdown if m.startswith("# ")), path.stem)
        front = next((m for m in markdown if re.search(r"^##\s+Questions", m, re.M)), "")
        lessons.append(Lesson(path.stem, path, match.group(1), title, bullets(section(front, "Questions")),
                              section(front, "Time")))
    return lessons


@lru_cache(maxsize=None)
def lesson_title(lesson_id: str) -> str:
    """A lesson's title as people read it, from its notebook's first heading; the id when there is none.

    >>> lesson_title("00-start-here").startswith("00")
    True
    """
    return next((lesson.title for lesson in catalogue() if lesson.id == lesson_id), lesson_id)


def navigation_markdown(lesson_id: str, lessons: list[Lesson] | None = None) -> str:
    """The navigation line for a lesson: previous, all lessons (the start page), next."""
    lessons = lessons or catalogue()
    ids = [lesson.id for lesson in lessons]
    if lesson_id not in ids:
        raise KeyError(f"no lesson {lesson_id!r} in notebooks/")
    i = ids.index(lesson_id)
    parts = []
    if i > 0:
        parts.append(f"← Previous: [{lessons[i - 1].title}]({lessons[i - 1].path.name})")
    if lessons[0].id != lesson_id:
        parts.append(f"[All lessons]({lessons[0].path.name})")
    if i + 1 < len(lessons):
        parts.append(f"Next: [{lessons[i + 1].title}]({lessons[i + 1].path.name}) →")
    return "---\n" + " · ".join(parts)


def update_navigation(check: bool = False, folder: Path | None = None) -> list[Path]:
    """Rewrite (or, with ``check``, only find) lessons whose navigation cell is out of date."""
    lessons = catalogue(folder)
    stale = []
    for lesson in lessons:
        nb = read_notebook(lesson.path)
        cells = [c for c in nb["cells"] if "navigation" in c.get("metadata", {}).get("tags", [])]
        wanted = navigation_markdown(lesson.id, lessons)
        if not cells:
            stale.append(lesson.path)
            if not check:
                nb["cells"].append({"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {"tags": ["navigation"]},
                                   "source": wanted})
        elif cell_text(cells[0]) != wanted:
            stale.append(lesson.path)
            cells[0]["source"] = wanted
        if stale and stale[-1] == lesson.path and not check:
            lesson.path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return stale
