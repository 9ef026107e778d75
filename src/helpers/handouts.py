"""Printable HTML handouts: every lesson executed in a fresh kernel, rendered as a student and a teacher edition.

``python -m helpers handouts`` (and ``make handouts``) writes::

    build/handouts/student/index.html, NN-slug.html ...   questions, options, ruled space to answer
    build/handouts/teacher/index.html, NN-slug.html ...   the same with answers, explanations, teacher notes

How it works, in four steps:

1. **Execute** the lessons with :func:`helpers.execute.execute_many`: nbclient in this process, lessons in
   parallel on the machine's cores, each in a fresh kernel with a throwaway progress database and the
   network refused. After the last cell an *epilogue* (an injected cell, removed again) renders every
   exercise the lesson shows with :func:`helpers.exercises.static.render`, in both editions, in the same
   kernel (whose question banks are already loaded).
2. **Replace the widgets** (:func:`prepare`): a cell that calls ``show("<id>")`` gets that exercise's static
   rendering instead of its widget; the explorer becomes its timeline as first drawn (read from the saved
   widget state) with a note; the progress panel becomes a "Your answers" note. Cells tagged ``teacher``
   are dropped from the student edition and boxed in the teacher's; the injected cells never appear;
   ``remove-input`` cells show no code.
3. **Render** with nbconvert's ``HTMLExporter`` and this module's template (:data:`TEMPLATE`): no script,
   stylesheet or font from a CDN (no require.js, MathJax or widget manager at all), images embedded as
   ``data:`` URIs, and an A4 print stylesheet (:data:`STYLESHEET`) with a running header.
4. **Write** into a temporary folder beside the output and move into place only when every lesson has
   succeeded: a failed build leaves nothing half-written.

A failing lesson stops the build with :class:`helpers.execute.LessonError` naming the lesson, the cell and
the error. :func:`print_pdfs` (``make pdf``) prints the handouts with headless Chromium.

>>> EDITIONS
('student', 'teacher')
>>> _parse_editions("both"), _parse_editions("teacher")
(('student', 'teacher'), ('teacher',))
"""
from __future__ import annotations

import base64
import copy
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from . import imports
from .execute import Executed, LessonError, execute_many
from .notebooks import Lesson, catalogue

__all__ = ["EDITIONS", "BuildResult", "build", "prepare", "render_handout", "render_index", "select_lessons",
           "print_pdfs", "find_chromium", "LessonError"]

EDITIONS = ("student", "teacher")
PACK = "Truce and Rupture · Anglo-Soviet relations, 1924–1931"

#: A cell that shows an exercise: ``show("some-id")`` (the same pattern the lesson lint uses).
SHOW = re.compile(r"""\bshow\(\s*["']([^"']+)["']""")
EXPLORER = re.compile(r"\bexplorer\(")
PROGRESS = re.compile(r"\bprogress_summary\(")
#: A call that only shows a widget (optionally inside display(...)).
WIDGET_CALL = re.compile(r"(?:\bdisplay\(\s*)?\b(?:show|explorer|progress_summary)\([^()]*\)(?:\s*\))?")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: The mime type of the epilogue's one output: {"exercises": [{"student": html, "teacher": html}, ...]}.
EPILOGUE_MIME = "application/vnd.truce-and-rupture.handout+json"


# --- 1. execution -------------------------------------------------------------------------------------

def exercise_calls(nb) -> list[tuple[int, str]]:
    """(cell index, exercise id) for every ``show("<id>")`` in the notebook's code cells, in order."""
    calls = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "injected" not in cell.metadata.get("tags", []):
            calls.extend((i, ex_id) for ex_id in SHOW.findall(cell.source))
    return calls


def epilogue(nb) -> str | None:
    """Code for the kernel, after the lesson: render each exercise the lesson shows, numbered, both editions.

    Runs in the lesson's own kernel so the question banks it has loaded are reused (loading them afresh in
    the builder would cost seconds). A module-level function, so it can travel to a worker process.
    """
    ids = [ex_id for _, ex_id in exercise_calls(nb)]
    if not ids:
        return None
    return f"""\
def _truce_handout(ids):
    from IPython.display import display
    from helpers.exercises.bank import get_exercise
    from helpers.exercises.static import render
    shown = [{{e: render(get_exercise(i), e, n) for e in {EDITIONS!r}}} for n, i in enumerate(ids, 1)]
    display({{{EPILOGUE_MIME!r}: {{"exercises": shown}}}}, raw=True)
_truce_handout({ids!r})
del _truce_handout
"""


