"""The claim exercise (an argued answer assessed against levels), the teacher's file, and the synoptic page.

A student writes, saves, and only then sees the levels; no model answer, exemplar or indicative content
ever reaches the student's view or page; the teacher edition prints them; the final paper lists the
claims the student saved.
"""

from __future__ import annotations

import textwrap

import pytest

from helpers.errors import DataError
from helpers.exercises.static import render
from helpers.exercises.written import Alternative, Claim, Level
from helpers.progress import ProgressStore

LEVELS = (
    Level(1, "Describes", "Retells what the documents say without answering the question."),
    Level(2, "Explains", "Gives reasons, each backed by a document, but does not weigh them."),
    Level(3, "Argues", "Weighs the reasons and reaches a judgement the documents support."),
)
CLAIM = Claim(
    id="t-claim",
    lesson="01-recognition-1924",
    prompt="Why did recognition come quickly?",
    min_words=5,
    max_words=40,
    documents=(("ex-a", "Document 1: the Soviet answer"), ("ex-b", "Document 2: Mayo's speech")),
    mark_scheme=LEVELS,
)
PAPER = Claim(
    id="t-essay",
    lesson="09-assessment",
    prompt="Answer one question.",
    alternatives=(Alternative("a", "Why did Britain break with Moscow?"), Alternative("b", "Why restore?")),
    marks=20,
    mark_scheme=tuple(
        Level(n, f"L{n}", f"What a level {n} answer does, at length.", (5 * n - 4, 5 * n)) for n in range(1, 5)
    ),
)


def test_check_counts_words_and_never_raises():
    assert CLAIM.check("").status == "empty"
    assert CLAIM.check(None).status == "empty"
    assert CLAIM.check(42).status == "invalid"
    short = CLAIM.check("Trade.")
    assert short.status == "submitted" and "1 words" in short.details[0] and "short" in short.details[1]
    assert "long" in CLAIM.check("word " * 60).details[1]
    assert CLAIM.self_assess(3).score == 1.0 and CLAIM.self_assess("9").status == "invalid"


def test_a_paper_question_needs_a_chosen_alternative():
    assert PAPER.check({"text": "An answer of some length."}).status == "invalid"
    assert PAPER.check({"question": "b", "text": "An answer of some length."}).status == "submitted"
    assert PAPER.check({"question": "b", "text": ["not", "text"]}).status == "invalid"


def test_the_view_shows_levels_only_after_saving_and_saves_the_level(tmp_path):
    from helpers.exercises.written_views import ClaimView

    store = ProgressStore(tmp_path / "p.sqlite")
    view = ClaimView(CLAIM, store=store)
    assert view.levels_box.layout.display == "none"
    view.check_button.click()  # nothing written: no attempt, levels stay hidden
    assert view.levels_box.layout.display == "none" and store.attempts() == []
    view.write("Labour wanted trade, and Moscow wanted a loan.")
    assert "8 words" in view.word_count.value
    view.check_button.click()
    assert view.levels_box.layout.display == ""
    assert view.choose_level(2).score == pytest.approx(0.667)
    saved = store.attempts(exercise_id="t-claim")
    assert saved[0]["answer"] == "Labour wanted trade, and Moscow wanted a loan."
    assert saved[-1]["answer"] == {"text": "Labour wanted trade, and Moscow wanted a loan.", "level": 2}


def test_a_hostile_answer_is_shown_as_text_in_the_synoptic_page(tmp_path, monkeypatch):
    from helpers import claims

    monkeypatch.setattr(claims, "claim_exercises", lambda: [CLAIM])
    store = ProgressStore(tmp_path / "p.sqlite")
    store.record("t-claim", CLAIM.lesson, {"text": "<script>alert(1)</script> My claim.", "level": 2}, None, None)
    page = claims.my_claims(store)
    assert "&lt;script&gt;" in page.html and "<script>" not in page.html
    assert "level 2" in page.text and "My claim." in page.text


def test_student_page_has_the_levels_as_a_checklist_and_no_teacher_material(monkeypatch):
    from helpers import teacher

    found = teacher.TeacherFile(
        "01-recognition-1924",
        model_answers={"t-claim": "MODEL ANSWER TEXT for the teacher."},
        indicative_content={"t-claim": "- INDICATIVE POINT"},
        exemplars={"t-claim": (teacher.Exemplar("weak", "WEAK EXEMPLAR", "EXAMINER SAYS", 3),)},
    )
    monkeypatch.setattr(teacher, "load_teacher", lambda lesson, root=None: found)
    student, teacher_page = render(CLAIM, "student"), render(CLAIM, "teacher")
    assert "☐ <strong>Level 3: Argues.</strong>" in student and "tr-ruled" in student
    assert "Document 2: Mayo&#x27;s speech" in student
    for secret in ("MODEL ANSWER", "INDICATIVE POINT", "WEAK EXEMPLAR", "EXAMINER SAYS", "Mark scheme"):
        assert secret not in student
        assert secret in teacher_page
    paper = render(PAPER, "student")
    assert "What a level 4 answer does" not in paper and "Why restore?" in paper and "20 marks" in paper


