"""The teacher's file of a lesson: notes, model answers, indicative content and exemplars.

One YAML file per lesson, ``data/teacher/<lesson>.yaml``, kept out of the notebooks so that a student who
opens a lesson sees no teacher note, answer or model answer. Only the teacher edition of the handouts
(:mod:`helpers.editions`) and the teacher's rendering of an exercise read it; nothing a student runs does.

    lesson: 01-recognition-1924
    notes:                          # printed in the teacher edition right after the cell named
      - after: 7ed9d9b8
        title: Timing and plan
        text: |
          Markdown ...
      - after: 1a2b3c4d
        document_set: set-01-recognition   # the set's teacher note from data/document_sets.csv
    model_answers: {recog-claim: "..."}
    indicative_content: {ass-q1: "..."}    # the assessment only
    exemplars: {ass-q1: [{level: weak, mark: 3, text: "...", comment: "..."}]}

>>> notes = load_teacher("01-recognition-1924")
>>> notes.lesson
'01-recognition-1924'
>>> load_teacher("no-such-lesson").notes    # a lesson without a file has no notes
()
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, display_path
from .paths import data_dir

#: Exemplar levels, weakest first.
EXEMPLAR_LEVELS = ("weak", "sound", "strong")


@dataclass(frozen=True)
class Note:
    """One teacher note: printed after cell ``after``; its text, or the teacher note of ``document_set``."""

    after: str
    title: str = ""
    text: str = ""
    document_set: str = ""


@dataclass(frozen=True)
class Exemplar:
    level: str
    text: str
    comment: str
    mark: int | None = None


@dataclass(frozen=True)
class TeacherFile:
    lesson: str
    notes: tuple[Note, ...] = ()
    model_answers: dict[str, str] = field(default_factory=dict)
    indicative_content: dict[str, str] = field(default_factory=dict)
    exemplars: dict[str, tuple[Exemplar, ...]] = field(default_factory=dict)
    path: Path | None = None


def teacher_dir(root: Path | None = None) -> Path:
    """data/teacher/ (in ``root``, a data folder, when given)."""
    return Path(root or data_dir()) / "teacher"


def load_teacher(lesson: str, root: Path | None = None) -> TeacherFile:
    """The teacher's file of ``lesson`` (empty when the lesson has none). A broken file raises DataError
    naming the file, the line where YAML says, and the field."""
    path = teacher_dir(root) / f"{lesson}.yaml"
    if not path.is_file():
        return TeacherFile(lesson)
    from .exercises.bank import read_yaml  # the bank's safe reader: no aliases, no tags, lines kept

    raw, _lines = read_yaml(path)
    return _parse(raw, lesson, path)


def _parse(raw, lesson: str, path: Path) -> TeacherFile:
    shown = display_path(path)

    def fail(where: str, why: str):
        raise DataError(f"{shown}: {where}: {why}")

    if not isinstance(raw, dict):
        fail("top level", "expected a mapping with lesson, notes, model_answers")
    unknown = set(raw) - {"lesson", "notes", "model_answers", "indicative_content", "exemplars"}
    if unknown:
        fail(", ".join(sorted(unknown)), "unknown field")
    if raw.get("lesson") != lesson:
        fail("lesson", f"says {raw.get('lesson')!r}; the file is for {lesson!r}")
    notes = []
    for n, note in enumerate(raw.get("notes") or [], 1):
        if not isinstance(note, dict) or not isinstance(note.get("after"), str):
            fail(f"notes[{n}]", "needs 'after' (a cell id of the notebook)")
        if not (isinstance(note.get("text"), str) and note["text"].strip()) and not note.get("document_set"):
            fail(f"notes[{n}]", "needs 'text' or 'document_set'")
        extra = set(note) - {"after", "title", "text", "document_set"}
        if extra:
            fail(f"notes[{n}]", f"unknown field {', '.join(sorted(extra))}")
        notes.append(
            Note(
                note["after"],
                str(note.get("title") or ""),
                str(note.get("text") or "").strip(),
                str(note.get("document_set") or ""),
            )
        )
    texts = {}
    for name in ("model_answers", "indicative_content"):
        block = raw.get(name) or {}
        if not isinstance(block, dict) or not all(isinstance(v, str) and v.strip() for v in block.values()):
            fail(name, "expected exercise id: text")
        texts[name] = {str(k): v.strip() for k, v in block.items()}
    exemplars = {}
    for ex_id, items in (raw.get("exemplars") or {}).items():
        if not isinstance(items, list):
            fail(f"exemplars.{ex_id}", "expected a list of exemplars")
        found = []
        for item in items:
            if not isinstance(item, dict) or item.get("level") not in EXEMPLAR_LEVELS:
                fail(f"exemplars.{ex_id}", f"each exemplar needs level: one of {', '.join(EXEMPLAR_LEVELS)}")
            if not str(item.get("text") or "").strip() or not str(item.get("comment") or "").strip():
                fail(f"exemplars.{ex_id}", "each exemplar needs text and an examiner's comment")
            mark = item.get("mark")
            if mark is not None and not isinstance(mark, int):
                fail(f"exemplars.{ex_id}", "mark must be a whole number")
            found.append(Exemplar(item["level"], str(item["text"]).strip(), str(item["comment"]).strip(), mark))
        exemplars[str(ex_id)] = tuple(found)
    return TeacherFile(lesson, tuple(notes), texts["model_answers"], texts["indicative_content"], exemplars, path=path)


def validate_teacher_files(root: Path | None = None) -> dict:
    """Check every teacher file against its lesson's bank: model answers and exemplars name exercises of
    that lesson, and every claim exercise has a model answer. Returns counts; raises DataError."""
    from .exercises.bank import load_all_banks

    banks = load_all_banks(root)
    problems = []
    files = sorted(teacher_dir(root).glob("*.yaml"))
    read = {lesson: load_teacher(lesson, root) for lesson in banks}  # each file read once
    for path in files:
        lesson = path.stem
        if lesson not in banks:
            problems.append(f"{display_path(path)}: no question bank for lesson {lesson!r}")
            continue
        found = read[lesson]
        ids = set(banks[lesson].ids())
        for name, block in (
            ("model_answers", found.model_answers),
            ("indicative_content", found.indicative_content),
            ("exemplars", found.exemplars),
        ):
            for ex_id in block:
                if ex_id not in ids:
                    problems.append(f"{display_path(path)}: {name}: {ex_id!r} is not an exercise of {lesson}")
    for lesson, bank in banks.items():
        answers = read[lesson].model_answers
        for ex in bank:
            if ex.kind == "claim" and ex.id not in answers:
                problems.append(f"data/teacher/{lesson}.yaml: model_answers: no model answer for claim {ex.id!r}")
    if problems:
        raise DataError("\n".join(problems))
    return {"teacher_files": len(files)}