def _exercise_html(executed: Executed) -> list[dict[str, str]]:
    """The epilogue's renderings, or (if it did not run) the same rendered here."""
    for out in executed.epilogue:
        data = out.get("data", {}).get(EPILOGUE_MIME)
        if data:
            return list(data["exercises"])
    return _render_exercises([ex_id for _, ex_id in exercise_calls(executed.notebook)])


def _render_exercises(ids: list[str]) -> list[dict[str, str]]:
    if not ids:
        return []
    from .exercises.bank import get_exercise
    from .exercises.static import render

    return [{e: render(get_exercise(i), e, n) for e in EDITIONS} for n, i in enumerate(ids, 1)]


# --- 2. widgets to static HTML ------------------------------------------------------------------------

def prepare(executed: Executed | object, edition: str, exercises: list[dict[str, str]] | None = None):
    """A copy of an executed notebook ready to render for one edition: widgets replaced, cells filtered.

    ``executed`` is an :class:`Executed` or an executed notebook; ``exercises`` the static renderings in
    show() order (computed here if not given).
    """
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, not {edition!r}")
    if isinstance(executed, Executed):
        source_nb = executed.notebook
        exercises = _exercise_html(executed) if exercises is None else exercises
    else:
        source_nb = executed
        exercises = _render_exercises([i for _, i in exercise_calls(source_nb)]) if exercises is None else exercises
    nb = copy.deepcopy(source_nb)
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    queue = list(exercises)
    cells = []
    for cell in nb.cells:
        tags = list(cell.metadata.get("tags", []))
        if "injected" in tags or "remove-cell" in tags or ("teacher" in tags and edition != "teacher"):
            if cell.cell_type == "code":
                del queue[:len(SHOW.findall(cell.source))]
            continue
        if cell.cell_type == "code":
            _static_outputs(cell, edition, state, queue)
            if "remove-output" in tags:
                cell.outputs = []
        cells.append(cell)
    nb.cells = cells
    return nb


def _static_outputs(cell, edition: str, state: dict, queue: list[dict[str, str]]) -> None:
    """Replace a code cell's widget outputs by their static rendering; hide the code of such cells."""
    ids = SHOW.findall(cell.source)
    widgets = [out for out in cell.get("outputs", []) if WIDGET_MIME in out.get("data", {})]
    if not ids and not widgets:
        return
    html = []
    figures = [_explorer_figure(state, out["data"][WIDGET_MIME].get("model_id", "")) for out in widgets]
    figures = [f for f in figures if f]
    for _ in ids:
        rendered = queue.pop(0)[edition] if queue else ""
        if 'tr-explorer' in rendered.split(">", 1)[0] and figures:
            rendered = _with_figure(rendered, figures.pop(0))
        html.append(rendered)
    if not ids:
        if PROGRESS.search(cell.source):
            html.append(_your_answers(edition))
        elif EXPLORER.search(cell.source) or figures:
            html.extend(f'<section class="tr-exercise tr-explorer"><h3>Explore the events</h3>{fig}</section>'
                        for fig in figures or [_explorer_note()])
        else:
            html.append('<p class="tr-note"><em>An interactive element: open the notebook to use it.</em></p>')
    kept = [out for out in cell.get("outputs", []) if WIDGET_MIME not in out.get("data", {})
            and not (ids and out.get("output_type") == "execute_result")]
    cell.outputs = kept + [{"output_type": "display_data", "metadata": {},
                            "data": {"text/html": "\n".join(html)}}]
    tags = cell.metadata.setdefault("tags", [])
    if "remove-input" not in tags and not WIDGET_CALL.sub("", re.sub(r"#.*", "", cell.source)).strip(" \n;,"):
        tags.append("remove-input")  # a cell that only shows a widget: `show("...")` means nothing on paper


