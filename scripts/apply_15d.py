"""Apply the issue 15 item 4 research (Soviet decision-making, ``research/15d-*.csv``) to the data package.

Reads the rows written by ``research/build_15d.py`` and puts them into ``data/``:

- ``15d-events.csv`` -> ``events.csv`` + ``events_people``, ``events_organisations``, ``events_sources``;
- ``15d-people.csv`` / ``15d-organisations.csv`` -> new rows in ``people.csv`` / ``organisations.csv``;
- ``15d-people-edits.csv`` / ``15d-organisations-edits.csv`` -> one field replaced, sources added;
- ``15d-disputes.csv`` / ``15d-dispute-claims.csv`` -> ``disputes.csv`` / ``dispute_claims.csv``;
- ``15d-new-references.csv`` -> new rows in ``references.csv`` (an id already there is left as it is);

then runs ``scripts/source_policy.py`` (tiers, deny-list, uncertain rows).

Re-runnable (the lead re-runs it after merging branches that touch the same CSVs): a row is upserted by
its id, in place if it is already there; its link rows are replaced where they stood. An edit replaces
only its field and adds its sources to the ones the row already has (never removes one). Running it twice
changes nothing the second time.

A 15d reference that duplicates one already in the pack is cited as that one (:data:`SAME_REF`); a copy
on a deny-listed host is cited without its url (the Time mirrors). A source id that resolves nowhere (the
issue 21 pass removed it) is dropped with a warning.

    .venv/bin/python scripts/apply_15d.py [--no-policy]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_issue15 import clean_text, clean_url  # noqa: E402
from split_link_tables import read_csv, write_csv  # noqa: E402

RESEARCH = ROOT / "research"

# 15d reference id -> the reference already in references.csv for the same work or page.
SAME_REF = {
    "book-jacobson-1994": "web-cdlib-jacobson1994-war-scare",  # same url (section 'The War Scare of 1927')
    "news-hokitika-guardian-1924-11-24-british-politics": "news-paperspast-hog-1924-11-24-british-politics",
    "book-aldrich-black-door": "aldrich-black-door",
    "book-service-spies-and-commissars": "book-service-2011-spies-and-commissars",
    "web-marxists-fagan-rakovsky": "enc-marxists-fagan-rakovsky",
}

# Fields of a new reference corrected on the way in (what the page seen shows, nothing more).
REF_FIXES = {
    "news-time-1927-06-13-trotzky-v-stalin": {
        "note": "Text read in a copy on a mirror of the Time archive (not cited); the article is Time's own report of 1927.",
    },
    "article-spsr-1927-war-scare": {
        "note": "Only the publisher's abstract was read; the page seen shows neither author nor year.",
    },
}

# table -> (key column, {list column in the 15d file: (link table, link column)})
TABLES = {
    "events": (
        "event_id",
        {
            "people": ("events_people", "person_id"),
            "organisations": ("events_organisations", "org_id"),
            "source_ids": ("events_sources", "ref_id"),
        },
    ),
    "people": ("person_id", {"source_ids": ("people_sources", "ref_id")}),
    "organisations": ("org_id", {"source_ids": ("organisations_sources", "ref_id")}),
    "disputes": ("dispute_id", {"source_ids": ("disputes_sources", "ref_id")}),
    "dispute_claims": ("claim_id", {"source_ids": ("dispute_claims_sources", "ref_id")}),
}


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh)]


def split_ids(cell: str) -> list[str]:
    """``"a; b;a"`` -> ``["a", "b"]`` with :data:`SAME_REF` applied.

    >>> split_ids("book-jacobson-1994; x;x")
    ['web-cdlib-jacobson1994-war-scare', 'x']
    """
    out: list[str] = []
    for item in (cell or "").split(";"):
        item = SAME_REF.get(item.strip(), item.strip())
        if item and item not in out:
            out.append(item)
    return out


class Package:
    """The CSVs of ``data/`` being edited, read once and written once."""

    def __init__(self, data: Path):
        self.data = data
        self.tables: dict[str, tuple[list[str], list[list[str]]]] = {}

    def table(self, name: str) -> tuple[list[str], list[list[str]]]:
        if name not in self.tables:
            self.tables[name] = read_csv(self.data / f"{name}.csv")
        return self.tables[name]

    def keys(self, name: str, column: str) -> set[str]:
        header, rows = self.table(name)
        i = header.index(column)
        return {r[i] for r in rows}

    def upsert(self, name: str, row: dict[str, str]) -> str:
        """Put ``row`` (by the table's first column) in place of the row with its id, or at the end."""
        header, rows = self.table(name)
        missing = [c for c in header if c not in row]
        if missing:
            raise SystemExit(f"{name}: row {row.get(header[0])!r} has no {', '.join(missing)}")
        new = [row[c] for c in header]
        for i, old in enumerate(rows):
            if old[0] == new[0]:
                rows[i] = new
                return "same" if old == new else "replaced"
        rows.append(new)
        return "added"

    def set_field(self, name: str, key: str, field: str, value: str) -> bool:
        header, rows = self.table(name)
        col = header.index(field)
        for row in rows:
            if row[0] == key:
                changed = row[col] != value
                row[col] = value
                return changed
        raise SystemExit(f"{name}: no row {key!r} to edit (column {field})")

    def links(self, link: str, key: str) -> list[str]:
        header, rows = self.table(link)
        return [r[1] for r in rows if r[0] == key]

    def set_links(self, link: str, key: str, targets: list[str]) -> None:
        """Replace ``key``'s rows of a link table where the first of them stood (else at the end)."""
        header, rows = self.table(link)
        at = next((i for i, r in enumerate(rows) if r[0] == key), len(rows))
        kept = [r for r in rows[:at] if r[0] != key] + [[key, t] for t in targets]
        kept += [r for r in rows[at:] if r[0] != key]
        rows[:] = kept

    def write(self) -> None:
        for name, (header, rows) in self.tables.items():
            write_csv(self.data / f"{name}.csv", header, rows)


def resolve(pkg: Package, ids: list[str], where: str, known: set[str]) -> list[str]:
    out = []
    for ref in ids:
        if ref in known:
            out.append(ref)
        else:
            print(f"warning: {where}: source {ref!r} is in no reference row; dropped")
    return out


def add_references(pkg: Package) -> list[str]:
    header, rows = pkg.table("references")
    have = {r[0] for r in rows}
    added = []
    for ref in rows_of(RESEARCH / "15d-new-references.csv"):
        rid = ref["ref_id"]
        if rid in SAME_REF or rid in have:
            continue
        ref.update(REF_FIXES.get(rid, {}))
        ref["url"] = clean_url(ref.get("url", ""))
        ref["note"] = clean_text(ref.get("note", ""))
        rows.append([ref.get(c, "") for c in header])
        have.add(rid)
        added.append(rid)
    return added


def apply_rows(pkg: Package, table: str, path: Path, known_refs: set[str]) -> dict[str, int]:
    key, lists = TABLES[table]
    counts: dict[str, int] = {}
    for row in rows_of(path):
        rid = row[key]
        status = pkg.upsert(table, {c: v for c, v in row.items() if c not in lists})
        for column, (link, _) in lists.items():
            targets = split_ids(row.get(column, ""))
            if column == "source_ids":
                targets = resolve(pkg, targets, f"{table} {rid}", known_refs)
            pkg.set_links(link, rid, targets)
        counts[status] = counts.get(status, 0) + 1
    return counts


def apply_edits(pkg: Package, table: str, path: Path, known_refs: set[str]) -> int:
    key, lists = TABLES[table]
    link = lists["source_ids"][0]
    changed = 0
    for edit in rows_of(path):
        rid = edit[key]
        changed += pkg.set_field(table, rid, edit["field"], edit["new"])
        new = resolve(pkg, split_ids(edit["source_ids"]), f"{table} {rid} (edit)", known_refs)
        old = pkg.links(link, rid)
        pkg.set_links(link, rid, old + [r for r in new if r not in old])
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-policy", action="store_true", help="do not run scripts/source_policy.py")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    pkg = Package(args.data)

    added = add_references(pkg)
    refs = pkg.keys("references", "ref_id")
    report = [f"references: {len(added)} added"]
    for table, name in [
        ("people", "15d-people.csv"),
        ("organisations", "15d-organisations.csv"),
        ("events", "15d-events.csv"),
        ("disputes", "15d-disputes.csv"),
        ("dispute_claims", "15d-dispute-claims.csv"),
    ]:
        report.append(f"{table}: {apply_rows(pkg, table, RESEARCH / name, refs)}")
    for table, name in [("people", "15d-people-edits.csv"), ("organisations", "15d-organisations-edits.csv")]:
        report.append(f"{table}: {apply_edits(pkg, table, RESEARCH / name, refs)} field(s) changed by edits")

    people, orgs = pkg.keys("people", "person_id"), pkg.keys("organisations", "org_id")
    for link, col, known in [("events_people", 1, people), ("events_organisations", 1, orgs)]:
        _, rows = pkg.table(link)
        bad = sorted({r[col] for r in rows if r[col] not in known})
        if bad:
            raise SystemExit(f"{link}.csv: ids in no row of their table: {', '.join(bad)}")
    pkg.write()
    print("\n".join(report))
    if not args.no_policy:
        return subprocess.call([sys.executable, str(ROOT / "scripts" / "source_policy.py"), str(args.data)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
