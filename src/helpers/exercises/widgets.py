"""Thin ipywidgets views of the exercises: controls, a Check button, feedback, and progress saving.

Each entry point returns a view object; a notebook shows it, and a test drives it as a student would::

    >>> from helpers.exercises import load_bank
    >>> from helpers.progress import ProgressStore
    >>> import tempfile, os
    >>> store = ProgressStore(os.path.join(tempfile.mkdtemp(), "p.sqlite"))
    >>> ex = next(e for e in load_bank("00-start-here") if e.kind == "choice")
    >>> w = choice(ex, store=store)
    >>> w.select(ex.answer[0]); w.check_button.click()
    >>> "✔ Correct." in w.feedback_html.value
    True
    >>> store.attempts()[0]["correct"]
    True

The base view is in :mod:`.view_base`; the written exercises' views (source analysis, claim) are in
:mod:`.written_views`.
"""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..progress import ProgressStore, default_store
from .arranging import Chronology, Matching
from .model import Choice, Exercise, ExplorerSpec
from .numeric import Numeric
from .static import warning_html
from .view_base import _LABEL_STYLE, _PANELS, _WIDE, ExerciseView
from .written import Claim, SourceAnalysis
from .written_views import ClaimView, SourceAnalysisView


class ChoiceView(ExerciseView):
    """Radio buttons (one answer) or checkboxes (several answers)."""

    def controls(self) -> list[W.Widget]:
        ex: Choice = self.exercise
        shown = ex.display_order  # a fixed shuffle: the same order and letters as the handout
        labels = [(f"{ex.label(o.id)}) {o.text}", o.id) for o in shown]
        if ex.multiple:
            self.boxes = {
                o.id: W.Checkbox(value=False, description=label, indent=False, layout=_WIDE)
                for label, o in zip((lbl for lbl, _ in labels), shown)
            }
            note = W.HTML("<em>Tick every option that applies.</em>")
            return [note, W.VBox(list(self.boxes.values()), layout=_WIDE)]
        self.radio = W.RadioButtons(
            options=labels, value=None, description="Your answer:", style=_LABEL_STYLE, layout=_WIDE
        )
        return [self.radio]

    def select(self, *option_ids: str) -> None:
        """Choose options as a student would (a test helper): ``view.select("b")``."""
        ex: Choice = self.exercise
        if ex.multiple:
            for oid, box in self.boxes.items():
                box.value = oid in option_ids
        else:
            self.radio.value = option_ids[0] if option_ids else None

    def answer(self) -> Any:
        if self.exercise.multiple:
            return [oid for oid, box in self.boxes.items() if box.value]
        return self.radio.value or ""


class ChronologyView(ExerciseView):
    """The items in a list the student reorders with Up and Down buttons (one row per position).

    The rows are made once; moving an item only rewrites the labels, so no widgets pile up.
    """

    def controls(self) -> list[W.Widget]:
        ex: Chronology = self.exercise
        self.order: list[str] = list(ex.display_order())
        self._rows = []
        for position in range(len(self.order)):
            up = W.Button(description="Up", icon="arrow-up", layout=W.Layout(width="5.5em"))
            down = W.Button(description="Down", icon="arrow-down", layout=W.Layout(width="6.5em"))
            up.on_click(lambda _b, p=position: self.move(self.order[p], -1))
            down.on_click(lambda _b, p=position: self.move(self.order[p], +1))
            self._rows.append((up, down, W.HTML()))
        self.rows = W.VBox([W.HBox(list(row)) for row in self._rows], layout=_WIDE)
        self._draw()
        return [W.HTML("<em>Earliest at the top. Use Up and Down to move an event.</em>"), self.rows]

    def _draw(self) -> None:
        ex: Chronology = self.exercise
        last = len(self.order) - 1
        for position, (item_id, (up, down, label)) in enumerate(zip(self.order, self._rows)):
            item = ex.item(item_id)
            up.tooltip, up.disabled = f"Move “{item.text}” earlier", position == 0
            down.tooltip, down.disabled = f"Move “{item.text}” later", position == last
            label.value = f"<span><strong>{position + 1}.</strong> [{escape(item.id)}] {escape(item.text)}</span>"

    def move(self, item_id: str, step: int) -> None:
        """Move an item up (step -1) or down (+1)."""
        i = self.order.index(item_id)
        j = min(max(i + step, 0), len(self.order) - 1)
        self.order[i], self.order[j] = self.order[j], self.order[i]
        self._draw()

    def set_order(self, item_ids) -> None:
        """Put the items in this order (a test helper); ids not in the exercise are ignored."""
        known = [i for i in item_ids if i in self.order]
        self.order = known + [i for i in self.order if i not in known]
        self._draw()

    def answer(self) -> Any:
        return list(self.order)


