"""Exercises: question banks, checking and feedback, and their views (widgets and static HTML).

The logic (:mod:`.model`, :mod:`.bank`, :mod:`.generate`, :mod:`.generate_matching`) is plain Python;
:mod:`.widgets` and :mod:`.explorer_view` import ipywidgets only when a view is asked for, so
``import helpers.exercises`` stays cheap.

>>> bank = load_bank("00-start-here")
>>> ex = bank[bank.ids()[0]]
>>> ex.check("").status           # every input gets feedback, never an exception
'empty'

In a notebook: ``show("start-balfour-1918")`` returns the widget view (a cell ending in it shows it).
"""

from __future__ import annotations

from .arranging import Chronology, Matching
from .bank import Bank, available_lessons, get_exercise, load_all_banks, load_bank, validate_banks
from .generate import chronology as generate_chronology
from .generate_matching import documents_to_dates, people_to_offices, quotations_to_speakers
from .model import EXERCISE_REF, SKILLS, TYPES, Attempts, Choice, Exercise, ExplorerSpec, Feedback
from .numeric import Numeric, parse_number
from .static import render, render_bank
from .written import Claim, SourceAnalysis

__all__ = [
    "load_bank",
    "load_all_banks",
    "get_exercise",
    "validate_banks",
    "available_lessons",
    "Bank",
    "show",
    "explorer",
    "progress_summary",
    "render",
    "render_bank",
    "generate_chronology",
    "quotations_to_speakers",
    "people_to_offices",
    "documents_to_dates",
    "Exercise",
    "Choice",
    "Chronology",
    "Matching",
    "Numeric",
    "SourceAnalysis",
    "Claim",
    "ExplorerSpec",
    "Feedback",
    "Attempts",
    "parse_number",
    "SKILLS",
    "TYPES",
    "EXERCISE_REF",
]


def show(exercise, store=None):
    """The widget view of an exercise (an id from any bank, or an Exercise object).

    Returns the view object: a notebook cell ending in it displays it; a test drives it
    (``w = show(id); w.select("b"); w.check_button.click(); w.feedback_html.value``).
    """
    from .widgets import view

    return view(exercise, store)


def explorer(spec=None, events=None):
    """The timeline explorer (ungraded): date-range slider, theme and person filters, timeline and table."""
    from .explorer_view import explorer as make

    return make(spec, events)


def progress_summary(lesson: str, store=None):
    """The progress panel for a lesson: '7 of 12 done', a bar, Refresh and Export buttons."""
    from .widgets import progress_panel

    return progress_panel(lesson, store)
