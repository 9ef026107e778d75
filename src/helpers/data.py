"""One loader per table: ``load_events()``, ``load_people()``, ... Each returns a typed DataFrame.

Types come from ``data/datapackage.json``: dates are ``datetime64``, controlled vocabularies are
categoricals, whole numbers are nullable ``Int64``, list fields (``source_ids``, ``people``) are tuples.
Tables are read once per process and cached (re-read if the file changes); each call returns a copy,
so changing it in a notebook cannot change what the next cell loads. Every loader takes an optional
``root``, the data folder to read (default :func:`helpers.paths.data_dir`). Importing this module reads
no file: each loader's docstring gains its column table when the data package is first read.

>>> events = load_events()
>>> events["start_date"].dtype.kind, events["theme"].dtype.name
('M', 'category')
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import _diskcache as diskcache
from .errors import DataError, Problem, display_path
from .schema import Table, column_table, package
from .table import read_table

__all__ = [
    "load_table",
    "table_names",
    "load_references",
    "load_people",
    "load_organisations",
    "load_events",
    "load_posts",
    "load_offices",
    "load_documents",
    "load_quotations",
    "load_glossary",
    "load_disputes",
    "load_dispute_claims",
    "load_figures",
    "load_trade",
    "load_trade_partners",
    "load_capabilities",
    "load_elections",
    "load_uncertain_rows",
    "load_extracts",
    "load_document_sets",
    "load_interpretations",
]


def table_names(root: Path | None = None) -> list[str]:
    """The tables of the data package, in the order it lists them (link tables, such as
    ``events_sources``, are joined into their tables and not listed; ``load_table`` still reads them).

    >>> "events" in table_names(), "events_sources" in table_names()
    (True, False)
    """
    pkg = _package(root)
    linked = {link.table for t in pkg.tables.values() for link in t.links}
    return [name for name in pkg.tables if name not in linked]


def load_table(name: str, root: Path | None = None) -> pd.DataFrame:
    """Load any table by name (``load_table("events")`` is ``load_events()``).

    Every loader takes the same optional ``root``: the data folder to read (default
    :func:`helpers.paths.data_dir`), e.g. a teacher's edited copy.
    """
    return cached_table(_package(root).table(name))[0].copy()


def line_numbers(name: str, root: Path | None = None) -> np.ndarray:
    """Each row's line number in its CSV file (for messages that point at a row)."""
    return cached_table(_package(root).table(name))[1]


def cached_table(table: Table):
    """(frame, line numbers) of a table, parsed once per file version; shared by loaders and validation.

    A table with link tables (``events`` and ``events_sources.csv``, ...) comes back with each list
    column joined in: a tuple of ids per row, in the link file's order.
    """
    pkg = package(table.path.parent)
    links = [pkg.table(link.table) for link in table.links]
    return _read(table, tuple(links), tuple(_stamp(t.path) for t in (table, *links)))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
        return (info.st_mtime_ns, info.st_size)  # size too: timestamps can be coarser than two quick edits
    except FileNotFoundError:
        return (-1, -1)


@lru_cache(maxsize=64)
def _read(table: Table, links: tuple[Table, ...], stamp: tuple) -> tuple[pd.DataFrame, np.ndarray]:
    # Parsed once per file version in a process, and kept on disk for the next process (a lesson's
    # kernel): the key covers the CSV and its link tables, the schemas and the code (helpers._diskcache).
    schema = repr([(t.name, t.fields, t.primary_key, t.links) for t in (table, *links)])
    return diskcache.cached("table", [table.path] + [t.path for t in links], lambda: _build(table, links), extra=schema)


def _build(table: Table, links: tuple[Table, ...]) -> tuple[pd.DataFrame, np.ndarray]:
    frame, lines = read_table(table)
    problems = []
    for link, link_table in zip(table.links, links):
        pairs = cached_table(link_table)[0]  # parsed once, also for validation, which checks it on its own
        ids: dict[tuple, list[str]] = {}
        for *key, value in zip(*(pairs[c].tolist() for c in link.keys), pairs[link.value].tolist()):
            ids.setdefault(tuple(key), []).append(str(value))
        own_keys = zip(*(frame[c].tolist() for c in link.keys))
        column = pd.Series([tuple(ids.get(tuple(k), ())) for k in own_keys], index=frame.index, dtype=object)
        names = list(frame.columns)
        frame.insert(names.index(link.after) + 1 if link.after in names else len(names), link.field.name, column)
        if link.field.required:
            for pos in (column.map(len) == 0).to_numpy().nonzero()[0]:
                problems.append(
                    Problem(
                        display_path(table.path),
                        int(lines[pos]),
                        link.field.name,
                        f"is required: add at least one row for this {table.name} row "
                        f"to {link_table.path.name} (column {link.value})",
                    )
                )
    if problems:
        raise DataError(problems)
    return frame, lines


