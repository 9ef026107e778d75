"""The checking logic, called directly: every type, scoring, attempts, and any input at all (hypothesis)."""

from __future__ import annotations

import ast
import itertools

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.exercises.arranging import Chronology, Item, Matching
from helpers.exercises.model import Attempts, Choice, Feedback, Option, safe_check
from helpers.exercises.numeric import NearMiss, Numeric, format_number, parse_number
from helpers.exercises.written import GuidingQuestion, Source, SourceAnalysis

CHOICE = Choice(
    id="t-choice",
    lesson="00-start-here",
    prompt="When?",
    skill="chronology",
    options=(
        Option("a", "1921", "Yes: the trade agreement."),
        Option("b", "1924", "No: that is recognition."),
        Option("c", "1927", "No: that is the break."),
    ),
    answer=("a",),
    explanation="Because the agreement was signed in 1921.",
    hint="Think trade.",
    max_attempts=2,
)
MULTI = Choice(
    id="t-multi",
    lesson="00-start-here",
    prompt="Which?",
    skill="chronology",
    multiple=True,
    options=tuple(Option(k, f"option {k}", f"feedback {k}") for k in "abcd"),
    answer=("a", "b"),
    explanation="a and b.",
)
CHRONO = Chronology(
    id="t-chrono",
    lesson="00-start-here",
    prompt="Order them.",
    explanation="In date order.",
    items=tuple(Item(k, f"event {k}") for k in "ABCD"),
    order=("C", "A", "D", "B"),
)
MATCH = Matching(
    id="t-match",
    lesson="00-start-here",
    prompt="Match.",
    explanation="Thus.",
    left=(Item("1", "Balfour"), Item("2", "Churchill"), Item("3", "Baldwin")),
    right=(
        Item("A", "Chancellor"),
        Item("B", "Foreign Secretary"),
        Item("C", "Secretary for War"),
        Item("D", "Lord Privy Seal"),
    ),
    pairs=(("1", "B"), ("2", "C"), ("3", "A")),
)
NUMERIC = Numeric(
    id="t-num",
    lesson="00-start-here",
    prompt="How many?",
    answer=1019600,
    tolerance=500,
    unit="votes",
    near_misses=(NearMiss(5317686, "That is the 1924 total."),),
    explanation="5,317,686 - 4,298,086.",
)
SOURCE = SourceAnalysis(
    id="t-src",
    lesson="00-start-here",
    prompt="Read.",
    source=Source("quotation", "q-x", "Words.", "Headnote.", "HC Deb"),
    questions=(
        GuidingQuestion("who", "sourcing", "Who?", "McNeill."),
        GuidingQuestion("why", "close reading", "Why?", "Because."),
    ),
    checklist=("named the speaker", "quoted words", "compared"),
)
ALL = [CHOICE, MULTI, CHRONO, MATCH, NUMERIC, SOURCE]


# --- choice ---------------------------------------------------------------------------------------


def test_choice_right_and_wrong_answers_carry_the_options_own_feedback():
    right, wrong = CHOICE.check("a"), CHOICE.check("c")
    assert (right.status, right.correct, right.score) == ("correct", True, 1.0)
    assert right.headline.startswith("✔") and "Correct" in right.headline
    assert (wrong.status, wrong.correct, wrong.score) == ("incorrect", False, 0.0)
    assert wrong.headline.startswith("✘") and "Not right" in wrong.headline
    assert wrong.details == ("1927 — No: that is the break.",)


@pytest.mark.parametrize(
    "answer, status",
    [
        ("", "empty"),
        ("   ", "empty"),
        (None, "empty"),
        ([], "empty"),
        ("z", "invalid"),
        (["a", "b"], "invalid"),
        ({"a": 1}, "invalid"),
        (3.5, "invalid"),
        (object(), "invalid"),
        (" a ", "correct"),
        (["a"], "correct"),
    ],
)
def test_choice_odd_answers_get_feedback_not_exceptions(answer, status):
    feedback = CHOICE.check(answer)
    assert feedback.status == status
    assert feedback.details, "every answer gets words of feedback"
    assert feedback.counted == (status == "correct")


def test_multiple_choice_scores_partial_answers_and_penalises_wrong_ticks():
    assert MULTI.check(["a", "b"]).status == "correct"
    partial = MULTI.check(["a"])
    assert (partial.status, partial.score) == ("partial", 0.5)
    assert "1 correct option not chosen yet." in partial.details
    assert MULTI.check(["a", "c"]).score == 0.0
    assert MULTI.check(["a", "b", "c"]).status == "partial"
    assert MULTI.check(["c", "d"]).status == "incorrect"


