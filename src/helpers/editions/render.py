"""Pages: a prepared notebook as one self-contained handout, and each edition's index.

The handout is nbconvert's "lab" cell markup in this package's template (``templates/handout.html.j2``)
with one stylesheet (``templates/handout.css``, the exercises' and the lessons' styles, code colours):
no script, stylesheet or font from a CDN (no require.js, MathJax or widget manager at all), images
embedded as ``data:`` URIs, and an A4 print layout with a running header.

>>> print(inline("**Teaching:** 50 min; *exercises* < 40"))
<strong>Teaching:</strong> 50 min; <em>exercises</em> &lt; 40
"""

from __future__ import annotations

import base64
import mimetypes
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from html import escape
from pathlib import Path

from .. import _imports as imports
from ..lesson import index_bibliography
from .catalogue import Lesson

PACK = "Truce and Rupture · Anglo-Soviet relations, 1924–1931"
TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Guards the exporter: the build warms it up in a thread while the first lessons run (see :func:`warm_up`).
_EXPORTER_LOCK = threading.Lock()


def warm_up() -> None:
    """Import nbconvert, build the exporter and compile its templates (a second or more, done once)."""
    nbformat = imports.nbformat()
    with _EXPORTER_LOCK:
        _exporter().from_notebook_node(nbformat.v4.new_notebook(), resources=_resources(None, "student"))


@lru_cache(maxsize=1)
def _exporter():
    """One exporter per process (building it compiles the templates)."""
    imports.nbformat()  # before nbconvert imports it: see helpers._imports
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class HandoutExporter(HTMLExporter):
        """nbconvert's HTMLExporter without two costly steps this build does not need: its preprocessors
        (:mod:`.edition` does the work; each one re-validated the whole notebook) and a last BeautifulSoup
        pass over the page that only adds tabindex attributes and stand-in alt texts (:func:`offline` does
        the alt texts). Together they were two thirds of the rendering time."""

        def _preprocess(self, nb, resources):
            return nb, resources

        def from_notebook_node(self, nb, resources=None, **kw):
            try:
                lang = nb.metadata.get("language_info", {})
                lexer = lang.get("pygments_lexer", lang.get("name", None))
                self.register_filter(
                    "highlight_code",
                    self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)),
                )
                resources = self._init_resources(resources)
                self.register_filter(
                    "filter_data_type",
                    WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
                )
            except (AttributeError, TypeError):  # another nbconvert: do it its way
                return super().from_notebook_node(nb, resources, **kw)
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return HandoutExporter(
        template_name="lab",
        extra_template_paths=[str(TEMPLATES)],
        template_file="handout.html.j2",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
    )


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The handout's CSS: the page, the exercises, the lessons' boxes and tables, code colours."""
    from pygments.formatters import HtmlFormatter

    from ..display import STYLESHEET as LESSON
    from ..exercises.static import STYLESHEET as EXERCISES

    page = (TEMPLATES / "handout.css").read_text(encoding="utf-8").split("*/\n", 1)[1]
    return "\n" + page + EXERCISES + LESSON + HtmlFormatter(style="default").get_style_defs(".highlight")


def edition_label(edition: str, core_only: bool = False) -> str:
    """>>> edition_label("student"), edition_label("teacher", core_only=True)
    ('Student edition', 'Teacher edition, core only')
    """
    return f"{edition.capitalize()} edition" + (", core only" if core_only else "")


def _css_string(text: str) -> str:
    """Text as the inside of a CSS string (for the running header): no quote, backslash or tag escapes."""
    return "".join(c if c.isalnum() or c in " ·,.:;-–—()'’" else f"\\{ord(c):x} " for c in text)


def render_handout(
    nb,
    lesson: Lesson,
    edition: str,
    lesson_ids: Iterable[str] = (),
    folder: Path | None = None,
    core_only: bool = False,
) -> str:
    """A prepared notebook (see :func:`helpers.editions.edition.prepare`) as one self-contained HTML page."""
    with _EXPORTER_LOCK:
        html, _ = _exporter().from_notebook_node(nb, resources=_resources(lesson, edition, core_only))
    return offline(html, folder or lesson.path.parent, set(lesson_ids))


def _resources(lesson: Lesson | None, edition: str, core_only: bool = False) -> dict:
    title, lesson_id = (lesson.title, lesson.id) if lesson else ("Truce and Rupture", "")
    return {
        "edition": edition,
        "edition_label": edition_label(edition, core_only),
        "lesson_title": title,
        "lesson_id": lesson_id,
        "css_title": _css_string(title),
        "pack": PACK,
        "handout_css": stylesheet(),
        "metadata": {"name": title},
    }


_LESSON_LINK = re.compile(r'href="(\d\d-[a-z0-9\-]+)\.ipynb(#[^"]*)?"')
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_SRC = re.compile(r"""\ssrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_REMOTE_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>""", re.I)
_REMOTE_LINK = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>""", re.I)


