"""Exercises generated from the tables: repeatable with a seed, right by the tables, never ambiguous."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers import DataError
from helpers.exercises import generate, generate_matching


def _events():
    return helpers.load_events().set_index("event_id")


@pytest.mark.parametrize("theme", ["rupture", "general_strike", "domestic_politics"])
def test_a_chronology_by_theme_is_repeatable_and_right_by_the_table(theme):
    a = generate.chronology(theme=theme, n=5, seed=11)
    assert a == generate.chronology(theme=theme, n=5, seed=11)
    events = _events()
    keys = [a.item(i).key for i in a.order]
    assert all(events.at[k, "theme"] == theme for k in keys)
    assert all(events.at[k, "certainty"] == "certain" for k in keys)
    dates = [events.at[k, "start_date"] for k in keys]
    assert dates == sorted(dates)
    assert set(a.source_ids) == {r for k in keys for r in events.at[k, "source_ids"]}
    assert a.id == f"gen-chronology-{theme}-5-11"


def test_different_seeds_draw_different_chronologies():
    drawn = {
        tuple(sorted(i.key for i in generate.chronology(lesson="06-rupture-1927", n=5, seed=s).items)) for s in range(8)
    }
    assert len(drawn) > 1


def test_item_labels_give_nothing_away():
    for seed in range(10):
        ex = generate.chronology(lesson="01-recognition-1924", n=6, seed=seed)
        assert [i.id for i in ex.items] == list("ABCDEF")
        assert "".join(ex.order) != "ABCDEF", "listed order is never the answer"
        assert all(not i.id.startswith("ev-") for i in ex.items)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(4, 8))
def test_every_pair_in_a_generated_chronology_can_be_told_apart(seed, n):
    ex = generate.chronology(n=n, seed=seed)
    events = _events()
    dated = [generate.Dated(events.at[i.key, "start_date"], events.at[i.key, "date_precision"]) for i in ex.items]
    assert generate.clear_order(dated)
    assert len(ex.items) == n


def test_asking_for_too_many_or_a_bad_theme_is_explained():
    with pytest.raises(ValueError, match="between 4 and 8"):
        generate.chronology(theme="rupture", n=12)
    with pytest.raises(ValueError, match="is not a theme; choose one of"):
        generate.chronology(theme="battles", n=4)
    with pytest.raises(DataError, match="only 0 events"):
        generate.chronology(lesson="08-interpretations", n=4)


def test_dates_known_only_to_the_month_or_year_are_not_ordered_against_that_month():
    d = lambda s, p="day": generate.Dated(pd.Timestamp(s), p)  # noqa: E731
    assert d("1927-05-12").before(d("1927-05-27"))
    assert not d("1927-05-01", "month").before(d("1927-05-27"))
    assert d("1927-04-01", "month").before(d("1927-05-02"))
    assert not d("1927-01-01", "year").before(d("1927-12-31"))
    assert generate.date_label(pd.Timestamp("1927-05-01"), "month") == "May 1927"


def test_quotations_to_speakers_uses_different_speakers_and_the_people_table():
    ex = generate_matching.quotations_to_speakers(lesson="06-rupture-1927", n=4, seed=5)
    q = helpers.load_quotations().set_index("quote_id")
    names = helpers.load_people().set_index("person_id")["name"]
    speakers = [q.at[i.key, "speaker_id"] for i in ex.left]
    assert len(set(speakers)) == 4
    for left, right in ex.pairs:
        assert ex.right_item(right).text == names[q.at[ex.left_item(left).key, "speaker_id"]]
    assert ex == generate_matching.quotations_to_speakers(lesson="06-rupture-1927", n=4, seed=5)


def test_people_to_offices_matches_the_offices_table():
    on = "1927-05-12"
    ex = generate_matching.people_to_offices(on, n=4, seed=2)
    assert ex.check(ex.key()).status == "correct"
    names = helpers.load_people().set_index("person_id")["name"]
    titles = helpers.load_posts().set_index("title")["post_id"]
    offices = helpers.load_offices()
    when = pd.Timestamp(on)
    for left, right in ex.pairs:
        person = ex.left_item(left).key
        post = titles[ex.right_item(right).text]
        held = offices[
            (offices.person_id == person)
            & (offices.post_id == post)
            & (offices.start_date < when)
            & (offices.end_date.isna() | (offices.end_date > when))
        ]
        assert len(held) == 1, (names[person], post)


def test_documents_to_dates_labels_dates_as_precisely_as_known():
    ex = generate_matching.documents_to_dates(n=4, seed=1)
    docs = helpers.load_documents().set_index("doc_id")
    for left, right in ex.pairs:
        doc = ex.left_item(left).key
        assert ex.right_item(right).text == generate.date_label(docs.at[doc, "date"], docs.at[doc, "date_precision"])
    assert len({ex.right_item(r).text for _, r in ex.pairs}) == 4


def test_matching_right_hand_labels_are_in_alphabetical_order_of_text():
    ex = generate_matching.quotations_to_speakers(n=5, seed=9)
    texts = [ex.right_item(i).text for i in ex.right_display_order()]
    assert texts == sorted(texts, key=str.casefold)
    assert [i.id for i in ex.right] == [chr(ord("A") + k) for k in range(len(ex.right))]


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 1000), data=st.data())
def test_a_generated_matching_scores_the_share_of_right_pairs(seed, data):
    ex = generate_matching.quotations_to_speakers(n=4, seed=seed)
    rights = [r.id for r in ex.right]
    answer = {left.id: data.draw(st.sampled_from(rights)) for left in ex.left}
    expected = sum(answer[k] == v for k, v in ex.pairs) / len(ex.pairs)
    assert ex.check(answer).score == pytest.approx(expected, abs=1e-3)


def test_every_generated_exercise_checks_every_permutation_without_error():
    ex = generate.chronology(theme="rupture", n=4, seed=0)
    statuses = {ex.check(list(p)).status for p in itertools.permutations([i.id for i in ex.items])}
    assert statuses <= {"correct", "partial", "incorrect"} and "correct" in statuses