def test_answer_key_names_the_right_option_only():
    # the key is named by the letter a student sees (its shuffled position), never by the authored id
    assert CHOICE.answer_key() == [f"{CHOICE.label('a')}) 1921"]
    assert CHOICE.label("a") in "ABCD"
    assert sorted(MULTI.answer_key()) == sorted(f"{MULTI.label(i)}) option {i}" for i in "ab")


# --- chronology -----------------------------------------------------------------------------------


def test_chronology_names_the_pairs_out_of_order():
    fb = CHRONO.check(["A", "C", "D", "B"])  # C and A swapped
    assert fb.status == "partial"
    assert fb.details[0] == "1 of 6 pairs out of order:"
    assert fb.details[1] == "“event C” came before “event A”, not after it."
    assert fb.score == pytest.approx(5 / 6, abs=1e-3)
    assert CHRONO.check(list(CHRONO.order)).status == "correct"
    reverse = CHRONO.check(list(reversed(CHRONO.order)))
    assert (reverse.status, reverse.score) == ("incorrect", 0.0)
    assert reverse.details[-1] == "… and 1 more pairs out of order."


def test_chronology_rejects_lists_that_are_not_a_permutation():
    assert CHRONO.check(["A", "B"]).status == "invalid"
    assert CHRONO.check(["A", "A", "B", "C"]).status == "invalid"
    assert CHRONO.check([]).status == "empty"


def test_chronology_display_order_is_never_the_answer():
    in_order = Chronology(
        id="x", lesson="00-start-here", prompt="p", items=tuple(Item(k, k) for k in "ABCD"), order=("A", "B", "C", "D")
    )
    assert in_order.display_order() != in_order.order
    assert sorted(in_order.display_order()) == sorted(in_order.order)


@given(st.permutations(["A", "B", "C", "D"]))
def test_chronology_score_counts_pairs_in_order(perm):
    fb = CHRONO.check(perm)
    rank = {k: i for i, k in enumerate(CHRONO.order)}
    inversions = sum(rank[a] > rank[b] for a, b in itertools.combinations(perm, 2))
    assert fb.score == pytest.approx(1 - inversions / 6, abs=1e-3)
    assert fb.correct == (inversions == 0)


# --- matching -------------------------------------------------------------------------------------


def test_matching_says_which_pairs_are_wrong_without_giving_the_answer():
    fb = MATCH.check({"1": "B", "2": "A", "3": "A"})
    assert fb.status == "partial" and fb.score == pytest.approx(2 / 3, abs=1e-3)
    assert fb.details[0] == "2 of 3 pairs right."
    assert "2. Churchill — does not go with Chancellor." in fb.details
    assert not any("Secretary for War" in d for d in fb.details)
    assert MATCH.check(dict(MATCH.pairs)).status == "correct"
    assert MATCH.check({"1": "B"}).details[-1] == "3. Baldwin — no match chosen yet."


@pytest.mark.parametrize(
    "answer, status",
    [
        (None, "empty"),
        ({}, "empty"),
        ({"1": ""}, "empty"),
        ("B", "invalid"),
        (["1", "B"], "invalid"),
        ({"1": "Z"}, "invalid"),
        ({"9": "A"}, "empty"),
    ],
)
def test_matching_odd_answers(answer, status):
    assert MATCH.check(answer).status == status


# --- numeric --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,000", 1000),
        ("£26,427", 26427),
        ("26427", 26427),
        ("  26427  ", 26427),
        ("5.3 million", 5_300_000),
        ("1.02m", 1_020_000),
        ("$81m", 81_000_000),
        ("81 million dollars", 81_000_000),
        ("1 019 600 votes", 1_019_600),
        ("1\u202f019\u202f600", 1_019_600),
        ("−12", -12),
        ("-1,019,600", -1_019_600),
        ("12k", 12_000),
        (".5", 0.5),
        ("１２３", 123),
        ("about 1,019,600 votes", 1_019_600),
        (42, 42),
        (4.5, 4.5),
    ],
)
def test_parse_number_reads_what_students_type(text, value):
    assert parse_number(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["", "twelve", "1923 and 1924", "x" * 20_000, None, True, float("nan"), [1], 10**400, "9" * 400]
)
def test_parse_number_explains_what_it_cannot_read(text):
    parsed = parse_number(text)
    assert parsed.value is None and parsed.problem