_MAPS: dict[tuple, tuple[pd.DataFrame, dict]] = {}


def column_map(name: str, key: str, value: str, root: Path | None = None) -> dict:
    """``{key: value}`` over one table's rows, built once per file version: a fast look-up by id for
    helpers called hundreds of times in a lesson (a citation, a name). Do not modify the dict.

    >>> column_map("references", "ref_id", "citation")["gorodetsky1977-ch5"][:15]
    'Gorodetsky 1977'
    """
    frame = cached_table(_package(root).table(name))[0]
    slot = (name, key, value, root)
    cached = _MAPS.get(slot)
    if cached is None or cached[0] is not frame:  # a new version of the file: build again
        cached = _MAPS[slot] = (frame, dict(zip(frame[key], frame[value])))
    return cached[1]


def load_references(root: Path | None = None) -> pd.DataFrame:
    """Every work, debate, page and dataset the pack cites; other tables point here with ``source_ids``.

    >>> refs = load_references()
    >>> refs.set_index("ref_id").loc["gorodetsky1977-ch1", "pages"]
    '7–52'
    """
    return load_table("references", root)


def load_people(root: Path | None = None) -> pd.DataFrame:
    """British, Soviet and other actors, with alternative spellings, life dates and roles.

    >>> people = load_people().set_index("person_id")
    >>> "Krassin" in people.loc["krasin", "alt_names"]
    True
    """
    return load_table("people", root)


def load_organisations(root: Path | None = None) -> pd.DataFrame:
    """Parties, ministries, unions, the Comintern, Arcos, newspapers.

    >>> load_organisations().set_index("org_id").loc["arcos", "kind"]
    'company'
    """
    return load_table("organisations", root)


def load_events(root: Path | None = None) -> pd.DataFrame:
    """What happened, 1917–1931, one row per event, each with its sources.

    >>> events = load_events().set_index("event_id")
    >>> events.loc["ev-1927-05-12-arcos-raid", "start_date"].strftime("%d %B %Y")
    '12 May 1927'
    """
    return load_table("events", root)


def load_posts(root: Path | None = None) -> pd.DataFrame:
    """The posts whose holders the pack records (Prime Minister, Foreign Secretary, ...).

    >>> bool(load_posts().set_index("post_id").loc["uk_foreign_secretary", "sole"])
    True
    """
    return load_table("posts", root)


def load_offices(root: Path | None = None) -> pd.DataFrame:
    """Who held which post, from when to when (see also :func:`helpers.holder_on`).

    >>> offices = load_offices()
    >>> offices.columns[:3].tolist()
    ['tenure_id', 'post_id', 'person_id']
    """
    return load_table("offices", root)


def load_documents(root: Path | None = None) -> pd.DataFrame:
    """Notes, treaties, letters, speeches, debates and Command papers the lessons discuss.

    >>> load_documents()["doc_type"].dtype.name
    'category'
    """
    return load_table("documents", root)


def load_quotations(root: Path | None = None) -> pd.DataFrame:
    """Short verbatim words of historical actors, each with speaker, date, setting and citation.

    >>> q = load_quotations()
    >>> bool((q["text"].str.split().str.len() <= 45).all())
    True
    """
    return load_table("quotations", root)


def load_glossary(root: Path | None = None) -> pd.DataFrame:
    """Terms a student meets, in the pack's own words.

    >>> "de jure recognition" in load_glossary()["term"].str.lower().tolist()
    True
    """
    return load_table("glossary", root)


def load_disputes(root: Path | None = None) -> pd.DataFrame:
    """Points where good sources disagree, and which value the pack follows and why.

    >>> len(load_disputes()) >= 10
    True
    """
    return load_table("disputes", root)


def load_dispute_claims(root: Path | None = None) -> pd.DataFrame:
    """The alternative values in each dispute, each with its sources.

    >>> claims = load_dispute_claims()
    >>> bool(claims.groupby("dispute_id").size().min() >= 2)
    True
    """
    return load_table("dispute_claims", root)


def load_figures(root: Path | None = None) -> pd.DataFrame:
    """Numbers stated in the sources (money, days lost, people counted), exactly as printed.

    >>> figs = load_figures()
    >>> from helpers.sourcing import is_uncertain   # a figure without a source is marked uncertain
    >>> all(ids or is_uncertain("figures", f) for f, ids in zip(figs["figure_id"], figs["source_ids"]))
    True
    """
    return load_table("figures", root)


