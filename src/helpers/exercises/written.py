"""Exercises a student answers in writing: a source analysis and a claim (an argued answer to a question).

Neither is marked by the machine. ``check`` saves what the student wrote and says what to do next; the
student then assesses the work: against a checklist (source analysis) or against the levels of a mark
scheme (claim). Model answers, exemplars and indicative content for a claim are not here: they live in
the teacher's file (:mod:`helpers.teacher`) and never reach a student's notebook.

>>> c = Claim(id="c", lesson="01-recognition-1924", prompt="Why?", min_words=3, max_words=6,
...           mark_scheme=(Level(1, "Describes", "Retells."), Level(2, "Explains", "Gives reasons."),
...                        Level(3, "Argues", "Weighs reasons.")))
>>> c.check("Because Labour wanted trade.").status
'submitted'
>>> c.self_assess(2).score, c.self_assess(2).details[0]
(0.667, 'You placed your answer at level 2 of 3: Explains.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .model import ASSESSED, EMPTY, INVALID, MAX_ANSWER_CHARS, SUBMITTED, UNGRADED, Exercise, Feedback, _as_strings


@dataclass(frozen=True)
class Source:
    """A quotation or document, with its provenance headnote and citation."""

    kind: str  # "quotation" or "document"
    ref: str  # quote_id or doc_id
    text: str
    headnote: str
    citation: str = ""
    speaker: str = ""
    date_label: str = ""


@dataclass(frozen=True)
class GuidingQuestion:
    id: str
    tag: str
    text: str
    model_answer: str


@dataclass(frozen=True)
class SourceAnalysis(Exercise):
    """Read a source and answer guiding questions in your own words; then compare with a model answer.

    ``check`` takes a dict of question id -> text and saves it; ``self_assess`` scores the checklist.
    """

    source: Source | None = None
    questions: tuple[GuidingQuestion, ...] = ()
    checklist: tuple[str, ...] = ()
    skill: str = "sourcing"

    kind = "source_analysis"

    def check(self, answer: Any) -> Feedback:
        if answer is None or answer == "":
            return Feedback(EMPTY, None, ("Write an answer to at least one question, then press Save.",))
        if isinstance(answer, str):
            answer = {self.questions[0].id: answer} if self.questions else {}
        if not isinstance(answer, dict):
            return Feedback(INVALID, None, ("Write your answers in the boxes.",))
        ids = [q.id for q in self.questions]
        written = {q: (answer.get(q) if isinstance(answer.get(q), str) else "") for q in ids}
        filled = [q for q in ids if written[q].strip()]
        if not filled:
            return Feedback(EMPTY, None, ("Write an answer to at least one question, then press Save.",))
        too_long = [q for q in filled if len(written[q]) > MAX_ANSWER_CHARS]
        details = [f"You answered {len(filled)} of {len(ids)} questions."]
        if too_long:
            details.append(
                f"Some answers are very long (over {MAX_ANSWER_CHARS:,} characters); a few sentences are enough."
            )
        details.append("Now reveal the model answer and tick the checklist to assess your work.")
        return Feedback(SUBMITTED, None, tuple(details))

    def self_assess(self, ticked: Any) -> Feedback:
        """Score the self-assessment: the share of checklist points the student ticked.

        >>> sa = SourceAnalysis(id="s", lesson="00-start-here", prompt="Read it.", checklist=("a", "b"))
        >>> sa.self_assess([0]).score
        0.5
        """
        indexes = _as_strings(ticked) or []
        valid = {str(i) for i in range(len(self.checklist))}
        chosen = {i.strip() for i in indexes if i.strip() in valid}
        if not self.checklist:
            return Feedback(UNGRADED, None, ("This exercise has no checklist.",))
        score = len(chosen) / len(self.checklist)
        details = (f"You ticked {len(chosen)} of {len(self.checklist)} points.",)
        return Feedback(ASSESSED, round(score, 3), details)

    def answer_key(self) -> list[str]:
        return [f"{q.text} — {q.model_answer}" for q in self.questions]


# --- Claim ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One level of a mark scheme: what an answer at this level does (and, in a paper, its marks)."""

    level: int
    label: str
    descriptor: str
    marks: tuple[int, int] | None = None

    @property
    def heading(self) -> str:
        """'Level 2 (4–6 marks): Explains' or 'Level 2: Explains'."""
        marks = f" ({self.marks[0]}–{self.marks[1]} marks)" if self.marks else ""
        return f"Level {self.level}{marks}: {self.label}"