def _widget_tree(state: dict, model_id: str) -> list[dict]:
    """The models under a widget, depth first, in the order they are shown."""
    found, stack, seen = [], [model_id], set()
    while stack:
        mid = stack.pop()
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        model = state[mid]
        found.append(model)
        children = model.get("state", {}).get("children", [])
        stack.extend(reversed([c.removeprefix("IPY_MODEL_") for c in children if isinstance(c, str)]))
    return found


def _explorer_figure(state: dict, model_id: str) -> str:
    """The explorer's timeline as it was first drawn, with a caption naming its date range, or ''."""
    models = _widget_tree(state, model_id)
    image = next((m["state"].get("value", "") for m in models
                  if m.get("model_name") == "HTMLModel" and "<img" in m["state"].get("value", "")), "")
    if not image:
        return ""
    image = re.search(r"<img\b[^>]*>", image).group(0)
    span = ""
    for m in models:
        s = m.get("state", {})
        if m.get("model_name") == "SelectionRangeSliderModel" and s.get("_options_labels") and s.get("index"):
            labels, (lo, hi) = s["_options_labels"], s["index"]
            span = f" from {labels[lo]} to {labels[hi]}"
    return (f'<figure class="tr-figure">{image}<figcaption>The timeline as the explorer first draws it{escape(span)}. '
            f"In the notebook you can change the dates, the theme and the person, and read the matching events "
            f"in a table.</figcaption></figure>")


def _with_figure(section: str, figure: str) -> str:
    marker = "<p><em>Interactive:"
    if marker in section:
        return section.replace(marker, figure + marker, 1)
    return section.replace("</section>", figure + "</section>", 1)


def _explorer_note() -> str:
    return "<p><em>Interactive: open the notebook to use the timeline explorer.</em></p>"


def _your_answers(edition: str) -> str:
    if edition == "teacher":
        body = ("<p>In the notebook a progress panel stands here: it counts the exercises the student has tried "
                "and <strong>Export my answers (CSV)</strong> writes a file they can send you. On paper, students "
                "write their answers in the ruled spaces.</p>")
    else:
        body = ("<p>Write your answers in the spaces above. In the notebook, a panel here counts the exercises you "
                "have tried and can export your answers for your teacher.</p>"
                '<p class="tr-name">Name: <span></span> Date: <span></span></p>')
    heading = "Students' answers" if edition == "teacher" else "Your answers"
    return f'<section class="tr-answers"><h3>{heading}</h3>{body}</section>'


# --- 3. rendering --------------------------------------------------------------------------------------

#: The handout page: nbconvert's "lab" cell markup, this module's stylesheet, nothing loaded from anywhere.
TEMPLATE = r"""{%- extends 'base.html.j2' -%}
{%- block header -%}
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="helpers.handouts ({{ resources.edition }} edition)">
<title>{{ resources.lesson_title | e }} · {{ resources.edition_label | e }}</title>
<style>{{ resources.handout_css }}</style>
<style>@page { @top-left { content: "{{ resources.css_title }}"; } @top-right { content: "{{ resources.edition_label }}"; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }</style>
</head>
{%- endblock header -%}
{%- block body_header -%}
<body class="tr-handout tr-edition-{{ resources.edition }}">
<header class="tr-banner">
<span class="tr-pack">{{ resources.pack | e }}</span>
<span class="tr-edition">{{ resources.edition_label | e }}</span>
{%- if resources.edition == 'teacher' %}
<p class="tr-warn">Teacher edition: contains answers, explanations and teacher notes. Not for students.</p>
{%- endif %}
<nav class="tr-screen"><a href="index.html">All handouts</a></nav>
</header>
<main>
{%- endblock body_header -%}
{%- block any_cell scoped -%}
{%- set tags = cell.metadata.get('tags', []) -%}
{%- if 'injected' in tags or 'remove-cell' in tags -%}
{%- elif 'teacher' in tags -%}
{%- if resources.edition == 'teacher' -%}
<aside class="tr-teacher-note" aria-label="Teacher note">
<p class="tr-teacher-label">✎ Teacher note <span>(teacher edition only)</span></p>
{{ super() }}
</aside>
{%- endif -%}
{%- else -%}
{{ super() }}
{%- endif -%}
{%- endblock any_cell -%}
{%- block input_group -%}
{%- if 'remove-input' not in cell.metadata.get('tags', []) -%}
{{ super() }}
{%- endif -%}
{%- endblock input_group -%}
{%- block input -%}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
<div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
</div>
</div>
{%- endblock input -%}
{%- block body_footer -%}
</main>
<footer class="tr-footer">{{ resources.pack | e }} · {{ resources.lesson_id | e }} · {{ resources.edition_label | e }}</footer>
</body>
{%- endblock body_footer -%}
{%- block footer -%}
</html>
{%- endblock footer -%}
"""

