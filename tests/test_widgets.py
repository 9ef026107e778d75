"""The widgets, driven as a student would: set values, click the buttons, read the feedback shown and
the row saved in the progress database."""

from __future__ import annotations

import csv
import subprocess
import sys

import ipywidgets as W
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import progress
from helpers.exercises import explorer, load_bank, progress_summary, show
from helpers.exercises import widgets as views
from helpers.exercises.bank import load_all_banks
from helpers.progress import ProgressStore

BANK = load_bank("00-start-here")


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A fresh progress database for each test (TRUCE_PROGRESS_DB), read back with a second store."""
    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv("TRUCE_PROGRESS_DB", str(path))
    return ProgressStore(path)


def first(kind: str, **attrs):
    """The first exercise of a kind in the start-here bank, else in the lessons' banks in order."""
    everywhere = [BANK, *load_all_banks().values()]
    return next(
        ex
        for bank in everywhere
        for ex in bank
        if ex.kind == kind and all(getattr(ex, k) == v for k, v in attrs.items())
    )


# --- choice ---------------------------------------------------------------------------------------


def test_choice_wrong_then_right_as_a_student_would(db):
    ex = first("choice", multiple=False)
    wrong = next(o for o in ex.options if o.id not in ex.answer)
    w = show(ex.id)
    w.select(wrong.id)
    w.check_button.click()
    shown = w.feedback_html.value
    assert "✘ Not right." in shown and views.escape(wrong.feedback) in shown
    assert "attempt left" in shown or "attempts left" in shown
    assert views.escape(ex.explanation) not in shown, "no explanation before the last attempt"
    (row,) = db.attempts()
    assert (row["exercise_id"], row["lesson"], row["answer"], row["correct"], row["score"]) == (
        ex.id,
        ex.lesson,
        wrong.id,
        False,
        0.0,
    )

    w.select(ex.answer[0])
    w.check_button.click()
    assert "✔ Correct." in w.feedback_html.value and views.escape(ex.explanation) in w.feedback_html.value
    assert [r["correct"] for r in db.attempts()] == [False, True]
    assert w.warning_html.value == ""


def test_choice_last_attempt_shows_the_explanation(db):
    ex = first("choice", multiple=False)
    wrong = [o.id for o in ex.options if o.id not in ex.answer]
    w = show(ex)
    for attempt in range(ex.max_attempts):
        w.select(wrong[attempt % len(wrong)])
        w.check_button.click()
    assert "✘ Not right." in w.feedback_html.value and "Explanation:" in w.feedback_html.value
    assert len(db.attempts()) == ex.max_attempts


def test_checking_with_nothing_chosen_gives_feedback_and_saves_nothing(db):
    w = show(first("choice", multiple=False))
    w.check_button.click()
    assert "No answer yet" in w.feedback_html.value
    assert db.attempts() == []


def test_multiple_choice_with_checkboxes(db):
    ex = first("choice", multiple=True)
    w = show(ex)
    w.select(ex.answer[0])
    w.check_button.click()
    assert "◐ Partly right." in w.feedback_html.value
    w.select(*ex.answer)
    w.check_button.click()
    assert "✔ Correct." in w.feedback_html.value
    assert sorted(db.attempts()[-1]["answer"]) == sorted(ex.answer)  # the ticked set, in display order


def test_the_hint_button_shows_the_hint(db):
    ex = first("choice", multiple=False)
    w = show(ex)
    w.hint_button.click()
    assert views.escape(ex.hint) in w.hint_html.value


# --- chronology -----------------------------------------------------------------------------------


def test_chronology_up_and_down_buttons_reorder_and_feedback_names_pairs(db):
    ex = BANK["start-prologue-order"]
    w = show(ex)
    assert tuple(w.order) != ex.order, "the first order shown is not the answer"
    first_row = w.rows.children[0]
    up, down, label = first_row.children
    assert up.disabled and not down.disabled
    moved = w.order[0]
    down.click()
    assert w.order[1] == moved
    w.rows.children[1].children[0].click()  # and back up
    assert w.order[0] == moved
    w.check_button.click()
    assert "pairs out of order" in w.feedback_html.value and "came before" in w.feedback_html.value
    w.set_order(ex.order)
    w.check_button.click()
    assert "✔ Correct." in w.feedback_html.value
    rows = db.attempts()
    assert rows[-1]["answer"] == list(ex.order) and rows[-1]["correct"] is True and rows[0]["score"] < 1


# --- matching -------------------------------------------------------------------------------------


