"""Quizzes for learning platforms: the question banks written as Moodle GIFT, Moodle XML or IMS QTI 1.2.

``python -m helpers export-quiz --format gift --lessons 01,06 --out build/quiz`` writes one file per
lesson. What each exercise becomes:

=============== =============================== ==================== ==================================
bank type       GIFT                            Moodle XML           QTI 1.2 (Canvas)
=============== =============================== ==================== ==================================
choice          multiple choice (weights for    multichoice          multiple_choice_question or
                several right answers)                               multiple_answers_question
numeric         numerical (near misses, too low numerical            numerical_question (the same
                and too high as 0% answers)                          feedback as range conditions)
matching        matching                        matching             matching_question
chronology      matching: event -> position     ordering             matching_question (positions)
source_analysis essay (model answers as general essay (graderinfo)   essay_question (model answers as
                feedback)                                            general feedback)
claim           essay (the levels as general    essay (the levels as essay_question (the levels as
                feedback)                       graderinfo and       general feedback; points: a
                                                general feedback;    paper's marks)
                                                grade: a paper's
                                                marks)
=============== =============================== ==================== ==================================

Every option keeps its feedback; the bank's explanation becomes the general feedback. The explorer
(nothing to mark) is left out. A claim's question text names its documents and its length (and a paper's
choice of questions); its model answer, in the teacher's file, is never exported. This module writes GIFT
and Moodle XML and the files; what a question says (its HTML, weights, ranges, mark scheme) is decided in
:mod:`helpers.quiz_text`, and QTI is written by :mod:`helpers.quiz_qti`.

>>> text = gift([get_exercise("start-balfour-1918")])
>>> text.startswith("::start-balfour-1918::")
True
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .exercises import get_exercise  # noqa: F401 (used by the doctest)
from .exercises.arranging import Chronology, Matching
from .exercises.bank import LESSONS, load_bank
from .exercises.model import Choice
from .exercises.numeric import Numeric
from .exercises.written import Claim, SourceAnalysis
from .notebooks import lesson_title
from .quiz_qti import qti_package
from .quiz_text import (
    ESSAYS,
    EXPORTED,  # noqa: F401 (the types exported, named here as before)
    choice_weights,
    exportable,
    general_feedback,
    mark_scheme,
    numeric_ranges,
    plain_number,
    positions,
    question_html,
    to_html,
)

FORMATS = ("gift", "moodle-xml", "qti")
#: File name ending per format.
SUFFIX = {"gift": ".gift.txt", "moodle-xml": ".moodle.xml", "qti": ".qti.zip"}


def pick_lessons(spec: str | None) -> list[str]:
    """Lesson ids from '01,06' (numbers or full names); every lesson with a bank when None.

    >>> pick_lessons("01, 06")
    ['01-recognition-1924', '06-rupture-1927']
    """
    if not spec:
        return list(LESSONS)
    chosen = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        match = [lesson for lesson in LESSONS if lesson == part or lesson.split("-")[0] == part.zfill(2)]
        if not match:
            raise ValueError(
                f"--lessons: no lesson called {part!r} (use numbers such as 01,06 or names such as {LESSONS[1]})"
            )
        chosen += [m for m in match if m not in chosen]
    return chosen


# --- GIFT -----------------------------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    r"""Escape GIFT's special characters with a backslash.

    >>> gift_escape("a=b: {c}")
    'a\\=b\\: \\{c\\}'
    """
    return _GIFT_SPECIAL.sub(r"\\\1", text)


def _fmt_weight(w: float) -> str:
    return f"{w:.5f}".rstrip("0").rstrip(".")


def gift(exercises) -> str:
    """The exercises as Moodle GIFT text (one question per paragraph)."""
    blocks = []
    for ex in exportable(exercises):
        head = f"::{gift_escape(ex.id)}::[html]{gift_escape(question_html(ex))}"
        body = []
        if isinstance(ex, Choice):
            weights = choice_weights(ex)
            for o in ex.options:
                w = weights[o.id]
                mark = "=" if (w == 100 and not ex.multiple) else ("~%" + _fmt_weight(w) + "%")
                body.append(f"{mark}{gift_escape(to_html(o.text))}#{gift_escape(to_html(o.feedback))}")
        elif isinstance(ex, Numeric):
            body.append(f"={plain_number(ex.answer)}:{plain_number(ex.tolerance)}#")
            body += [
                f"=%0%{plain_number(m.value)}:{plain_number(ex.tolerance)}#{gift_escape(to_html(m.feedback))}"
                for m in ex.near_misses
            ]
            body += [
                f"=%0%{plain_number(lo)}..{plain_number(hi)}#{gift_escape(to_html(fb))}"
                for lo, hi, fb in numeric_ranges(ex)
            ]
            body[0] = "#" + body[0]
        elif isinstance(ex, Matching):
            right = {r.id: r.text for r in ex.right}
            body += [f"={gift_escape(left.text)} -> {gift_escape(right[ex.key()[left.id]])}" for left in ex.left]
            used = set(ex.key().values())
            body += [f"= -> {gift_escape(r.text)}" for r in ex.right if r.id not in used]
        elif isinstance(ex, Chronology):
            body += [f"={gift_escape(text)} -> {pos}" for text, pos in positions(ex)]
        general = mark_scheme(ex) if isinstance(ex, ESSAYS) else general_feedback(ex)
        if general:
            body.append("####" + gift_escape(general))
        blocks.append(head + " {\n" + "".join(f"\t{line}\n" for line in body) + "}\n")
    return "\n".join(blocks)


# --- Moodle XML -----------------------------------------------------------------------------------


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xtext(tag: str, value: str, fmt: str = "html") -> str:
    attr = f' format="{fmt}"' if fmt else ""
    return f"<{tag}{attr}><text>{_cdata(value)}</text></{tag}>"


def moodle_xml(exercises, category: str = "") -> str:
    """The exercises as Moodle XML (a <quiz> with a category, then one <question> each)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    if category:
        out.append(
            f'<question type="category"><category><text>{_cdata("$course$/top/" + category)}</text>'
            "</category></question>"
        )
    for ex in exportable(exercises):
        kind = {
            Choice: "multichoice",
            Numeric: "numerical",
            Matching: "matching",
            Chronology: "ordering",
            SourceAnalysis: "essay",
            Claim: "essay",
        }[type(ex)]
        # a claim's levels are no secret: the notebook shows them once the answer is saved, so they are also
        # the general feedback a student reads after submitting
        general = mark_scheme(ex) if isinstance(ex, Claim) else general_feedback(ex)
        q = [
            f'<question type="{kind}">',
            f"<name><text>{_cdata(ex.title or ex.id)}</text></name>",
            _xtext("questiontext", question_html(ex)),
            _xtext("generalfeedback", general),
            f"<defaultgrade>{getattr(ex, 'marks', None) or 1}</defaultgrade>",
            f"<idnumber>{_cdata(ex.id)}</idnumber>",
        ]
        if isinstance(ex, Choice):
            weights = choice_weights(ex)
            q += [
                f"<single>{'false' if ex.multiple else 'true'}</single>",
                "<shuffleanswers>true</shuffleanswers>",
                "<answernumbering>abc</answernumbering>",
            ]
            q += [
                f'<answer fraction="{_fmt_weight(weights[o.id])}" format="html"><text>{_cdata(to_html(o.text))}'
                f"</text>{_xtext('feedback', to_html(o.feedback))}</answer>"
                for o in ex.options
            ]
        elif isinstance(ex, Numeric):
            q.append(
                f'<answer fraction="100"><text>{plain_number(ex.answer)}</text><tolerance>{plain_number(ex.tolerance)}'
                f"</tolerance>{_xtext('feedback', '')}</answer>"
            )
            q += [
                f'<answer fraction="0"><text>{plain_number(m.value)}</text><tolerance>{plain_number(ex.tolerance)}</tolerance>'
                f"{_xtext('feedback', to_html(m.feedback))}</answer>"
                for m in ex.near_misses
            ]
            q += [
                f'<answer fraction="0"><text>{plain_number((lo + hi) / 2)}</text><tolerance>{plain_number((hi - lo) / 2)}'
                f"</tolerance>{_xtext('feedback', to_html(fb))}</answer>"
                for lo, hi, fb in numeric_ranges(ex)
            ]
        elif isinstance(ex, Matching):
            right = {r.id: r.text for r in ex.right}
            q.append("<shuffleanswers>true</shuffleanswers>")
            q += [
                f'<subquestion format="html"><text>{_cdata(left.text)}</text><answer><text>'
                f"{_cdata(right[ex.key()[left.id]])}</text></answer></subquestion>"
                for left in ex.left
            ]
            used = set(ex.key().values())
            q += [
                f'<subquestion format="html"><text></text><answer><text>{_cdata(r.text)}</text></answer></subquestion>'
                for r in ex.right
                if r.id not in used
            ]
        elif isinstance(ex, Chronology):
            q += [
                "<layouttype>VERTICAL</layouttype>",
                "<selecttype>ALL</selecttype>",
                f"<selectcount>{len(ex.order)}</selectcount>",
                "<gradingtype>RELATIVE_TO_CORRECT</gradingtype>",
                "<showgrading>SHOW</showgrading>",
                "<numberingstyle>none</numberingstyle>",
            ]
            q += [
                f'<answer fraction="{n}" format="html"><text>{_cdata(html.escape(ex.item(i).text, quote=False))}'
                f"</text></answer>"
                for n, i in enumerate(ex.order, 1)
            ]
        elif isinstance(ex, ESSAYS):
            # the word range is in the question text, not in Moodle's word limits: those refuse an answer
            # outside the range, where the pack only advises
            lines = min(40, max(15, 5 * round(ex.max_words / 50))) if isinstance(ex, Claim) else 15
            q += [
                "<responseformat>editor</responseformat>",
                "<responserequired>1</responserequired>",
                f"<responsefieldlines>{lines}</responsefieldlines>",
                "<attachments>0</attachments>",
                _xtext("graderinfo", mark_scheme(ex)),
                _xtext("responsetemplate", ""),
            ]
        q.append("</question>")
        out.append("".join(q))
    out.append("</quiz>")
    return "\n".join(out) + "\n"


