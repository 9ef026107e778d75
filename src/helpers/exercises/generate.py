"""Build chronology exercises from the events table, by hand-picked ids or at random (seeded), and the
pieces every generated exercise shares: the tables (:class:`Tables`), dates as precisely as they are
known (:class:`Dated`), item labels. The matching exercises are built in
:mod:`helpers.exercises.generate_matching`.

The question banks use the same builders, so a hand-written chronology and a generated one look and
check the same. Every text comes from a table row; nothing here states a fact of its own.

>>> ex = chronology(theme="rupture", n=4, seed=1)
>>> ex.kind, len(ex.items), ex == chronology(theme="rupture", n=4, seed=1)
('chronology', 4, True)
>>> ex.check(list(ex.order)).status
'correct'
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..dates import format_date
from ..errors import DataError
from .arranging import Chronology, Item

#: How many items a chronology may have.
CHRONOLOGY_SIZE = (4, 8)


class Tables:
    """The tables the builders read, loaded once and indexed by id (one instance per bank load).

    ``root`` is the data folder (default: :func:`helpers.paths.data_dir`).
    """

    def __init__(self, root=None):
        self.root = root

    def _load(self, name: str, key: str | None = None) -> pd.DataFrame:
        from ..data import load_table

        frame = load_table(name, self.root)
        return frame.set_index(key, drop=False) if key else frame

    @cached_property
    def events(self) -> pd.DataFrame:
        return self._load("events", "event_id")

    @cached_property
    def people(self) -> pd.DataFrame:
        return self._load("people", "person_id")

    @cached_property
    def quotations(self) -> pd.DataFrame:
        return self._load("quotations", "quote_id")

    @cached_property
    def documents(self) -> pd.DataFrame:
        return self._load("documents", "doc_id")

    @cached_property
    def offices(self) -> pd.DataFrame:
        return self._load("offices")

    @cached_property
    def posts(self) -> pd.DataFrame:
        return self._load("posts", "post_id")

    @cached_property
    def references(self) -> pd.DataFrame:
        return self._load("references", "ref_id")

    @cached_property
    def document_sets(self) -> pd.DataFrame:
        return self._load("document_sets")

    @cached_property
    def extracts(self) -> pd.DataFrame:
        return self._load("extracts", "extract_id")

    @cached_property
    def organisations(self) -> pd.DataFrame:
        return self._load("organisations", "org_id")

    @cached_property
    def uncertain(self) -> dict[tuple[str, str], str]:
        """``{(table, row_id): reason}``: rows marked uncertain, which no exercise may use."""
        from ..sourcing import uncertain_rows

        return uncertain_rows(self.root)

    def person_name(self, person_id: str) -> str:
        """The name by :func:`helpers.queries.person_name` (in this folder); an unknown id raises DataError."""
        from ..queries import person_name

        return person_name(person_id, self.root)


@dataclass(frozen=True)
class Dated:
    """A date and how precisely it is known ('day', 'month' or 'year')."""

    date: pd.Timestamp
    precision: str

    def label(self) -> str:
        """'12 May 1927', 'May 1927' or '1927'."""
        return date_label(self.date, self.precision)

    def before(self, other: Dated) -> bool:
        """True when this date is certainly earlier than ``other`` at the coarser of the two precisions."""
        coarse = (
            "year"
            if "year" in (self.precision, other.precision)
            else ("month" if "month" in (self.precision, other.precision) else "day")
        )
        a, b = self.date, other.date
        if coarse == "year":
            return a.year < b.year
        if coarse == "month":
            return (a.year, a.month) < (b.year, b.month)
        return a < b


#: A date written as precisely as it is known ('12 May 1927', 'May 1927', '1927'): the pack's one formatter.
date_label = format_date


def clear_order(dates: Sequence[Dated]) -> bool:
    """True when every pair of dates can be told apart (so the order has one right answer).

    >>> d = lambda s, p="day": Dated(pd.Timestamp(s), p)
    >>> clear_order([d("1927-05-12"), d("1927-05-27")]), clear_order([d("1927-05-01", "month"), d("1927-05-12")])
    (True, False)
    """
    ordered = sorted(dates, key=lambda d: d.date)
    return all(a.before(b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])


def letters(n: int) -> list[str]:
    """Item labels: A, B, C, ..."""
    return list(string.ascii_uppercase[:n])


# --- chronology -----------------------------------------------------------------------------------


def chronology_from_events(
    event_ids: Sequence[str], *, id: str, lesson: str, tables: Tables | None = None, **common
) -> Chronology:
    """A chronology of the given events; the right order comes from their dates in events.csv.

    Items are labelled A, B, C ... in a shuffled order fixed by the exercise id, so the labels give
    nothing away. Raises :class:`DataError` if an id is unknown or two dates cannot be told apart.
    """
    tables = tables or Tables()
    events = tables.events
    unknown = [e for e in event_ids if e not in events.index]
    if unknown:
        raise DataError(f"event {unknown[0]!r} is not in events.csv")
    if len(set(event_ids)) != len(event_ids):
        raise DataError("the same event is listed twice")
    low, high = CHRONOLOGY_SIZE
    if not low <= len(event_ids) <= high:
        raise DataError(f"a chronology needs {low}–{high} events, not {len(event_ids)}")
    dated = {e: Dated(events.at[e, "start_date"], str(events.at[e, "date_precision"])) for e in event_ids}
    if not clear_order(list(dated.values())):
        clash = first_clash(dated)
        raise DataError(
            f"events {clash[0]!r} and {clash[1]!r} cannot be put in order "
            "(same date, or a date known only to the month or year)"
        )
    rng = random.Random(id)
    shuffled_ids = list(event_ids)
    rng.shuffle(shuffled_ids)
    chronological = sorted(event_ids, key=lambda e: dated[e].date)
    if shuffled_ids == chronological:
        shuffled_ids = shuffled_ids[1:] + shuffled_ids[:1]
    labels = dict(zip(shuffled_ids, letters(len(shuffled_ids))))
    items = tuple(
        Item(labels[e], str(events.at[e, "title"]), dated[e].label(), e) for e in sorted(shuffled_ids, key=labels.get)
    )
    order = tuple(labels[e] for e in chronological)
    source_ids = union_ids([common.pop("source_ids", ()), *(events.at[e, "source_ids"] for e in chronological)])
    return Chronology(
        id=id,
        lesson=lesson,
        items=items,
        order=order,
        source_ids=tuple(source_ids),
        skill=common.pop("skill", "chronology"),
        **common,
    )


def chronology(
    theme: str | None = None,
    lesson: str | None = None,
    n: int = 5,
    seed: int = 0,
    *,
    id: str | None = None,
    for_lesson: str | None = None,
    tables: Tables | None = None,
    **common,
) -> Chronology:
    """A chronology of ``n`` events drawn at random (but repeatably: same ``seed``, same exercise)
    from a theme and/or a lesson of the events table. Only events marked certain are drawn.

    >>> ex = chronology(lesson="06-rupture-1927", n=5, seed=7)
    >>> len(ex.order), ex.id
    (5, 'gen-chronology-06-rupture-1927-5-7')
    """
    tables = tables or Tables()
    events = tables.events
    # only events marked certain, and none whose sourcing is uncertain (data/uncertain_rows.csv)
    pool = events[
        (events["certainty"] == "certain") & ~events["event_id"].map(lambda e: ("events", e) in tables.uncertain)
    ]
    if theme is not None:
        _check_vocabulary(events, "theme", theme)
        pool = pool[pool["theme"] == theme]
    if lesson is not None:
        _check_vocabulary(events, "lesson", lesson)
        pool = pool[pool["lesson"] == lesson]
    low, high = CHRONOLOGY_SIZE
    if not low <= n <= high:
        raise ValueError(f"n must be between {low} and {high}, not {n}")
    candidates = sorted(pool.index)
    random.Random(seed).shuffle(candidates)
    chosen: list[str] = []
    chosen_dates: list[Dated] = []
    for event_id in candidates:
        date = Dated(pool.at[event_id, "start_date"], str(pool.at[event_id, "date_precision"]))
        if all(date.before(d) or d.before(date) for d in chosen_dates):
            chosen.append(event_id)
            chosen_dates.append(date)
            if len(chosen) == n:
                break
    if len(chosen) < n:
        what = " and ".join(f"{k} {v!r}" for k, v in (("theme", theme), ("lesson", lesson)) if v)
        raise DataError(f"only {len(chosen)} events with distinct dates for {what or 'all events'}; asked for {n}")
    label = "-".join(str(v) for v in (theme, lesson) if v) or "all"
    exercise_id = id or f"gen-chronology-{label}-{n}-{seed}"
    prompt = common.pop("prompt", "Put these events in the order they happened, earliest first.")
    return chronology_from_events(
        chosen, id=exercise_id, lesson=for_lesson or lesson or "practice", tables=tables, prompt=prompt, **common
    )


# --- small helpers --------------------------------------------------------------------------------


def precision_of(row) -> str:
    """A row's date precision ('day' when the table does not say)."""
    value = row.get("date_precision", "day")
    return value if isinstance(value, str) else "day"


def _check_vocabulary(frame: pd.DataFrame, column: str, value: str) -> None:
    allowed = list(frame[column].cat.categories)
    if value not in allowed:
        raise ValueError(f"{value!r} is not a {column}; choose one of: {', '.join(allowed)}")


def first_clash(dated: dict[str, Dated]) -> tuple[str, str]:
    """The first two keys, in date order, whose dates cannot be told apart."""
    keys = sorted(dated, key=lambda k: dated[k].date)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if not dated[a].before(dated[b]):
                return a, b
    return keys[0], keys[-1]  # pragma: no cover


def union_ids(groups: Iterable[Iterable[str]]) -> list[str]:
    """Every id of the groups once, in the order first met (an exercise's sources from its rows').

    >>> union_ids([["a", "b"], ("b", "c")])
    ['a', 'b', 'c']
    """
    out: dict[str, None] = {}
    for group in groups:
        for item in group:
            out[str(item)] = None
    return list(out)
