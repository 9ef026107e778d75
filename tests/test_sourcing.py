"""The source hierarchy: tiers, the deny-list, rows marked uncertain (helpers.sourcing, `make validate`)."""

from __future__ import annotations

import csv

from conftest import DATA

import helpers
from helpers import sourcing


def refs_by_id():
    with (DATA / "references.csv").open(encoding="utf-8", newline="") as fh:
        return {r["ref_id"]: r for r in csv.DictReader(fh)}


def problems_for(data_copy):
    return helpers.checks.check_package(data_copy.root)


def test_every_reference_has_a_tier_and_none_is_deny_listed():
    refs = helpers.load_references()
    assert set(refs["tier"].astype(str)) <= set(sourcing.TIERS)
    hosts = sourcing.denylist()
    assert len(hosts) > 30 and "wikimili.com" in hosts and "piglix.com" in hosts
    assert [r for r in refs["url"] if sourcing.denied_host(r, hosts)] == []


def test_the_rule_puts_the_kinds_where_the_readme_says():
    refs = refs_by_id()
    assert refs["hc-1927-05-26-russo-british-relations"]["tier"] == "primary"
    assert refs["gorodetsky1977-ch5"]["tier"] == "scholarly"
    assert refs["cow-trade-v4"]["tier"] == "scholarly"
    assert all(r["tier"] in ("reference", "scholarly") for r in refs.values() if r["kind"] == "encyclopaedia")


def test_a_deny_listed_url_is_reported_with_its_line(data_copy):
    rows = data_copy.rows("references")
    i = next(n for n, r in enumerate(rows) if r["url"].startswith("https://en.wikipedia.org/"))
    line = data_copy.edit("references", i, url=rows[i]["url"].replace("en.wikipedia.org", "www.wikimili.com"))
    found = [p for p in problems_for(data_copy) if p.column == "url"]
    assert len(found) == 1 and found[0].line == line and found[0].path.endswith("references.csv")
    assert "wikimili.com is on the deny-list" in found[0].message


def test_a_row_resting_only_on_encyclopaedias_fails_unless_marked_uncertain(data_copy):
    events = data_copy.rows("events")
    links = data_copy.rows("events_sources")
    marked = {(r["table"], r["row_id"]) for r in data_copy.rows("uncertain_rows")}
    i, event = next((n, r["event_id"]) for n, r in enumerate(events) if ("events", r["event_id"]) not in marked)
    weak = next(r for r in refs_by_id().values() if r["tier"] == "reference")["ref_id"]
    data_copy.write(
        "events_sources", [r for r in links if r["event_id"] != event] + [{"event_id": event, "ref_id": weak}]
    )
    found = problems_for(data_copy)
    assert [(p.path.rsplit("/", 1)[-1], p.line, p.column) for p in found] == [("events.csv", i + 2, "source_ids")]
    assert f"rests only on reference sources ({weak})" in found[0].message
    data_copy.write(
        "uncertain_rows",
        data_copy.rows("uncertain_rows") + [{"table": "events", "row_id": event, "reason": sourcing.AWAITING}],
    )
    assert problems_for(data_copy) == []
    assert sourcing.is_uncertain("events", event, data_copy.root)


def test_a_stale_or_dangling_uncertain_mark_is_reported(data_copy):
    rows = data_copy.rows("uncertain_rows")
    awaiting = next(r for r in rows if r["reason"] == sourcing.AWAITING and r["table"] == "people")
    strong = next(r for r in refs_by_id().values() if r["tier"] == "primary")["ref_id"]
    data_copy.write(
        "people_sources", data_copy.rows("people_sources") + [{"person_id": awaiting["row_id"], "ref_id": strong}]
    )
    data_copy.write(
        "uncertain_rows", rows + [{"table": "events", "row_id": "ev-no-such-row", "reason": "a test of the check"}]
    )
    messages = [p.message for p in problems_for(data_copy)]
    assert any("now has a primary or scholarly source" in m and awaiting["row_id"] in m for m in messages)
    assert any("no row 'ev-no-such-row'" in m for m in messages)


def test_uncertain_rows_are_listed_for_the_researchers():
    with (DATA.parent / "research" / "failing-rows.csv").open(encoding="utf-8", newline="") as fh:
        failing = {(r["table"], r["row_id"]) for r in csv.DictReader(fh)}
    marked = set(sourcing.uncertain_rows())
    assert failing and failing <= marked


def test_sources_are_ordered_primary_and_scholarly_first():
    ids = ["enc-wikipedia-curzon", "gorodetsky1977-ch5", "hc-1918-01-10-statement-by-mr-balfour"]
    assert sourcing.by_tier(ids) == [
        "gorodetsky1977-ch5",
        "hc-1918-01-10-statement-by-mr-balfour",
        "enc-wikipedia-curzon",
    ]


def test_a_card_shows_evidence_first_and_marks_the_background():
    from helpers import lesson

    events = helpers.load_events()
    tiers = dict(zip(helpers.load_references()["ref_id"], helpers.load_references()["tier"].astype(str)))
    row = next(
        e
        for e in events.itertuples()
        if any(tiers[i] in sourcing.STRONG for i in e.source_ids) and tiers[e.source_ids[0]] not in sourcing.STRONG
    )
    html = lesson.event(row.event_id).html
    sources = html[html.index("Sources: ") :]
    strong, weak = helpers.queries.source_list(row.source_ids)
    assert sources.index(lesson.escape(strong[0])) < sources.index('<span class="tr-weak">also: ')
    assert all(w.endswith(("(encyclopaedia)", "(web page)")) for w in weak)


def test_the_bibliography_groups_every_reference_by_tier():
    from helpers import lesson

    text = lesson.bibliography().text
    headings = [line for line in text.splitlines() if not line.startswith("  ")]
    assert [h.split(":")[0].split(" (")[0] for h in headings] == [
        "Primary sources",
        "Scholarship",
        "General encyclopaedias",
        "Other web pages",
    ]
    counts = [int(h.rsplit("(", 1)[1].rstrip(")")) for h in headings]
    assert sum(counts) == len(helpers.load_references()) == len(text.splitlines()) - len(headings)


def test_the_handout_index_carries_the_bibliography():
    from helpers import editions

    page = editions.render_index([], "student")
    assert "Sources: the bibliography" in page and "tr-bibliography-primary" in page
    assert page.index("tr-bibliography-primary") < page.index("tr-bibliography-web")


def test_an_event_card_says_when_its_row_is_marked_uncertain(data_copy):
    from helpers import lesson

    # every event now rests on a primary or scholarly source: mark one uncertain in a copy of the data
    event = data_copy.rows("events")[0]["event_id"]
    data_copy.write(
        "uncertain_rows",
        data_copy.rows("uncertain_rows") + [{"table": "events", "row_id": event, "reason": "a test of the card"}],
    )
    certain = data_copy.rows("events")[1]["event_id"]
    assert "marked uncertain: a test of the card" in lesson.event(event).html
    assert "marked uncertain" not in lesson.event(certain).html
