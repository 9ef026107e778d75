"""The synoptic thread: the claims a student wrote at the end of each lesson, gathered for the final paper.

Each lesson ends with a claim exercise (an argued answer to its central question). The assessment opens
with :func:`my_claims`, which lists what the student saved for each (the latest answer, and the level
they placed it at) from their own progress store, so they can plan the essay from their own work.

>>> import os, tempfile
>>> from helpers.progress import ProgressStore
>>> store = ProgressStore(os.path.join(tempfile.mkdtemp(), "p.sqlite"))
>>> "You have not saved a claim yet" in my_claims(store).text
True
"""

from __future__ import annotations

from html import escape

from .display import Html
from .exercises.bank import available_lessons, load_bank
from .progress import ProgressStore, default_store


def claim_exercises() -> list:
    """Every lesson's claim exercise, in lesson order (the assessment's own questions excluded)."""
    found = []
    for lesson in available_lessons():
        if lesson.startswith("09-"):
            continue
        found.extend(ex for ex in load_bank(lesson) if ex.kind == "claim")
    return found


def my_claims(store: ProgressStore | None = None) -> Html:
    """The claims this student has saved, lesson by lesson, with the level they chose; the lessons whose
    claim they have not written yet are named, so they know what is missing."""
    store = store if store is not None else default_store()
    html, text, missing = ['<div class="tr-box"><p class="tr-head">Your claims so far</p>'], [], []
    for ex in claim_exercises():
        saved = [a for a in store.attempts(exercise_id=ex.id) if _text_of(a["answer"])]
        if not saved:
            missing.append(ex)
            continue
        answer = saved[-1]["answer"]
        level = next((a["answer"].get("level") for a in reversed(saved) if isinstance(a["answer"], dict)), None)
        level = f" · you placed it at level {level}" if level else ""
        body = _text_of(answer)
        html.append(
            f"<h4>{escape(ex.title or ex.id)}</h4><p class='tr-cite'>{escape(ex.lesson)}{escape(level)}</p>"
            + "".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
        )
        text.append(f"{ex.title or ex.id} ({ex.lesson}){level}: {body}")
    if not text:
        html.append("<p>You have not saved a claim yet. Each lesson ends with one: write it there first.</p>")
        text.append("You have not saved a claim yet.")
    if missing:
        names = ", ".join(ex.lesson for ex in missing)
        html.append(f"<p class='tr-cite'>Not written yet: {escape(names)}.</p>")
        text.append(f"Not written yet: {names}.")
    html.append("</div>")
    return Html("".join(html), "\n".join(text))


def _text_of(answer) -> str:
    if isinstance(answer, str):
        return answer.strip()
    if isinstance(answer, dict) and isinstance(answer.get("text"), str):
        return answer["text"].strip()
    return ""
