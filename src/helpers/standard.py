"""The lesson standard, measured: what ../LESSONS.md asks of every lesson, checked from the files alone.

:func:`measure` reads one lesson (its notebook, its question bank and its teacher's file) and returns a
:class:`Measure`; :func:`problems` says, in sentences, where it falls short. ``python -m helpers standard``
prints the table for every lesson, and ``tests/test_lesson_standard.py`` fails on any problem.

The standard (issues 16 and 17):

- a ``## Central question``, ``## Questions``, ``## Objectives``, a ``## Time`` whose first line gives the
  core path's minutes (at most 90 in all), ``## Before the seminar`` (the pre-reading) and
  ``## You will need`` in the front matter;
- at least six exercises of at least four types;
- at most :data:`CORE_WORDS` words of Markdown outside cells tagged ``extension``; each run of extension
  cells opens with a Markdown cell whose first line says "Extension";
- no teacher cells in the notebook (notes live in data/teacher/<lesson>.yaml, every note anchored to a
  cell that exists); at most :data:`SHOW_CODE` cells tagged ``show-code``;
- every exercise states its ``demand``, and at least half are analysis, evaluation or argument;
- one claim exercise, the last exercise shown, with at least three levels, a set of at least two
  documents, and a model answer in the teacher's file;
- a *paper* (a lesson whose exercises are all claims with marks: the final assessment) instead has
  marked questions whose levels (at least four for an essay, one with a choice of questions) carry
  marks, and for each question indicative content and exemplars at three levels in the teacher's file;
- no hint states its key, and no numeric answer appears in the cells before its question;
- across lessons, the key of a single-answer choice item is the longest option in at most a third of
  them, and no display position holds more than 40% of keys.

>>> m = measure("00-start-here")
>>> m.lesson, isinstance(m.core_words, int)
('00-start-here', True)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .editions.catalogue import catalogue, cell_text, front_matter, read_notebook, section
from .exercises.bank import load_bank
from .exercises.model import DEMANDS, EXERCISE_REF, HIGHER_ORDER, Choice
from .exercises.numeric import Numeric, format_number
from .teacher import EXEMPLAR_LEVELS, load_teacher

#: Most words of Markdown on a lesson's core path (outside extension cells).
CORE_WORDS = 2500
#: Most code cells a handout may show.
SHOW_CODE = 5
#: Most minutes of a core path.
CORE_MINUTES = 90
#: Headings every lesson's front matter has (LESSONS.md, "Shape"); a paper needs only the first three.
FRONT_MATTER = ("Central question", "Time", "Before the seminar", "Questions", "Objectives", "You will need")
#: Tags whose Markdown is not core narrative.
NOT_CORE = frozenset({"extension", "navigation", "teacher", "remove-cell"})


@dataclass
class Measure:
    lesson: str
    central_question: str = ""
    minutes: tuple[int, int] = (0, 0)
    pre_reading: str = ""
    core_words: int = 0
    extension_cells: int = 0
    extension_words: int = 0
    bad_extension_starts: list[str] = field(default_factory=list)
    teacher_cells: int = 0
    show_code: int = 0
    demands: Counter = field(default_factory=Counter)
    exercises: int = 0
    claims: list[str] = field(default_factory=list)
    claim_problems: list[str] = field(default_factory=list)
    note_anchors_missing: list[str] = field(default_factory=list)
    hint_leaks: list[str] = field(default_factory=list)
    answers_before_question: list[str] = field(default_factory=list)
    choice_items: list[dict] = field(default_factory=list)
    missing_headings: list[str] = field(default_factory=list)
    types: Counter = field(default_factory=Counter)
    paper: bool = False

    @property
    def higher_order(self) -> float:
        """The share of exercises asking for analysis, evaluation or argument."""
        return sum(self.demands[d] for d in HIGHER_ORDER) / self.exercises if self.exercises else 0.0

    @property
    def core_minutes(self) -> int:
        return sum(self.minutes)


def is_paper(lesson: str) -> bool:
    """True for an assessment paper: a lesson whose exercises are all claims with marks.

    >>> is_paper("01-recognition-1924")
    False
    """
    from .exercises.bank import available_lessons

    if lesson not in available_lessons():
        return False
    bank = load_bank(lesson)
    return bool(len(bank)) and all(ex.kind == "claim" and ex.marks for ex in bank)


def measure(lesson: str, folder: Path | None = None) -> Measure:
    """Everything the standard checks, for one lesson."""
    found = {x.id: x for x in catalogue(folder)}
    if lesson not in found:
        raise KeyError(f"no lesson {lesson!r} in notebooks/")
    entry = found[lesson]
    m = Measure(lesson, entry.central_question, entry.minutes, entry.pre_reading)
    cells = read_notebook(entry.path).get("cells", [])
    bank = load_bank(lesson)
    teacher = load_teacher(lesson)
    m.paper = is_paper(lesson)
    front = "\n\n".join(front_matter([cell_text(c) for c in cells if c.get("cell_type") == "markdown"]))
    wanted = FRONT_MATTER[:3] if m.paper else FRONT_MATTER
    m.missing_headings = [
        h for h in wanted if not section(front, h) and not (h == "Before the seminar" and section(front, "Pre-reading"))
    ]

    previous_tags: list[str] = []
    shown: list[tuple[int, str]] = []
    for n, cell in enumerate(cells):
        tags = cell.get("metadata", {}).get("tags", [])
        text = cell_text(cell)
        words = len(text.split()) if cell.get("cell_type") == "markdown" else 0
        if "extension" in tags:
            m.extension_cells += 1
            m.extension_words += words
            if "extension" not in previous_tags:
                first = text.strip().splitlines()[0] if text.strip() else ""
                if cell.get("cell_type") != "markdown" or "extension" not in first.lower():
                    m.bad_extension_starts.append(cell.get("id", f"cell {n + 1}"))
        elif not NOT_CORE & set(tags):
            m.core_words += words
        m.teacher_cells += "teacher" in tags
        m.show_code += "show-code" in tags and cell.get("cell_type") == "code"
        if cell.get("cell_type") == "code":
            shown.extend((n, ex_id) for ex_id in EXERCISE_REF.findall(text))
        previous_tags = tags

    ids = {c.get("id") for c in cells}
    m.note_anchors_missing = [note.after for note in teacher.notes if note.after not in ids]
    for ex in bank:
        if ex.kind == "explorer":
            continue
        m.exercises += 1
        m.types[ex.kind] += 1
        m.demands[ex.demand or "(none)"] += 1
        m.hint_leaks.extend(_hint_leak(ex))
        if isinstance(ex, Choice) and not ex.multiple:
            key = ex.option(ex.answer[0])
            longest = max(len(o.text) for o in ex.options)
            m.choice_items.append(
                {
                    "id": ex.id,
                    "key_longest": len(key.text) == longest,  # a tie for longest counts as longest
                    "position": ex.label(key.id),
                }
            )
    m.claims = [ex.id for ex in bank if ex.kind == "claim"]
    m.claim_problems = _paper_problems(bank, shown, teacher) if m.paper else _claim_problems(bank, shown, teacher)
    for n, ex_id in shown:
        ex = bank[ex_id] if ex_id in bank else None
        if isinstance(ex, Numeric):
            # the Colab cell's pinned commit hash changes with every pin and says nothing to the student
            before = "\n".join(
                cell_text(c) for c in cells[:n] if "colab-install" not in c.get("metadata", {}).get("tags", [])
            )
            if _mentions(before, ex.answer):
                m.answers_before_question.append(f"{ex_id}: {format_number(ex.answer)} appears before the question")
    return m


def _hint_leak(ex) -> list[str]:
    hint = (ex.hint or "").lower()
    if not hint:
        return []
    if isinstance(ex, Choice):
        keys = [ex.option(a).text.lower().strip(" .") for a in ex.answer]
        return [f"{ex.id}: the hint states the key" for k in keys if len(k) > 3 and k in hint]
    if isinstance(ex, Numeric) and _mentions(hint, ex.answer):
        return [f"{ex.id}: the hint states the answer {format_number(ex.answer)}"]
    return []


def _mentions(text: str, number: float) -> bool:
    """True if ``number`` is written in ``text`` as a number of its own (51 in "51 seats", not in "1951")."""
    forms = {format_number(number)}
    if float(number).is_integer():
        forms |= {str(int(number)), f"{int(number):,}"}
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", text) for f in forms)


def _claim_problems(bank, shown: list[tuple[int, str]], teacher) -> list[str]:
    claims = [ex for ex in bank if ex.kind == "claim"]
    if len(claims) != 1:
        return [f"has {len(claims)} claim exercises; the standard asks for exactly one"]
    claim = claims[0]
    out = []
    order = [ex_id for _n, ex_id in shown]
    if claim.id not in order:
        out.append(f"claim {claim.id!r} is not shown in the notebook")
    elif order[-1] != claim.id:
        out.append(f"claim {claim.id!r} is not the last exercise shown (the last is {order[-1]!r})")
    if len(claim.mark_scheme) < 3:
        out.append(f"claim {claim.id!r} has {len(claim.mark_scheme)} levels; at least 3")
    if len(claim.documents) < 2:
        out.append(f"claim {claim.id!r}: its set has {len(claim.documents)} documents; at least 2")
    if claim.id not in teacher.model_answers:
        out.append(f"claim {claim.id!r} has no model answer in data/teacher/{claim.lesson}.yaml")
    return out


def _paper_problems(bank, shown: list[tuple[int, str]], teacher) -> list[str]:
    out = []
    order = {ex_id for _n, ex_id in shown}
    essays = [ex for ex in bank if ex.alternatives]
    if not essays:
        out.append("the paper has no essay question with a choice of questions")
    for ex in bank:
        if ex.id not in order:
            out.append(f"question {ex.id!r} is not shown in the notebook")
        need = 4 if ex.alternatives else 3
        if len(ex.mark_scheme) < need:
            out.append(f"question {ex.id!r} has {len(ex.mark_scheme)} levels; at least {need}")
        if ex.id not in teacher.indicative_content:
            out.append(f"question {ex.id!r} has no indicative content in the teacher's file")
        levels = sorted(e.level for e in teacher.exemplars.get(ex.id, ()))
        if levels != sorted(EXEMPLAR_LEVELS):
            out.append(f"question {ex.id!r}: exemplars at {levels or 'no'} levels; one each at weak, sound, strong")
    return out


def problems(m: Measure) -> list[str]:
    """Where the lesson falls short of the standard, one sentence each ([] when it meets it)."""
    out = []
    out += [f"no '## {h}' in the front matter" for h in m.missing_headings if h not in ("Central question",)]
    if not m.central_question:
        out.append("no '## Central question' in the front matter")
    if not m.paper and (m.exercises < 6 or len(m.types) < 4):
        out.append(f"{m.exercises} exercises of {len(m.types)} types; at least six of four types")
    if not m.minutes[1] or (not m.paper and not m.minutes[0]):
        out.append("the '## Time' section's first line does not give 'Teaching: N min; exercises: N min'")
    elif m.core_minutes > CORE_MINUTES:
        out.append(f"the core path takes {m.core_minutes} min; at most {CORE_MINUTES}")
    if m.core_words > CORE_WORDS:
        out.append(f"{m.core_words} words of core narrative; at most {CORE_WORDS}")
    out += [
        f"extension run starting at cell {c} does not open with an 'Extension' heading" for c in m.bad_extension_starts
    ]
    if m.teacher_cells:
        out.append(f"{m.teacher_cells} teacher cells in the notebook (teacher notes go in data/teacher/)")
    if m.show_code > SHOW_CODE:
        out.append(f"{m.show_code} cells tagged show-code; at most {SHOW_CODE}")
    unstated = m.demands.get("(none)", 0)
    if unstated:
        out.append(f"{unstated} exercises do not state their demand (one of {', '.join(DEMANDS)})")
    if m.higher_order < 0.5:
        out.append(f"{m.higher_order:.0%} of exercises are higher-order; at least 50%")
    out += m.claim_problems
    out += [f"teacher note anchored to cell {a!r}, which is not in the notebook" for a in m.note_anchors_missing]
    out += m.hint_leaks + m.answers_before_question
    return out


def choice_balance(measures: list[Measure]) -> dict:
    """Across lessons: how often the key is the longest option, and how keys spread over positions."""
    items = [item for m in measures for item in m.choice_items]
    positions = Counter(item["position"] for item in items)
    return {
        "items": len(items),
        "key_longest": sum(item["key_longest"] for item in items),
        "positions": dict(sorted(positions.items())),
        "top_position_share": max(positions.values()) / len(items) if items else 0.0,
    }


def report(measures: list[Measure]) -> str:
    """The standard as a table, a line per measured lesson (``python -m helpers standard``)."""
    rows = [
        "lesson | central question | core words | minutes | show-code | exercises | higher-order | demands | problems"
    ]
    for m in measures:
        lesson = m.lesson
        demands = ", ".join(f"{d} {m.demands[d]}" for d in (*DEMANDS, "(none)") if m.demands[d])
        rows.append(
            f"{lesson} | {'yes' if m.central_question else 'NO'} | {m.core_words} | {m.core_minutes} | "
            f"{m.show_code} | {m.exercises} | {m.higher_order:.0%} | {demands} | {len(problems(m))}"
        )
    balance = choice_balance(measures)
    rows.append(
        f"single-answer choice items: {balance['items']}; key longest in {balance['key_longest']}; "
        f"keys by position {balance['positions']}"
    )
    return "\n".join(rows)
