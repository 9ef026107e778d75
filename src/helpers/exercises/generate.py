"""Build chronology and matching exercises from the data tables, by hand-picked ids or at random (seeded).

The question banks use the same builders, so a hand-written chronology and a generated one look and
check the same. Every text comes from a table row; nothing here states a fact of its own.

>>> ex = chronology(theme="rupture", n=4, seed=1)
>>> ex.kind, len(ex.items), ex == chronology(theme="rupture", n=4, seed=1)
('chronology', 4, True)
>>> ex.check(list(ex.order)).status
'correct'
>>> m = quotations_to_speakers(lesson="06-rupture-1927", n=3, seed=2)
>>> m.check(m.key()).status
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
from .arranging import Chronology, Item, Matching

#: How many items a chronology may have.
CHRONOLOGY_SIZE = (4, 8)
#: How many pairs a matching exercise may have.
MATCHING_SIZE = (2, 8)


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
        clash = _first_clash(dated)
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
    source_ids = _union([common.pop("source_ids", ()), *(events.at[e, "source_ids"] for e in chronological)])
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


# --- matching -------------------------------------------------------------------------------------


def _matching(
    left: list[tuple[str, str]],
    right_of: dict[str, str],
    *,
    id: str,
    lesson: str,
    distractors: Iterable[str] = (),
    **common,
) -> Matching:
    """Build a matching exercise from (left key, left text) pairs and each left key's right-hand text."""
    low, high = MATCHING_SIZE
    if not low <= len(left) <= high:
        raise DataError(f"a matching exercise needs {low}–{high} pairs, not {len(left)}")
    right_texts = sorted(set(right_of.values()) | set(distractors), key=lambda t: (t.casefold(), t))
    right_ids = dict(zip(right_texts, letters(len(right_texts))))
    right = tuple(Item(right_ids[t], t) for t in right_texts)
    left_items = tuple(Item(str(n), text, key=key) for n, (key, text) in enumerate(left, 1))
    pairs = tuple((item.id, right_ids[right_of[item.key]]) for item in left_items)
    return Matching(id=id, lesson=lesson, left=left_items, right=right, pairs=pairs, **common)


def matching_quotations(
    quote_ids: Sequence[str],
    *,
    id: str,
    lesson: str,
    distractors: Sequence[str] = (),
    tables: Tables | None = None,
    **common,
) -> Matching:
    """Match each quotation to its speaker (names from people.csv; ``distractors`` are extra person ids)."""
    tables = tables or Tables()
    q = tables.quotations
    _known(quote_ids, q.index, "quotation", "quotations.csv")
    _known(distractors, tables.people.index, "person", "people.csv")
    left = [
        (qid, f"“{q.at[qid, 'text']}” ({date_label(q.at[qid, 'date'], precision_of(q.loc[qid]))})") for qid in quote_ids
    ]
    right_of = {qid: tables.person_name(str(q.at[qid, "speaker_id"])) for qid in quote_ids}
    source_ids = _union([common.pop("source_ids", ()), *(q.at[qid, "source_ids"] for qid in quote_ids)])
    return _matching(
        left,
        right_of,
        id=id,
        lesson=lesson,
        source_ids=tuple(source_ids),
        distractors=[tables.person_name(p) for p in distractors],
        left_label=common.pop("left_label", "Quotation"),
        right_label=common.pop("right_label", "Speaker"),
        skill=common.pop("skill", "sourcing"),
        **common,
    )


