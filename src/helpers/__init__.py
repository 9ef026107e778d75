"""Truce and Rupture: the helper package for a teaching pack on Anglo-Soviet relations, 1924–1931.

Load the structured sources as typed pandas DataFrames, every row saying where its facts come from (or
marked uncertain, with the reason, until it can)::

    >>> from helpers import is_uncertain, load_events
    >>> events = load_events()
    >>> all(len(ids) >= 1 or is_uncertain("events", e) for e, ids in zip(events["event_id"], events["source_ids"]))
    True

Validate the whole data package (what ``make validate`` runs)::

    >>> from helpers import validate
    >>> validate()["tables"] >= 15
    True
"""
from __future__ import annotations

from .checks import check_package, validate
from .data import (
    load_capabilities, load_dispute_claims, load_disputes, load_document_sets, load_documents, load_elections,
    load_events, load_extracts, load_figures, load_glossary, load_interpretations, load_offices, load_organisations,
    load_people, load_posts, load_quotations, load_references, load_table, load_trade, load_trade_partners, load_uncertain_rows, table_names,
)
from .errors import DataError, Problem
from .paths import data_dir
from .queries import (
    cite, events_between, events_for, format_date, holder_on, holders, person_events, person_name, short_cite,
    sources_for,
)
from .sourcing import is_uncertain

__version__ = "0.1.0"

__all__ = [
    "DataError", "Problem", "data_dir", "validate", "check_package", "table_names", "load_table",
    "load_references", "load_people", "load_organisations", "load_events", "load_posts", "load_offices",
    "load_documents", "load_quotations", "load_glossary", "load_disputes", "load_dispute_claims", "load_figures",
    "load_trade", "load_trade_partners", "load_capabilities", "load_elections", "load_uncertain_rows",
    "load_extracts", "load_document_sets", "load_interpretations",
    "events_between", "events_for", "person_events", "holders", "holder_on", "person_name", "cite", "short_cite",
    "sources_for", "format_date", "is_uncertain",
]
