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

All checking happens in :mod:`helpers.exercises.model`; views only read controls and show feedback.
Every control has a visible label (``description``) or a label beside it; feedback says ✔/✘ and words.
"""

from __future__ import annotations

import base64
import weakref
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..progress import ProgressStore, SaveResult, answer_too_long, default_store
from .model import (
    INVALID,
    SUBMITTED,
    Attempts,
    Choice,
    Chronology,
    Exercise,
    ExplorerSpec,
    Feedback,
    Matching,
    Numeric,
)
from .static import STYLESHEET, TYPE_NAMES, VIEW_STYLESHEET, feedback_html, source_html, warning_html
from .written import SourceAnalysis

_STYLE = f"<style>{STYLESHEET}{VIEW_STYLESHEET}</style>"
_WIDE = W.Layout(width="auto", max_width="60em")
_LABEL_STYLE = {"description_width": "initial"}
#: Live progress panels, refreshed whenever an attempt is saved.
_PANELS: weakref.WeakSet[ProgressView] = weakref.WeakSet()


class ExerciseView:
    """What every exercise view has: a prompt, a Check button, feedback, a warning line, a container.

    ``check()`` (or clicking ``check_button``) reads the controls, asks the model, shows the feedback
    and saves the attempt; it returns the :class:`Feedback`.
    """

    check_label = "Check"

    def __init__(self, exercise: Exercise, store: ProgressStore | None = None):
        self.exercise = exercise
        self.attempts = Attempts(exercise)
        self._store = store
        self.last_feedback: Feedback | None = None
        self.last_save: SaveResult | None = None
        self.prompt_html = W.HTML(_STYLE + _header(exercise), layout=_WIDE)
        self.check_button = W.Button(
            description=self.check_label, icon="check", tooltip=f"{self.check_label}: see feedback on your answer"
        )
        self.check_button.on_click(lambda _button: self.check())
        self.hint_button = W.Button(
            description="Hint",
            icon="lightbulb-o",
            tooltip="Show a hint",
            layout=W.Layout(display="" if exercise.hint else "none"),
        )
        self.hint_button.on_click(lambda _button: self.show_hint())
        self.hint_html = W.HTML("", layout=_WIDE)
        self.feedback_html = W.HTML("", layout=_WIDE)
        self.warning_html = W.HTML("", layout=_WIDE)
        self.widget = W.VBox(
            [
                self.prompt_html,
                *self.controls(),
                W.HBox([self.check_button, self.hint_button]),
                self.hint_html,
                self.feedback_html,
                self.warning_html,
            ],
            layout=W.Layout(border="1px solid var(--jp-border-color1, #888)", padding="0.5em"),
        )
        self.widget.add_class("tr-view")

    # -- to override ---------------------------------------------------------------------------------

    def controls(self) -> list[W.Widget]:
        return []

    def answer(self) -> Any:
        """The answer as the controls hold it now (the form ``exercise.check`` takes)."""
        return None

    # -- shared behaviour ------------------------------------------------------------------------------

    @property
    def store(self) -> ProgressStore:
        return self._store if self._store is not None else default_store()

    def check(self) -> Feedback:
        too_long = answer_too_long(self.answer())  # refused before it is checked: no attempt used, nothing saved
        feedback = Feedback(INVALID, None, (too_long,)) if too_long else self.attempts.submit(self.answer())
        self.last_feedback = feedback
        self.feedback_html.value = feedback_html(feedback)
        if feedback.counted:
            self.save(self.answer(), feedback)
        return feedback

    def save(self, answer: Any, feedback: Feedback) -> SaveResult:
        """Save an attempt; on failure show a warning (the exercise keeps working)."""
        store = self.store
        before = len(store.messages)
        result = store.record(self.exercise.id, self.exercise.lesson, answer, feedback.correct, feedback.score)
        notes = store.messages[before:]
        message = " ".join([*notes, *([] if result.ok else [result.message])])
        self.warning_html.value = warning_html(message)
        self.last_save = result
        if result.ok:
            for panel in list(_PANELS):
                if panel.lesson == self.exercise.lesson:
                    panel.refresh()
        return result

    def show_hint(self) -> None:
        if self.exercise.hint:
            self.hint_html.value = f"<p><strong>Hint:</strong> {escape(self.exercise.hint)}</p>"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.exercise.id!r}>"


class ChoiceView(ExerciseView):
    """Radio buttons (one answer) or checkboxes (several answers)."""

    def controls(self) -> list[W.Widget]:
        ex: Choice = self.exercise
        labels = [(f"{o.id}) {o.text}", o.id) for o in ex.options]
        if ex.multiple:
            self.boxes = {
                o.id: W.Checkbox(value=False, description=label, indent=False, layout=_WIDE)
                for label, o in zip((lbl for lbl, _ in labels), ex.options)
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


class SourceAnalysisView(ExerciseView):
    """The source, a box per guiding question, Save; then model answers and a self-assessment checklist."""

    check_label = "Save answers"

    def controls(self) -> list[W.Widget]:
        ex: SourceAnalysis = self.exercise
        self.boxes: dict[str, W.Textarea] = {}
        rows: list[W.Widget] = [
            W.HTML(source_html(ex), layout=_WIDE),
            W.HTML(
                "<p><em>Write your answers in the boxes and press Save answers; then press "
                "Show model answers and tick the points your answers meet.</em></p>",
                layout=_WIDE,
            ),
        ]
        for n, q in enumerate(ex.questions, 1):
            rows.append(
                W.HTML(
                    f"<p><strong>{n}.</strong> <span class='tr-meta'>[{escape(q.tag)}]</span> {escape(q.text)}</p>",
                    layout=_WIDE,
                )
            )
            box = W.Textarea(
                value="",
                placeholder="Write your answer here",
                description=f"Answer {n}:",
                rows=4,
                style=_LABEL_STYLE,
                layout=W.Layout(width="100%", max_width="60em"),
            )
            self.boxes[q.id] = box
            rows.append(box)
        self.reveal_button = W.Button(
            description="Show model answers",
            icon="eye",
            disabled=True,
            tooltip="Compare your answers with a model answer (save yours first)",
        )
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.model_html = W.HTML("", layout=_WIDE)
        self.checklist = [W.Checkbox(value=False, description=c, indent=False, layout=_WIDE) for c in ex.checklist]
        self.assess_button = W.Button(
            description="Save self-assessment",
            icon="check-square-o",
            disabled=True,
            tooltip="Record which checklist points your answers meet",
        )
        self.assess_button.on_click(lambda _b: self.assess())
        self.assess_html = W.HTML("", layout=_WIDE)
        self.after = W.VBox(
            [
                self.reveal_button,
                self.model_html,
                W.HTML("<p><strong>Check your work</strong> (tick what your answers do):</p>"),
                *self.checklist,
                self.assess_button,
                self.assess_html,
            ],
            layout=_WIDE,
        )
        return rows

    def __init__(self, exercise: SourceAnalysis, store: ProgressStore | None = None):
        super().__init__(exercise, store)
        self.widget.children = (*self.widget.children, self.after)

    def write(self, question_id: str, text: str) -> None:
        """Type an answer to one guiding question (a test helper)."""
        self.boxes[question_id].value = text

    def answer(self) -> Any:
        return {qid: box.value for qid, box in self.boxes.items()}

    def check(self) -> Feedback:
        feedback = super().check()
        if feedback.status == SUBMITTED:
            self.reveal_button.disabled = False
        return feedback

    def reveal(self) -> None:
        """Show each model answer under the student's own (escaped: their text is never run as HTML)."""
        ex: SourceAnalysis = self.exercise
        parts = []
        for n, q in enumerate(ex.questions, 1):
            mine = self.boxes[q.id].value.strip() or "(no answer)"
            parts.append(
                f"<p><strong>{n}. {escape(q.text)}</strong></p>"
                f"<p><em>Your answer:</em> {escape(mine[:2000])}{'…' if len(mine) > 2000 else ''}</p>"
                f'<div class="tr-key"><strong>Model answer:</strong> {escape(q.model_answer)}</div>'
            )
        self.model_html.value = "".join(parts)
        self.assess_button.disabled = False

    def tick(self, *indexes: int) -> None:
        """Tick checklist points by position (a test helper)."""
        for i, box in enumerate(self.checklist):
            box.value = i in indexes

    def assess(self) -> Feedback:
        ex: SourceAnalysis = self.exercise
        ticked = [str(i) for i, box in enumerate(self.checklist) if box.value]
        feedback = ex.self_assess(ticked)
        self.assess_html.value = feedback_html(feedback)
        self.save({"answers": self.answer(), "checklist": [ex.checklist[int(i)] for i in ticked]}, feedback)
        return feedback


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


def _header(ex: Exercise) -> str:
    title = ex.title or TYPE_NAMES.get(ex.kind, "Exercise")
    paragraphs = "".join(f"<p>{escape(' '.join(b.split()))}</p>" for b in ex.prompt.strip().split("\n\n") if b.strip())
    return (
        f"<h3 style='margin: 0.2em 0; font-size: 1.05em'>{escape(title)}</h3>"
        f"<p class='tr-meta'>{escape(TYPE_NAMES.get(ex.kind, ''))} · skill: {escape(ex.skill)}</p>{paragraphs}"
    )


__all__ = [
    "ExerciseView",
    "ChoiceView",
    "ChronologyView",
    "MatchingView",
    "NumericView",
    "SourceAnalysisView",
    "ProgressView",
    "progress_panel",
    "view",
    "choice",
    "chronology",
    "matching",
    "numeric",
    "source_analysis",
]