def test_numeric_checks_within_tolerance_and_names_likely_mistakes():
    assert NUMERIC.check("1,019,600").status == "correct"
    assert NUMERIC.check("1.02 million votes").status == "correct"  # 400 away, inside ±500
    assert NUMERIC.check("1,021,000").status == "incorrect"
    assert NUMERIC.check("5,317,686").details[1] == "That is the 1924 total."
    assert NUMERIC.check("100").details[1] == NUMERIC.feedback_low
    assert NUMERIC.check("9,999,999").details[1] == NUMERIC.feedback_high
    assert NUMERIC.check("").status == "empty"
    assert NUMERIC.check("lots").status == "invalid"
    assert NUMERIC.check("1,019,600").details == ("You wrote 1,019,600 votes.",)


def test_format_number():
    assert format_number(1019600.0) == "1,019,600"
    assert format_number(0.125) == "0.125"


# --- source analysis ------------------------------------------------------------------------------


def test_source_analysis_saves_answers_and_scores_the_checklist():
    fb = SOURCE.check({"who": "McNeill, in the Commons", "why": ""})
    assert fb.status == "submitted" and fb.correct is None and fb.counted
    assert fb.details[0] == "You answered 1 of 2 questions."
    assert SOURCE.check({"who": "  ", "why": ""}).status == "empty"
    assert SOURCE.check("just a string").status == "submitted"
    assessed = SOURCE.self_assess(["0", "2"])
    assert assessed.status == "assessed" and assessed.score == pytest.approx(2 / 3, abs=1e-3)
    assert SOURCE.self_assess(["7", "x"]).score == 0.0


# --- attempts -------------------------------------------------------------------------------------


def test_explanation_appears_only_after_a_right_answer_or_the_last_attempt():
    tries = Attempts(CHOICE)
    first = tries.submit("b")
    assert first.explanation is None and first.attempts_left == 1 and first.hint == "Think trade."
    assert tries.submit("").status == "empty" and tries.count == 1, "an empty answer uses no attempt"
    last = tries.submit("c")
    assert last.explanation == CHOICE.explanation and tries.finished
    assert "Explanation: Because" in last.as_text()

    tries = Attempts(CHOICE)
    assert tries.submit("a").explanation == CHOICE.explanation


def test_safe_check_turns_a_bug_into_feedback():
    class Broken(Choice):
        def check(self, answer):
            raise RuntimeError("bug")

    fb = safe_check(Broken(id="b", lesson="00-start-here", prompt="p"), "a")
    assert fb.status == "invalid" and "could not be checked" in fb.details[0]


# --- any input at all -----------------------------------------------------------------------------

anything = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=300)
    | st.sampled_from(
        ["", " ", "<script>alert(1)</script>", "１,０００", "\u202e\u0000", "🙂" * 50, "1e309", "a" * 12_000]
    ),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=5), inner, max_size=6),
    max_leaves=12,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(answer=anything)
def test_every_checker_answers_any_input_with_feedback(answer):
    for exercise in ALL:
        fb = exercise.check(answer)
        assert isinstance(fb, Feedback)
        assert fb.headline and fb.details
        assert fb.score is None or 0.0 <= fb.score <= 1.0
        assert isinstance(fb.as_text(), str)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from(["", "£", "$", "€"]),
    st.sampled_from(["", " votes", " dollars", " people"]),
    st.booleans(),
)
def test_numbers_with_commas_currency_and_units_read_back_exactly(n, currency, unit, commas):
    body = f"{abs(n):,}" if commas else str(abs(n))
    text = ("-" if n < 0 else "") + currency + body + unit
    assert parse_number(text).value == n


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_numeric_check_never_raises_on_text(text):
    assert NUMERIC.check(text).status in {"correct", "incorrect", "empty", "invalid"}


# --- the logic layer imports no views -------------------------------------------------------------


@pytest.mark.parametrize("module", ["model.py", "bank.py", "generate.py", "generate_matching.py", "static.py"])
def test_logic_modules_import_no_widgets_or_pyplot(module):
    tree = ast.parse((ROOT / "src/helpers/exercises" / module).read_text())
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(n.startswith(("ipywidgets", "matplotlib.pyplot", "IPython")) for n in names)
    if module == "model.py":
        assert not any(n.startswith(("pandas", "numpy", "matplotlib")) for n in names), "model is pure Python"