# --- Writing files ----------------------------------------------------------------------------------


@dataclass
class Written:
    path: Path
    questions: int


def export(fmt: str, lessons: str | None = None, out: str | Path = "build/quiz") -> list[Written]:
    """Write one file per lesson in ``fmt`` to ``out``; returns what was written (path, question count)."""
    if fmt not in FORMATS:
        raise ValueError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    chosen = pick_lessons(lessons)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in chosen:
        exercises = exportable(load_bank(lesson))
        if not exercises:
            continue
        title = lesson_title(lesson)
        path = folder / f"{lesson}{SUFFIX[fmt]}"
        if fmt == "gift":
            path.write_text(
                f"// Truce and Rupture: {title}\n$CATEGORY: $course$/top/{title.replace('/', '-')}\n\n"
                + gift(exercises),
                encoding="utf-8",
            )
        elif fmt == "moodle-xml":
            path.write_text(moodle_xml(exercises, category=title), encoding="utf-8")
        else:
            path.write_bytes(qti_package(exercises, lesson, title))
        written.append(Written(path, len(exercises)))
    return written


def main(fmt: str, lessons: str | None, out: str) -> int:
    """The command line: write the files, then say where and how many questions."""
    import sys

    try:
        written = export(fmt, lessons, out)
    except ValueError as err:
        print(f"Quiz not exported: {err}", file=sys.stderr)
        return 2
    for w in written:
        print(f"{w.path}: {w.questions} questions")
    print(f"{sum(w.questions for w in written)} questions in {len(written)} files ({fmt}) in {Path(out).resolve()}")
    return 0
