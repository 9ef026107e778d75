"""Apply the pack's source hierarchy to the data: tiers, the deny-list, and rows marked uncertain.

Run it after ``scripts/split_link_tables.py`` (it works on the link tables) and after any merge or
research pass that adds references or sources; every step is re-runnable and changes only what it must:

1. **Tiers.** Every reference with an empty ``tier`` gets one by :func:`rule` (kind first, then year and
   the few exceptions in :data:`OVERRIDES`). A tier already in references.csv is never changed: correct
   one by hand and it stays. The rule is documented in data/README.md.
2. **Deny-list.** Every reference whose url is on data/source_denylist.txt is removed from every link
   table, from the exercises' ``source_ids``, from the lessons' ``sources(...)``/``further_reading(...)``
   calls and from references.csv.
3. **Uncertain rows.** Every row of a table with sources that has no primary or scholarly source is
   listed in data/uncertain_rows.csv with the reason ``helpers.sourcing.AWAITING`` (rows already listed
   keep their reason), and research/failing-rows.csv lists them for whoever looks for sources.

    .venv/bin/python scripts/source_policy.py [data]     # default: the data folder beside this script
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_link_tables import read_csv, write_csv  # noqa: E402

# Where the rule by kind and year gets a reference wrong, by id, with the reason.
OVERRIDES = {
    # scholarship in the form of a document or a thesis
    "thesis-vanvleck1977-borodin": "scholarly",  # MA thesis
    "bennett1999": "scholarly",  # FCO historian's study
    "doc-fco-history-notes-3-locarno": "scholarly",  # FCO Historians, History Notes
    "enc-degras-ecci-1926-zinoviev": "scholarly",  # Degras's editorial headnote (edition of documents)
    # contemporary publications and participants' memoirs without a year in the table
    "doc-googlebooks-rakovsky-reply-1924-10-25": "primary",  # pamphlet of 1924
    "book-googlebooks-f4rAAAAIAAJ-p251": "primary",  # volume of 1924-25
    "book-nearing-world-labor-unity-ch8": "primary",  # Scott Nearing, 1926
    "article-quarterly-review-trades-union-report": "primary",  # contemporary review of the 1925 report
    "article-hodgson-history-today-part1": "primary",  # the Official Agent's memoir
    "article-hodgson-history-today-part2": "primary",
    "enc-maisky-memoir": "primary",  # Maisky's memoir
    # texts of documents, debates and contemporary reports read on a site that is not their publisher
    "web-theyworkforyou-1931-05-18-foreign-office": "primary",
    "web-gwpda-trade-agreement-1921": "primary",
    "web-wikisource-gompers-p185": "primary",
    "web-usa-history-ru-hodgson-note-1924": "primary",
    "web-his95-soviet-note-1924-02-08": "primary",
    "web-detskiysad-sbornik-1924-notes": "primary",
    "web-cqpress-1924-russian-recognition": "primary",
    "web-halsbury-official-secrets-act": "primary",  # the Act's text
    # scholarship on a web page
    "web-commonslibrary-sn02608-swing": "scholarly",  # House of Commons Library research briefing
    "enc-marxists-fagan-rakovsky": "scholarly",  # Gus Fagan's introduction to an edition
    "web-cercles-review-shepherd-laybourn": "scholarly",  # review in an academic journal
    "web-docslib-vickers-labour-minority-governments": "scholarly",
    "web-docslib-shepherd-laybourn-notes": "scholarly",
    "web-docslib-maynard-thesis": "scholarly",
    "web-trantor-special-branch-ch11": "scholarly",
    "web-trantor-general-strike-footnote": "scholarly",
    # journalism, reviews and magazines filed as articles
    "web-bbchistory-2024-labours-leap-to-power": "web",
    "web-guardian-putting-a-bar-on-moscow-gold": "web",
    "enc-nyrb-borodin": "web",
    "enc-labouraffairs-moher-citrine-1925": "web",
    "web-labouraffairs-moher-2018-citrine-visit": "web",
}
# Reference works written and signed by named scholars count as scholarly (matched in the container).
SCHOLARLY_REFERENCE = (
    "Oxford Dictionary of National Biography",
    "Dictionary of Welsh Biography",
    "Oxford Companion",
    "Oxford Reference",
)
#: The last year whose press and publications count as contemporary (primary).
CONTEMPORARY_PRESS = 1945
CONTEMPORARY_BOOKS = 1939


def rule(ref: dict[str, str]) -> str:
    """The tier of a reference (a references.csv row) by the pack's rule.

    >>> rule({"ref_id": "x", "kind": "hansard", "year": "1927", "container": ""})
    'primary'
    >>> rule({"ref_id": "x", "kind": "book", "year": "1977", "container": ""})
    'scholarly'
    >>> rule({"ref_id": "x", "kind": "book", "year": "1926", "container": ""})
    'primary'
    >>> rule({"ref_id": "x", "kind": "encyclopaedia", "year": "", "container": "Wikipedia"})
    'reference'
    """
    if ref["ref_id"] in OVERRIDES:
        return OVERRIDES[ref["ref_id"]]
    kind, year = ref["kind"], int(ref["year"]) if ref.get("year", "").strip() else None
    if kind in ("hansard", "document", "report"):
        return "primary"
    if kind == "newspaper":
        return "primary" if year is None or year <= CONTEMPORARY_PRESS else "web"
    if kind in ("book", "chapter", "article"):
        return "primary" if year is not None and year <= CONTEMPORARY_BOOKS else "scholarly"
    if kind == "dataset":
        return "scholarly"
    if kind == "encyclopaedia":
        return "scholarly" if any(s in ref.get("container", "") for s in SCHOLARLY_REFERENCE) else "reference"
    return "web"


TIER_FIELD = {
    "name": "tier",
    "type": "string",
    "description": "Where the reference stands: primary (debates, papers, treaties, contemporary press), "
    "scholarly (books, articles, theses, editions, reference works by named scholars), "
    "reference (general encyclopaedias) or web (everything else). See data/README.md.",
    "constraints": {"required": True, "enum": ["primary", "scholarly", "reference", "web"]},
}
UNCERTAIN_RESOURCE = {
    "name": "uncertain_rows",
    "path": "uncertain_rows.csv",
    "profile": "tabular-data-resource",
    "format": "csv",
    "encoding": "utf-8",
    "title": "Rows marked uncertain",
    "description": "Rows of any table with sources that do not (yet) rest on a primary or scholarly source, "
    "with the reason. They stay in the record, marked, and are kept out of exercises.",
    "dialect": {"delimiter": ",", "header": True, "doubleQuote": True},
    "schema": {
        "fields": [
            {
                "name": "table",
                "type": "string",
                "description": "The table, e.g. events.",
                "constraints": {"required": True},
            },
            {
                "name": "row_id",
                "type": "string",
                "description": "The row's primary key; several key columns joined by '|', e.g. 1927|365.",
                "constraints": {"required": True},
            },
            {
                "name": "reason",
                "type": "string",
                "description": "Why the row is uncertain.",
                "constraints": {"required": True, "minLength": 10},
            },
        ],
        "primaryKey": ["table", "row_id"],
    },
}


def add_schema(data: Path) -> None:
    """Declare references.tier and the uncertain_rows table, if they are not declared yet; leave the
    rule that a row has sources to helpers.sourcing (it lets a row marked uncertain have none)."""
    path = data / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resources = descriptor["resources"]
    refs = next(r for r in resources if r["name"] == "references")
    names = [f["name"] for f in refs["schema"]["fields"]]
    if "tier" not in names:
        refs["schema"]["fields"].insert(names.index("kind") + 1, TIER_FIELD)
    for res in resources:  # "at least one source" is checked by helpers.sourcing, which allows uncertain rows
        spec = res.get("x-list-field", {})
        if spec.get("field") == "source_ids":
            spec["constraints"] = {
                k: v for k, v in spec.get("constraints", {}).items() if k not in ("required", "minLength")
            }
    if not any(r["name"] == "uncertain_rows" for r in resources):
        resources.append(UNCERTAIN_RESOURCE)
    path.write_text(json.dumps(descriptor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if not (data / "uncertain_rows.csv").exists():
        write_csv(data / "uncertain_rows.csv", ["table", "row_id", "reason"], [])


def fill_tiers(data: Path) -> int:
    header, rows = read_csv(data / "references.csv")
    if "tier" not in header:
        at = header.index("kind") + 1
        header.insert(at, "tier")
        rows = [row[:at] + [""] + row[at:] for row in rows]
    at = header.index("tier")
    filled = 0
    for row in rows:
        if not row[at].strip():
            row[at] = rule(dict(zip(header, row)))
            filled += 1
    write_csv(data / "references.csv", header, rows)
    return filled


def remove_denied(data: Path) -> list[str]:
    """Remove deny-listed references everywhere; return their ids."""
    from helpers.sourcing import denied_host, denylist

    hosts = denylist(data)
    header, rows = read_csv(data / "references.csv")
    url = header.index("url")
    denied = [row[0] for row in rows if denied_host(row[url], hosts)]
    if not denied:
        return []
    gone = set(denied)
    write_csv(data / "references.csv", header, [row for row in rows if row[0] not in gone])
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res.get("x-list-field", {}).get("field") == "source_ids":
            header, rows = read_csv(data / res["path"])
            write_csv(data / res["path"], header, [row for row in rows if row[-1] not in gone])
    flow = re.compile(r"^(\s*source_ids:\s*\[)([^\]]*)(\].*)$")
    for bank in sorted((data / "exercises").glob("*.yaml")):
        lines = bank.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            m = flow.match(line)
            if m:
                kept = [x.strip() for x in m.group(2).split(",") if x.strip() and x.strip() not in gone]
                lines[i] = m.group(1) + ", ".join(kept) + m.group(3)
        bank.write_text("\n".join(lines), encoding="utf-8")
    for path in sorted((data.parent / "notebooks").rglob("*.ipynb")):  # sources(...) and further_reading(...) calls
        notebook = json.loads(path.read_text(encoding="utf-8"))
        changed = False
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            text = new = "".join(cell["source"])
            for ref_id in denied:
                new = re.sub(r'"' + re.escape(ref_id) + r'",[ \t]*', "", new)
                new = re.sub(r',\s*"' + re.escape(ref_id) + r'"', "", new)
            new = re.sub(r",[ \t]+\n", ",\n", re.sub(r"\n[ \t]+\n", "\n", new))
            if new != text:
                cell["source"], changed = new.splitlines(keepends=True), True
        if changed:
            path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return denied


def mark_uncertain(data: Path, report: Path | None) -> dict[str, int]:
    """List every row without a primary or scholarly source in uncertain_rows.csv; return counts by table."""
    from helpers.data import cached_table
    from helpers.schema import package
    from helpers.sourcing import AWAITING, STRONG

    pkg = package(data)
    refs = cached_table(pkg.table("references"))[0]
    tiers = dict(zip(refs["ref_id"], refs["tier"].astype(str)))
    header, marked = read_csv(data / "uncertain_rows.csv")
    listed = {(r[0], r[1]) for r in marked}
    counts: dict[str, int] = {}
    failing = []
    for name, table in pkg.tables.items():
        if not any(link.field.name == "source_ids" for link in table.links):
            continue
        frame = cached_table(table)[0]
        for ids, *key in zip(frame["source_ids"], *(frame[k] for k in table.primary_key)):
            if any(tiers.get(i) in STRONG for i in ids):
                continue
            rid = "|".join(map(str, key))
            failing.append([name, rid, ";".join(ids)])
            if (name, rid) not in listed:
                marked.append([name, rid, AWAITING])
                listed.add((name, rid))
            counts[name] = counts.get(name, 0) + 1
    write_csv(data / "uncertain_rows.csv", ["table", "row_id", "reason"], marked)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        write_csv(report, ["table", "row_id", "source_ids"], failing)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?", default=ROOT / "data", help="the data folder (default: data)")
    parser.add_argument(
        "--report",
        type=Path,
        default=ROOT / "research" / "failing-rows.csv",
        help="where to list the rows without a primary or scholarly source",
    )
    args = parser.parse_args(argv)
    add_schema(args.data)
    print(f"tiers filled: {fill_tiers(args.data)}")
    denied = remove_denied(args.data)
    print(f"deny-listed references removed: {len(denied)}" + (f" ({', '.join(denied)})" if denied else ""))
    counts = mark_uncertain(args.data, args.report)
    print(
        f"rows without a primary or scholarly source: {sum(counts.values())} "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