def offline(html: str, folder: Path, lesson_ids: set[str] = frozenset()) -> str:
    """Make a page self-contained: links to other lessons point at their handouts, local images are
    embedded as data: URIs, and nothing (script, stylesheet, image) is fetched from the network."""
    html = _LESSON_LINK.sub(
        lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"' if m.group(1) in lesson_ids else m.group(0), html
    )
    html = _REMOTE_SCRIPT.sub("", html)
    html = _REMOTE_LINK.sub("", html)
    html = focusable_tables(html)
    return _IMG.sub(lambda m: _embed_image(m.group(0), folder), html)


#: An output that holds a pandas table: on screen it scrolls sideways (``overflow-x: auto``).
_TABLE_OUTPUT = re.compile(
    r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*?)(>\s*<div>\s*'
    r'(?:<style scoped>.*?</style>\s*)?<table\b[^>]*\bclass="dataframe")',
    re.S,
)


def focusable_tables(html: str) -> str:
    """Let the keyboard reach (and so scroll) each output that holds a table: tabindex, and a name of its own.

    >>> focusable_tables('<div class="jp-OutputArea-output"><div><table class="dataframe">')
    '<div class="jp-OutputArea-output" tabindex="0" role="region" aria-label="Table 1"><div><table class="dataframe">'
    """
    count = iter(range(1, 10_000))
    return _TABLE_OUTPUT.sub(
        lambda m: f'{m.group(1)} tabindex="0" role="region" aria-label="Table {next(count)}"{m.group(2)}', html
    )


def _embed_image(tag: str, folder: Path) -> str:
    if not re.search(r"\salt\s*=", tag, re.I):
        tag = tag[:4] + ' alt="No description has been provided for this image"' + tag[4:]
    match = _SRC.search(tag)
    if not match or match.group(2).startswith("data:"):
        return tag
    src = match.group(2)
    alt = re.search(r"""\salt\s*=\s*(["'])(.*?)\1""", tag, re.S)
    alt_text = alt.group(2) if alt else "an image"
    path = (folder / src.split("?")[0]).resolve() if not re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.I) else None
    if path is None or not path.is_file():
        return f'<span class="tr-missing-image">[image not embedded: {alt_text}]</span>'
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return tag[: match.start(2)] + f"data:{kind};base64,{data}" + tag[match.end(2) :]


@lru_cache(maxsize=1)
def _index_template():
    from jinja2 import Environment, FileSystemLoader

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, keep_trailing_newline=True
    ).get_template("index.html.j2")


def render_index(lessons: Sequence[Lesson], edition: str, core_only: bool = False) -> str:
    """An edition's index page: each lesson with its title (a link), its questions and its time, then the
    bibliography grouped by tier (:func:`helpers.lesson.index_bibliography`)."""
    items = [
        {
            "id": lesson.id,
            "title": lesson.title,
            "questions": [inline(q) for q in lesson.questions],
            "central_question": inline(lesson.central_question) if lesson.central_question else "",
            "time": (
                f"A {lesson.minutes[1]}-minute paper"  # the final assessment: no teaching, one sitting
                if lesson.time and lesson.minutes[0] == 0 and lesson.minutes[1]
                else inline(lesson.time)
                if lesson.time
                else ""
            ),
        }
        for lesson in lessons
    ]
    return _index_template().render(
        lessons=items,
        edition=edition,
        label=edition_label(edition, core_only),
        pack=PACK,
        css=stylesheet(),
        bibliography=index_bibliography(),
    )


def inline(markdown: str) -> str:
    """Escape a short piece of markdown and keep its **bold** and *italic*."""
    text = escape(" ".join(markdown.split()))
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", text)
