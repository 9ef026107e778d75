"""One edition of an executed lesson, ready to render: widgets replaced by static HTML, cells filtered.

Everything is decided from cell metadata (tags) and from the labels :mod:`.kernel` put on the outputs
(which exercise, which widget), never by searching the cells' source:

- no code is shown: every code cell's input is hidden except in cells tagged ``show-code`` (where reading
  the code is the lesson); outputs, charts, tables and exercises stay;
- the teacher's notes come from the lesson's teacher file (:mod:`helpers.teacher`), never from the
  notebook: the teacher edition gets each note as a boxed cell right after the cell it names; a cell
  tagged ``teacher`` (an old notebook) is dropped from the student edition; ``injected`` and
  ``remove-cell`` cells never appear; ``remove-output`` cells show no output; cells tagged ``extension``
  are marked as extension material by the template; a *core-only* edition leaves them out, with one
  line in their place naming what was left out (a seminar's handout, short enough to print);
- an exercise widget becomes that exercise's static rendering for the edition (for the explorer a bank
  sets up, with the timeline as first drawn, read from the saved widget state); the bare explorer becomes
  its timeline and a note; the progress panel becomes a "Your answers" box; any other widget a note;
- a cell whose code only displays widgets (nothing assigned, defined or printed) shows no code: on paper
  ``show("...")`` means nothing;
- pandas Styler tables get ids numbered in order (pandas picks random ones), so two builds agree.

>>> only_shows('show("a")\\n# a comment\\ndisplay(show("b"))'), only_shows('x = 1\\nshow("a")')
(True, False)
"""

from __future__ import annotations

import ast
import copy
import re
from html import escape

from .execute import Executed
from .kernel import EDITIONS, KEY

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: A pandas Styler's table id, ``T_`` and five random hex digits (its cells' ids start the same).
STYLER_ID = re.compile(r"\bT_([0-9a-f]{5})(?=[_\"'\s{,.:>])")


def prepare(executed: Executed, edition: str, core_only: bool = False):
    """A copy of the executed notebook for one edition (see the module docstring).

    ``core_only`` leaves out every cell tagged ``extension`` (and the teacher notes that follow them); each
    extension section left out (a run's first cell, or a heading naming "Extension" inside a run) becomes one
    line naming its heading.
    """
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, not {edition!r}")
    nb = copy.deepcopy(executed.notebook)
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    styler_ids: dict[str, str] = {}
    notes = teacher_notes(executed.lesson) if edition == "teacher" else {}
    cells = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "injected" in tags or "remove-cell" in tags or ("teacher" in tags and edition != "teacher"):
            continue
        if core_only and "extension" in tags:
            run_goes_on = bool(cells) and "left-out" in cells[-1].metadata.get("tags", [])
            if not run_goes_on or opens_extension(cell):
                cells.append(left_out_note(cell, len(cells)))
            continue
        if cell.cell_type == "code":
            widgets = [out for out in cell.get("outputs", []) if WIDGET_MIME in out.get("data", {})]
            if "show-code" not in tags and "remove-input" not in tags:
                cell.metadata["tags"] = [*tags, "remove-input"]
            cell.outputs = (
                []
                if "remove-output" in tags
                else [
                    _static(out, edition, state, executed.exercises) if out in widgets else _steady(out, styler_ids)
                    for out in cell.get("outputs", [])
                ]
            )
        cells.append(cell)
        cells.extend(notes.get(cell.get("id"), ()))
    nb.cells = cells
    return nb


def teacher_notes(lesson_id: str) -> dict[str, list]:
    """The teacher file's notes as markdown cells tagged ``teacher``, keyed by the id of the cell each
    follows. A note naming a document set carries that set's teacher note from document_sets.csv."""
    import nbformat

    from ..teacher import load_teacher

    found: dict[str, list] = {}
    sets = None
    for note in load_teacher(lesson_id).notes:
        text = note.text
        if note.document_set:
            if sets is None:
                from ..data import load_document_sets

                sets = load_document_sets()
            rows = sets[sets["set_id"] == note.document_set]
            set_note = str(rows["teacher_note"].dropna().iloc[0]) if rows["teacher_note"].notna().any() else ""
            text = "\n\n".join(t for t in (text, f"*Using the document set.* {set_note}" if set_note else "") if t)
        if note.title:
            text = f"**{note.title}.** {text}"
        after = found.setdefault(note.after, [])
        cell = nbformat.v4.new_markdown_cell(text, metadata={"tags": ["teacher"]})
        cell["id"] = f"tn-{note.after}-{len(after) + 1}"  # fixed, so two builds agree byte for byte
        after.append(cell)
    return found


