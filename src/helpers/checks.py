"""Integrity of the data package: schema, keys, cross-table references, dates, historical sense.

``make validate`` (``python -m helpers validate``) runs :func:`validate`; so does the test suite.

>>> summary = validate()
>>> summary["tables"] >= 15
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .data import cached_table, table_names
from .dates import period_end
from .errors import DataError, Problem, display_path
from .schema import Package, package
from .sourcing import check_sources


def check_package(root: Path | None = None) -> list[Problem]:
    """Every problem in the data package, as a list (empty when all is well)."""
    pkg = package(root)
    frames: dict[str, tuple[pd.DataFrame, object]] = {}
    problems: list[Problem] = []
    for name, table in pkg.tables.items():
        try:
            frames[name] = cached_table(table)
        except DataError as err:
            problems.extend(err.problems)
    problems += _check_foreign_keys(pkg, frames)
    problems += _check_date_order(pkg, frames)
    problems += check_history(pkg, frames)
    problems += check_extracts(pkg, frames)
    problems += check_sources(pkg, frames)
    return list(dict.fromkeys(problems))  # a broken link table is reported once, not again under its owner


def validate(root: Path | None = None) -> dict:
    """Validate the whole package; raise :class:`DataError` listing every problem, else return counts."""
    problems = check_package(root)
    if problems:
        raise DataError(problems)
    pkg = package(root)
    names = table_names(root)
    rows = sum(len(cached_table(pkg.tables[n])[0]) for n in names)
    return {"tables": len(names), "link_tables": len(pkg.tables) - len(names), "rows": rows, "root": str(pkg.root)}


def _check_foreign_keys(pkg: Package, frames) -> list[Problem]:
    problems = []
    for name, (frame, lines) in frames.items():
        table = pkg.tables[name]
        shown = display_path(table.path)
        for fk in table.foreign_keys:
            if fk.resource not in frames:
                continue  # the referenced table is broken and already reported
            target = frames[fk.resource][0]
            if len(fk.fields) > 1:  # a composite key (a link table of trade_partners: year + ccode)
                known = set(zip(*(target[c].astype(str).tolist() for c in fk.reference_fields)))
                values = list(zip(*(frame[c].astype(str).tolist() for c in fk.fields)))
                for pos, value in enumerate(values):
                    if value not in known:
                        problems.append(
                            Problem(
                                shown,
                                int(lines[pos]),
                                "+".join(fk.fields),
                                f"{', '.join(value)} does not match any row of {fk.resource}.csv",
                            )
                        )
                continue
            column, ref_column = fk.fields[0], fk.reference_fields[0]
            known = set(target[ref_column].dropna().astype(str))
            values = frame[column]
            if table.field(column).type != "list":  # plain values: look them up at once
                bad = values.notna() & ~values.astype(str).isin(known)
                for pos in bad.to_numpy(dtype=bool).nonzero()[0]:
                    problems.append(
                        Problem(
                            shown,
                            int(lines[pos]),
                            column,
                            f"{str(values.iat[pos])!r} does not match any {ref_column} in {fk.resource}.csv",
                        )
                    )
                continue
            for pos, value in enumerate(values):
                items = value if isinstance(value, tuple) else (() if pd.isna(value) else (str(value),))
                for item in items:
                    if item not in known:
                        problems.append(
                            Problem(
                                shown,
                                int(lines[pos]),
                                column,
                                f"{item!r} does not match any {ref_column} in {fk.resource}.csv",
                            )
                        )
    return problems


def _check_date_order(pkg: Package, frames) -> list[Problem]:
    problems = []
    pairs = [("start_date", "end_date")]
    for name, (frame, lines) in frames.items():
        shown = display_path(pkg.tables[name].path)
        for start, end in pairs:
            if start in frame and end in frame:
                bad = frame[end].notna() & (frame[end] < frame[start])
                for pos in bad[bad].index:
                    problems.append(
                        Problem(
                            shown,
                            int(lines[pos]),
                            end,
                            f"ends ({frame.at[pos, end]:%Y-%m-%d}) before it starts ({frame.at[pos, start]:%Y-%m-%d})",
                        )
                    )
    return problems


def check_history(pkg: Package, frames) -> list[Problem]:
    """Historical sense that no schema can express.

    - an office-holder's term does not overlap another holder's of the same sole post;
    - nobody is the subject of an event, a quotation or a document after the year of their death;
    - nobody speaks before they were born.
    """
    problems: list[Problem] = []
    if "people" not in frames:
        return problems
    people = frames["people"][0].set_index("person_id")
    died = people["died"].dropna().astype(int).to_dict()
    born = people["born"].dropna().astype(int).to_dict()

    def shown(name):
        return display_path(pkg.tables[name].path)

    if {"offices", "posts"} <= frames.keys():
        offices, lines = frames["offices"]
        sole = set(frames["posts"][0].loc[lambda p: p["sole"].fillna(False).astype(bool), "post_id"])
        far = pd.Timestamp("2100-01-01")
        for post, group in offices[offices["post_id"].isin(sole)].groupby("post_id", observed=True):
            group = group.sort_values("start_date")
            ends = group["end_date"].fillna(far)
            for (i, row), (j, nxt) in zip(group.iterrows(), list(group.iterrows())[1:]):
                # Only a certain overlap counts: the next term's latest possible start is before this one's end.
                if period_end(nxt["start_date"], nxt["start_precision"]) < ends[i]:
                    problems.append(
                        Problem(
                            shown("offices"),
                            int(lines[j]),
                            "start_date",
                            f"{nxt['person_id']} takes up {post} on {nxt['start_date']:%Y-%m-%d}, "
                            f"before {row['person_id']}'s term ends ({ends[i]:%Y-%m-%d}); a sole post has one holder",
                        )
                    )
            for pos, row in group.iterrows():
                person = row["person_id"]
                if person in died and row["start_date"].year > died[person]:
                    problems.append(
                        Problem(
                            shown("offices"),
                            int(lines[pos]),
                            "start_date",
                            f"{person} died in {died[person]} but is given this post from {row['start_date']:%Y}",
                        )
                    )
    if "events" in frames:
        events, lines = frames["events"]
        for pos, row in events.iterrows():
            for person in row["people"]:
                if person in died and row["start_date"].year > died[person]:
                    problems.append(
                        Problem(
                            shown("events"),
                            int(lines[pos]),
                            "people",
                            f"{person} died in {died[person]} but is named in an event of {row['start_date']:%Y}",
                        )
                    )
    if "quotations" in frames:
        quotes, lines = frames["quotations"]
        for pos, row in quotes.iterrows():
            person, year = row["speaker_id"], row["date"].year
            if person in died and year > died[person]:
                problems.append(
                    Problem(
                        shown("quotations"),
                        int(lines[pos]),
                        "date",
                        f"{person} died in {died[person]} but is quoted in {year}",
                    )
                )
            if person in born and year < born[person] + 10:
                problems.append(
                    Problem(
                        shown("quotations"),
                        int(lines[pos]),
                        "date",
                        f"{person} was born in {born[person]} but is quoted in {year}",
                    )
                )
    return problems


EXTRACT_WORDS = (80, 300)
SET_SIZE = (4, 6)
SET_SIDES = {"soviet": 2, "british": 1}  # at least so many extracts of each side in a set


def check_extracts(pkg: Package, frames) -> list[Problem]:
    """Extracts and document sets (issue 15).

    - an extract's ``words`` is its text's word count (``len(text.split())``), 80 to 300;
    - every extract has a source (being marked uncertain does not excuse an extract);
    - a document set has 4 to 6 extracts, at least 2 Soviet and 1 British, positions 1..n, and one
      lesson and central question on all its rows.
    (Sides, voices and ids are checked by the schema and its foreign keys.)
    """
    problems: list[Problem] = []
    if "extracts" not in frames:
        return problems
    extracts, lines = frames["extracts"]
    shown = display_path(pkg.tables["extracts"].path)
    low, high = EXTRACT_WORDS
    for pos, (eid, text, words, sources) in enumerate(
        zip(extracts["extract_id"], extracts["text"], extracts["words"], extracts["source_ids"])
    ):
        count = len(str(text).split()) if isinstance(text, str) else 0
        if pd.notna(words) and int(words) != count:
            problems.append(
                Problem(shown, int(lines[pos]), "words", f"{eid}: words is {int(words)} but the text has {count} words")
            )
        if not low <= count <= high:
            problems.append(
                Problem(
                    shown, int(lines[pos]), "text", f"{eid}: the text has {count} words; an extract has {low} to {high}"
                )
            )
        if not sources:
            problems.append(
                Problem(
                    shown,
                    int(lines[pos]),
                    "source_ids",
                    f"{eid}: an extract needs at least one source (extracts_sources.csv)",
                )
            )
    if "document_sets" not in frames:
        return problems
    sets, set_lines = frames["document_sets"]
    shown_sets = display_path(pkg.tables["document_sets"].path)
    side = dict(zip(extracts["extract_id"], extracts["side"].astype(str)))
    low, high = SET_SIZE
    for set_id, group in sets.groupby("set_id", sort=False, observed=True):
        first = int(set_lines[group.index[0]])
        where = [int(set_lines[i]) for i in group.index]
        if not low <= len(group) <= high:
            problems.append(
                Problem(
                    shown_sets,
                    first,
                    "extract_id",
                    f"{set_id} has {len(group)} extracts (lines {where[0]}-{where[-1]}); a set has {low} to {high}",
                )
            )
        sides = [side.get(e) for e in group["extract_id"]]
        for name, least in SET_SIDES.items():
            if sides.count(name) < least:
                problems.append(
                    Problem(
                        shown_sets,
                        first,
                        "extract_id",
                        f"{set_id} has {sides.count(name)} {name} extract(s); a set needs at least {least}",
                    )
                )
        if sorted(group["position"].astype(int)) != list(range(1, len(group) + 1)):
            problems.append(
                Problem(
                    shown_sets,
                    first,
                    "position",
                    f"{set_id}: positions {sorted(group['position'].astype(int))} are not 1 to {len(group)}",
                )
            )
        for column in ("lesson", "central_question"):
            values = group[column].astype(str)
            for i in group.index[values != values.iat[0]]:
                problems.append(
                    Problem(
                        shown_sets,
                        int(set_lines[i]),
                        column,
                        f"{set_id}: differs from the set's first row (line {first}); a set has one {column}",
                    )
                )
    return problems
