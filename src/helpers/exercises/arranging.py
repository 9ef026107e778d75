"""Exercises of arrangement: put events in order (:class:`Chronology`) and match pairs (:class:`Matching`).

>>> q = Chronology(id="c", lesson="00-start-here", prompt="Order them.",
...                items=(Item("a", "Recognition"), Item("b", "Rupture")), order=("a", "b"))
>>> q.check(["a", "b"]).status, q.check(["b", "a"]).status
('correct', 'incorrect')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import CORRECT, EMPTY, INCORRECT, INVALID, PARTIAL, Exercise, Feedback, _as_strings, _short, shuffled

# --- Chronology -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """Something to order or match. ``key`` says where it comes from (e.g. an event id)."""

    id: str
    text: str
    date_label: str = ""
    key: str = ""


@dataclass(frozen=True)
class Chronology(Exercise):
    """Put ``items`` in order. ``order`` holds the item ids in the right order (earliest first)."""

    items: tuple[Item, ...] = ()
    order: tuple[str, ...] = ()
    max_attempts: int | None = 3

    kind = "chronology"

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    def display_order(self) -> tuple[str, ...]:
        """The order items are first shown in: as listed (A, B, C ...) unless that is the answer,
        in which case a fixed shuffle. Never the right order (for two items or more)."""
        listed = tuple(i.id for i in self.items)
        return listed if listed != self.order else shuffled(self.order, self.id)

    def check(self, answer: Any) -> Feedback:
        given = _as_strings(answer)
        if given is None:
            return Feedback(INVALID, 0.0, ("Give the items as a list, earliest first.",))
        given = [g.strip() for g in given if g.strip()]
        if not given:
            return Feedback(EMPTY, None, ("Put the items in order, then press Check.",))
        if sorted(given) != sorted(self.order):
            return Feedback(INVALID, 0.0, (f"Use each of the {len(self.order)} items exactly once.",))
        rank = {item_id: i for i, item_id in enumerate(self.order)}
        wrong = [(a, b) for i, a in enumerate(given) for b in given[i + 1 :] if rank[a] > rank[b]]
        total = len(given) * (len(given) - 1) // 2
        score = 1.0 - len(wrong) / total if total else 1.0
        if not wrong:
            return Feedback(CORRECT, 1.0, ("Every event is in the right place.",))
        shown = [f"“{self.item(b).text}” came before “{self.item(a).text}”, not after it." for a, b in wrong[:5]]
        if len(wrong) > 5:
            shown.append(f"… and {len(wrong) - 5} more pairs out of order.")
        head = f"{len(wrong)} of {total} pairs out of order:"
        return Feedback(PARTIAL if score >= 0.5 else INCORRECT, round(score, 3), (head, *shown))

    def answer_key(self) -> list[str]:
        return [
            f"{n}. {self.item(i).text}" + (f" ({self.item(i).date_label})" if self.item(i).date_label else "")
            for n, i in enumerate(self.order, 1)
        ]


# --- Matching -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Matching(Exercise):
    """Pair each of ``left`` with one of ``right``; ``pairs`` maps left ids to right ids."""

    left: tuple[Item, ...] = ()
    right: tuple[Item, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    left_label: str = "Item"
    right_label: str = "Match"
    max_attempts: int | None = 3

    kind = "matching"

    def key(self) -> dict[str, str]:
        return dict(self.pairs)

    def left_item(self, item_id: str) -> Item:
        return next(i for i in self.left if i.id == item_id)

    def right_item(self, item_id: str) -> Item:
        return next(i for i in self.right if i.id == item_id)

    def right_display_order(self) -> tuple[str, ...]:
        """Right-hand items sorted by their text (so their order gives nothing away)."""
        return tuple(i.id for i in sorted(self.right, key=lambda i: (i.text.casefold(), i.id)))

    def check(self, answer: Any) -> Feedback:
        if answer is None or answer == "" or (hasattr(answer, "__len__") and len(answer) == 0):
            return Feedback(EMPTY, None, ("Choose a match for each item, then press Check.",))
        if not isinstance(answer, dict):
            return Feedback(INVALID, 0.0, ("Give your matches as pairs: item → match.",))
        key = self.key()
        rights = {i.id for i in self.right}
        given = {str(k).strip(): (str(v).strip() if v is not None else "") for k, v in answer.items()}
        given = {k: v for k, v in given.items() if k in key}
        chosen = {k: v for k, v in given.items() if v}
        if not chosen:
            return Feedback(EMPTY, None, ("Choose a match for each item, then press Check.",))
        unknown = [v for v in chosen.values() if v not in rights]
        if unknown:
            return Feedback(INVALID, 0.0, (f"{_short(unknown[0])!r} is not one of the choices.",))
        right_count = sum(chosen.get(k) == v for k, v in key.items())
        score = right_count / len(key)
        if right_count == len(key):
            return Feedback(CORRECT, 1.0, (f"All {len(key)} pairs right.",))
        details = [f"{right_count} of {len(key)} pairs right."]
        for left_id, right_id in key.items():
            picked = chosen.get(left_id)
            text = f"{left_id}. {_short(self.left_item(left_id).text, 80)}"
            if picked is None:
                details.append(f"{text} — no match chosen yet.")
            elif picked != right_id:
                details.append(f"{text} — does not go with {self.right_item(picked).text}.")
        return Feedback(PARTIAL if right_count else INCORRECT, round(score, 3), tuple(details))

    def answer_key(self) -> list[str]:
        return [f"{self.left_item(left).text} → {self.right_item(right).text}" for left, right in self.pairs]