def test_a_broken_teacher_file_is_named_with_its_field(tmp_path):
    from helpers.teacher import load_teacher

    folder = tmp_path / "teacher"
    folder.mkdir()
    (folder / "01-recognition-1924.yaml").write_text(
        textwrap.dedent(
            """\
            lesson: 01-recognition-1924
            notes:
              - title: no anchor
                text: A note without a cell to follow.
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"01-recognition-1924.yaml: notes\[1\]: needs 'after'"):
        load_teacher("01-recognition-1924", root=tmp_path)
    (folder / "01-recognition-1924.yaml").write_text("lesson: 02-doing-nothing-1925\n", encoding="utf-8")
    with pytest.raises(DataError, match="the file is for '01-recognition-1924'"):
        load_teacher("01-recognition-1924", root=tmp_path)
    (folder / "01-recognition-1924.yaml").write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    with pytest.raises(DataError, match="alias"):
        load_teacher("01-recognition-1924", root=tmp_path)


def test_the_teacher_edition_gets_the_notes_and_the_student_edition_no_code(monkeypatch, tmp_path):
    import nbformat

    from helpers import teacher
    from helpers.editions import edition
    from helpers.editions.execute import Executed

    nb = nbformat.v4.new_notebook()
    intro = nbformat.v4.new_markdown_cell("# 01 · A lesson")
    intro["id"] = "cell0001"
    code = nbformat.v4.new_code_cell("x = 1\nx")
    shown = nbformat.v4.new_code_cell("total = 2 + 2", metadata={"tags": ["show-code"]})
    nb.cells = [intro, code, shown]
    note = teacher.TeacherFile("01-recognition-1924", notes=(teacher.Note("cell0001", "Timing", "Ten minutes."),))
    monkeypatch.setattr(teacher, "load_teacher", lambda lesson, root=None: note)
    run = Executed(tmp_path / "01-recognition-1924.ipynb", nb, 0.0)
    student, teacher_nb = edition.prepare(run, "student"), edition.prepare(run, "teacher")
    assert [c.source for c in student.cells if "teacher" in c.metadata.get("tags", [])] == []
    notes = [c for c in teacher_nb.cells if "teacher" in c.metadata.get("tags", [])]
    assert [c.source for c in notes] == ["**Timing.** Ten minutes."] and teacher_nb.cells[1] is notes[0]
    tags = [c.metadata.get("tags", []) for c in student.cells if c.cell_type == "code"]
    assert "remove-input" in tags[0] and "remove-input" not in tags[1]


# --- app mode: a claim needs the lesson's documents, so the app leaves it to the lesson --------------------


def test_no_claim_is_in_the_app_even_where_the_bank_leaves_app_true(tmp_path):
    from helpers.app import app_exercises, page
    from helpers.exercises import load_all_banks, load_bank

    banks = load_all_banks()
    claims = [ex for bank in banks.values() for ex in bank if isinstance(ex, Claim)]
    assert any(ex.app for ex in claims), "some banks leave their claim at the default app: true"
    assert [ex.id for bank in banks.values() for ex in app_exercises(bank) if isinstance(ex, Claim)] == []

    lesson = "01-recognition-1924"
    [claim] = [ex for ex in load_bank(lesson) if isinstance(ex, Claim)]
    tabs = page(lesson, store=ProgressStore(tmp_path / "p.sqlite"))
    views, _panel = tabs._truce_views
    assert views and claim.id not in {v.exercise.id for v in views}
    intro = tabs.children[1].children[0].value
    assert f"{len(views)} exercises from the lesson" in intro
    assert f"The written argument “{claim.title}” is not here: it is written in the lesson itself" in intro


def test_a_lesson_whose_exercises_are_all_claims_says_so_in_the_app(tmp_path, monkeypatch):
    from helpers import app

    class Paper(list):
        title = "The final paper"

    monkeypatch.setattr(app, "load_bank", lambda lesson: Paper([PAPER]))
    tabs = app.page("01-recognition-1924", store=ProgressStore(tmp_path / "p.sqlite"))
    assert tabs._truce_views[0] == []
    intro = tabs.children[1].children[0].value
    assert "has no exercises to answer on this page" in intro and "“t-essay”" in intro
