"""scripts/split_link_tables.py: list columns become link tables, re-runnably; the loaders join them back."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

import helpers

SCRIPT = ROOT / "scripts" / "split_link_tables.py"


def split(root):
    return subprocess.run([sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, check=True).stdout


def test_a_list_column_merged_back_into_a_csv_is_split_out_again(data_copy):
    # as after merging a branch that still writes events.source_ids: the column is authoritative
    events = data_copy.rows("events")
    links = data_copy.rows("events_sources")
    first = events[0]["event_id"]
    for row in events:
        row["source_ids"] = ";".join(r["ref_id"] for r in links if r["event_id"] == row["event_id"])
    events[0]["source_ids"] = "enc-wikipedia-curzon;" + events[0]["source_ids"]
    data_copy.write("events", events, header=list(events[0]))
    out = split(data_copy.root)
    assert "events_sources.csv:" in out and "from events.csv column source_ids" in out
    assert "source_ids" not in data_copy.header("events")
    loaded = helpers.load_table("events", data_copy.root).set_index("event_id")
    assert loaded.at[first, "source_ids"][0] == "enc-wikipedia-curzon"
    assert helpers.checks.check_package(data_copy.root) == []
    assert "nothing to split" in split(data_copy.root)


def test_a_new_table_with_a_list_of_sources_gets_its_link_table(data_copy):
    # a new table with sources, as issue 15 added (named "readings", not to clash with data/extracts.csv):
    # declare source_ids as a list with a foreign key, run the script
    descriptor = json.loads((data_copy.root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append(
        {
            "name": "readings",
            "path": "readings.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "encoding": "utf-8",
            "title": "Readings",
            "schema": {
                "fields": [
                    {"name": "extract_id", "type": "string", "constraints": {"required": True}},
                    {"name": "source_ids", "type": "list", "delimiter": ";", "description": "Where it is printed."},
                    {"name": "text", "type": "string"},
                ],
                "primaryKey": ["extract_id"],
                "foreignKeys": [
                    {"fields": ["source_ids"], "reference": {"resource": "references", "fields": ["ref_id"]}}
                ],
            },
        }
    )
    (data_copy.root / "datapackage.json").write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
    (data_copy.root / "readings.csv").write_text(
        "extract_id,source_ids,text\nx-1,hc-1927-05-26-russo-british-relations;gorodetsky1977-ch6,Some words\n",
        encoding="utf-8",
    )
    split(data_copy.root)
    assert data_copy.header("readings") == ["extract_id", "text"]
    assert data_copy.rows("readings_sources") == [
        {"extract_id": "x-1", "ref_id": "hc-1927-05-26-russo-british-relations"},
        {"extract_id": "x-1", "ref_id": "gorodetsky1977-ch6"},
    ]
    frame = helpers.load_table("readings", data_copy.root)
    assert list(frame.columns) == ["extract_id", "source_ids", "text"]
    assert frame.at[0, "source_ids"] == ("hc-1927-05-26-russo-british-relations", "gorodetsky1977-ch6")
    assert "readings" in helpers.table_names(data_copy.root)
    assert helpers.checks.check_package(data_copy.root) == []
