"""Exercises as static HTML, for printed handouts and for the feedback the widgets show.

``render(exercise, edition="student")`` gives the question, the options and ruled space to answer in,
and *nothing* that reveals an answer: no answer key, no explanation, no per-option feedback, no model
answer. ``edition="teacher"`` adds all of them. Every piece of text is HTML-escaped.

>>> from helpers.exercises.model import Choice, Option
>>> q = Choice(id="d", lesson="00-start-here", prompt="Pick <b>one</b>", skill="chronology",
...            options=(Option("a", "1924", "Right."), Option("b", "1927", "Wrong.")), answer=("a",),
...            explanation="Because.")
>>> html = render(q)
>>> "&lt;b&gt;one&lt;/b&gt;" in html, "Because." in html, "Wrong." in html
(True, False, False)
>>> "Because." in render(q, edition="teacher")
True
"""

from __future__ import annotations

from html import escape

from .arranging import Chronology, Matching
from .model import Choice, Exercise, ExplorerSpec, Feedback
from .numeric import Numeric, format_number
from .written import Claim, SourceAnalysis

EDITIONS = ("student", "teacher")

#: Names of exercise types as a student reads them.
TYPE_NAMES = {
    "choice": "Choose",
    "chronology": "Put in order",
    "matching": "Match",
    "numeric": "Find the number",
    "source_analysis": "Source analysis",
    "claim": "Your argument",
    "explorer": "Explore",
}

#: Styles for handouts and widgets: neutral colours that read in light and dark themes (JupyterLab's
#: CSS variables where they exist, with plain fallbacks for a printed page).
STYLESHEET = """
.tr-exercise { border: 1px solid var(--jp-border-color1, #888); border-radius: 4px; padding: 0.6em 0.9em;
  margin: 1em 0; color: var(--jp-content-font-color1, inherit); break-inside: avoid; }
.tr-exercise h3 { margin: 0 0 0.4em 0; font-size: 1.05em; }
.tr-meta { font-size: 0.85em; color: var(--jp-content-font-color1, #333); }
.tr-ruled { margin: 0.4em 0 0.8em 0; }
.tr-ruled div { border-bottom: 1px solid var(--jp-border-color2, #999); height: 1.8em; }
.tr-key { border-left: 4px solid var(--jp-brand-color1, #555); padding-left: 0.6em; margin-top: 0.6em; }
.tr-source { border-left: 4px double var(--jp-border-color1, #888); padding-left: 0.6em; margin: 0.5em 0; }
.tr-headnote { font-size: 0.9em; font-style: italic; }
.tr-feedback { border-left: 4px solid var(--jp-border-color1, #888); padding: 0.2em 0.6em; margin: 0.4em 0; }
.tr-feedback.tr-correct { border-left-color: var(--jp-success-color1, #2e7d32); }
.tr-feedback.tr-partial { border-left-color: var(--jp-warn-color1, #b26a00); }
.tr-feedback.tr-incorrect, .tr-feedback.tr-invalid { border-left-color: var(--jp-error-color1, #c62828); }
.tr-warning { border: 1px dashed var(--jp-warn-color1, #b26a00); padding: 0.2em 0.6em; margin: 0.4em 0; }
.tr-levels th, .tr-levels td { text-align: left; vertical-align: top; padding: 0.2em 0.6em; }
.tr-exemplar { border-top: 1px dotted var(--jp-border-color2, #999); margin-top: 0.6em; }
.tr-matching td, .tr-matching th { padding: 0.2em 0.6em; vertical-align: top; text-align: left; }
"""


