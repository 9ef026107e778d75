"""Printable editions of the lessons: every lesson run in a fresh kernel (or reused, if nothing it depends
on changed), written as a student and a teacher handout, and printed to PDF.

``python -m helpers handouts`` (``make handouts``) writes::

    build/handouts/student/index.html, NN-slug.html ...   questions, options, ruled space to answer
    build/handouts/teacher/index.html, NN-slug.html ...   the same with answers, explanations, teacher notes

One job per module, in the order a build uses them:

- :mod:`.catalogue`  the one list of lessons (titles, questions, times; the navigation line);
- :mod:`.cache`      executed lessons kept between builds, keyed by everything a run depends on;
- :mod:`.execute`    running a lesson in a fresh kernel (the only user of nbclient), with :mod:`.kernel`,
                     the code that runs inside that kernel;
- :mod:`.edition`    one edition of an executed lesson: teacher cells, widgets as static HTML;
- :mod:`.render`     the page (``templates/handout.html.j2`` and ``handout.css``) and the index;
- :mod:`.builder`    the build itself; :mod:`.pdf`, printing with headless Chromium.

>>> EDITIONS
('student', 'teacher')
"""

from __future__ import annotations

from .builder import BuildResult, build, parse_editions
from .catalogue import Lesson, catalogue, select_lessons
from .edition import prepare
from .execute import Executed, LessonError, execute, execute_many
from .kernel import EDITIONS
from .pdf import find_chromium, print_pdf, print_pdfs
from .render import render_handout, render_index, warm_up

__all__ = [
    "EDITIONS",
    "BuildResult",
    "Executed",
    "Lesson",
    "LessonError",
    "build",
    "catalogue",
    "execute",
    "execute_many",
    "find_chromium",
    "parse_editions",
    "prepare",
    "print_pdf",
    "print_pdfs",
    "render_handout",
    "render_index",
    "select_lessons",
    "warm_up",
]
