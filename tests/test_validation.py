"""A broken file raises DataError naming the file, the line and the column; odd but valid files load."""

from __future__ import annotations

import pytest

import helpers
import helpers.checks
from helpers import DataError


def problems_for(data_copy):
    return helpers.checks.check_package(data_copy.root)


def test_the_real_package_is_valid():
    summary = helpers.validate()
    assert summary["tables"] == len(helpers.table_names())


def test_missing_column(data_copy):
    rows = data_copy.rows("trade")
    header = [h for h in data_copy.header("trade") if h != "ussr_imports_from_uk"]
    data_copy.write("trade", rows, header)
    with pytest.raises(DataError) as err:
        helpers.load_table("trade", data_copy.root)
    p = err.value.problems[0]
    assert p.path.endswith("trade.csv") and p.line == 1 and p.column == "ussr_imports_from_uk"
    assert "missing" in str(err.value)


def test_unparseable_date(data_copy):
    line = data_copy.edit("references", 0, sitting_date="1927-02-30")
    with pytest.raises(DataError) as err:
        helpers.load_table("references", data_copy.root)
    assert (err.value.line, err.value.column) == (line, "sitting_date")
    assert "'1927-02-30' is not a date" in str(err.value)
    assert "references.csv" in str(err.value)


def test_value_outside_vocabulary(data_copy):
    line = data_copy.edit("elections", 5, party="Communist")
    with pytest.raises(DataError) as err:
        helpers.load_table("elections", data_copy.root)
    assert (err.value.line, err.value.column) == (line, "party")
    assert "'Communist' is not in the vocabulary" in str(err.value)


def test_duplicate_key(data_copy):
    rows = data_copy.rows("trade")
    rows.append(dict(rows[3]))
    data_copy.write("trade", rows)
    with pytest.raises(DataError) as err:
        helpers.load_table("trade", data_copy.root)
    assert err.value.line == len(rows) + 1
    assert "duplicate key" in str(err.value) and "line 5" in str(err.value)


def test_dangling_reference(data_copy):
    line = data_copy.edit("trade_sources", 2, ref_id="no-such-ref")
    found = problems_for(data_copy)
    assert any(
        p.path.endswith("trade_sources.csv")
        and p.line == line
        and p.column == "ref_id"
        and "'no-such-ref' does not match any ref_id in references.csv" in p.message
        for p in found
    )
    with pytest.raises(DataError):
        helpers.validate(data_copy.root)


def test_link_to_a_row_that_does_not_exist(data_copy):
    line = data_copy.edit("events_people", 0, event_id="ev-no-such-event")
    found = problems_for(data_copy)
    assert any(
        p.path.endswith("events_people.csv")
        and p.line == line
        and p.column == "event_id"
        and "'ev-no-such-event' does not match any event_id in events.csv" in p.message
        for p in found
    )


def test_composite_link_key_is_checked(data_copy):
    line = data_copy.edit("trade_partners_sources", 0, ccode="9999")
    found = problems_for(data_copy)
    assert any(
        p.path.endswith("trade_partners_sources.csv") and p.line == line and p.column == "year+ccode" for p in found
    )


def test_row_with_no_source(data_copy):
    first = data_copy.rows("capabilities")[0]
    links = data_copy.rows("capabilities_sources")
    data_copy.write(
        "capabilities_sources", [r for r in links if (r["country"], r["year"]) != (first["country"], first["year"])]
    )
    assert helpers.load_table("capabilities", data_copy.root)["source_ids"].iloc[0] == ()
    found = problems_for(data_copy)
    assert [(p.path.rsplit("/", 1)[-1], p.line, p.column) for p in found] == [("capabilities.csv", 2, "source_ids")]
    assert "has no sources" in found[0].message and "uncertain_rows.csv" in found[0].message


def test_empty_file(data_copy):
    data_copy.path("trade").write_text("")
    with pytest.raises(DataError, match="trade.csv: file is empty"):
        helpers.load_table("trade", data_copy.root)


def test_not_a_number_names_line_and_column(data_copy):
    line = data_copy.edit("trade", 7, uk_imports_from_ussr="77 million")
    with pytest.raises(DataError) as err:
        helpers.load_table("trade", data_copy.root)
    assert (err.value.line, err.value.column) == (line, "uk_imports_from_ussr")


def test_wrong_number_of_values_names_the_line(data_copy):
    text = data_copy.path("trade").read_text().splitlines()
    text[4] += ",extra"
    data_copy.path("trade").write_text("\n".join(text) + "\n")
    with pytest.raises(DataError) as err:
        helpers.load_table("trade", data_copy.root)
    assert err.value.line == 5 and "values but the header names" in str(err.value)


def test_not_utf8_is_explained(data_copy):
    # the bad byte is in the link table: loading trade (which joins it) names that file
    raw = data_copy.path("trade_sources").read_bytes()
    data_copy.path("trade_sources").write_bytes(raw.replace(b"cow-trade-v4", b"cow-trade-v4\xe9", 1))
    with pytest.raises(DataError, match="not UTF-8") as err:
        helpers.load_table("trade", data_copy.root)
    assert err.value.path.endswith("trade_sources.csv") and err.value.line == 2


def test_utf8_bom_loads(data_copy):
    path = data_copy.path("references")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    frame = helpers.load_table("references", data_copy.root)
    assert frame.columns[0] == "ref_id"
    assert frame.equals(helpers.load_references())
    assert not helpers.checks.check_package(data_copy.root)


def test_windows_line_endings_load(data_copy):
    path = data_copy.path("elections")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    frame = helpers.load_table("elections", data_copy.root)
    assert frame.equals(helpers.load_elections())


def test_many_problems_are_all_reported(data_copy):
    data_copy.edit("trade", 1, year="nineteen")
    data_copy.edit("trade", 2, ussr_imports_from_uk="-5")
    with pytest.raises(DataError) as err:
        helpers.load_table("trade", data_copy.root)
    assert len(err.value.problems) == 2
    assert "2 problems" in str(err.value)


def test_end_before_start_is_caught(data_copy):
    rows = data_copy.rows("events")
    if not rows:
        pytest.skip("events table not filled yet")
    line = data_copy.edit("events", 0, end_date="1900-01-01")
    assert any(p.line == line and p.column == "end_date" for p in problems_for(data_copy))


def test_validate_command_exits_non_zero_and_names_the_file(data_copy):
    import subprocess
    import sys

    data_copy.edit("trade", 0, year="1919")
    result = subprocess.run([sys.executable, "-m", "helpers", "validate"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "trade.csv, line 2, column 'year'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_same_source_twice_for_a_row_names_the_link_table_line(data_copy):
    links = data_copy.rows("events_sources")
    data_copy.write("events_sources", links[:3] + [links[2]] + links[3:])
    with pytest.raises(DataError) as err:
        helpers.load_table("events", data_copy.root)
    assert err.value.path.endswith("events_sources.csv")
    assert (err.value.line, err.value.column) == (5, "event_id+ref_id")
    assert "duplicate key" in str(err.value) and "line 4" in str(err.value)