class MatchingView(ExerciseView):
    """One drop-down per left-hand item, listing the right-hand choices."""

    def controls(self) -> list[W.Widget]:
        ex: Matching = self.exercise
        choices = [("— choose —", "")] + [
            (f"{r.id}) {ex.right_item(r.id).text}", r.id) for r in (ex.right_item(i) for i in ex.right_display_order())
        ]
        self.dropdowns: dict[str, W.Dropdown] = {}
        rows: list[W.Widget] = [
            W.HTML(f"<em>For each {escape(ex.left_label.lower())}, choose the {escape(ex.right_label.lower())}.</em>")
        ]
        for item in ex.left:
            dropdown = W.Dropdown(
                options=choices,
                value="",
                description=f"{ex.right_label} for {item.id}:",
                style=_LABEL_STYLE,
                layout=W.Layout(width="auto"),
            )
            self.dropdowns[item.id] = dropdown
            rows.append(W.HTML(f"<p><strong>{escape(item.id)}.</strong> {escape(item.text)}</p>", layout=_WIDE))
            rows.append(dropdown)
        return rows

    def match(self, left_id: str, right_id: str) -> None:
        """Choose ``right_id`` for ``left_id`` (a test helper)."""
        self.dropdowns[left_id].value = right_id

    def answer(self) -> Any:
        return {left: d.value for left, d in self.dropdowns.items() if d.value}


class NumericView(ExerciseView):
    """A text box for a number (commas, units and currency signs are fine)."""

    def controls(self) -> list[W.Widget]:
        ex: Numeric = self.exercise
        self.text = W.Text(
            value="",
            description="Your answer:",
            placeholder="e.g. 1,234",
            style=_LABEL_STYLE,
            layout=W.Layout(width="100%", max_width="22em"),
        )
        unit = W.HTML(f"<span>{escape(ex.unit)}</span>" if ex.unit else "")
        return [W.HBox([self.text, unit])]

    def type(self, text: str) -> None:
        """Type into the box (a test helper)."""
        self.text.value = text

    def answer(self) -> Any:
        return self.text.value


class ProgressView:
    """'7 of 12 done': a lesson's progress, with Refresh and Export buttons.

    ``in_memory=True`` (the app): Export makes the CSV in memory and offers it as a download link in the
    page; no file is written on the server. ``exported`` holds the last CSV text offered.
    """

    def __init__(
        self,
        lesson: str,
        store: ProgressStore | None = None,
        export_dir: str | Path | None = None,
        in_memory: bool = False,
    ):
        self.lesson = lesson
        self._store = store
        self.in_memory = in_memory
        self.exported = ""
        self.export_dir = Path(export_dir) if export_dir is not None else Path.cwd()
        self.summary_html = W.HTML("")
        self.bar = W.IntProgress(value=0, min=0, max=1, description="Progress:", style=_LABEL_STYLE)
        self.refresh_button = W.Button(description="Refresh", icon="refresh", tooltip="Count my saved answers again")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.export_button = W.Button(
            description="Export my answers (CSV)",
            icon="download",
            tooltip="Write my answers to a CSV file to send to my teacher",
            layout=W.Layout(width="auto"),
        )
        self.export_button.on_click(lambda _b: self.export())
        self.export_html = W.HTML("")
        self.widget = W.VBox(
            [self.summary_html, W.HBox([self.bar, self.refresh_button, self.export_button]), self.export_html]
        )
        self.widget.add_class("tr-view")
        _PANELS.add(self)
        self.refresh()

    @property
    def store(self) -> ProgressStore:
        return self._store if self._store is not None else default_store()

    def refresh(self):
        summary = self.store.summary(self.lesson, total=_graded_total(self.lesson))
        self.summary = summary
        from ..editions.catalogue import lesson_title  # here, not at import: the catalogue reaches the banks

        self.summary_html.value = (
            f"<p><strong>Your progress in {escape(lesson_title(self.lesson))}:</strong> {escape(summary.text)}</p>"
        )
        self.bar.max = max(1, summary.total or summary.done or 1)
        self.bar.value = min(summary.done, self.bar.max)
        return summary

    def export(self) -> Path | None:
        name = f"truce-and-rupture-answers-{self.lesson}-{datetime.now():%Y%m%d-%H%M%S}.csv"
        if self.in_memory:
            self.exported = self.store.export_text(lesson=self.lesson)
            self.export_html.value = f"<p>{_data_link(name, self.exported.encode('utf-8'))}</p>"
            return None
        try:
            path = self.store.export_csv(self.export_dir / name, lesson=self.lesson)
        except OSError as exc:
            self.export_html.value = warning_html(f"Could not write the file ({exc}).")
            return None
        self.export_html.value = (
            f"<p>✔ Saved your answers to <code>{escape(str(path))}</code>. {_download_link(path)}</p>"
        )
        return path

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


