"""What an exercise is and how an answer is checked: plain Python, no widgets, no pandas.

Each exercise type is a dataclass with ``check(answer) -> Feedback``. ``check`` accepts *any* input
(None, an empty string, a list, a number, ten thousand characters of HTML) and always returns a
:class:`Feedback`; it never raises. Views (widgets, static HTML) only show what ``check`` returns.

>>> q = Choice(id="demo", lesson="00-start-here", prompt="Which year?", skill="chronology",
...            options=(Option("a", "1924", "Yes: the first Labour government recognised the USSR."),
...                     Option("b", "1927", "No: 1927 is the year relations were broken off.")),
...            answer=("a",), explanation="Recognition came in February 1924.")
>>> fb = q.check("b")
>>> fb.status, fb.headline
('incorrect', '✘ Not right.')
>>> fb.details
('1927 — No: 1927 is the year relations were broken off.',)
>>> q.check("a").correct, q.check("a").score
(True, 1.0)
>>> q.check("").status              # nothing chosen: feedback, but not an attempt
'empty'

:class:`Attempts` counts attempts and decides when the explanation is shown (after a correct answer
or the last allowed attempt)::

    >>> tries = Attempts(q)
    >>> tries.submit("b").explanation is None, tries.remaining
    (True, 1)
    >>> tries.submit("b").explanation
    'Recognition came in February 1924.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

#: The historical-thinking skills an exercise can train (the bank schema uses the same list).
SKILLS = (
    "chronology",
    "causation",
    "sourcing",
    "contextualisation",
    "corroboration",
    "close reading",
    "significance",
    "perspective",
    "data",
)
#: Tags for the guiding questions of a source analysis.
QUESTION_TAGS = ("sourcing", "contextualisation", "corroboration", "close reading")
#: Exercise types, as written in the question banks.
TYPES = ("choice", "chronology", "matching", "numeric", "source_analysis", "claim", "explorer")
#: What an exercise asks a student to do, lowest first (the bank field ``demand``).
DEMANDS = ("recall", "comprehension", "application", "analysis", "evaluation", "argument")
#: The higher-order demands: at least half of each lesson's exercises ask for one of these.
HIGHER_ORDER = frozenset({"analysis", "evaluation", "argument"})

#: Answers longer than this are not examined character by character (they still get feedback).
MAX_ANSWER_CHARS = 10_000

CORRECT, PARTIAL, INCORRECT, EMPTY, INVALID, SUBMITTED, ASSESSED, UNGRADED = (
    "correct",
    "partial",
    "incorrect",
    "empty",
    "invalid",
    "submitted",
    "assessed",
    "ungraded",
)
#: Statuses that count as an attempt (an empty or unreadable answer does not use one up).
COUNTED = frozenset({CORRECT, PARTIAL, INCORRECT, SUBMITTED, ASSESSED})

_HEADLINES = {
    CORRECT: "✔ Correct.",
    PARTIAL: "◐ Partly right.",
    INCORRECT: "✘ Not right.",
    EMPTY: "… No answer yet.",
    INVALID: "⚠ Answer not understood.",
    SUBMITTED: "✔ Answers saved.",
    ASSESSED: "✔ Self-assessment saved.",
    UNGRADED: "ℹ Nothing to check here.",
}


#: How a notebook cell refers to an exercise: ``show("start-balfour-1918")``; group 1 is the id. The one
#: copy of this pattern (the handout build and the tests find a lesson's exercises with it).
EXERCISE_REF = re.compile(r"""\bshow\(\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Feedback:
    """What the student sees after checking: a headline with a symbol and a word, then details.

    ``correct`` is None when there is nothing right or wrong (a source analysis, an empty answer).
    ``explanation`` is filled in by :class:`Attempts` once the student may see it.
    """

    status: str
    score: float | None
    details: tuple[str, ...] = ()
    explanation: str | None = None
    hint: str | None = None
    attempts_left: int | None = None

    @property
    def correct(self) -> bool | None:
        if self.status == CORRECT:
            return True
        if self.status in (PARTIAL, INCORRECT):
            return False
        return None

    @property
    def counted(self) -> bool:
        """True when this check used up an attempt (and is worth saving)."""
        return self.status in COUNTED

    @property
    def headline(self) -> str:
        return _HEADLINES[self.status]

    @property
    def attempts_note(self) -> str:
        """'2 attempts left.' after a wrong answer while tries remain and no explanation is shown; else ''.

        >>> Feedback(INCORRECT, 0.0, attempts_left=1).attempts_note
        '1 attempt left.'
        >>> Feedback(CORRECT, 1.0, attempts_left=1).attempts_note
        ''
        """
        n = self.attempts_left
        if n is None or self.status not in (PARTIAL, INCORRECT) or self.explanation:
            return ""
        return f"{n} attempt{'s' if n != 1 else ''} left."

    def as_text(self) -> str:
        """The feedback as plain text (what a screen reader would read).

        >>> print(Feedback(INCORRECT, 0.0, ("Try again.",)).as_text())
        ✘ Not right.
        Try again.
        """
        lines = [self.headline, *self.details]
        if self.attempts_note:
            lines.append(self.attempts_note)
        if self.hint:
            lines.append("Hint: " + self.hint)
        if self.explanation:
            lines.append("Explanation: " + self.explanation)
        return "\n".join(lines)


@dataclass(frozen=True)
class Exercise:
    """Fields every exercise has. ``source_ids`` resolve to data/references.csv."""

    id: str
    lesson: str
    prompt: str
    skill: str = "chronology"
    difficulty: int = 1
    source_ids: tuple[str, ...] = ()
    title: str = ""
    hint: str | None = None
    explanation: str | None = None
    max_attempts: int | None = None
    teacher_notes: str | None = None
    #: What the exercise asks for: one of :data:`DEMANDS` ("" where a bank does not say).
    demand: str = ""
    #: Shown in app mode (the page without code); False when it needs what only the lesson shows.
    app: bool = True

    kind = "exercise"
    graded = True

    def check(self, answer: Any) -> Feedback:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def answer_key(self) -> list[str]:
        """The answer in words, for the teacher edition (never shown in the student edition)."""
        return []


# --- Choice ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One option of a choice question, with the feedback a student sees if they choose it."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Choice(Exercise):
    """Single answer (one option id in ``answer``) or multiple answer (``multiple=True``)."""

    options: tuple[Option, ...] = ()
    answer: tuple[str, ...] = ()
    multiple: bool = False
    max_attempts: int | None = 2
    #: Where the key is shown (0 = first), set by the bank so keys spread evenly over the positions
    #: (:func:`spread_keys`); None: wherever the shuffle puts it.
    key_slot: int | None = None

    kind = "choice"

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)

    @property
    def display_order(self) -> tuple[Option, ...]:
        """The options in the order a student sees them, in the lab and on paper alike: shuffled by a
        fixed seed (the exercise id), so a key is never always first and two exercises differ.

        >>> q = Choice(id="x", lesson="00-start-here", prompt="?", options=tuple(
        ...     Option(i, i, "") for i in "abcd"), answer=("a",))
        >>> [o.id for o in q.display_order] == [o.id for o in q.display_order], len(q.display_order)
        (True, 4)
        """
        order = list(shuffled(tuple(o.id for o in self.options), f"options:{self.id}"))
        if self.key_slot is not None and not self.multiple and len(self.answer) == 1:
            order.remove(self.answer[0])
            order.insert(self.key_slot % len(self.options), self.answer[0])
        return tuple(self.option(i) for i in order)

    def label(self, option_id: str) -> str:
        """The letter a student sees beside an option (its position in :attr:`display_order`): 'A', 'B'..."""
        ids = [o.id for o in self.display_order]
        return "ABCDEFGHIJ"[ids.index(option_id)] if option_id in ids else option_id

    def check(self, answer: Any) -> Feedback:
        chosen = _as_strings(answer)
        if chosen is None:
            return Feedback(INVALID, 0.0, ("Choose one of the options.",))
        chosen = [c for c in dict.fromkeys(c.strip() for c in chosen) if c]
        if not chosen:
            return Feedback(EMPTY, None, ("Choose an option, then press Check.",))
        known = {o.id for o in self.options}
        unknown = [c for c in chosen if c not in known]
        if unknown:
            listed = ", ".join(o.id for o in self.options)
            return Feedback(INVALID, 0.0, (f"{_short(unknown[0])!r} is not one of the options ({listed}).",))
        if not self.multiple and len(chosen) > 1:
            return Feedback(INVALID, 0.0, ("Choose only one option.",))
        details = tuple(f"{self.option(c).text} — {self.option(c).feedback}" for c in chosen)
        right, picked = set(self.answer), set(chosen)
        if picked == right:
            return Feedback(CORRECT, 1.0, details)
        if not self.multiple:
            return Feedback(INCORRECT, 0.0, details)
        hits, misses = len(right & picked), len(picked - right)
        score = max(0.0, (hits - misses) / len(right))
        missing = len(right - picked)
        if missing:
            details += (f"{missing} correct option{'s' if missing != 1 else ''} not chosen yet.",)
        return Feedback(PARTIAL if score > 0 else INCORRECT, round(score, 3), details)

    def answer_key(self) -> list[str]:
        return [f"{self.label(o.id)}) {o.text}" for o in self.display_order if o.id in self.answer]


