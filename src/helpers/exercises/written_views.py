"""Views of the exercises a student answers in writing: a source analysis and a claim.

>>> from helpers.exercises.written import Claim, Level
>>> from helpers.progress import ProgressStore
>>> import tempfile, os
>>> store = ProgressStore(os.path.join(tempfile.mkdtemp(), "p.sqlite"))
>>> ex = Claim(id="c", lesson="01-recognition-1924", prompt="Why?", min_words=2, max_words=40,
...            mark_scheme=(Level(1, "Describes", "Retells."), Level(2, "Explains", "Reasons."),
...                         Level(3, "Argues", "Weighs.")))
>>> w = ClaimView(ex, store=store)
>>> w.levels_box.layout.display             # the levels stay hidden until the answer is saved
'none'
>>> w.write("Labour wanted trade and a loan."); w.check_button.click()
>>> w.levels_box.layout.display, w.choose_level(2).score
('', 0.667)
>>> store.attempts()[-1]["answer"]["level"]
2
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ..progress import ProgressStore
from .model import SUBMITTED, Feedback
from .static import feedback_html, source_html
from .view_base import _LABEL_STYLE, _WIDE, ExerciseView
from .written import Claim, SourceAnalysis, count_words


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


class ClaimView(ExerciseView):
    """A box for the argued answer (with a live word count), the documents to use, Save; then the levels of
    the mark scheme, to place the answer at one of them. No model answer is ever shown here."""

    check_label = "Save my answer"

    def controls(self) -> list[W.Widget]:
        ex: Claim = self.exercise
        rows: list[W.Widget] = []
        if ex.alternatives:
            self.question = W.RadioButtons(
                options=[(f"({a.id}) {a.text}", a.id) for a in ex.alternatives],
                value=None,
                description="Your question:",
                style=_LABEL_STYLE,
                layout=_WIDE,
            )
            rows.append(self.question)
        else:
            self.question = None
        if ex.documents:
            use = f"Use at least {ex.min_documents} of these documents" if ex.min_documents else "The documents"
            items = "".join(f"<li>{escape(label)}</li>" for _id, label in ex.documents)
            rows.append(W.HTML(f"<p><strong>{use}</strong> (name them as listed):</p><ul>{items}</ul>", layout=_WIDE))
        self.text = W.Textarea(
            value="",
            placeholder=f"Write your answer here ({ex.min_words}–{ex.max_words} words)",
            description="Your answer:",
            rows=12,
            style=_LABEL_STYLE,
            layout=_WIDE,  # not width 100%: with the widget's margins the box would scroll sideways on a phone
        )
        self.word_count = W.HTML(self._count_text(""), layout=_WIDE)
        self.text.observe(lambda change: setattr(self.word_count, "value", self._count_text(change["new"])), "value")
        self.level_choice = W.RadioButtons(
            options=[(f"{lv.heading}. {lv.descriptor}", lv.level) for lv in ex.mark_scheme],
            value=None,
            description="My answer reaches:",
            style=_LABEL_STYLE,
            layout=_WIDE,
        )
        self.assess_button = W.Button(
            description="Save my level",
            icon="check-square-o",
            tooltip="Record the level your answer reaches",
            layout=W.Layout(align_self="flex-start"),  # a button's width, not the column's
        )
        self.assess_button.on_click(lambda _b: self.choose_level())
        self.assess_html = W.HTML("", layout=_WIDE)
        self.levels_box = W.VBox(
            [
                W.HTML(
                    "<p><strong>Now mark your own answer.</strong> Read the levels, then choose the highest one "
                    "your answer reaches. Your teacher will see your answer and the level you chose.</p>",
                    layout=_WIDE,
                ),
                self.level_choice,
                self.assess_button,
                self.assess_html,
            ],
            layout=W.Layout(display="none", width="auto", max_width="60em"),
        )
        return [*rows, self.text, self.word_count]

    def __init__(self, exercise: Claim, store: ProgressStore | None = None):
        super().__init__(exercise, store)
        self.widget.children = (*self.widget.children, self.levels_box)

    def _count_text(self, text: str) -> str:
        ex: Claim = self.exercise
        return f"<p class='tr-meta'>{count_words(text)} words (aim for {ex.min_words}–{ex.max_words})</p>"

    def write(self, text: str, question: str | None = None) -> None:
        """Type an answer (and choose the question, where there is a choice): a test helper."""
        if question is not None and self.question is not None:
            self.question.value = question
        self.text.value = text

    def answer(self) -> Any:
        if self.question is None:
            return self.text.value
        return {"question": self.question.value, "text": self.text.value}

    def check(self) -> Feedback:
        feedback = super().check()
        if feedback.status == SUBMITTED:
            self.levels_box.layout.display = ""  # the levels appear only once the answer is saved
        return feedback

    def choose_level(self, level: int | None = None) -> Feedback:
        """Record the level the student places the answer at (``level`` given: a test helper)."""
        if level is not None:
            self.level_choice.value = level
        ex: Claim = self.exercise
        feedback = ex.self_assess(self.level_choice.value)
        self.assess_html.value = feedback_html(feedback)
        if feedback.counted:
            answer = self.answer()
            saved = answer if isinstance(answer, dict) else {"text": answer}
            self.save({**saved, "level": self.level_choice.value}, feedback)
        return feedback