_VIEWS = {
    Choice: ChoiceView,
    Chronology: ChronologyView,
    Matching: MatchingView,
    Numeric: NumericView,
    SourceAnalysis: SourceAnalysisView,
    Claim: ClaimView,
}


def view(exercise: Exercise | str, store: ProgressStore | None = None):
    """The right view for any exercise (or exercise id); the explorer for an explorer spec."""
    if isinstance(exercise, str):
        from .bank import get_exercise

        exercise = get_exercise(exercise)
    if isinstance(exercise, ExplorerSpec):
        from .explorer_view import ExplorerView

        return ExplorerView(exercise)
    return _VIEWS[type(exercise)](exercise, store)


def choice(exercise, store: ProgressStore | None = None) -> ChoiceView:
    return _typed(exercise, Choice, store)


def chronology(exercise, store: ProgressStore | None = None) -> ChronologyView:
    return _typed(exercise, Chronology, store)


def matching(exercise, store: ProgressStore | None = None) -> MatchingView:
    return _typed(exercise, Matching, store)


def numeric(exercise, store: ProgressStore | None = None) -> NumericView:
    return _typed(exercise, Numeric, store)


def source_analysis(exercise, store: ProgressStore | None = None) -> SourceAnalysisView:
    return _typed(exercise, SourceAnalysis, store)


def claim(exercise, store: ProgressStore | None = None) -> ClaimView:
    return _typed(exercise, Claim, store)


def _typed(exercise, kind: type, store):
    if isinstance(exercise, str):
        from .bank import get_exercise

        exercise = get_exercise(exercise)
    if not isinstance(exercise, kind):
        raise TypeError(f"exercise {exercise.id!r} is a {exercise.kind}, not a {kind.kind}")
    return _VIEWS[kind](exercise, store)


def _graded_total(lesson: str) -> int | None:
    """How many graded exercises the lesson's bank has; None when it has no bank (yet)."""
    from .bank import available_lessons, load_bank

    return len(load_bank(lesson).graded) if lesson in available_lessons() else None


def progress_panel(lesson: str, store: ProgressStore | None = None) -> ProgressView:
    """A small panel: '7 of 12 done', a progress bar, a Refresh button and an Export button."""
    return ProgressView(lesson, store)


def _download_link(path: Path) -> str:
    """A link that saves the file on the student's own computer, carried in the page itself (a data: URL),
    so it works wherever the kernel runs: a laptop, a JupyterHub, Binder, or the Voila app."""
    return _data_link(path.name, path.read_bytes())


def _data_link(name: str, content: bytes) -> str:
    data = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="tr-download" download="{escape(name, quote=True)}" '
        f'href="data:text/csv;base64,{data}" style="color: var(--jp-content-link-color, #0b62d6); '
        f'text-decoration: underline; font-weight: bold;">⬇ Download {escape(name)}</a> '
        "to your computer to send it to your teacher."
    )


__all__ = [
    "ExerciseView",
    "ChoiceView",
    "ChronologyView",
    "MatchingView",
    "NumericView",
    "SourceAnalysisView",
    "ClaimView",
    "ProgressView",
    "progress_panel",
    "view",
    "choice",
    "chronology",
    "matching",
    "numeric",
    "source_analysis",
    "claim",
]