#: Screen and A4 print styles for every handout (no web fonts: the reader's own serif and monospace).
STYLESHEET = r"""
*, *::before, *::after { box-sizing: border-box; }
:root { --tr-ink: #1a1a1a; --tr-soft: #555; --tr-rule: #bbb; --tr-accent: #1f5f99; --tr-teacher: #8a5a00; }
html { background: #fff; }
body.tr-handout { color: var(--tr-ink); font: 16px/1.5 Georgia, "DejaVu Serif", "Times New Roman", serif;
  max-width: 50em; margin: 0 auto; padding: 1em 1.5em 3em; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; line-height: 1.25; }
h1 { font-size: 1.8em; margin: 0.4em 0 0.3em; } h2 { font-size: 1.35em; margin-top: 1.4em; }
h3 { font-size: 1.12em; } a { color: var(--tr-accent); } a.anchor-link { display: none; }
.tr-banner { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.3em 1em; align-items: baseline;
  border-bottom: 2px solid var(--tr-ink); padding-bottom: 0.3em; margin-bottom: 0.8em;
  font: 0.85em/1.4 "DejaVu Sans", Arial, sans-serif; }
.tr-edition { font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; }
.tr-edition-teacher .tr-edition { color: var(--tr-teacher); }
.tr-warn { flex-basis: 100%; margin: 0.2em 0 0; padding: 0.3em 0.6em; border: 2px solid var(--tr-teacher);
  color: var(--tr-teacher); font-weight: bold; }
.tr-banner nav { flex-basis: 100%; }
.tr-footer { margin-top: 3em; border-top: 1px solid var(--tr-rule); padding-top: 0.4em; color: var(--tr-soft);
  font: 0.8em "DejaVu Sans", Arial, sans-serif; }
.jp-Cell { margin: 0.6em 0; }
.jp-InputArea-editor { background: #f6f6f4; border-left: 3px solid var(--tr-rule); padding: 0.3em 0.7em;
  margin: 0.5em 0; font-size: 0.85em; }
pre, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.3em 0; }
.jp-InputArea-editor pre { margin: 0; }
.jp-RenderedText pre { font-size: 0.85em; }
.jp-OutputArea-output { overflow-x: auto; }
.jp-RenderedHTMLCommon table, .tr-table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
.jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon td { border-bottom: 1px solid #ddd; padding: 0.2em 0.5em;
  text-align: left; vertical-align: top; }
.tr-table { width: 100%; }
.tr-table th:last-child, .tr-table td:last-child { width: 30%; font-size: 0.88em; }
.jp-RenderedHTMLCommon caption { caption-side: top; text-align: left; font-style: italic; color: var(--tr-soft); }
img { max-width: 100%; height: auto; }
blockquote { margin: 0.5em 0 0.5em 1em; }
.tr-teacher-note { border: 2px dashed var(--tr-teacher); background: #fff8e6; padding: 0.2em 0.9em; margin: 1em 0; }
.tr-teacher-label { margin: 0.4em 0 0; color: var(--tr-teacher); font: bold 0.85em "DejaVu Sans", Arial, sans-serif;
  text-transform: uppercase; letter-spacing: 0.05em; }
.tr-teacher-label span { text-transform: none; font-weight: normal; }
.tr-key:empty { display: none; }
.tr-edition-teacher .tr-key { background: #fff8e6; border-left: 4px solid var(--tr-teacher); padding: 0.2em 0.6em; }
.tr-edition-teacher .tr-key::before { content: "✎ For the teacher"; display: block; color: var(--tr-teacher);
  font: bold 0.8em "DejaVu Sans", Arial, sans-serif; text-transform: uppercase; letter-spacing: 0.05em; }
.tr-exercise h3 { font-family: "DejaVu Sans", Arial, sans-serif; }
.tr-ruled div { height: 2em; border-bottom: 1px solid #999; }
.tr-answers { border: 1px solid var(--tr-rule); padding: 0.3em 0.9em; margin: 1em 0; }
.tr-name span { display: inline-block; width: 14em; border-bottom: 1px solid #999; margin-right: 1em; }
.tr-index-lesson { border-top: 1px solid var(--tr-rule); padding: 0.4em 0; }
.tr-index-lesson h2 { margin: 0.4em 0 0.2em; }
.tr-index-lesson .tr-time { color: var(--tr-soft); font-size: 0.9em; }
.tr-missing-image { border: 1px dashed var(--tr-rule); padding: 0.2em 0.5em; font-style: italic; }
@page { size: A4; margin: 18mm 15mm 18mm 15mm;
  @top-left { font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }
  @top-right { font: bold 8.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }
  @bottom-left { content: "Truce and Rupture"; font: 8pt "DejaVu Sans", Arial, sans-serif; color: #777; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt "DejaVu Sans", Arial, sans-serif;
    color: #777; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body.tr-handout { font-size: 10.5pt; max-width: none; padding: 0; margin: 0; }
  .tr-screen { display: none; }
  a { color: inherit; text-decoration: none; }
  pre, code { white-space: pre-wrap !important; overflow-wrap: anywhere; word-break: break-word; }
  .jp-OutputArea-output { overflow: visible; }
  .jp-RenderedHTMLCommon table, .tr-table { font-size: 8.5pt; }
  h1, h2, h3, h4, .tr-teacher-label { break-after: avoid; page-break-after: avoid; }
  .jp-CodeCell .jp-Cell-inputWrapper { break-after: avoid; page-break-after: avoid; }
  .jp-CodeCell .jp-InputArea, figure, img, tr, .tr-exercise, .tr-box, .tr-source, .tr-answers, .tr-figure,
  .tr-teacher-note, blockquote, .tr-ruled { break-inside: avoid; page-break-inside: avoid; }
  .tr-ruled div { height: 9mm; border-bottom: 0.6pt solid #777; }
  .tr-banner { margin-bottom: 4mm; }
  p, li { orphans: 3; widows: 3; }
  .tr-footer { display: none; }
}
"""


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
    imports.nbformat()  # before nbconvert imports it: see helpers.imports
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class HandoutExporter(HTMLExporter):
        """nbconvert's HTMLExporter without two costly steps this build does not need: its preprocessors
        (:func:`prepare` does the work; each one re-validated the whole notebook) and a last BeautifulSoup
        pass over the page that only adds tabindex attributes and stand-in alt texts (:func:`offline` does
        the alt texts). Together they were two thirds of the rendering time."""

        def _preprocess(self, nb, resources):
            return nb, resources

        def from_notebook_node(self, nb, resources=None, **kw):
            try:
                lang = nb.metadata.get("language_info", {})
                lexer = lang.get("pygments_lexer", lang.get("name", None))
                self.register_filter("highlight_code", self.filters.get(
                    "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
                resources = self._init_resources(resources)
                self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                    notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            except (AttributeError, TypeError):  # another nbconvert: do it its way
                return super().from_notebook_node(nb, resources, **kw)
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return HandoutExporter(template_name="lab", extra_loaders=[DictLoader({"truce-handout.html.j2": TEMPLATE})],
                           template_file="truce-handout.html.j2", exclude_input_prompt=True,
                           exclude_output_prompt=True, exclude_anchor_links=True)


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    from pygments.formatters import HtmlFormatter

    from .exercises.static import STYLESHEET as EXERCISES
    from .lesson import _STYLE as LESSON

    lesson_css = LESSON.replace("<style>", "").replace("</style>", "")
    return STYLESHEET + EXERCISES + lesson_css + HtmlFormatter(style="default").get_style_defs(".highlight")


def _edition_label(edition: str) -> str:
    return f"{edition.capitalize()} edition"


def _css_string(text: str) -> str:
    """Text as the inside of a CSS string (for the running header): no quote, backslash or tag escapes."""
    return "".join(c if c.isalnum() or c in " ·,.:;-–—()'’" else f"\\{ord(c):x} " for c in text)


def render_handout(nb, lesson: Lesson, edition: str, lesson_ids: Iterable[str] = (),
                   folder: Path | None = None) -> str:
    """A prepared notebook (see :func:`prepare`) as one self-contained HTML page."""
    with _EXPORTER_LOCK:
        html, _ = _exporter().from_notebook_node(nb, resources=_resources(lesson, edition))
    return offline(html, folder or lesson.path.parent, set(lesson_ids))


def _resources(lesson: Lesson | None, edition: str) -> dict:
    title, lesson_id = (lesson.title, lesson.id) if lesson else ("Truce and Rupture", "")
    return {"edition": edition, "edition_label": _edition_label(edition), "lesson_title": title,
            "lesson_id": lesson_id, "css_title": _css_string(title), "pack": PACK,
            "handout_css": _stylesheet(), "metadata": {"name": title}}


_LESSON_LINK = re.compile(r'href="(\d\d-[a-z0-9\-]+)\.ipynb(#[^"]*)?"')
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_SRC = re.compile(r"""\ssrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_REMOTE_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>""", re.I)
_REMOTE_LINK = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>""", re.I)


def offline(html: str, folder: Path, lesson_ids: set[str] = frozenset()) -> str:
    """Make a page self-contained: links to other lessons point at their handouts, local images are
    embedded as data: URIs, and nothing (script, stylesheet, image) is fetched from the network."""
    html = _LESSON_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"' if m.group(1) in lesson_ids
                            else m.group(0), html)
    html = _REMOTE_SCRIPT.sub("", html)
    html = _REMOTE_LINK.sub("", html)
    html = focusable_tables(html)
    return _IMG.sub(lambda m: _embed_image(m.group(0), folder), html)


#: An output that holds a pandas table: on screen it scrolls sideways (``overflow-x: auto``).
_TABLE_OUTPUT = re.compile(r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*?)(>\s*<div>\s*'
                           r'(?:<style scoped>.*?</style>\s*)?<table\b[^>]*\bclass="dataframe")', re.S)


def focusable_tables(html: str) -> str:
    """Let the keyboard reach (and so scroll) each output that holds a table: tabindex, and a name of its own.

    >>> focusable_tables('<div class="jp-OutputArea-output"><div><table class="dataframe">')
    '<div class="jp-OutputArea-output" tabindex="0" role="region" aria-label="Table 1"><div><table class="dataframe">'
    """
    count = iter(range(1, 10_000))
    return _TABLE_OUTPUT.sub(lambda m: f'{m.group(1)} tabindex="0" role="region" aria-label="Table {next(count)}"'
                                       f"{m.group(2)}", html)


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
    return tag[:match.start(2)] + f"data:{kind};base64,{data}" + tag[match.end(2):]


def render_index(lessons: Sequence[Lesson], edition: str) -> str:
    """An edition's index page: each lesson with its title (a link), its questions and its time."""
    items = []
    for lesson in lessons:
        questions = "".join(f"<li>{_inline(q)}</li>" for q in lesson.questions)
        time_line = f'<p class="tr-time"><strong>Time:</strong> {_inline(lesson.time)}</p>' if lesson.time else ""
        items.append(f'<section class="tr-index-lesson"><h2><a href="{escape(lesson.id)}.html">{escape(lesson.title)}</a></h2>'
                     + (f"<p><strong>Questions</strong></p><ul>{questions}</ul>" if questions else "")
                     + time_line + "</section>")
    label = _edition_label(edition)
    note = ("<p class=\"tr-warn\">Teacher edition: contains answers, explanations and teacher notes. "
            "Not for students.</p>") if edition == "teacher" else ""
    return (f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<title>Truce and Rupture · handouts · {label}</title>\n<style>{_stylesheet()}</style>\n"
            f'<style>@page {{ @top-left {{ content: "Truce and Rupture: the lessons"; }} '
            f'@top-right {{ content: "{label}"; }} }}\n@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}'
            f'</style>\n</head>\n'
            f'<body class="tr-handout tr-edition-{edition}">\n<header class="tr-banner"><span class="tr-pack">{escape(PACK)}</span>'
            f'<span class="tr-edition">{label}</span>{note}</header>\n<main>\n<h1>The lessons</h1>\n'
            f"<p>{len(lessons)} handout{'s' if len(lessons) != 1 else ''}, one per lesson. Open one to read or print it "
            f"(A4).</p>\n" + "\n".join(items) + "\n</main>\n</body>\n</html>\n")


def _inline(markdown: str) -> str:
    """Escape a short piece of markdown and keep its **bold** and *italic*."""
    text = escape(" ".join(markdown.split()))
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", text)


# --- 4. the build --------------------------------------------------------------------------------------

@dataclass
class BuildResult:
    out: Path
    editions: tuple[str, ...]
    lessons: list[str]
    files: list[Path]
    seconds: float


def select_lessons(lessons: Sequence[Lesson], wanted: str | Iterable[str] | None) -> list[Lesson]:
    """Lessons chosen by number ('01'), full name ('01-recognition-1924') or a comma-separated list of them.

    >>> from types import SimpleNamespace as L
    >>> found = [L(id="00-start-here", number="00"), L(id="06-rupture-1927", number="06")]
    >>> [x.id for x in select_lessons(found, "6")]
    ['06-rupture-1927']
    """
    if wanted is None:
        return list(lessons)
    names = [w.strip() for w in (wanted.split(",") if isinstance(wanted, str) else wanted) if w.strip()]
    chosen = []
    for name in names:
        key = name.removesuffix(".ipynb")
        match = [lesson for lesson in lessons if key in (lesson.id, lesson.number)
                 or (key.isdigit() and len(key) < 2 and lesson.number == key.zfill(2))]
        if not match:
            have = ", ".join(lesson.id for lesson in lessons) or "none"
            raise KeyError(f"no lesson {name!r} in notebooks/ (lessons: {have})")
        chosen.extend(m for m in match if m not in chosen)
    return sorted(chosen, key=lambda lesson: lesson.id)


def _parse_editions(editions: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(editions, str):
        editions = EDITIONS if editions == "both" else (editions,)
    editions = tuple(e for e in EDITIONS if e in set(editions))
    if not editions:
        raise ValueError(f"editions must be among {EDITIONS}")
    return editions


class _Progress:
    """Lesson-by-lesson lines with elapsed time, on a terminal; silent otherwise."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total, self.done, self.start = total, 0, time.perf_counter()

    def say(self, text: str) -> None:
        if self.enabled:
            print(text, file=self.stream, flush=True)

    def lesson(self, lesson_id: str, seconds: float) -> None:
        self.done += 1
        self.say(f"  [{self.done}/{self.total}] {lesson_id:<32} ran in {seconds:5.1f} s · "
                 f"{time.perf_counter() - self.start:6.1f} s elapsed")


def build(lessons: str | Iterable[str] | None = None, editions: str | Iterable[str] = EDITIONS,
          out: Path | str = "build/handouts", workers: int | None = None, folder: Path | None = None,
          progress: bool | None = None, timeout: int = 180) -> BuildResult:
    """Execute lessons and write their handouts; see the module docstring.

    ``lessons``: None for every lesson in ``folder`` (default notebooks/), or numbers/names ('01,06').
    ``progress``: None shows progress only when stderr is a terminal. Raises :class:`LessonError` if a
    lesson fails, leaving the output folder as it was.
    """
    start = time.perf_counter()
    editions = _parse_editions(editions)
    every = catalogue(folder)
    chosen = select_lessons(every, lessons)
    if not chosen:
        raise KeyError(f"no lessons found in {folder or 'notebooks/'}")
    out = Path(out)
    full = lessons is None
    report = _Progress(len(chosen), enabled=progress)
    cores = max(1, min(workers or os.cpu_count() or 1, len(chosen)))
    report.say(f"Building {len(chosen)} lesson{'s' if len(chosen) != 1 else ''} × {len(editions)} "
               f"edition{'s' if len(editions) != 1 else ''} on {cores} core{'s' if cores != 1 else ''} → {out}")
    made_parent = not out.parent.exists()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    by_path = {lesson.path.resolve(): lesson for lesson in chosen}
    ids = {lesson.id for lesson in every}
    try:
        for edition in editions:
            (tmp / edition).mkdir()

        def write(executed: Executed) -> None:
            lesson = by_path[executed.path.resolve()]
            exercises = _exercise_html(executed)
            for edition in editions:
                nb = prepare(executed, edition, exercises)
                html = render_handout(nb, lesson, edition, ids, lesson.path.parent)
                (tmp / edition / f"{lesson.id}.html").write_text(html, encoding="utf-8")
            report.lesson(lesson.id, executed.seconds)

        execute_many([lesson.path for lesson in chosen], workers=cores, timeout=timeout, on_done=write,
                     epilogue=epilogue, on_start=threading.Thread(target=warm_up, daemon=True).start)
        files = _install(tmp, out, editions, every, chosen, full)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if made_parent:
            _remove_if_empty(out.parent)
        raise
    shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.perf_counter() - start
    report.say(f"Wrote {len(files)} files to {out} in {seconds:.1f} s "
               f"({', '.join(str(out / e / 'index.html') for e in editions)})")
    return BuildResult(out, editions, [lesson.id for lesson in chosen], files, seconds)


def _install(tmp: Path, out: Path, editions: tuple[str, ...], every: list[Lesson], chosen: list[Lesson],
             full: bool) -> list[Path]:
    """Write the indexes, then move each edition into place (a whole folder at once on a full build)."""
    files = []
    for edition in editions:
        staged, final = tmp / edition, out / edition
        present = {lesson.id for lesson in chosen}
        if not full and final.is_dir():  # a partial build keeps the handouts already there
            present |= {p.stem for p in final.glob("*.html")}
        listed = [lesson for lesson in every if lesson.id in present]
        (staged / "index.html").write_text(render_index(listed, edition), encoding="utf-8")
        out.mkdir(exist_ok=True)
        if full or not final.exists():
            old = tmp / f"old-{edition}"
            if final.exists():
                final.rename(old)
            staged.rename(final)
        else:
            for path in staged.iterdir():
                os.replace(path, final / path.name)
        files.extend(final / name for name in ["index.html", *(f"{lesson.id}.html" for lesson in chosen)])
    return files


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


# --- PDF -----------------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--no-pdf-header-footer")


def find_chromium() -> str | None:
    """Debian's ``chromium`` (or another Chromium/Chrome on PATH)."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_command(chromium: str, profile: Path, *args: str) -> list[str]:
    return [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]


def print_pdf(html: Path, pdf: Path | None = None, chromium: str | None = None, timeout: int = 120) -> Path:
    """Print one handout to PDF (A4, the handout's own running header) with headless Chromium."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise FileNotFoundError("Chromium is not installed: apt-get install chromium (make pdf does it)")
    html = Path(html).resolve()
    pdf = Path(pdf or html.with_suffix(".pdf")).resolve()
    with tempfile.TemporaryDirectory(prefix="truce-chromium-") as profile:
        partial = Path(profile) / "out.pdf"
        cmd = chromium_command(chromium, Path(profile) / "profile", f"--print-to-pdf={partial}", html.as_uri())
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                             env={**os.environ, "HOME": profile})
        if run.returncode != 0 or not partial.is_file() or partial.stat().st_size == 0:
            tail = "\n".join((run.stderr or "").strip().splitlines()[-5:])
            raise RuntimeError(f"Chromium could not print {html.name} (exit {run.returncode}):\n{tail}")
        shutil.move(str(partial), pdf)
    return pdf


def print_pdfs(out: Path | str = "build/handouts", editions: str | Iterable[str] = EDITIONS,
               workers: int | None = None, progress: bool | None = None,
               chromium: str | None = None) -> list[Path]:
    """Print every handout (not the indexes) of the given editions to a PDF beside it."""
    out = Path(out)
    pages = [p for e in _parse_editions(editions) for p in sorted((out / e).glob("[0-9][0-9]-*.html"))]
    if not pages:
        raise FileNotFoundError(f"no handouts in {out}: run `make handouts` first")
    report = _Progress(len(pages), enabled=progress)
    chromium = chromium or find_chromium()

    def one(page: Path) -> Path:
        t = time.perf_counter()
        pdf = print_pdf(page, chromium=chromium)
        report.lesson(f"{page.parent.name}/{pdf.name}", time.perf_counter() - t)
        return pdf

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        return list(pool.map(one, pages))
