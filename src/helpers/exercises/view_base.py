"""What every exercise view has (a prompt, a Check button, hint, feedback, progress saving), shared by
the views in :mod:`.widgets` and :mod:`.written_views`.

All checking happens in :mod:`helpers.exercises.model`; views only read controls and show feedback.
Every control has a visible label (``description``) or a label beside it; feedback says ✔/✘ and words.
"""

from __future__ import annotations

import weakref
from html import escape
from typing import Any

import ipywidgets as W

from ..progress import ProgressStore, SaveResult, answer_too_long, default_store
from .model import INVALID, Attempts, Exercise, Feedback
from .static import STYLESHEET, TYPE_NAMES, VIEW_STYLESHEET, feedback_html, warning_html

_STYLE = f"<style>{STYLESHEET}{VIEW_STYLESHEET}</style>"
_WIDE = W.Layout(width="auto", max_width="60em")
_LABEL_STYLE = {"description_width": "initial"}
#: Live progress panels (:class:`.widgets.ProgressView`), refreshed whenever an attempt is saved.
_PANELS: weakref.WeakSet = weakref.WeakSet()


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


def _header(ex: Exercise) -> str:
    title = ex.title or TYPE_NAMES.get(ex.kind, "Exercise")
    paragraphs = "".join(f"<p>{escape(' '.join(b.split()))}</p>" for b in ex.prompt.strip().split("\n\n") if b.strip())
    return (
        f"<h3 style='margin: 0.2em 0; font-size: 1.05em'>{escape(title)}</h3>"
        f"<p class='tr-meta'>{escape(TYPE_NAMES.get(ex.kind, ''))} · skill: {escape(ex.skill)}"
        + (f" · asks for: {escape(ex.demand)}" if ex.demand else "")
        + f"</p>{paragraphs}"
    )