def load_trade(root: Path | None = None) -> pd.DataFrame:
    """UK–USSR trade 1920–1935, both directions, observed and smoothed (COW Dyadic Trade v4.0).

    Millions of current US dollars, rounded to whole millions.

    >>> trade = load_trade().set_index("year")
    >>> [float(v) for v in trade.loc[1927, ["uk_imports_from_ussr", "ussr_imports_from_uk"]]]
    [81.0, 23.0]
    """
    return load_table("trade", root)


def load_trade_partners(root: Path | None = None) -> pd.DataFrame:
    """UK trade with every partner COW records, 1920–1935, with the partner's name.

    >>> tp = load_trade_partners()
    >>> tp[(tp.year == 1925) & (tp.partner == "United States of America")]["uk_imports"].iloc[0]
    np.float64(1041.0)
    """
    return load_table("trade_partners", root)


def load_capabilities(root: Path | None = None) -> pd.DataFrame:
    """Iron and steel, energy, military personnel and spending, population: UK and USSR 1920–1935.

    >>> cap = load_capabilities().set_index(["country", "year"])
    >>> bool(cap.loc[("UK", 1926), "iron_steel_kt"] < cap.loc[("UK", 1925), "iron_steel_kt"])
    True
    """
    return load_table("capabilities", root)


def load_elections(root: Path | None = None) -> pd.DataFrame:
    """Constituency results of the 1923, 1924 and 1929 general elections, one row per party that stood.

    Unopposed returns have ``unopposed=True`` and no votes.

    >>> el = load_elections()
    >>> int(el[(el.election == 1924) & (el.party == "Labour")]["votes"].sum())
    5317686
    """
    return load_table("elections", root)


def load_uncertain_rows(root: Path | None = None) -> pd.DataFrame:
    """Rows of any table that do not (yet) rest on a primary or scholarly source, with the reason;
    exercises never use them (see data/README.md and :mod:`helpers.sourcing`).

    >>> u = load_uncertain_rows()
    >>> u.columns.tolist()
    ['table', 'row_id', 'reason']
    """
    return load_table("uncertain_rows", root)


def load_extracts(root: Path | None = None) -> pd.DataFrame:
    """Primary sources at document length: passages of 80-300 words, verbatim, British, Soviet and other
    voices, each with its provenance (``published_in``, ``translation``) and sources.

    >>> ex = load_extracts()
    >>> bool((ex["words"] == ex["text"].str.split().str.len()).all()), sorted(ex["side"].cat.categories)
    (True, ['british', 'other', 'soviet'])
    >>> type(ex["source_ids"].iat[0]).__name__
    'tuple'
    """
    return load_table("extracts", root)


def load_document_sets(root: Path | None = None) -> pd.DataFrame:
    """Document sets: one row per extract of a set, in reading order (``position``), with its headnote.
    ``lesson`` and ``central_question`` repeat on every row of a set; ``teacher_note`` (on the first row,
    or on an extract's row) is for the teacher edition only.

    >>> sets = load_document_sets()
    >>> first = sets[sets["set_id"] == sets["set_id"].iat[0]]
    >>> first["position"].tolist() == list(range(1, len(first) + 1)), 4 <= len(first) <= 6
    (True, True)
    """
    return load_table("document_sets", root)


def load_interpretations(root: Path | None = None) -> pd.DataFrame:
    """The historians' arguments: one claim per row in the pack's own words, with the ``work`` that makes
    it, the evidence it can be tested on (``evidence_events``, ``evidence_extracts``,
    ``evidence_figures``: tuples of ids) and where the pack learned it (``source_ids``).

    >>> i = load_interpretations()
    >>> "gorodetsky1977" in set(i["work"].str.split("-").str[0]), type(i["evidence_extracts"].iat[0]).__name__
    (True, 'tuple')
    """
    return load_table("interpretations", root)


def _package(root: Path | None = None):
    """The data package (schema.package), and, the first time it is read, each loader's column docs."""
    pkg = package(root)
    if root is None and not _DOCUMENTED:
        _add_column_docs(pkg)
    return pkg


_DOCUMENTED: list[bool] = []


def _add_column_docs(pkg) -> None:
    """Append each loader's column table, generated from the schema, to its docstring."""
    _DOCUMENTED.append(True)
    for name in __all__:
        if name.startswith("load_") and name != "load_table":
            fn = globals()[name]
            table = pkg.tables.get(name[len("load_") :])
            if table is not None and fn.__doc__ and "Columns\n" not in fn.__doc__:
                fn.__doc__ = fn.__doc__.rstrip() + "\n\n" + _indent(column_table(table)) + "\n"


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else line for line in text.splitlines())
