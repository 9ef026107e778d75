"""Truce and Rupture: Anglo-Soviet relations, 1924–1931, as tables you can question.

Load a table (a typed pandas DataFrame; every row says where its facts come from, or is marked
uncertain with the reason until it can)::

    >>> from helpers import is_uncertain, load_events
    >>> events = load_events()
    >>> all(len(ids) >= 1 or is_uncertain("events", e) for e, ids in zip(events["event_id"], events["source_ids"]))
    True

Ask a question of it::

    >>> from helpers import holder_on, person_name
    >>> person_name(holder_on("uk_foreign_secretary", "1927-05-26"))
    'Austen Chamberlain'

Draw it (``timeline``, ``trade_chart``, ``partners_chart``, ``election_chart``, ``capabilities_chart``),
try an exercise (``show("start-balfour-1918")``), or check the whole data package (``validate()``, what
``make validate`` runs). Bad data raises :class:`DataError`, naming the file, the line and the column.

The names below are the whole of the student's and researcher's kit; ``helpers.lesson`` (boxes for a
lesson's sources), ``helpers.analysis`` (tables derived for a lesson) and ``helpers.exercises`` (question
banks) say more. Everything else in the package is its machinery.
"""

from __future__ import annotations

from .checks import validate
from .data import (
    load_capabilities,
    load_dispute_claims,
    load_disputes,
    load_document_sets,
    load_documents,
    load_elections,
    load_events,
    load_extracts,
    load_figures,
    load_glossary,
    load_interpretations,
    load_offices,
    load_organisations,
    load_people,
    load_posts,
    load_quotations,
    load_references,
    load_table,
    load_trade,
    load_trade_partners,
    load_uncertain_rows,
    table_names,
)
from .errors import DataError
from .queries import (
    cite,
    events_between,
    events_for,
    format_date,
    holder_on,
    holders,
    person_events,
    person_name,
    short_cite,
    sources_for,
)
from .sourcing import is_uncertain

__version__ = "0.1.0"

#: Charts draw with matplotlib and exercises with ipywidgets: both are imported only when first used.
_LAZY = {
    "timeline": "charts",
    "trade_chart": "charts",
    "partners_chart": "charts",
    "election_chart": "charts",
    "capabilities_chart": "charts",
    "show": "exercises",
}
# In a notebook, a DataError is one clear message, not a long traceback and a cascade of NameErrors.
from .errors import show_data_errors_briefly as _show_data_errors_briefly  # noqa: E402

_show_data_errors_briefly()

__all__ = [
    # load a table
    "load_table",
    "table_names",
    "load_events",
    "load_people",
    "load_organisations",
    "load_posts",
    "load_offices",
    "load_documents",
    "load_quotations",
    "load_glossary",
    "load_references",
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
    # ask it a question
    "events_between",
    "events_for",
    "person_events",
    "holders",
    "holder_on",
    "person_name",
    "cite",
    "sources_for",
    "short_cite",
    "format_date",
    "is_uncertain",
    # draw it, try an exercise, check the data
    *_LAZY,
    "validate",
    "DataError",
]


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    """What a learner sees: the names in ``__all__`` (submodules stay importable, but out of sight)."""
    return sorted([*__all__, "__version__"])
