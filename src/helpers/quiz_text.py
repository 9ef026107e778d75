"""The bank's text as every quiz format needs it: HTML paragraphs, the question text, the mark scheme,
a chronology's positions, a choice's weights and a number's 'too low' and 'too high' ranges.

:mod:`helpers.quiz` (GIFT, Moodle XML) and :mod:`helpers.quiz_qti` (QTI) write these out each in their
own syntax; what a question says is decided here, once.

>>> to_html("A & B\\nstill A.\\n\\nNext <one>.")
'<p>A &amp; B still A.</p><p>Next &lt;one&gt;.</p>'
"""

from __future__ import annotations

import html
import re

from .exercises.arranging import Chronology, Matching
from .exercises.model import Choice, Exercise
from .exercises.numeric import Numeric, format_number
from .exercises.written import Claim, SourceAnalysis

#: The exercise types a platform can take (the explorer has nothing to mark).
EXPORTED = (Choice, Numeric, Matching, Chronology, SourceAnalysis, Claim)
#: The types a platform takes as essays, marked by the teacher with :func:`mark_scheme`.
ESSAYS = (SourceAnalysis, Claim)


def exportable(exercises) -> list[Exercise]:
    """The exercises a platform can take, in bank order."""
    return [ex for ex in exercises if isinstance(ex, EXPORTED)]


def to_html(text: str | None) -> str:
    """Plain bank text as HTML paragraphs on one line (blank lines part paragraphs).

    >>> to_html("A & B\\nstill A.\\n\\nNext <one>.")
    '<p>A &amp; B still A.</p><p>Next &lt;one&gt;.</p>'
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", (text or "").strip())]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)


def question_html(ex: Exercise) -> str:
    """The question text: the prompt, plus what a platform needs that the notebook shows beside it."""
    parts = [to_html(ex.prompt)]
    if isinstance(ex, Numeric) and ex.unit:
        parts.append(to_html(f"Answer in {ex.unit}."))
    if isinstance(ex, SourceAnalysis):
        if ex.source is not None:
            src = ex.source
            parts.append(to_html(src.headnote))
            parts.append(f"<blockquote>{to_html(src.text)}</blockquote>")
            if src.citation:
                parts.append(to_html(f"Source: {src.citation}"))
        parts.append("<ol>" + "".join(f"<li>{html.escape(q.text, quote=False)}</li>" for q in ex.questions) + "</ol>")
    if isinstance(ex, Chronology):
        parts.append(to_html("Give each event its place in time: 1 is the earliest."))
    if isinstance(ex, Claim):
        parts.append(_claim_task(ex))
    return "".join(parts)


def _claim_task(ex: Claim) -> str:
    """What a claim's page shows beside its prompt: the questions to choose from, the documents, the length."""
    parts = []
    if ex.alternatives:
        items = "".join(f"<li>{html.escape(a.text, quote=False)}</li>" for a in ex.alternatives)
        parts.append(f"<p>Answer one of these questions:</p><ol type='a'>{items}</ol>")
    if ex.documents:
        use = f"Use at least {ex.min_documents} of these documents" if ex.min_documents else "The documents"
        items = "".join(f"<li>{html.escape(label, quote=False)}</li>" for _id, label in ex.documents)
        parts.append(f"<p>{use} (name them as listed):</p><ul>{items}</ul>")
    said = any(f"{ex.min_words}{dash}{ex.max_words} words" in " ".join(ex.prompt.split()) for dash in "–-")
    if ex.marks or not said:  # the length, unless the prompt already gives it
        marks = f" ({ex.marks} marks)" if ex.marks else ""
        parts.append(to_html(f"Write {ex.min_words}–{ex.max_words} words{marks}."))
    return "".join(parts)


def general_feedback(ex: Exercise) -> str:
    return to_html(ex.explanation)


def mark_scheme(ex: SourceAnalysis | Claim) -> str:
    """What the marker of an essay needs, as HTML: a source analysis's model answers and checklist; a
    claim's levels (never its model answer: that stays in the teacher's file, data/teacher/)."""
    if isinstance(ex, Claim):
        esc = lambda text: html.escape(text, quote=False)  # noqa: E731
        levels = "".join(f"<li><strong>{esc(lv.heading)}.</strong> {esc(lv.descriptor)}</li>" for lv in ex.mark_scheme)
        return f"<p>Mark scheme: the highest level the answer reaches</p><ul>{levels}</ul>" + general_feedback(ex)
    answers = "".join(
        f"<li><strong>{html.escape(q.text, quote=False)}</strong> {html.escape(q.model_answer, quote=False)}</li>"
        for q in ex.questions
    )
    checklist = "".join(f"<li>{html.escape(c, quote=False)}</li>" for c in ex.checklist)
    out = f"<p>Model answers</p><ol>{answers}</ol>"
    if checklist:
        out += f"<p>A good answer</p><ul>{checklist}</ul>"
    return out + general_feedback(ex)


def positions(ex: Chronology) -> list[tuple[str, str]]:
    """(event text, position) pairs of a chronology, in the order the notebook shows them first."""
    rank = {item_id: n for n, item_id in enumerate(ex.order, 1)}
    return [(ex.item(i).text, str(rank[i])) for i in ex.display_order()]


def choice_weights(ex: Choice) -> dict[str, float]:
    """Percent per option: 100 for the one right answer; for several, shares of +100 and -100.

    >>> from helpers.exercises.model import Option
    >>> q = Choice(id="q", lesson="00-start-here", prompt="?", multiple=True, answer=("a", "b"),
    ...            options=(Option("a", "A", ""), Option("b", "B", ""), Option("c", "C", "")))
    >>> choice_weights(q)
    {'a': 50.0, 'b': 50.0, 'c': -100.0}
    """
    right = [o.id for o in ex.options if o.id in ex.answer]
    wrong = [o.id for o in ex.options if o.id not in ex.answer]
    if not ex.multiple:
        return {o.id: (100.0 if o.id in ex.answer else 0.0) for o in ex.options}
    return {o.id: (round(100 / len(right), 5) if o.id in right else -round(100 / len(wrong), 5)) for o in ex.options}


def numeric_ranges(ex: Numeric) -> list[tuple[float, float, str]]:
    """(low, high, feedback) for 'too low' and 'too high': 0% answers tried after the right one and
    the near misses, so they only catch what those did not."""
    span = max(1e6, 1000 * abs(ex.answer))
    return [(ex.answer - span, ex.answer, ex.feedback_low), (ex.answer, ex.answer + span, ex.feedback_high)]


def plain_number(value: float) -> str:
    return format_number(value).replace(",", "")
