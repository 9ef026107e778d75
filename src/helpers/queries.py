"""Small questions the lessons ask of the record: what happened when, who held a post, where a fact comes from.

>>> holder_on("uk_foreign_secretary", "1927-05-12")
'chamberlain_austen'
>>> [e for e in events_between("1927-05-12", "1927-05-12")["event_id"]]
['ev-1927-05-12-arcos-raid']
>>> cite("hc-1927-05-26-russo-british-relations")
'HC Deb 26 May 1927 vol 206 cc2195–326'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .data import column_map, load_events, load_offices
from .dates import format_date, period_end
from .errors import DataError, Problem

__all__ = [
    "events_between",
    "events_for",
    "holder_on",
    "holders",
    "person_events",
    "cite",
    "short_cite",
    "sources_for",
    "format_date",
    "person_name",
]


def _timestamp(value) -> pd.Timestamp:
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{value!r} is not a date: write it as 'YYYY-MM-DD', e.g. '1927-05-12'") from None


def events_between(start, end) -> pd.DataFrame:
    """Events that start between ``start`` and ``end`` (inclusive), in date order.

    >>> len(events_between("1926-05-04", "1926-05-12")) >= 1
    True
    """
    start, end = _timestamp(start), _timestamp(end)
    if end < start:
        raise ValueError(f"the end ({end:%Y-%m-%d}) is before the start ({start:%Y-%m-%d})")
    events = load_events()
    chosen = events[(events["start_date"] >= start) & (events["start_date"] <= end)]
    return chosen.sort_values(["start_date", "event_id"]).reset_index(drop=True)


def events_for(lesson: str | None = None, theme: str | None = None, person: str | None = None) -> pd.DataFrame:
    """Events of a lesson, a theme and/or a person, in date order.

    >>> events_for(lesson="06-rupture-1927")["lesson"].unique().tolist()
    ['06-rupture-1927']
    """
    events = load_events()
    mask = pd.Series(True, index=events.index)
    for column, value in (("lesson", lesson), ("theme", theme)):
        if value is not None:
            allowed = list(events[column].cat.categories)
            if value not in allowed:
                raise ValueError(f"{value!r} is not a {column}; choose one of: {', '.join(allowed)}")
            mask &= events[column] == value
    if person is not None:
        person_name(person)  # an unknown id raises, naming it
        mask &= events["people"].map(lambda ids: person in ids)
    return events[mask].sort_values(["start_date", "event_id"]).reset_index(drop=True)


def person_events(person_id: str) -> pd.DataFrame:
    """Every event a person is named in, in date order.

    >>> person_events("krasin")["start_date"].min().year >= 1917
    True
    """
    return events_for(person=person_id)


def holders(post_id: str) -> pd.DataFrame:
    """Everyone recorded in a post, in order, with their dates.

    >>> holders("uk_prime_minister")["person_id"].tolist()[:3]
    ['lloyd_george', 'baldwin', 'macdonald']
    """
    offices = load_offices()
    if post_id not in set(offices["post_id"]):
        known = ", ".join(sorted(set(offices["post_id"])))
        raise ValueError(f"no post {post_id!r} is recorded; posts: {known}")
    return offices[offices["post_id"] == post_id].sort_values("start_date").reset_index(drop=True)


def holder_on(post_id: str, date) -> str | None:
    """The person id of whoever held ``post_id`` on ``date`` (None if the record shows nobody).

    >>> holder_on("uk_home_secretary", "1927-05-12")
    'joynson_hicks'
    """
    when = _timestamp(date)
    tenures = holders(post_id)
    # An end known only to the month or year may fall on any day of it.
    latest_end = [period_end(end, prec) for end, prec in zip(tenures["end_date"], tenures["end_precision"])]
    running = [pd.isna(end) or end >= when for end in latest_end]
    current = tenures[(tenures["start_date"] <= when) & pd.Series(running, index=tenures.index)]
    if current.empty:
        return None
    return str(current.iloc[-1]["person_id"])  # at a boundary, the newer holder


def person_name(person_id: str, root: Path | None = None) -> str:
    """A person's usual English name: the pack's one look-up of a name by id.

    An id that is not in ``people.csv`` raises :class:`DataError`, naming it.

    >>> person_name("chamberlain_austen")
    'Austen Chamberlain'
    >>> person_name("chamberlain")
    Traceback (most recent call last):
    ...
    helpers.errors.DataError: people.csv, column 'person_id': no person 'chamberlain' (ids look like 'chamberlain_austen')
    """
    names = column_map("people", "person_id", "name", root)
    if person_id not in names:
        raise DataError(
            Problem("people.csv", None, "person_id", f"no person {person_id!r} (ids look like 'chamberlain_austen')")
        )
    return str(names[person_id])


def cite(ref_id: str) -> str:
    """The citation of one reference, as the pack prints it.

    >>> cite("gorodetsky1977-ch5")
    "Gorodetsky 1977, ch. 5 'Attempts to heal the breach', pp. 180–210"
    """
    citations = column_map("references", "ref_id", "citation")
    if ref_id not in citations:
        raise DataError(f"no reference {ref_id!r} in references.csv")
    return str(citations[ref_id])


def short_cite(ref_id: str) -> str:
    """A reference as a footnote gives it once the bibliography has it in full: author and year with pages
    (or chapter) for scholarship, the sitting for Hansard, the full citation for anything else.

    >>> short_cite("gorodetsky1977-ch4")
    'Gorodetsky 1977, pp. 134–79'
    >>> short_cite("hc-1927-05-26-russo-british-relations")
    'HC Deb 26 May 1927 vol 206 cc2195–326'
    """
    full = cite(ref_id)
    kinds = column_map("references", "ref_id", "kind")
    if (
        str(kinds[ref_id]) not in ("book", "chapter", "article")
        or column_map("references", "ref_id", "tier")[ref_id] != "scholarly"
    ):
        return full
    author, year = (
        column_map("references", "ref_id", "author")[ref_id],
        column_map("references", "ref_id", "year")[ref_id],
    )
    if pd.isna(author) or pd.isna(year):
        return full
    names = [a.strip() for a in str(author).split(";") if a.strip() and a.strip() != "et al."]
    surnames = [a.split(",")[0].strip() if "," in a else a.split()[-1] for a in names]
    who = (
        surnames[0]
        if len(surnames) == 1
        else (" and ".join(surnames) if len(surnames) == 2 else f"{surnames[0]} et al.")
    )
    pages = column_map("references", "ref_id", "pages")[ref_id]
    chapter = re.search(r"\bch\. ?\d+", full)
    where = f", pp. {_page_range(str(pages))}" if not pd.isna(pages) else (f", {chapter.group(0)}" if chapter else "")
    return f"{who} {int(year)}{where}"


def _page_range(pages: str) -> str:
    """'134–179' -> '134–79' (the second number keeps the digits that change, at least two).

    >>> _page_range("180-210"), _page_range("7–52"), _page_range("RA19")
    ('180–210', '7–52', 'RA19')
    """
    parts = re.split(r"\s*[-–]\s*", pages.strip())
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != len(parts[1]):
        return pages.strip().replace("-", "–")
    first, last = parts
    same = 0
    while same < len(first) - 2 and first[same] == last[same]:
        same += 1
    return f"{first}–{last[same:]}"


#: How a source list marks what is not evidence.
WEAK_MARK = {"reference": "encyclopaedia", "web": "web page"}


def source_list(ref_ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """(primary and scholarly sources as short citations, then reference and web items marked as such).

    >>> strong, weak = source_list(["enc-wikipedia-curzon", "hc-1918-01-10-statement-by-mr-balfour"])
    >>> strong, weak
    (['HC Deb 10 January 1918 vol 101 cc293–6'], ["Wikipedia, 'George Curzon, 1st Marquess Curzon of Kedleston' (encyclopaedia)"])
    """
    from .sourcing import STRONG, by_tier, tier_of

    strong, weak = [], []
    for ref_id in by_tier(ref_ids):
        tier = tier_of(ref_id)
        if tier in STRONG:
            strong.append(short_cite(ref_id))
        else:
            weak.append(f"{cite(ref_id)} ({WEAK_MARK.get(tier, tier)})")
    return strong, weak


def sources_for(row_or_ids: pd.Series | Iterable[str] | str) -> list[str]:
    """The citations behind a row (anything with ``source_ids``), or behind a list of ref ids: primary and
    scholarly sources first (short citations), then encyclopaedias and web pages, marked as such.

    >>> row = load_events().set_index("event_id").loc["ev-1927-05-12-arcos-raid"]
    >>> any(c.startswith("HC Deb") for c in sources_for(row))
    True
    """
    if isinstance(row_or_ids, pd.Series):
        ids = row_or_ids["source_ids"]
    elif isinstance(row_or_ids, str):
        ids = [row_or_ids]
    else:
        ids = list(row_or_ids)
    strong, weak = source_list(ids)
    return strong + weak
