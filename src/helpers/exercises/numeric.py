"""Numeric exercises: find the number, with tolerance, units and near misses; reading numbers as people write them.

>>> parse_number("about 1.5 million").value
1500000.0
>>> format_number(1500000.0)
'1,500,000'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .model import CORRECT, EMPTY, INCORRECT, INVALID, MAX_ANSWER_CHARS, Exercise, Feedback

# --- Numeric --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NearMiss:
    """A likely wrong number with its own feedback (e.g. one year's total instead of the change)."""

    value: float
    feedback: str


@dataclass(frozen=True)
class Numeric(Exercise):
    """A number read or computed from a table or chart, right within ``tolerance`` (same unit)."""

    answer: float = 0.0
    tolerance: float = 0.0
    unit: str = ""
    near_misses: tuple[NearMiss, ...] = ()
    feedback_low: str = "Your number is too low."
    feedback_high: str = "Your number is too high."
    max_attempts: int | None = 3

    kind = "numeric"
    skill: str = "data"

    def check(self, answer: Any) -> Feedback:
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            return Feedback(EMPTY, None, ("Type a number, then press Check.",))
        parsed = parse_number(answer)
        if parsed.value is None:
            return Feedback(INVALID, 0.0, (parsed.problem,))
        value = parsed.value
        said = f"You wrote {format_number(value)}{' ' + self.unit if self.unit else ''}."
        if abs(value - self.answer) <= self.tolerance + 1e-9 * max(1.0, abs(self.answer)):
            return Feedback(CORRECT, 1.0, (said,))
        for miss in self.near_misses:
            if abs(value - miss.value) <= self.tolerance + 1e-9 * max(1.0, abs(miss.value)):
                return Feedback(INCORRECT, 0.0, (said, miss.feedback))
        return Feedback(INCORRECT, 0.0, (said, self.feedback_low if value < self.answer else self.feedback_high))

    def answer_key(self) -> list[str]:
        within = f" (accepted within ±{format_number(self.tolerance)})" if self.tolerance else ""
        return [f"{format_number(self.answer)}{' ' + self.unit if self.unit else ''}{within}"]


@dataclass(frozen=True)
class ParsedNumber:
    value: float | None
    problem: str = ""


_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "thousands": 1e3,
}
_NUMBER = re.compile(
    r"(?P<sign>[-+−–])?\s*(?P<currency>[£$€₽])?\s*"
    r"(?P<num>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*(?P<scale>thousands?|millions?|billion|mn|mio|bn|[kmb])\b)?",
    re.IGNORECASE,
)


def parse_number(text: Any) -> ParsedNumber:
    """Read one number from what a student typed: commas, spaces, currency, units and scales allowed.

    >>> [parse_number(s).value for s in ["1,000", "£26,427", "26427", " 5.3 million ", "−12", "81m dollars"]]
    [1000.0, 26427.0, 26427.0, 5300000.0, -12.0, 81000000.0]
    >>> parse_number("1 019 600 votes").value
    1019600.0
    >>> parse_number("about twelve").problem
    'No number found: type it in figures, e.g. 1,019,600.'
    >>> parse_number("1923 and 1924").problem
    'Two or more numbers found (1923, 1924): type just one.'
    """
    if isinstance(text, bool):
        return ParsedNumber(None, "Type a number in figures.")
    if isinstance(text, (int, float)):
        try:
            value = float(text)
        except OverflowError:
            return ParsedNumber(None, "That number is too large.")
        if not math.isfinite(value):
            return ParsedNumber(None, "That is not a finite number.")
        return ParsedNumber(value)
    if not isinstance(text, str):
        return ParsedNumber(None, "Type a number in figures.")
    if len(text) > MAX_ANSWER_CHARS:
        return ParsedNumber(None, f"That answer is very long ({len(text):,} characters): type just the number.")
    cleaned = unicodedata.normalize("NFKC", text).replace("\u2212", "-")
    found = list(_NUMBER.finditer(cleaned))
    if not found:
        return ParsedNumber(None, "No number found: type it in figures, e.g. 1,019,600.")
    if len(found) > 1:
        shown = ", ".join(m.group("num") for m in found[:3])
        return ParsedNumber(None, f"Two or more numbers found ({shown}): type just one.")
    match = found[0]
    digits = re.sub(r"[,\u202f\u00a0 ]", "", match.group("num"))
    try:
        value = float(digits)
    except ValueError:  # pragma: no cover - the pattern only matches digits
        return ParsedNumber(None, "That number could not be read.")
    scale = (match.group("scale") or "").lower()
    value *= _SCALES.get(scale, 1.0)
    if match.group("sign") in ("-", "−", "–"):
        value = -value
    if not math.isfinite(value):
        return ParsedNumber(None, "That number is too large.")
    return ParsedNumber(value)


def format_number(value: float) -> str:
    """A number as a reader expects it: ``1,019,600``; ``5.3``; ``-12``.

    >>> format_number(1019600.0), format_number(5.25), format_number(-12.0)
    ('1,019,600', '5.25', '-12')
    """
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
