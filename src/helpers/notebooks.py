"""The lesson catalogue under its old name (lesson 00 and some tests import it): see
:mod:`helpers.editions.catalogue`, where the one list of lessons lives.

>>> from helpers.notebooks import catalogue
>>> catalogue()[0].id
'00-start-here'
"""

from __future__ import annotations

from .editions.catalogue import (
    LESSON_NAME,
    Lesson,
    bullets,
    catalogue,
    cell_text,
    lesson_ids,
    lesson_title,
    navigation_markdown,
    notebooks_dir,
    read_notebook,
    section,
    select_lessons,
    update_navigation,
)

__all__ = [
    "LESSON_NAME",
    "Lesson",
    "bullets",
    "catalogue",
    "cell_text",
    "lesson_ids",
    "lesson_title",
    "navigation_markdown",
    "notebooks_dir",
    "read_notebook",
    "section",
    "select_lessons",
    "update_navigation",
]
