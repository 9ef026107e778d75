"""Static HTML for handouts: the student edition carries no answer; the teacher edition carries all of it."""

from __future__ import annotations

import html
import re

import pytest

from helpers.exercises import load_all_banks, render, render_bank
from helpers.exercises.arranging import Chronology, Item, Matching
from helpers.exercises.model import Choice, Option
from helpers.exercises.numeric import Numeric, format_number
from helpers.exercises.written import GuidingQuestion, Source, SourceAnalysis

ALL = [ex for bank in load_all_banks().values() for ex in bank]


def plain(fragment: str) -> str:
    """What a reader sees: tags removed, entities decoded, whitespace collapsed."""
    text = re.sub(r"<style>.*?</style>", " ", fragment, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split())


def norm(text: str) -> str:
    return " ".join(text.split())


def secrets(ex) -> list[str]:
    """What the teacher edition shows and the student edition must not: anything that gives an answer away.

    (A choice question's right option is shown to students as an option, so its key is the marking:
    checked separately.)
    """
    out = [ex.explanation or "", ex.teacher_notes or ""]
    if isinstance(ex, Choice):
        out += [o.feedback for o in ex.options]
    if isinstance(ex, Chronology):
        out += [i.date_label for i in ex.items if i.date_label]
    if isinstance(ex, (Chronology, Matching)):
        out += ex.answer_key()
    if isinstance(ex, Numeric):
        # the number itself is checked as a standalone number (see below): '7' is not a leak inside '1927'
        out += [ex.feedback_low, ex.feedback_high, *(m.feedback for m in ex.near_misses)]
    if isinstance(ex, SourceAnalysis):
        out += [q.model_answer for q in ex.questions]
    return [norm(s) for s in out if s and s.strip()]


@pytest.mark.parametrize("ex", ALL, ids=lambda ex: ex.id)
def test_the_student_edition_reveals_no_answer(ex):
    fragment = render(ex, "student")
    text = plain(fragment)
    for secret in secrets(ex):
        assert secret not in text, f"{ex.id}: the student edition shows {secret!r}"
    assert "tr-key" not in fragment and "Model answer" not in text and "Explanation" not in text
    assert "✔ correct" not in text and "✘ wrong" not in text
    if isinstance(ex, Numeric):
        for shown in {format_number(ex.answer), f"{ex.answer:g}"}:
            assert not re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d]|[.,]\d)", text), (
                f"{ex.id}: shows the answer {shown}"
            )
            assert not any(k in text for k in ex.answer_key() if len(k) > 3), f"{ex.id}: shows the answer key"
    if isinstance(ex, Chronology):
        shown = re.findall(r"<li><strong>([A-H])</strong>", fragment)
        assert tuple(shown) != ex.order and sorted(shown) == sorted(ex.order)


@pytest.mark.parametrize("ex", ALL, ids=lambda ex: ex.id)
def test_the_teacher_edition_has_the_answer_explanation_and_feedback(ex):
    text = plain(render(ex, "teacher"))
    for secret in secrets(ex):
        assert secret in text, f"{ex.id}: the teacher edition lacks {secret!r}"
    if isinstance(ex, Choice):
        assert text.count("✔ correct") == len(ex.answer)
        assert text.count("✘ wrong") == len(ex.options) - len(ex.answer)
        assert all(norm(k) in text for k in ex.answer_key())


@pytest.mark.parametrize("ex", ALL, ids=lambda ex: ex.id)
def test_both_editions_show_the_question(ex):
    for edition in ("student", "teacher"):
        text = plain(render(ex, edition))
        assert norm(ex.prompt) in text
        if isinstance(ex, Choice):
            assert all(norm(o.text) in text for o in ex.options)
        if isinstance(ex, SourceAnalysis):
            assert norm(ex.source.text) in text and norm(ex.source.headnote) in text
            assert all(norm(q.text) in text for q in ex.questions) and all(norm(c) in text for c in ex.checklist)


def test_the_student_edition_leaves_ruled_space_to_write_in():
    analysis = next(ex for ex in ALL if isinstance(ex, SourceAnalysis))
    fragment = render(analysis, "student")
    assert fragment.count('class="tr-ruled"') == len(analysis.questions)


def test_a_whole_bank_renders_with_its_stylesheet_and_numbers():
    bank = next(iter(load_all_banks().values()))
    page = render_bank(bank, "student")
    assert page.startswith("<style>") and "var(--jp-border-color1" in page
    assert f"<h3>{len(bank)}. " in page


HOSTILE = "<script>alert('x')</script> & \"quotes\" <img src=x onerror=alert(1)>"


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_everything_is_escaped(edition):
    exercises = [
        Choice(
            id="h1",
            lesson="00-start-here",
            prompt=HOSTILE,
            options=(Option("a", HOSTILE, HOSTILE), Option("b", "x", HOSTILE)),
            answer=("a",),
            explanation=HOSTILE,
            hint=HOSTILE,
            teacher_notes=HOSTILE,
            title=HOSTILE,
        ),
        Chronology(
            id="h2",
            lesson="00-start-here",
            prompt=HOSTILE,
            items=(Item("A", HOSTILE, HOSTILE), Item("B", "b")),
            order=("B", "A"),
            explanation=HOSTILE,
        ),
        Matching(
            id="h3",
            lesson="00-start-here",
            prompt=HOSTILE,
            left=(Item("1", HOSTILE),),
            right=(Item("A", HOSTILE),),
            pairs=(("1", "A"),),
            left_label=HOSTILE,
            right_label=HOSTILE,
        ),
        Numeric(id="h4", lesson="00-start-here", prompt=HOSTILE, answer=1, unit=HOSTILE, explanation=HOSTILE),
        SourceAnalysis(
            id="h5",
            lesson="00-start-here",
            prompt=HOSTILE,
            source=Source("quotation", "q", HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE),
            questions=(GuidingQuestion("a", "sourcing", HOSTILE, HOSTILE),),
            checklist=(HOSTILE,),
        ),
    ]
    for ex in exercises:
        fragment = render(ex, edition)
        assert "<script" not in fragment and "<img src=x" not in fragment
        assert "&lt;script&gt;" in fragment


def test_an_unknown_edition_is_refused():
    with pytest.raises(ValueError, match="edition must be"):
        render(ALL[0], "answers")