def render(exercise: Exercise, edition: str = "student", number: int | None = None) -> str:
    """One exercise as an HTML fragment (a ``<section>``) for the student or the teacher edition."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be 'student' or 'teacher', not {edition!r}")
    teacher = edition == "teacher"
    title = exercise.title or TYPE_NAMES.get(exercise.kind, "Exercise")
    heading = f"{number}. {title}" if number is not None else title
    parts = [
        f'<section class="tr-exercise tr-{exercise.kind}" id="ex-{escape(exercise.id)}">',
        f"<h3>{escape(heading)}</h3>",
        f'<p class="tr-meta">{escape(TYPE_NAMES.get(exercise.kind, ""))} · skill: {escape(exercise.skill)}'
        + (f" · asks for: {escape(exercise.demand)}" if exercise.demand else "")
        + f" · difficulty {exercise.difficulty}</p>",
        _paragraphs(exercise.prompt),
    ]
    body = {
        Choice: _choice,
        Chronology: _chronology,
        Matching: _matching,
        Numeric: _numeric,
        SourceAnalysis: _source_analysis,
        Claim: _claim,
        ExplorerSpec: _explorer,
    }[type(exercise)]
    parts.append(body(exercise, teacher))
    if exercise.hint:
        parts.append(f'<p class="tr-hint"><strong>Hint:</strong> {escape(exercise.hint)}</p>')
    if teacher:
        parts.append(_teacher_key(exercise))
    parts.append("</section>")
    return "\n".join(parts)


def render_bank(bank, edition: str = "student") -> str:
    """Every exercise of a bank, numbered, as one HTML fragment (with the stylesheet)."""
    sections = [render(ex, edition, n) for n, ex in enumerate(bank, 1)]
    return f"<style>{STYLESHEET}</style>\n" + "\n".join(sections)


def feedback_html(feedback: Feedback) -> str:
    """Feedback as HTML: a symbol and a word (never colour alone), details, hint and explanation."""
    parts = [
        f'<div class="tr-feedback tr-{feedback.status}" role="status" aria-live="polite">',
        f"<strong>{escape(feedback.headline)}</strong>",
    ]
    if feedback.details:
        parts.append("<ul>" + "".join(f"<li>{escape(d)}</li>" for d in feedback.details) + "</ul>")
    if feedback.attempts_note:
        parts.append(f"<p>{escape(feedback.attempts_note)}</p>")
    if feedback.hint:
        parts.append(f"<p><strong>Hint:</strong> {escape(feedback.hint)}</p>")
    if feedback.explanation:
        parts.append(f"<p><strong>Explanation:</strong> {escape(feedback.explanation)}</p>")
    parts.append("</div>")
    return "".join(parts)


def warning_html(message: str) -> str:
    """A visible warning (symbol and words) for problems such as progress that could not be saved."""
    return (
        f'<div class="tr-warning" role="alert"><strong>⚠ Warning:</strong> {escape(message)}</div>' if message else ""
    )


def source_html(exercise: SourceAnalysis) -> str:
    """The source of a source analysis: headnote, text and citation (shared with the widget)."""
    s = exercise.source
    if s is None:
        return ""
    label = "Quotation" if s.kind == "quotation" else "Document (summary in the pack's words)"
    who = f"{s.speaker}, {s.date_label}" if s.speaker else s.date_label
    quote = f"“{escape(s.text)}”" if s.kind == "quotation" else escape(s.text)
    return (
        f'<div class="tr-source"><p class="tr-headnote">{escape(label)} · {escape(who)}<br>{escape(s.headnote)}</p>'
        f"<blockquote>{quote}</blockquote>"
        f'<p class="tr-meta">Source: {escape(s.citation)}</p></div>'
    )


# --- one function per type ------------------------------------------------------------------------


def _choice(ex: Choice, teacher: bool) -> str:
    how = "Tick every option that applies." if ex.multiple else "Tick one option."
    rows = []
    for o in ex.display_order:  # the same shuffled order, and the same letters, as in the notebook
        line = f"<li>☐ <strong>{escape(ex.label(o.id))})</strong> {escape(o.text)}"
        if teacher:
            verdict = "✔ correct" if o.id in ex.answer else "✘ wrong"
            line += f'<br><span class="tr-meta">{verdict}: {escape(o.feedback)}</span>'
        rows.append(line + "</li>")
    return f'<p><em>{how}</em></p><ul style="list-style: none; padding-left: 0.5em">{"".join(rows)}</ul>'


def _chronology(ex: Chronology, teacher: bool) -> str:
    rows = "".join(
        f"<li><strong>{escape(i.id)}</strong> {escape(i.text)}</li>" for i in map(ex.item, ex.display_order())
    )
    boxes = " → ".join("____" for _ in ex.items)
    return (
        f'<ul style="list-style: none; padding-left: 0.5em">{rows}</ul>'
        f"<p>Write the letters in order, earliest first: {boxes}</p>"
    )


def _matching(ex: Matching, teacher: bool) -> str:
    right = [ex.right_item(i) for i in ex.right_display_order()]
    left_rows = "".join(f"<tr><td>{escape(i.id)}.</td><td>{escape(i.text)}</td><td>____</td></tr>" for i in ex.left)
    right_rows = "".join(f"<li><strong>{escape(i.id)}</strong> {escape(i.text)}</li>" for i in right)
    return (
        f'<table class="tr-matching"><tr><th></th><th>{escape(ex.left_label)}</th><th>Letter</th></tr>{left_rows}</table>'
        f"<p><strong>{escape(ex.right_label)}:</strong></p>"
        f'<ul style="list-style: none; padding-left: 0.5em">{right_rows}</ul>'
    )


def _numeric(ex: Numeric, teacher: bool) -> str:
    unit = f" {escape(ex.unit)}" if ex.unit else ""
    return f"<p>Answer: ____________________{unit}</p>" + _ruled(2)


def _source_analysis(ex: SourceAnalysis, teacher: bool) -> str:
    parts = [source_html(ex), "<p><em>Write your answers on the lines.</em></p><ol>"]
    for q in ex.questions:
        parts.append(f'<li><p><span class="tr-meta">[{escape(q.tag)}]</span> {escape(q.text)}</p>{_ruled(4)}')
        if teacher:
            parts.append(f'<div class="tr-key"><strong>Model answer:</strong> {escape(q.model_answer)}</div>')
        parts.append("</li>")
    parts.append(
        "</ol><p><strong>Check your work</strong> (tick each point your answers meet):</p>"
        '<ul style="list-style: none; padding-left: 0.5em">'
    )
    parts.extend(f"<li>☐ {escape(c)}</li>" for c in ex.checklist)
    parts.append("</ul>")
    return "".join(parts)


def _claim(ex: Claim, teacher: bool) -> str:
    """Student: the documents to use, ruled space and the levels as a checklist. Teacher: the mark scheme,
    and from the teacher's file the model answer, indicative content and exemplars."""
    parts = []
    if ex.alternatives:
        parts.append("<p><strong>Answer one of these questions:</strong></p><ol type='a'>")
        parts.extend(f"<li>{escape(a.text)}</li>" for a in ex.alternatives)
        parts.append("</ol>")
    if ex.documents:
        use = f"Use at least {ex.min_documents} of these documents" if ex.min_documents else "The documents"
        parts.append(f"<p><strong>{use}</strong> (name them as listed):</p><ul>")
        parts.extend(f"<li>{escape(label)}</li>" for _extract, label in ex.documents)
        parts.append("</ul>")
    marks = f" · {ex.marks} marks" if ex.marks else ""
    parts.append(f'<p class="tr-meta">Write {ex.min_words}–{ex.max_words} words{marks}.</p>')
    if teacher:
        parts.append(_mark_scheme(ex) + _teacher_material(ex))
        return "".join(parts)
    parts.append(_ruled(max(8, ex.max_words // 12)))
    if ex.marks:  # a paper: the student's page is the question and ruled space only
        return "".join(parts)
    parts.append(
        "<p><strong>Check your answer against the levels</strong> (tick the highest level your answer reaches):"
        '</p><ul style="list-style: none; padding-left: 0.5em">'
    )
    parts.extend(f"<li>☐ <strong>{escape(lv.heading)}.</strong> {escape(lv.descriptor)}</li>" for lv in ex.mark_scheme)
    parts.append("</ul>")
    return "".join(parts)


def _mark_scheme(ex: Claim) -> str:
    rows = "".join(
        f"<tr><th scope='row'>{escape(lv.heading)}</th><td>{escape(lv.descriptor)}</td></tr>" for lv in ex.mark_scheme
    )
    return f'<div class="tr-key"><p><strong>Mark scheme</strong></p><table class="tr-levels">{rows}</table></div>'


def _teacher_material(ex: Claim) -> str:
    """The model answer, indicative content and exemplars from data/teacher/<lesson>.yaml (teacher only)."""
    from ..teacher import load_teacher

    found = load_teacher(ex.lesson)
    parts = []
    if ex.id in found.indicative_content:
        parts.append(f"<p><strong>Indicative content</strong></p>{_markdownish(found.indicative_content[ex.id])}")
    if ex.id in found.model_answers:
        parts.append(f"<p><strong>Model answer</strong></p>{_paragraphs(found.model_answers[ex.id])}")
    for exemplar in found.exemplars.get(ex.id, ()):
        mark = f", {exemplar.mark} marks" if exemplar.mark is not None else ""
        parts.append(
            f'<div class="tr-exemplar"><p><strong>Exemplar: a {escape(exemplar.level)} answer{mark}</strong></p>'
            f"{_paragraphs(exemplar.text)}<p><em>Examiner's comment:</em> {escape(' '.join(exemplar.comment.split()))}"
            "</p></div>"
        )
    return f'<div class="tr-key">{"".join(parts)}</div>' if parts else ""


def _markdownish(text: str) -> str:
    """A list written with "- " lines as an HTML list; anything else as paragraphs."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if lines and all(ln.startswith(("- ", "* ")) for ln in lines):
        return "<ul>" + "".join(f"<li>{escape(ln[2:].strip())}</li>" for ln in lines) + "</ul>"
    return _paragraphs(text)


def _explorer(ex: ExplorerSpec, teacher: bool) -> str:
    from ..charts import theme_label
    from .generate import date_label

    themes = ", ".join(theme_label(t) for t in ex.themes) or "all themes"
    return (
        f"<p><em>On screen, the lesson has a timeline explorer here ({escape(date_label(ex.start, 'day'))} to "
        f"{escape(date_label(ex.end, 'day'))}; {escape(themes)}). Write what you find on the lines.</em></p>"
        + _ruled(3)
    )


def _teacher_key(ex: Exercise) -> str:
    parts = ['<div class="tr-key">']
    key = ex.answer_key()
    if key and not isinstance(ex, (SourceAnalysis, Claim)):
        parts.append("<p><strong>Answer:</strong></p><ul>" + "".join(f"<li>{escape(k)}</li>" for k in key) + "</ul>")
    if ex.explanation:
        parts.append(f"<p><strong>Explanation:</strong> {escape(ex.explanation)}</p>")
    if isinstance(ex, Numeric):
        misses = [f"<li>{escape(format_number(m.value))}: {escape(m.feedback)}</li>" for m in ex.near_misses]
        misses += [f"<li>Too low: {escape(ex.feedback_low)}</li>", f"<li>Too high: {escape(ex.feedback_high)}</li>"]
        parts.append("<p><strong>Feedback on wrong answers:</strong></p><ul>" + "".join(misses) + "</ul>")
    if ex.teacher_notes:
        parts.append(f"<p><strong>Teacher notes:</strong> {escape(ex.teacher_notes)}</p>")
    if ex.source_ids:
        from ..queries import sources_for  # evidence first in short form, background after and marked

        parts.append(f'<p class="tr-meta">Sources: {escape("; ".join(sources_for(ex.source_ids)))}</p>')
    parts.append("</div>")
    return "".join(parts)


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.strip().split("\n\n") if b.strip()]
    return "".join(f"<p>{escape(' '.join(b.split()))}</p>" for b in blocks)


def _ruled(lines: int) -> str:
    return '<div class="tr-ruled" aria-hidden="true">' + "<div></div>" * lines + "</div>"


#: Layout rules for the widget views (class ``tr-view``): text in single line spacing, long option
#: labels that wrap instead of running into each other, buttons that show their whole label, and rows
#: that wrap on a narrow screen (a phone, from 360 px wide).
VIEW_STYLESHEET = """
.tr-view { max-width: 100%; box-sizing: border-box; }
.tr-view .widget-html-content, .tr-view .jupyter-widget-html-content { line-height: 1.45; }
.tr-view .widget-html, .tr-view .jupyter-widget-html { height: auto; }
.tr-view .widget-html-content p { margin: 0.4em 0; }
.tr-view .widget-radio, .tr-view .jupyter-widget-radio { flex-wrap: wrap; height: auto; }
.tr-view .widget-radio-box, .tr-view .jupyter-widget-radio-box { min-width: 0; flex: 1 1 16em; }
.tr-view .widget-radio-box label, .tr-view .jupyter-widget-radio-box label {
  height: auto; line-height: 1.4; white-space: normal; display: flex; align-items: flex-start; gap: 0.4em;
  margin: 0.15em 0 0.35em 0; }
.tr-view .widget-radio-box input, .tr-view .jupyter-widget-radio-box input { flex: none; margin: 0.2em 0 0 0; order: -1; }
.tr-view .widget-checkbox, .tr-view .jupyter-widget-checkbox { height: auto; }
.tr-view .widget-checkbox label, .tr-view .jupyter-widget-checkbox label {
  height: auto; line-height: 1.4; white-space: normal; display: flex; align-items: flex-start; gap: 0.4em;
  margin: 0.15em 0 0.35em 0; }
.tr-view .widget-checkbox input, .tr-view .jupyter-widget-checkbox input { flex: none; margin: 0.2em 0 0 0; order: -1; }
.tr-view .widget-hbox, .tr-view .jupyter-widget-hbox { flex-wrap: wrap; gap: 0.3em; max-width: 100%; }
.tr-view .widget-button, .tr-view .jupyter-button { width: auto; min-width: 6em; max-width: 100%; height: auto;
  min-height: var(--jp-widgets-inline-height, 28px); white-space: normal; overflow: visible; text-overflow: clip; }
.tr-view .widget-dropdown, .tr-view .jupyter-widget-dropdown, .tr-view .widget-text, .tr-view .jupyter-widget-text {
  flex-wrap: wrap; height: auto; max-width: 100%; }
.tr-view .widget-dropdown select, .tr-view .jupyter-widget-dropdown select { min-width: 0; max-width: 100%; }
.tr-view .widget-label, .tr-view .jupyter-widget-label { overflow: visible; white-space: normal; height: auto; }
.tr-view .widget-textarea, .tr-view .jupyter-widget-textarea { flex-wrap: wrap; max-width: 100%; height: auto; }
.tr-view .widget-textarea textarea, .tr-view .jupyter-widget-textarea textarea { min-height: 6em; }
.tr-view .widget-slider, .tr-view .jupyter-widget-slider { flex-wrap: wrap; max-width: 100%; height: auto; }
.tr-view .widget-slider .slider-container, .tr-view .jupyter-widget-slider .slider-container { min-width: 10em; }
.tr-view .widget-readout, .tr-view .jupyter-widget-readout { overflow: visible; min-width: 9em; }
.tr-view .tr-scroll { overflow-x: auto; max-width: 100%; }
"""