def test_matching_dropdowns(db):
    ex = BANK["start-who-said-it"]
    w = show(ex)
    assert all(d.value == "" for d in w.dropdowns.values())
    key = ex.key()
    wrong_right = next(r.id for r in ex.right if r.id != key["1"])
    w.match("1", wrong_right)
    w.match("2", key["2"])
    w.check_button.click()
    shown = w.feedback_html.value
    assert "1 of 4 pairs right." in shown and "does not go with" in shown and "no match chosen yet" in shown
    for left, right in key.items():
        w.match(left, right)
    w.check_button.click()
    assert "✔ Correct." in w.feedback_html.value
    assert db.attempts()[-1]["answer"] == key and db.attempts()[-1]["correct"] is True


# --- numeric --------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1,019,600", "1019600", "1 019 600 votes", "1.02 million", " 1,019,600 "])
def test_numeric_accepts_the_forms_students_type(db, typed):
    w = show("start-labour-vote-change")
    w.type(typed)
    w.check_button.click()
    assert "✔ Correct." in w.feedback_html.value
    assert db.attempts()[0]["answer"] == typed


def test_numeric_near_miss_and_unreadable_input(db):
    ex = BANK["start-labour-vote-change"]
    w = show(ex)
    w.type("5,317,686")
    w.check_button.click()
    assert views.escape(ex.near_misses[0].feedback) in w.feedback_html.value
    w.type("<script>alert('x')</script>")
    w.check_button.click()
    assert "⚠ Answer not understood." in w.feedback_html.value and "<script" not in w.feedback_html.value
    assert len(db.attempts()) == 1, "an unreadable answer uses no attempt and is not saved"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400) | st.sampled_from(["<b>1</b>", "1,000 & more", "💥" * 100, "\x00\u202e", "9" * 5000]))
def test_numeric_widget_gives_escaped_feedback_for_any_text(db, text):
    w = show("start-labour-vote-change", store=db)
    w.type(text)
    feedback = w.check()
    assert w.feedback_html.value.startswith('<div class="tr-feedback')
    assert "<b>1</b>" not in w.feedback_html.value and "<script" not in w.feedback_html.value
    assert feedback.headline in w.feedback_html.value


# --- source analysis ------------------------------------------------------------------------------


def test_source_analysis_save_reveal_and_self_assess(db):
    ex = BANK["start-mcneill-source"]
    w = show(ex)
    source_box = w.widget.children[1]
    assert views.escape(ex.source.headnote) in source_box.value and views.escape(ex.source.text) in source_box.value
    assert w.reveal_button.disabled and w.assess_button.disabled
    w.check_button.click()
    assert "No answer yet" in w.feedback_html.value and w.reveal_button.disabled
    hostile = "<script>alert('x')</script> McNeill, a minister, in the Commons"
    w.write("who", hostile)
    w.check_button.click()
    assert "✔ Answers saved." in w.feedback_html.value and "You answered 1 of 4 questions." in w.feedback_html.value
    assert not w.reveal_button.disabled
    w.reveal_button.click()
    assert all(views.escape(q.model_answer) in w.model_html.value for q in ex.questions)
    assert "&lt;script&gt;" in w.model_html.value and "<script" not in w.model_html.value
    w.tick(0, 3)
    w.assess_button.click()
    assert "You ticked 2 of 5 points." in w.assess_html.value
    answers, assessment = db.attempts()
    assert answers["answer"]["who"] == hostile and answers["correct"] is None
    assert assessment["score"] == pytest.approx(0.4) and assessment["answer"]["checklist"] == [
        ex.checklist[0],
        ex.checklist[3],
    ]


# --- explorer -------------------------------------------------------------------------------------


def test_the_explorer_filters_redraw_the_timeline_and_the_table():
    view = show("start-explorer")
    start, end = view.dates.value
    assert start.year == 1917 and end.year == 1923
    assert len(view.shown) and (view.shown["start_date"] <= "1923-12-31").all()
    view.dates.index = (0, len(view.dates.options) - 1)
    everything = len(view.shown)
    view.theme.value = "rupture"
    assert 0 < len(view.shown) < everything and set(view.shown["theme"]) == {"rupture"}
    assert "Rupture" in view.alt_text and f"Timeline of {len(view.shown)} event" in view.alt_text
    assert 'alt="Timeline of' in view.figure_html.value
    for title in view.shown["title"].head(5):
        assert views.escape(str(title)) in view.table_html.value
    view.theme.value = ""
    view.person.value = "krasin"
    assert len(view.shown) and view.shown["people"].map(lambda ids: "krasin" in ids).all()
    assert f"{len(view.shown)} event" in view.count_html.value


