"""scripts/apply_15d.py: the issue 15 item 4 rows go into data/ by id, and re-running it changes nothing."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    spec = importlib.util.spec_from_file_location("apply_15d", ROOT / "scripts" / "apply_15d.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_rerunning_on_the_committed_data_changes_nothing(data_copy):
    load_script().main(["--no-policy", "--data", str(data_copy.root)])
    names = sorted(p.name for p in (ROOT / "data").glob("*.csv"))
    changed = [n for n in names if (data_copy.root / n).read_bytes() != (ROOT / "data" / n).read_bytes()]
    assert not changed, f"re-running apply_15d changed {changed}"


def test_a_lost_event_is_restored_with_its_links_and_an_edit_keeps_older_sources(data_copy):
    data = data_copy.root
    event = "ev-1926-06-03-politburo-debates-strike"
    for name in ("events", "events_people", "events_organisations", "events_sources"):
        path = data / f"{name}.csv"
        kept = [r for r in rows(path) if r["event_id"] != event]
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(kept[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(kept)
    # a merge brought chicherin a source the 15d edit does not list: the edit must keep it
    with (data / "people_sources.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write("chicherin,hc-1927-05-05-anglo-russian-relations\n")

    load_script().main(["--no-policy", "--data", str(data)])

    assert event in {r["event_id"] for r in rows(data / "events.csv")}
    assert {r["person_id"] for r in rows(data / "events_people.csv") if r["event_id"] == event} == {"stalin", "trotsky"}
    sources = [r["ref_id"] for r in rows(data / "people_sources.csv") if r["person_id"] == "chicherin"]
    assert "hc-1927-05-05-anglo-russian-relations" in sources
    assert len(sources) == len(set(sources)), "an edit duplicated a source"


def test_duplicate_references_are_cited_as_the_existing_row():
    script = load_script()
    assert script.split_ids("book-jacobson-1994;x; x") == ["web-cdlib-jacobson1994-war-scare", "x"]
    refs = {r["ref_id"] for r in rows(ROOT / "data" / "references.csv")}
    assert not set(script.SAME_REF) & refs, "a duplicate reference row was added to references.csv"
    assert set(script.SAME_REF.values()) <= refs