def matching_offices(
    post_ids: Sequence[str],
    on,
    *,
    id: str,
    lesson: str,
    distractors: Sequence[str] = (),
    tables: Tables | None = None,
    **common,
) -> Matching:
    """Match each person to the post they held on date ``on`` (from offices.csv and posts.csv).

    ``distractors`` are extra post ids that nobody in the list held on that date.
    """
    tables = tables or Tables()
    when = pd.Timestamp(on)
    _known(post_ids, tables.posts.index, "post", "posts.csv")
    _known(distractors, tables.posts.index, "post", "posts.csv")
    left, right_of, sources = [], {}, []
    for post in post_ids:
        tenure = _tenure_on(tables.offices, post, when)
        if tenure is None:
            raise DataError(f"offices.csv records nobody in post {post!r} on {when:%Y-%m-%d}")
        if not _clearly_in_office(tenure, when):
            raise DataError(
                f"offices.csv knows the dates of {tenure['tenure_id']} only to the month or year, "
                f"so it cannot say who held {post!r} on {when:%Y-%m-%d}: choose another date"
            )
        person = str(tenure["person_id"])
        if person in right_of:
            raise DataError(f"{person!r} held two of the posts on {when:%Y-%m-%d}; choose posts with different holders")
        left.append((person, tables.person_name(person)))
        right_of[person] = str(tables.posts.at[post, "title"])
        sources.extend(tenure["source_ids"])
    source_ids = _union([common.pop("source_ids", ()), sources])
    return _matching(
        left,
        right_of,
        id=id,
        lesson=lesson,
        source_ids=tuple(source_ids),
        distractors=[str(tables.posts.at[p, "title"]) for p in distractors],
        left_label=common.pop("left_label", "Person"),
        right_label=common.pop("right_label", f"Post held on {date_label(when)}"),
        skill=common.pop("skill", "contextualisation"),
        **common,
    )


def matching_documents(
    doc_ids: Sequence[str], *, id: str, lesson: str, tables: Tables | None = None, **common
) -> Matching:
    """Match each document to its date (as precisely as documents.csv knows it)."""
    tables = tables or Tables()
    d = tables.documents
    _known(doc_ids, d.index, "document", "documents.csv")
    dated = {doc: Dated(d.at[doc, "date"], str(d.at[doc, "date_precision"])) for doc in doc_ids}
    if not clear_order(list(dated.values())):
        clash = _first_clash(dated)
        raise DataError(f"documents {clash[0]!r} and {clash[1]!r} have dates that cannot be told apart")
    left = [(doc, str(d.at[doc, "title"])) for doc in doc_ids]
    right_of = {doc: dated[doc].label() for doc in doc_ids}
    source_ids = _union([common.pop("source_ids", ()), *(d.at[doc, "source_ids"] for doc in doc_ids)])
    return _matching(
        left,
        right_of,
        id=id,
        lesson=lesson,
        source_ids=tuple(source_ids),
        left_label=common.pop("left_label", "Document"),
        right_label=common.pop("right_label", "Date"),
        skill=common.pop("skill", "chronology"),
        **common,
    )


def quotations_to_speakers(
    lesson: str | None = None,
    n: int = 4,
    seed: int = 0,
    *,
    id: str | None = None,
    tables: Tables | None = None,
    **common,
) -> Matching:
    """``n`` quotations by ``n`` different speakers, drawn at random (seeded) from a lesson or from all."""
    tables = tables or Tables()
    q = tables.quotations
    pool = q if lesson is None else q[q["lesson"] == lesson]
    chosen = _distinct_sample(sorted(pool.index), lambda qid: pool.at[qid, "speaker_id"], n, seed)
    if len(chosen) < n:
        raise DataError(f"only {len(chosen)} quotations by different speakers for lesson {lesson!r}; asked for {n}")
    prompt = common.pop("prompt", "Who said or wrote each of these? Match each quotation to its speaker.")
    return matching_quotations(
        chosen,
        id=id or f"gen-matching-quotations-{lesson or 'all'}-{n}-{seed}",
        lesson=lesson or "practice",
        tables=tables,
        prompt=prompt,
        **common,
    )


def people_to_offices(
    on,
    n: int = 4,
    seed: int = 0,
    *,
    country: str | None = None,
    id: str | None = None,
    tables: Tables | None = None,
    **common,
) -> Matching:
    """``n`` posts (sole posts, different holders) with their holders on date ``on``, drawn at random (seeded)."""
    tables = tables or Tables()
    when = pd.Timestamp(on)
    posts = tables.posts
    pool = posts[posts["sole"].fillna(False).astype(bool)]
    if country is not None:
        pool = pool[pool["country"] == country]
    held = [
        p
        for p in sorted(pool.index)
        if (t := _tenure_on(tables.offices, p, when)) is not None and _clearly_in_office(t, when)
    ]
    chosen = _distinct_sample(held, lambda p: _tenure_on(tables.offices, p, when)["person_id"], n, seed)
    if len(chosen) < n:
        raise DataError(f"only {len(chosen)} posts with different holders on {when:%Y-%m-%d}; asked for {n}")
    prompt = common.pop("prompt", f"Who held which post on {date_label(when)}? Match each person to a post.")
    return matching_offices(
        chosen,
        when,
        id=id or f"gen-matching-offices-{when:%Y-%m-%d}-{n}-{seed}",
        lesson=common.pop("lesson", "practice"),
        tables=tables,
        prompt=prompt,
        **common,
    )


