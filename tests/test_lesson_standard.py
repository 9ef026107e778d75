"""The lesson standard (../shared/LESSONS.md, issues 16 and 17), checked mechanically for every lesson.

What is measured lives in :mod:`helpers.standard` (``python -m helpers standard`` prints the same figures);
these tests fail on any shortfall, and the tests at the end prove that each check can fail.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from helpers.editions.catalogue import catalogue
from helpers.exercises import load_bank
from helpers.exercises.model import Choice, Option, spread_keys
from helpers.standard import CORE_WORDS, Measure, choice_balance, measure, problems

LESSONS = [x.id for x in catalogue()]
FIRST_HALF = [x for x in LESSONS if x[:2] in ("00", "01", "02", "03", "04")]


@pytest.fixture(scope="module")
def measures() -> dict[str, Measure]:
    return {lesson: measure(lesson) for lesson in LESSONS}


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_meets_the_standard(measures, lesson):
    short = problems(measures[lesson])
    assert not short, f"{lesson} falls short of the lesson standard:\n- " + "\n- ".join(short)


@pytest.mark.parametrize("group", [FIRST_HALF, LESSONS], ids=["lessons 00-04", "the whole pack"])
def test_choice_keys_are_neither_longest_nor_in_one_place(measures, group):
    balance = choice_balance([measures[x] for x in group])
    assert balance["items"] > 0
    assert balance["key_longest"] * 3 <= balance["items"], (
        f"the key is the longest option in {balance['key_longest']} of {balance['items']} single-answer items"
    )
    assert balance["top_position_share"] <= 0.4, f"keys by position: {balance['positions']}"


def test_the_whole_pack_is_at_least_half_higher_order(measures):
    demands = Counter()
    for m in measures.values():
        demands.update(m.demands)
    total = sum(demands.values())
    higher = demands["analysis"] + demands["evaluation"] + demands["argument"]
    assert total and higher * 2 >= total, f"{higher} of {total} exercises are higher-order: {dict(demands)}"


def test_every_lesson_has_its_central_question_and_claim(measures):
    for lesson, m in measures.items():
        assert m.central_question.endswith("?"), f"{lesson}: central question {m.central_question!r}"
        assert m.paper or len(m.claims) == 1, f"{lesson}: claims {m.claims}"  # a paper: every question is one


def test_option_order_is_the_same_everywhere_and_differs_between_exercises():
    seen = set()
    for lesson in LESSONS:
        for ex in load_bank(lesson):
            if isinstance(ex, Choice) and len(ex.options) > 2:
                again = load_bank(lesson)[ex.id]
                assert [o.id for o in ex.display_order] == [o.id for o in again.display_order]
                seen.add(tuple(o.id for o in ex.display_order))
    assert len(seen) > 1, "every choice exercise shows its options in the same order"


# ---- each check can fail -------------------------------------------------------------------------------


def test_a_lesson_that_breaks_every_rule_is_told_each_one():
    bad = Measure(
        "99-bad",
        central_question="",
        minutes=(60, 45),
        pre_reading="",
        core_words=CORE_WORDS + 1,
        bad_extension_starts=["abc"],
        teacher_cells=2,
        show_code=6,
        demands=Counter({"recall": 3, "(none)": 1}),
        exercises=4,
        claim_problems=["has 0 claim exercises; the standard asks for exactly one"],
        note_anchors_missing=["gone"],
        hint_leaks=["x: the hint states the key"],
        answers_before_question=["y: 51 appears before the question"],
        missing_headings=["Before the seminar"],
        types=Counter({"choice": 4}),
    )
    found = "\n".join(problems(bad))
    for expected in (
        "Central question",
        "105 min",
        "Before the seminar",
        "4 exercises of 1 types",
        f"{CORE_WORDS + 1} words",
        "'Extension' heading",
        "2 teacher cells",
        "6 cells tagged show-code",
        "do not state their demand",
        "0% of exercises are higher-order",
        "exactly one",
        "'gone'",
        "hint states the key",
        "51 appears before",
    ):
        assert expected in found, f"not reported: {expected}"


def test_a_numeric_answer_printed_above_its_question_is_caught(tmp_path, monkeypatch):
    from helpers.standard import _mentions

    assert _mentions("Labour lost 51 seats.", 51) and _mentions("a fall of 1,200 men", 1200)
    assert not _mentions("in 1951 and vol 151", 51) and not _mentions("51.5 per cent", 51)


def test_the_colab_cells_commit_hash_is_not_read_as_an_answer(tmp_path):
    """A pinned hash such as ...c7c... must not count as the numeric answer 7 printed above its question."""
    import nbformat
    from conftest import ROOT

    lesson = "07-restoration-1929-31"
    nb = nbformat.read(ROOT / "notebooks" / f"{lesson}.ipynb", as_version=4)
    colab = next(c for c in nb.cells if "colab-install" in c.metadata.get("tags", []))
    colab.source = 'PACK = "git+https://example.org/pack@c7c7c 7 7"'
    nbformat.write(nb, tmp_path / f"{lesson}.ipynb")
    assert not [p for p in measure(lesson, tmp_path).answers_before_question if "restor-trade-rank" in p]
    intro = next(c for c in nb.cells if c.cell_type == "markdown")
    intro.source += "\n\nBritain came 7th among the Soviet Union's suppliers."
    nbformat.write(nb, tmp_path / f"{lesson}.ipynb")
    assert "restor-trade-rank: 7 appears before the question" in measure(lesson, tmp_path).answers_before_question


def test_keys_spread_over_positions_when_authored_all_first():
    items = [
        Choice(
            id=f"q{i}",
            lesson="x",
            prompt="?",
            options=tuple(Option(o, f"option {o}", "") for o in "abcd"),
            answer=("a",),
        )
        for i in range(12)
    ]
    positions = Counter(q.label("a") for q in spread_keys("x", items))
    assert max(positions.values()) <= 3 and set(positions) == set("ABCD")


def test_no_lesson_notebook_holds_teacher_material():
    for lesson in catalogue():
        nb = json.loads(lesson.path.read_text(encoding="utf-8"))
        tagged = [c.get("id") for c in nb["cells"] if "teacher" in c.get("metadata", {}).get("tags", [])]
        text = "\n".join("".join(c.get("source", "")) for c in nb["cells"])
        assert not tagged, f"{lesson.id}: teacher cells {tagged}"
        assert "teacher=True" not in text, f"{lesson.id}: a cell asks for teacher-only output"
