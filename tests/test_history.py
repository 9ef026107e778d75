"""Historical sense: checks that cannot be satisfied by accident, each shown to fail on a planted error."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
import helpers.checks
from helpers import holder_on

LESSONS_WITH_EVENTS = [
    "00-start-here",
    "01-recognition-1924",
    "02-doing-nothing-1925",
    "03-trade-union-alliance",
    "04-general-strike-1926",
    "05-healing-the-breach-1926",
    "06-rupture-1927",
    "07-restoration-1929-31",
]


def test_counts_of_the_record():
    assert len(helpers.load_events()) >= 120
    assert len(helpers.load_people()) >= 50
    assert len(helpers.load_quotations()) >= 40
    assert len(helpers.load_glossary()) >= 40
    assert len(helpers.load_disputes()) >= 10


def test_no_event_outside_1917_to_1939():
    ev = helpers.load_events()
    assert ev["start_date"].min() >= pd.Timestamp("1917-01-01")
    assert ev["start_date"].max() <= pd.Timestamp("1939-12-31")


def test_an_event_outside_the_period_is_refused(data_copy):
    line = data_copy.edit("events", 0, start_date="1905-01-22")
    problems = helpers.checks.check_package(data_copy.root)
    assert any(p.line == line and p.column == "start_date" for p in problems)


def test_every_lesson_has_at_least_ten_events():
    counts = helpers.load_events()["lesson"].value_counts()
    for lesson in LESSONS_WITH_EVENTS:
        assert counts.get(lesson, 0) >= 10, f"{lesson} has {counts.get(lesson, 0)} events"


def test_real_data_passes_the_history_checks():
    assert helpers.checks.check_package() == []


def test_overlapping_holders_of_a_sole_post_are_caught(data_copy):
    rows = data_copy.rows("offices")
    fs = [r for r in rows if r["post_id"] == "uk_foreign_secretary" and r["person_id"] == "chamberlain_austen"][0]
    rows.append(
        {
            **fs,
            "tenure_id": "t-uk_foreign_secretary-macdonald-1926",
            "person_id": "macdonald",
            "start_date": "1926-01-01",
            "start_precision": "day",
            "end_date": "1926-02-01",
            "end_precision": "day",
        }
    )
    data_copy.write("offices", rows)
    links = data_copy.rows("offices_sources")
    source = next(r["ref_id"] for r in links if r["tenure_id"] == fs["tenure_id"])
    data_copy.write(
        "offices_sources", links + [{"tenure_id": "t-uk_foreign_secretary-macdonald-1926", "ref_id": source}]
    )
    problems = helpers.checks.check_package(data_copy.root)
    assert any("macdonald takes up uk_foreign_secretary" in p.message and "sole post" in p.message for p in problems)


def test_nobody_acts_after_death(data_copy):
    rows = data_copy.rows("events")
    event = next(r["event_id"] for r in rows if r["start_date"] >= "1929-01-01")
    data_copy.write("events_people", data_copy.rows("events_people") + [{"event_id": event, "person_id": "krasin"}])
    problems = helpers.checks.check_package(data_copy.root)
    assert any("krasin died in 1926" in p.message for p in problems)


def test_quotation_speaker_alive_on_its_date():
    people = helpers.load_people().set_index("person_id")
    for q in helpers.load_quotations().itertuples():
        died, born = people.at[q.speaker_id, "died"], people.at[q.speaker_id, "born"]
        if pd.notna(died):
            assert q.date.year <= died, q.quote_id
        if pd.notna(born):
            assert q.date.year >= born + 10, q.quote_id


def test_a_quotation_after_death_is_caught(data_copy):
    rows = data_copy.rows("quotations")
    i = next(n for n, r in enumerate(rows) if r["speaker_id"] == "chamberlain_austen")
    line = data_copy.edit("quotations", i, speaker_id="krasin", date="1929-01-01")
    problems = helpers.checks.check_package(data_copy.root)
    assert any(p.line == line and "krasin died in 1926 but is quoted in 1929" in p.message for p in problems)


def test_quotations_are_short_and_cited():
    q = helpers.load_quotations()
    words = q["text"].str.split().str.len()
    assert (words <= 45).all(), q.loc[words > 45, "quote_id"].tolist()
    assert q["citation"].str.len().min() > 10


@pytest.mark.parametrize(
    "post, date, person",
    [
        ("uk_foreign_secretary", "1927-05-12", "chamberlain_austen"),
        ("uk_home_secretary", "1927-05-12", "joynson_hicks"),
        ("uk_prime_minister", "1924-08-08", "macdonald"),
        ("uk_prime_minister", "1929-12-20", "macdonald"),
        ("uk_foreign_secretary", "1929-10-03", "henderson_arthur"),
        ("soviet_commissar_foreign_affairs", "1926-07-13", "chicherin"),
    ],
)
def test_office_lookups_agree_with_hansard(post, date, person):
    # Each is confirmed by Hansard, which names the minister answering on that day (see the offices' sources).
    assert holder_on(post, date) == person


def test_every_row_says_how_it_was_checked():
    for name in ("events", "people", "offices", "documents"):
        frame = helpers.load_table(name)
        assert frame["verified_by"].notna().all(), name


def test_disputes_have_at_least_two_claims_and_follow_one_of_their_own():
    disputes = helpers.load_disputes().set_index("dispute_id")
    claims = helpers.load_dispute_claims()
    for dispute_id, group in claims.groupby("dispute_id"):
        followed = disputes.at[dispute_id, "pack_follows"]
        if pd.notna(followed):
            assert followed in set(group["claim_id"]), dispute_id
    sizes = claims.groupby("dispute_id").size()
    assert (sizes >= 2).all(), sizes[sizes < 2].index.tolist()


def test_seed_error_about_the_zinoviev_letter_book_is_recorded():
    refs = helpers.load_references()
    book = refs[refs["title"].str.contains("Zinoviev Letter", case=False) & (refs["kind"] == "book")]
    assert len(book) >= 1
    row = book.iloc[0]
    assert "Chester" in row["author"] and "Carter" in str(row["note"])