@dataclass(frozen=True)
class Alternative:
    """One of the questions a student may choose between (an essay with a choice of two)."""

    id: str
    text: str


@dataclass(frozen=True)
class Claim(Exercise):
    """Write a short argued answer to a question, using documents from a set; then place it on the levels.

    ``check`` takes the text (or ``{"question": alternative id, "text": ...}`` where there is a choice of
    questions) and saves it; ``self_assess(level)`` records the level the student says the answer reaches.
    """

    document_set: str = ""
    #: (extract id, how the student should name it) for each document of the set, in reading order.
    documents: tuple[tuple[str, str], ...] = ()
    min_words: int = 150
    max_words: int = 250
    min_documents: int = 2
    mark_scheme: tuple[Level, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    marks: int | None = None
    skill: str = "causation"
    demand: str = "argument"

    kind = "claim"

    def check(self, answer: Any) -> Feedback:
        question, text = self._parts(answer)
        if text is None:
            return Feedback(INVALID, None, ("Write your answer in the box.",))
        n = count_words(text)
        if n == 0:
            return Feedback(EMPTY, None, ("Write your answer, then press Save.",))
        if self.alternatives and question not in {a.id for a in self.alternatives}:
            return Feedback(INVALID, None, ("Choose which question you are answering, then press Save.",))
        details = [f"You wrote {n} words; the task asks for {self.min_words}–{self.max_words}."]
        if n < self.min_words:
            details.append("That is short: an argument needs room for a claim, evidence and a judgement.")
        elif n > self.max_words:
            details.append("That is long: cut to the points that carry your argument.")
        if len(text) > MAX_ANSWER_CHARS:
            details.append(f"Only the first {MAX_ANSWER_CHARS:,} characters are kept.")
        details.append("Now read the levels below and choose the one your answer reaches.")
        return Feedback(SUBMITTED, None, tuple(details))

    def self_assess(self, level: Any) -> Feedback:
        """Record the level a student places their answer at (1 = lowest).

        >>> Claim(id="c", lesson="00-start-here", prompt="?", mark_scheme=(Level(1, "a", "b"),)).self_assess("x").status
        'invalid'
        """
        if not self.mark_scheme:
            return Feedback(UNGRADED, None, ("This exercise has no levels.",))
        chosen = _as_strings(level)
        levels = {str(lv.level): lv for lv in self.mark_scheme}
        if not chosen or chosen[0].strip() not in levels:
            return Feedback(INVALID, None, ("Choose one of the levels.",))
        picked = levels[chosen[0].strip()]
        top = max(lv.level for lv in self.mark_scheme)
        return Feedback(
            ASSESSED,
            round(picked.level / top, 3),
            (f"You placed your answer at level {picked.level} of {top}: {picked.label}.",),
        )

    def answer_key(self) -> list[str]:
        return [f"{lv.heading}. {lv.descriptor}" for lv in self.mark_scheme]

    def _parts(self, answer: Any) -> tuple[str | None, str | None]:
        if answer is None:
            return None, ""
        if isinstance(answer, str):
            return None, answer[:MAX_ANSWER_CHARS]
        if isinstance(answer, dict):
            text = answer.get("text", "")
            question = answer.get("question")
            if not isinstance(text, str) or not (question is None or isinstance(question, str)):
                return None, None
            return question, text[:MAX_ANSWER_CHARS]
        return None, None


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as a reader counts them: "Chicherin's note, 1924 — twice" has 4.

    >>> count_words("Chicherin's note, 1924 — twice"), count_words("   ")
    (4, 0)
    """
    return len(_WORD.findall(text or ""))