def documents_to_dates(
    lesson: str | None = None,
    n: int = 4,
    seed: int = 0,
    *,
    id: str | None = None,
    tables: Tables | None = None,
    **common,
) -> Matching:
    """``n`` documents with dates known to the day and all different, drawn at random (seeded)."""
    tables = tables or Tables()
    d = tables.documents
    pool = d[d["date_precision"] == "day"]
    if lesson is not None:
        pool = pool[pool.index.isin(_documents_of_lesson(tables, lesson))]
    chosen = _distinct_sample(sorted(pool.index), lambda doc: pool.at[doc, "date"], n, seed)
    if len(chosen) < n:
        raise DataError(f"only {len(chosen)} documents with distinct dates; asked for {n}")
    prompt = common.pop("prompt", "When was each document written? Match each one to its date.")
    return matching_documents(
        chosen,
        id=id or f"gen-matching-documents-{lesson or 'all'}-{n}-{seed}",
        lesson=lesson or "practice",
        tables=tables,
        prompt=prompt,
        **common,
    )


# --- small helpers --------------------------------------------------------------------------------


def _tenure_on(offices: pd.DataFrame, post_id: str, when: pd.Timestamp):
    rows = offices[
        (offices["post_id"] == post_id)
        & (offices["start_date"] <= when)
        & (offices["end_date"].isna() | (offices["end_date"] >= when))
    ]
    return None if rows.empty else rows.sort_values("start_date").iloc[-1]


def _clearly_in_office(tenure, when: pd.Timestamp) -> bool:
    """True when ``when`` falls inside the tenure even at the precision its dates are known to."""
    day = Dated(when, "day")
    started = Dated(tenure["start_date"], str(tenure["start_precision"])).before(day)
    if pd.isna(tenure["end_date"]):
        return started
    precision = tenure["end_precision"] if isinstance(tenure["end_precision"], str) else "day"
    return started and day.before(Dated(tenure["end_date"], precision))


def precision_of(row) -> str:
    """A row's date precision ('day' when the table does not say)."""
    value = row.get("date_precision", "day")
    return value if isinstance(value, str) else "day"


def _documents_of_lesson(tables: Tables, lesson: str) -> set[str]:
    """Documents quoted in a lesson (documents.csv has no lesson column of its own)."""
    q = tables.quotations
    return set(q.loc[(q["lesson"] == lesson) & q["doc_id"].notna(), "doc_id"].astype(str))


def _distinct_sample(candidates: list[str], value_of, n: int, seed: int) -> list[str]:
    """Up to ``n`` candidates, drawn at random (seeded), no two with the same ``value_of``."""
    pool = list(candidates)
    random.Random(seed).shuffle(pool)
    chosen, seen = [], set()
    for c in pool:
        v = value_of(c)
        if v not in seen:
            chosen.append(c)
            seen.add(v)
            if len(chosen) == n:
                break
    return chosen


def _check_vocabulary(frame: pd.DataFrame, column: str, value: str) -> None:
    allowed = list(frame[column].cat.categories)
    if value not in allowed:
        raise ValueError(f"{value!r} is not a {column}; choose one of: {', '.join(allowed)}")


def _known(ids: Iterable[str], index, what: str, table: str) -> None:
    for i in ids:
        if i not in index:
            raise DataError(f"{what} {i!r} is not in {table}")


def _first_clash(dated: dict[str, Dated]) -> tuple[str, str]:
    keys = sorted(dated, key=lambda k: dated[k].date)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if not dated[a].before(dated[b]):
                return a, b
    return keys[0], keys[-1]  # pragma: no cover


def _union(groups: Iterable[Iterable[str]]) -> list[str]:
    out: dict[str, None] = {}
    for group in groups:
        for item in group:
            out[str(item)] = None
    return list(out)
