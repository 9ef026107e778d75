"""The data package passes the reference Frictionless validator (frictionless 5), as any outside tool sees it."""

from __future__ import annotations

import frictionless
from conftest import DATA


def errors_of(report) -> list[tuple[str, str, int | None, str]]:
    """(resource, error type, row number, note) of every error in a frictionless report."""
    found = [("package", e.type, None, e.note) for e in report.errors]
    for task in report.tasks:
        found += [(task.name, e.type, getattr(e, "row_number", None), e.note) for e in task.errors]
    return found


def test_the_package_passes_the_reference_validator():
    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert errors_of(report) == []
    assert report.valid
    names = {task.name for task in report.tasks}
    assert {"events", "events_sources", "events_people", "references"} <= names


def test_a_broken_foreign_key_in_a_link_table_is_reported(data_copy):
    line = data_copy.edit("events_sources", 3, ref_id="no-such-ref")
    report = frictionless.validate(str(data_copy.root / "datapackage.json"))
    assert not report.valid
    found = errors_of(report)
    assert len(found) == 1, found
    resource, kind, row, note = found[0]
    assert (resource, kind, row) == ("events_sources", "foreign-key", line)
    assert '"no-such-ref" not found in the lookup table "references"' in note