def opens_extension(cell) -> bool:
    """True if the cell opens an extension section: markdown whose first line is a heading naming "Extension".

    >>> import nbformat
    >>> opens_extension(nbformat.v4.new_markdown_cell("### Extension: the raid close up")), opens_extension(
    ...     nbformat.v4.new_markdown_cell("#### How many people were in the building?"))
    (True, False)
    """
    return "Extension" in _heading(cell)


def _heading(cell) -> str:
    """The heading a markdown cell opens with ("" if it opens with none), without its ``#`` marks."""
    if cell.cell_type != "markdown":
        return ""
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    return first.lstrip("#").strip() if first.startswith("#") else ""


def left_out_note(cell, number: int):
    """The line a core-only handout prints where an extension run was left out, naming its heading.

    >>> import nbformat
    >>> left_out_note(nbformat.v4.new_markdown_cell("### Extension: the raid close up\\nText"), 3).source
    '*Left out of this core-only handout: **Extension: the raid close up**. It is in the full handout and in the notebook.*'
    """
    import nbformat

    heading = _heading(cell)
    what = f"**{heading}**" if heading else "an extension section"
    note = nbformat.v4.new_markdown_cell(
        f"*Left out of this core-only handout: {what}. It is in the full handout and in the notebook.*",
        metadata={"tags": ["left-out"]},
    )
    note["id"] = f"left-out-{number}"  # fixed, so two builds agree byte for byte
    return note


def only_shows(source: str) -> bool:
    """True if every statement of the code is a bare call (``show("x")``, ``display(explorer())``)."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return bool(body) and all(isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) for s in body)


def _static(out: dict, edition: str, state: dict, exercises: list[dict]) -> dict:
    """A widget output as static HTML for the edition."""
    found = out.get("metadata", {}).get(KEY, {})
    figure = _explorer_figure(state, out["data"][WIDGET_MIME].get("model_id", ""))
    n = found.get("n")
    if isinstance(n, int) and 0 < n <= len(exercises):
        html = exercises[n - 1][edition]
        if figure and "tr-explorer" in html.split(">", 1)[0]:
            html = _with_figure(html, figure)
    elif found.get("widget") == "progress":
        html = your_answers(edition)
    elif figure or found.get("widget") == "explorer":
        html = (
            f'<section class="tr-exercise tr-explorer"><h3>Explore the events</h3>'
            f"{figure or '<p><em>Interactive: open the notebook to use the timeline explorer.</em></p>'}</section>"
        )
    else:
        html = '<p class="tr-note"><em>An interactive element: open the notebook to use it.</em></p>'
    return {"output_type": "display_data", "metadata": {}, "data": {"text/html": html}}


def _steady(out: dict, ids: dict[str, str]) -> dict:
    """The output with pandas Styler ids numbered in order of appearance instead of random."""
    html = out.get("data", {}).get("text/html")
    if not html:
        return out
    text = "".join(html) if isinstance(html, list) else html
    if "T_" not in text:
        return out
    out = copy.deepcopy(out)
    out["data"]["text/html"] = STYLER_ID.sub(lambda m: "T_" + ids.setdefault(m.group(1), f"s{len(ids) + 1:04d}"), text)
    return out


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
    image = next(
        (
            m["state"].get("value", "")
            for m in models
            if m.get("model_name") == "HTMLModel" and "<img" in m["state"].get("value", "")
        ),
        "",
    )
    if not image:
        return ""
    image = re.search(r"<img\b[^>]*>", image).group(0)
    span = ""
    for m in models:
        s = m.get("state", {})
        if m.get("model_name") == "SelectionRangeSliderModel" and s.get("_options_labels") and s.get("index"):
            labels, (lo, hi) = s["_options_labels"], s["index"]
            span = f" from {labels[lo]} to {labels[hi]}"
    return (
        f'<figure class="tr-figure">{image}<figcaption>The timeline as the explorer first draws it{escape(span)}. '
        f"In the notebook you can change the dates, the theme and the person, and read the matching events "
        f"in a table.</figcaption></figure>"
    )


def _with_figure(section: str, figure: str) -> str:
    marker = "<p><em>Interactive:"
    if marker in section:
        return section.replace(marker, figure + marker, 1)
    return section.replace("</section>", figure + "</section>", 1)


def your_answers(edition: str) -> str:
    """What stands in for the progress panel on paper."""
    if edition == "teacher":
        body = (
            "<p>In the notebook a progress panel stands here: it counts the exercises the student has tried "
            "and <strong>Export my answers (CSV)</strong> writes a file they can send you. On paper, students "
            "write their answers in the ruled spaces.</p>"
        )
    else:
        body = (
            "<p>Write your answers in the spaces above. In the notebook, a panel here counts the exercises you "
            "have tried and can export your answers for your teacher.</p>"
            '<p class="tr-name">Name: <span></span> Date: <span></span></p>'
        )
    heading = "Students' answers" if edition == "teacher" else "Your answers"
    return f'<section class="tr-answers"><h3>{heading}</h3>{body}</section>'