# --- Explorer -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExplorerSpec(Exercise):
    """An ungraded timeline explorer: which events to start with (filters the student can change)."""

    start: str = "1917-01-01"
    end: str = "1932-12-31"
    themes: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    skill: str = "chronology"

    kind = "explorer"
    graded = False

    def check(self, answer: Any) -> Feedback:
        return Feedback(UNGRADED, None, ("The explorer is for looking around: there is no answer to check.",))


# --- Attempts -------------------------------------------------------------------------------------


@dataclass
class Attempts:
    """Counts a student's attempts at one exercise and reveals the explanation when it is time.

    Empty or unreadable answers do not use up an attempt. After the last attempt (or a correct
    answer) ``finished`` is True and the feedback carries the explanation.
    """

    exercise: Exercise
    count: int = 0
    finished: bool = False
    history: list[Feedback] = field(default_factory=list)

    @property
    def remaining(self) -> int | None:
        limit = self.exercise.max_attempts
        return None if limit is None else max(0, limit - self.count)

    def submit(self, answer: Any) -> Feedback:
        feedback = safe_check(self.exercise, answer)
        if feedback.counted and not self.finished:
            self.count += 1
            if feedback.status in (CORRECT, SUBMITTED) or self.remaining == 0:
                self.finished = True
        show_explanation = self.finished and feedback.counted
        hint = self.exercise.hint if feedback.status in (PARTIAL, INCORRECT) and not self.finished else None
        feedback = replace(
            feedback,
            explanation=self.exercise.explanation if show_explanation else None,
            hint=hint,
            attempts_left=self.remaining,
        )
        self.history.append(feedback)
        return feedback


