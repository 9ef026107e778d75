"""The one list of lessons: the notebooks in notebooks/, with titles, questions and times read from the
notebooks themselves, and the navigation line at the foot of each lesson generated from it (never hand-kept).

Everything else that needs the lessons asks here: the question banks (:func:`lesson_ids`), the handout
build (:func:`catalogue`, :func:`select_lessons`), ``python -m helpers nav``.

``python -m helpers nav`` rewrites every lesson's navigation cell (tagged ``navigation``); it is safe to
run again and again. ``python -m helpers nav --check`` only reports lessons whose line is out of date.

>>> [lesson.id for lesson in catalogue()][:1]
['00-start-here']
>>> lesson_ids()[:2]
('00-start-here', '01-recognition-1924')
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import DataError
from ..paths import data_dir, project_root

#: Lesson files are NN-slug.ipynb in notebooks/.
LESSON_NAME = re.compile(r"^(\d\d)-[a-z0-9\-]+\.ipynb$")


def notebooks_dir() -> Path:
    """The notebooks/ folder beside data/ (or, for a data folder elsewhere, the checkout's own)."""
    beside = data_dir().parent / "notebooks"
    root = project_root()
    if not beside.is_dir() and root is not None and (root / "notebooks").is_dir():
        return root / "notebooks"
    return beside


def lesson_ids(folder: Path | None = None) -> tuple[str, ...]:
    """The lessons' ids (file names without .ipynb), in order, read from the file names alone (no notebook
    is opened). Where there is no notebooks/ folder (an installed pack without a checkout), the lessons
    that have a question bank in data/exercises/.
    """
    folder = folder or notebooks_dir()
    if folder.is_dir():
        return tuple(sorted(p.stem for p in folder.glob("*.ipynb") if LESSON_NAME.match(p.name)))
    banks = data_dir() / "exercises"
    return tuple(sorted(p.stem for p in banks.glob("*.yaml") if LESSON_NAME.match(p.stem + ".ipynb")))


@dataclass
class Lesson:
    """One lesson notebook as the catalogue sees it."""

    id: str
    path: Path
    number: str
    title: str
    questions: list[str] = field(default_factory=list)
    time: str = ""
    #: The question the lesson answers (its front matter's "Central question"), and what to read before.
    central_question: str = ""
    pre_reading: str = ""

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
    return [
        re.sub(r"^\s*[-*\d.]+\s+", "", line).strip()
        for line in text.splitlines()
        if re.match(r"^\s*([-*]|\d+\.)\s+", line)
    ]


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
        front = "\n\n".join(front_matter(markdown))
        lessons.append(
            Lesson(
                path.stem,
                path,
                match.group(1),
                title,
                bullets(section(front, "Questions")),
                time_line(section(front, "Time")),
                " ".join(section(front, "Central question").split()),
                section(front, "Before the seminar") or section(front, "Pre-reading"),
            )
        )
    return lessons


def front_matter(markdown: list[str]) -> list[str]:
    """The markdown cells before the lesson's first numbered section ('## 1.' or '## Part 1')."""
    found = []
    for text in markdown:
        if re.search(r"^##\s+(\d+\.|Part\s+\d|Section\s+\d)", text, re.M | re.I):
            break
        found.append(text)
    return found


def time_line(text: str) -> str:
    r"""The first line of a Time section ('Teaching: 50 min; exercises: 40 min'), the rest being detail.

    >>> time_line("Teaching: 50 min; exercises: 40 min\n- Section 1 (10 min)")
    'Teaching: 50 min; exercises: 40 min'
    """
    return text.strip().splitlines()[0].strip() if text.strip() else ""


def select_lessons(lessons: Sequence[Lesson], wanted: str | Iterable[str] | None) -> list[Lesson]:
    """Lessons chosen by number ('01'), full name ('01-recognition-1924') or a comma-separated list of them.

    >>> from types import SimpleNamespace as L
    >>> found = [L(id="00-start-here", number="00"), L(id="06-rupture-1927", number="06")]
    >>> [x.id for x in select_lessons(found, "6")]
    ['06-rupture-1927']
    """
    if wanted is None:
        return list(lessons)
    names = [w.strip() for w in (wanted.split(",") if isinstance(wanted, str) else wanted) if w.strip()]
    chosen = []
    for name in names:
        key = name.removesuffix(".ipynb")
        match = [
            lesson
            for lesson in lessons
            if key in (lesson.id, lesson.number) or (key.isdigit() and len(key) < 2 and lesson.number == key.zfill(2))
        ]
        if not match:
            have = ", ".join(lesson.id for lesson in lessons) or "none"
            raise KeyError(f"no lesson {name!r} in notebooks/ (lessons: {have})")
        chosen.extend(m for m in match if m not in chosen)
    return sorted(chosen, key=lambda lesson: lesson.id)


@cache
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
                nb["cells"].append(
                    {
                        "cell_type": "markdown",
                        "id": uuid.uuid4().hex[:8],
                        "metadata": {"tags": ["navigation"]},
                        "source": wanted,
                    }
                )
        elif cell_text(cells[0]) != wanted:
            stale.append(lesson.path)
            cells[0]["source"] = wanted
        if stale and stale[-1] == lesson.path and not check:
            lesson.path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return stale
