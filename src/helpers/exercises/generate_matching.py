"""Matching exercises built from the tables: quotations to speakers, people to the posts they held on a
date, documents to their dates; by hand-picked ids (the banks) or at random (seeded, for practice).

Every text comes from a table row; the shared pieces (the tables, dates and their precision, labels)
are in :mod:`helpers.exercises.generate`, which builds the chronologies.

>>> m = quotations_to_speakers(lesson="06-rupture-1927", n=3, seed=2)
>>> m.check(m.key()).status
'correct'
>>> m == quotations_to_speakers(lesson="06-rupture-1927", n=3, seed=2)
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

import pandas as pd

from ..errors import DataError
from .arranging import Item, Matching
from .generate import Dated, Tables, clear_order, date_label, first_clash, letters, precision_of, union_ids

#: How many pairs a matching exercise may have.
MATCHING_SIZE = (2, 8)


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
    source_ids = union_ids([common.pop("source_ids", ()), *(q.at[qid, "source_ids"] for qid in quote_ids)])
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
    source_ids = union_ids([common.pop("source_ids", ()), sources])
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
        clash = first_clash(dated)
        raise DataError(f"documents {clash[0]!r} and {clash[1]!r} have dates that cannot be told apart")
    left = [(doc, str(d.at[doc, "title"])) for doc in doc_ids]
    right_of = {doc: dated[doc].label() for doc in doc_ids}
    source_ids = union_ids([common.pop("source_ids", ()), *(d.at[doc, "source_ids"] for doc in doc_ids)])
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


def _known(ids: Iterable[str], index, what: str, table: str) -> None:
    for i in ids:
        if i not in index:
            raise DataError(f"{what} {i!r} is not in {table}")