def safe_check(exercise: Exercise, answer: Any) -> Feedback:
    """``exercise.check(answer)``, but an unexpected error becomes feedback rather than a traceback."""
    try:
        return exercise.check(answer)
    except Exception as exc:  # noqa: BLE001 - a student must never see a traceback
        return Feedback(
            INVALID, 0.0, (f"This answer could not be checked ({type(exc).__name__}); try writing it differently.",)
        )


# --- small helpers --------------------------------------------------------------------------------


def _as_strings(answer: Any) -> list[str] | None:
    """An answer as a list of strings: 'a' -> ['a']; ('a', 'b') -> ['a', 'b']; 3 -> ['3']; None -> []."""
    if answer is None:
        return []
    if isinstance(answer, str):
        return [answer[:MAX_ANSWER_CHARS]]
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return [str(answer)]
    if isinstance(answer, (list, tuple, set, frozenset)):
        if not all(isinstance(a, (str, int)) and not isinstance(a, bool) for a in answer):
            return None
        return [str(a)[:MAX_ANSWER_CHARS] for a in answer]
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shuffled(ids: tuple[str, ...], seed: str) -> tuple[str, ...]:
    """A fixed shuffle of ``ids`` that differs from the given order whenever there are two or more.

    >>> shuffled(("a", "b", "c", "d"), "x") != ("a", "b", "c", "d")
    True
    """
    import random

    ids = tuple(ids)
    if len(ids) < 2:
        return ids
    rng = random.Random(seed)
    for _ in range(20):
        out = list(ids)
        rng.shuffle(out)
        if tuple(out) != ids:
            return tuple(out)
    return ids[1:] + ids[:1]


def spread_keys(lesson: str, exercises: list) -> list:
    """The exercises with each single-answer choice item's key placed in turn at the next position (A, B,
    C, D, A ...; the first position fixed by the lesson's name), so no position holds more than its share
    of keys; distractors stay in their shuffled order.

    >>> items = [Choice(id=f"q{i}", lesson="x", prompt="?", options=tuple(Option(o, o, "") for o in "abcd"),
    ...                 answer=("a",)) for i in range(8)]
    >>> from collections import Counter
    >>> sorted(Counter(q.label("a") for q in spread_keys("x", items)).values())
    [2, 2, 2, 2]
    """
    import zlib

    out, k = [], zlib.crc32(lesson.encode()) % 4
    for ex in exercises:
        if isinstance(ex, Choice) and not ex.multiple and len(ex.answer) == 1 and len(ex.options) > 1:
            ex = replace(ex, key_slot=k % len(ex.options))
            k += 1
        out.append(ex)
    return out