def test_the_explorer_lists_people_by_surname_for_the_chosen_dates_and_theme():
    from helpers.exercises.explorer_view import surname

    view = explorer()
    names = [label for label, value in view.person.options if value]
    assert names and names == sorted(names, key=lambda n: (surname(n), n)), "sorted by surname"
    assert [label for label, _ in view.theme.options if label[0].islower()] == [], "themes by their names"
    view.theme.value = "general_strike"
    narrowed = {value for _, value in view.person.options if value}
    named = {pid for ids in view.events[view.events["theme"] == "general_strike"]["people"] for pid in ids}
    assert narrowed == named and len(narrowed) < len(names), "only the people of the chosen theme"
    some = sorted(narrowed)[0]
    view.person.value = some
    view.theme.value = "forced_labour"  # the chosen person stays chosen (and is offered) even if not in it
    assert view.person.value == some and some in {v for _, v in view.person.options}
    view.person.value, view.theme.value = "", "trade_finance"
    assert "<td>Trade and finance</td>" in view.table_html.value and "tabindex='0'" in view.table_html.value


def test_the_explorer_says_so_when_nothing_matches():
    view = explorer()
    view.theme.value = "forced_labour"
    view.dates.index = (0, 0)
    assert view.shown.empty and "No events match" in view.table_html.value
    assert view.alt_text == "Timeline with no events."


# --- progress panel, failures ---------------------------------------------------------------------


def test_the_progress_panel_counts_and_exports(db, tmp_path):
    panel = views.ProgressView("00-start-here", export_dir=tmp_path)
    graded = len(BANK.graded)
    assert f"0 of {graded} done" in panel.summary_html.value
    w = show("start-balfour-1918")
    w.select("b")
    w.check_button.click()
    assert f"1 of {graded} done (1 correct)" in panel.summary_html.value, "the panel refreshes itself"
    assert panel.bar.value == 1 and panel.bar.max == graded
    panel.export_button.click()
    (path,) = tmp_path.glob("truce-and-rupture-answers-00-start-here-*.csv")
    assert [r["exercise_id"] for r in csv.DictReader(path.open(encoding="utf-8"))] == ["start-balfour-1918"]
    assert path.name in panel.export_html.value


def test_progress_summary_entry_point(db):
    panel = progress_summary("00-start-here")
    assert isinstance(panel, views.ProgressView) and "done" in panel.summary_html.value


def test_when_saving_fails_the_exercise_still_works_and_says_so(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("TRUCE_PROGRESS_DB", str(blocker / "progress.sqlite"))
    w = show("start-balfour-1918")
    w.select("b")
    w.check_button.click()
    assert "✔ Correct." in w.feedback_html.value
    assert "⚠ Warning:" in w.warning_html.value and "could not be saved" in w.warning_html.value
    assert w.last_save is not None and not w.last_save.ok


def test_a_corrupt_database_is_reported_in_the_widget(tmp_path, monkeypatch):
    path = tmp_path / "progress.sqlite"
    path.write_bytes(b"garbage" * 500)
    monkeypatch.setenv("TRUCE_PROGRESS_DB", str(path))
    w = show("start-balfour-1918")
    w.select("b")
    with pytest.warns(progress.ProgressWarning):
        w.check_button.click()
    assert "moved to" in w.warning_html.value and w.last_save.ok
    assert len(ProgressStore(path).attempts()) == 1


# --- accessibility and architecture ---------------------------------------------------------------

LABELLED = (W.Button, W.Checkbox, W.RadioButtons, W.Dropdown, W.Text, W.Textarea, W.SelectionRangeSlider, W.IntProgress)


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


@pytest.mark.parametrize("exercise_id", BANK.ids())
def test_every_control_has_a_label(db, exercise_id):
    view = show(exercise_id)
    root = view.widget
    if isinstance(view, views.SourceAnalysisView):
        view.check_button.click()
    controls = [w for w in walk(root) if isinstance(w, LABELLED)]
    assert controls
    for control in controls:
        assert control.description.strip(), f"{type(control).__name__} without a label in {exercise_id}"
        if isinstance(control, W.Button):
            assert control.tooltip, f"button {control.description!r} has no tooltip"


def test_feedback_never_relies_on_colour_alone(db):
    w = show("start-balfour-1918")
    for option in ("a", "b"):
        w.select(option)
        w.check_button.click()
        html = w.feedback_html.value
        assert 'role="status"' in html
        assert ("✘ Not right." in html) or ("✔ Correct." in html)


def test_entry_points_accept_ids_or_exercises_and_refuse_the_wrong_type(db):
    assert isinstance(views.choice("start-balfour-1918"), views.ChoiceView)
    assert isinstance(views.numeric(BANK["start-labour-vote-change"]), views.NumericView)
    with pytest.raises(TypeError, match="is a chronology, not a choice"):
        views.choice("start-prologue-order")
    bundle = show("start-balfour-1918")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_import_helpers_stays_cheap():
    code = (
        "import sys, helpers, helpers.exercises, helpers.progress\n"
        "heavy = [m for m in ('ipywidgets', 'matplotlib.pyplot', 'matplotlib', 'IPython') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
