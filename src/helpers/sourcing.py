"""The pack's source hierarchy: which references count, which are never cited, which rows are uncertain.

Every reference has a ``tier`` (data/references.csv):

- ``primary``: debates, official papers, treaties, notes, speeches, contemporary press and publications;
- ``scholarly``: books, articles, theses, editions of documents, reference works by named scholars (ODNB);
- ``reference``: general encyclopaedias;
- ``web``: everything else.

A row of any table with sources rests on at least one primary or scholarly source, unless it is listed in
data/uncertain_rows.csv with the reason; such rows are kept out of exercises. No reference's url may be on
data/source_denylist.txt (mirrors of Wikipedia, aggregators, summary and essay sites).
:func:`check_sources` is the check ``make validate`` runs.

>>> tier_of("gorodetsky1977-ch5"), tier_of("hc-1927-05-26-russo-british-relations")
('scholarly', 'primary')
>>> denied_host("https://wikimili.com/en/Politburo", ("wikimili.com",))
'wikimili.com'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import Problem, display_path
from .schema import Package, Table, package

__all__ = [
    "TIERS",
    "STRONG",
    "AWAITING",
    "tier_of",
    "by_tier",
    "denylist",
    "denied_host",
    "row_id",
    "uncertain_rows",
    "is_uncertain",
    "check_sources",
]

#: The tiers, strongest first: the order a source list and the bibliography show them in.
TIERS = ("primary", "scholarly", "reference", "web")
#: The tiers a row may rest on alone.
STRONG = frozenset({"primary", "scholarly"})
#: The standard reason for a row marked uncertain because it has no primary or scholarly source yet.
AWAITING = "rests only on reference or web sources; awaiting a primary or scholarly source"
DENYLIST_FILE = "source_denylist.txt"
UNCERTAIN_TABLE = "uncertain_rows"


def tier_of(ref_id: str, root: Path | None = None) -> str:
    """The tier of one reference (``KeyError`` naming the id if there is no such reference)."""
    from .data import column_map

    tiers = column_map("references", "ref_id", "tier", root)
    if ref_id not in tiers:
        raise KeyError(f"no reference {ref_id!r} in references.csv")
    return str(tiers[ref_id])


def by_tier(ref_ids: Iterable[str], root: Path | None = None) -> list[str]:
    """``ref_ids`` with primary and scholarly sources first, then reference, then web (stable within a tier).

    >>> by_tier(["enc-wikipedia-curzon", "hc-1918-01-10-statement-by-mr-balfour"])
    ['hc-1918-01-10-statement-by-mr-balfour', 'enc-wikipedia-curzon']
    """
    ids = list(ref_ids)
    rank = {t: i for i, t in enumerate(("primary", "scholarly", "reference", "web"))}
    strong = [i for i in ids if tier_of(i, root) in STRONG]
    return strong + sorted((i for i in ids if i not in strong), key=lambda i: rank[tier_of(i, root)])


def denylist(root: Path | None = None) -> tuple[str, ...]:
    """The hosts in data/source_denylist.txt (one a line, '#' starts a comment)."""
    root = Path(root) if root is not None else package().root
    path = root / DENYLIST_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return ()
    return _read_denylist(path, stamp)


@lru_cache(maxsize=4)
def _read_denylist(path: Path, stamp: int) -> tuple[str, ...]:
    hosts = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(h for h in hosts if h)


def denied_host(url, hosts: Iterable[str]) -> str | None:
    """The deny-listed host ``url`` is on (the host itself or a subdomain of it), else None."""
    if url is None or pd.isna(url) or not str(url).strip():
        return None
    # the host: between '//' and the next '/', without user, port or a trailing dot
    rest = str(url).strip().partition("//")[2] or str(url).strip()
    host = rest.split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".").lower()
    listed = hosts if isinstance(hosts, (set, frozenset)) else set(hosts)
    parts = host.split(".")
    return next((h for h in (".".join(parts[i:]) for i in range(len(parts))) if h in listed), None)


def row_id(table: Table, row) -> str:
    """A row's id in uncertain_rows.csv: its primary key, several columns joined by '|'.

    >>> row_id(package().table("trade_partners"), {"year": 1927, "ccode": 365})
    '1927|365'
    """
    return "|".join(str(row[k]) for k in table.primary_key)


_UNCERTAIN: dict = {}


def uncertain_rows(root: Path | None = None) -> dict[tuple[str, str], str]:
    """``{(table, row_id): reason}`` for every row marked uncertain in data/uncertain_rows.csv (built once
    per version of the file; do not modify it)."""
    from .data import cached_table

    pkg = package(root)
    if UNCERTAIN_TABLE not in pkg.tables:
        return {}
    frame = cached_table(pkg.table(UNCERTAIN_TABLE))[0]
    memo = _UNCERTAIN.get(pkg.root)
    if memo is None or memo[0] is not frame:
        rows = {(str(t), str(r)): str(why) for t, r, why in zip(frame["table"], frame["row_id"], frame["reason"])}
        memo = _UNCERTAIN[pkg.root] = (frame, rows)
    return memo[1]


def is_uncertain(table: str, row_id_: str, root: Path | None = None) -> bool:
    """Whether a row is marked uncertain (and so kept out of exercises).

    >>> is_uncertain("events", "ev-1927-05-12-arcos-raid")
    False
    """
    return (table, str(row_id_)) in uncertain_rows(root)


def check_sources(pkg: Package, frames: dict) -> list[Problem]:
    """Deny-listed urls; rows with no primary or scholarly source that are not marked uncertain; and
    uncertain_rows.csv entries that name no row (or whose row has since found a primary or scholarly source)."""
    problems: list[Problem] = []
    if "references" not in frames:
        return problems
    refs, ref_lines = frames["references"]
    hosts = frozenset(denylist(pkg.root))
    shown_refs = display_path(pkg.tables["references"].path)
    for pos, url in enumerate(refs["url"].tolist()):
        host = denied_host(url, hosts)
        if host:
            problems.append(
                Problem(
                    shown_refs,
                    int(ref_lines[pos]),
                    "url",
                    f"{refs['ref_id'].iat[pos]}: {host} is on the deny-list ({DENYLIST_FILE}: mirrors, "
                    "aggregators, summary and essay sites); cite the original page, a better source, or nothing",
                )
            )
    tiers = dict(zip(refs["ref_id"].tolist(), refs["tier"].astype(str).tolist()))
    marked: dict[tuple[str, str], tuple[str, int]] = {}
    if UNCERTAIN_TABLE in frames:
        frame, lines = frames[UNCERTAIN_TABLE]
        for t, r, why, line in zip(frame["table"], frame["row_id"], frame["reason"], lines):
            marked[(str(t), str(r))] = (str(why), int(line))
    found: set[tuple[str, str]] = set()
    for name, table in pkg.tables.items():
        link = next((lk for lk in table.links if lk.field.name == "source_ids"), None)
        if link is None or name not in frames:
            continue
        frame, lines = frames[name]
        shown = display_path(table.path)
        keys = [frame[k].tolist() for k in table.primary_key]
        for pos, (ids, *key) in enumerate(zip(frame["source_ids"].tolist(), *keys)):
            rid = "|".join(map(str, key))
            found.add((name, rid))
            strong = any(tiers.get(i) in STRONG for i in ids)
            if (name, rid) in marked:
                why, line = marked[(name, rid)]
                if strong and why == AWAITING:
                    problems.append(
                        Problem(
                            display_path(pkg.tables[UNCERTAIN_TABLE].path),
                            line,
                            "row_id",
                            f"{name} {rid} now has a primary or scholarly source: remove it from {UNCERTAIN_TABLE}.csv",
                        )
                    )
                continue
            if not strong:
                what = (
                    f"rests only on {' and '.join(sorted({tiers.get(i, '?') for i in ids}))} sources ({', '.join(ids)})"
                    if ids
                    else "has no sources"
                )
                problems.append(
                    Problem(
                        shown,
                        int(lines[pos]),
                        "source_ids",
                        f"{what}: add a primary or scholarly source to {link.table}.csv, or mark "
                        f"the row uncertain in {UNCERTAIN_TABLE}.csv with the reason",
                    )
                )
    for (name, rid), (why, line) in marked.items():
        if name in pkg.tables and name not in frames:
            continue  # the table itself is broken and already reported
        if (name, rid) not in found:
            problems.append(
                Problem(
                    display_path(pkg.tables[UNCERTAIN_TABLE].path),
                    line,
                    "row_id",
                    f"no row {rid!r} in a table {name!r} with sources",
                )
            )
    return problems
