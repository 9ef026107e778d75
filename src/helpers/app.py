"""App mode: the timeline explorer and one lesson's exercises on a page without code.

``make app`` serves ``notebooks/app/explorer-app.ipynb`` with Voila (code hidden); its one code cell
calls :func:`page`. The lesson comes from the page's address, ``…/explorer-app.ipynb?lesson=00-start-here``
(Voila hands the kernel the query string in ``$QUERY_STRING``; a pre-warmed kernel from Voila's pool asks
Voila for it once a visitor arrives, see :func:`query_string`); without one, the first lesson after
00-start-here that has a question bank, else 00-start-here.

Each visitor has a kernel of their own, and each kernel its own progress store in a temporary folder
(:func:`visitor_store`), removed when the kernel stops: one visitor's Export never holds another's
answers, and Export makes the file in memory (a download link in the page), never beside the notebook.
The server side (culling idle kernels, a cap on their number) is :mod:`helpers.app_server`.

>>> lesson_from_query("lesson=00-start-here")
'00-start-here'
>>> lesson_from_query("lesson=99-nothing") == default_lesson()
True

This is a view module (it builds widgets); the logic it shows lives in :mod:`helpers.exercises`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from html import escape
from pathlib import Path
from urllib.parse import parse_qs

from .exercises.bank import available_lessons, load_all_banks, load_bank
from .notebooks import lesson_title

#: The query-string key that picks the lesson.
LESSON_KEY = "lesson"


def default_lesson() -> str:
    """The first lesson after 00-start-here with a question bank (00-start-here if there is none)."""
    lessons = available_lessons()
    later = [lesson for lesson in lessons if not lesson.startswith("00-")]
    return later[0] if later else (lessons[0] if lessons else "00-start-here")


_QUERY: list[str] = []
_VISITOR: list = []


def query_string() -> str:
    """The page's query string. Voila puts it in ``$QUERY_STRING`` of a kernel it starts for the visitor; a
    pre-warmed kernel (``--preheat_kernel``) was started before anyone asked, so it waits here until Voila
    hands it to a visitor, then asks Voila for that visitor's query string (once per kernel)."""
    if not _QUERY:
        if os.environ.get("VOILA_PREHEAT") == "True":
            from voila.utils import get_query_string

            _QUERY.append(get_query_string() or "")
        else:
            _QUERY.append(os.environ.get("QUERY_STRING", ""))
    return _QUERY[0]


def visitor_store():
    """This kernel's own progress store (one visitor: one kernel), in a temporary folder removed when the
    kernel stops."""
    if not _VISITOR:
        from .progress import ProgressStore

        folder = tempfile.mkdtemp(prefix="truce-app-visitor-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _VISITOR.append(ProgressStore(Path(folder) / "progress.sqlite"))
    return _VISITOR[0]


def lesson_from_query(query: str | None = None) -> str:
    """The lesson named in a query string (``lesson=01-recognition-1924``), if it has a bank; else the default.

    ``query`` defaults to the page's (:func:`query_string`).
    """
    query = query_string() if query is None else query
    wanted = parse_qs(query.lstrip("?")).get(LESSON_KEY, [""])[0]
    return wanted if wanted in available_lessons() else default_lesson()


#: Exercise types app mode never shows: the explorer has a tab of its own, and a claim (the lesson's closing
#: argument) is written from the lesson's document set and narrative, which the app does not show: there its
#: documents would only be named.
NOT_IN_APP = ("explorer", "claim")


def app_exercises(bank) -> list:
    """The exercises app mode shows: the bank's, in order, less the types in :data:`NOT_IN_APP` and those
    marked ``app: false`` (they need the lesson's code, tables or figures, which the app does not show).

    >>> any(ex.kind == "claim" for ex in app_exercises(load_bank("01-recognition-1924")))
    False
    """
    return [ex for ex in bank if ex.kind not in NOT_IN_APP and ex.app]


def intro_html(bank, lesson: str, shown: int) -> str:
    """The Exercises tab's opening: how many exercises, what to do, and where the lesson's claim is written.

    >>> "written in the lesson itself" in intro_html(load_bank("01-recognition-1924"), "01-recognition-1924", 5)
    True
    """
    title = escape(lesson_title(lesson))
    if shown:
        text = (
            f"{shown} exercise{'s' if shown != 1 else ''} from the lesson “{title}”. Answer, press "
            "<strong>Check</strong>, and read the feedback. Your answers are kept while this page is open; the "
            "panel at the end counts them, and <strong>Export</strong> downloads them to your computer for your "
            "teacher."
        )
    else:
        text = f"The lesson “{title}” has no exercises to answer on this page."
    claims = [ex for ex in bank if ex.kind == "claim"]
    if claims:
        names = " and ".join(f"“{escape(ex.title or ex.id)}”" for ex in claims)
        text += (
            f" The written argument {names} is not here: it is written in the lesson itself, where its "
            "documents are printed in full."
        )
    return f"<h2 style='margin: 0.2em 0; font-size: 1.2em'>{escape(bank.title)}</h2><p>{text}</p>"


def page(lesson: str | None = None, store=None):
    """The app: a tab with the timeline explorer over every event, and a tab with the lesson's exercises
    (those :func:`app_exercises` picks) and its progress panel.

    Returns an ``ipywidgets.Tab``; a notebook cell ending in it shows it.
    """
    import ipywidgets as W

    from .exercises import explorer, show
    from .exercises.widgets import ProgressView

    timeline = explorer().widget  # the same for every lesson: a pre-warmed kernel builds it before a visitor comes
    if lesson is None and os.environ.get("VOILA_PREHEAT") == "True":
        load_all_banks()  # and reads every bank, so the visitor waits only for their lesson's widgets
    lesson = lesson or lesson_from_query()
    store = store if store is not None else visitor_store()
    bank = load_bank(lesson)
    views = [show(ex, store=store) for ex in app_exercises(bank)]
    panel = ProgressView(lesson, store, in_memory=True)
    intro = W.HTML(intro_html(bank, lesson, len(views)))
    exercises = W.VBox([intro, *(v.widget for v in views), panel.widget])
    exercises.add_class("tr-view")  # the pack's layout rules (helpers.exercises.static.VIEW_STYLESHEET)
    tabs = W.Tab(children=[timeline, exercises])
    tabs.set_title(0, "Explore the timeline")
    tabs.set_title(1, "Exercises")
    # Keep the views alive as long as the page: their buttons call methods on them.
    tabs._truce_views = (views, panel)
    return tabs


__all__ = [
    "page",
    "app_exercises",
    "intro_html",
    "NOT_IN_APP",
    "lesson_from_query",
    "default_lesson",
    "query_string",
    "visitor_store",
    "LESSON_KEY",
]
