"""Import the issue 15 research drafts into the data package: extracts, document sets, interpretations.

Reads ``research/extracts-draft.csv``, ``research/document_sets-draft.csv``,
``research/interpretations-draft.csv`` and the proposed documents and references
(``research/extracts-new-documents.csv``, ``research/*-new-references.csv``), and writes

- ``data/extracts.csv`` + ``extracts_sources.csv``;
- ``data/document_sets.csv`` + ``document_sets_sources.csv``;
- ``data/interpretations.csv`` + ``interpretations_sources.csv`` and one evidence link table per target
  table (``interpretations_evidence_events.csv``, ``..._extracts.csv``, ``..._figures.csv``), so that
  every id is a plain foreign key that any Frictionless tool can check;
- new rows in ``documents.csv`` (+ ``documents_sources.csv``) and ``references.csv`` (ids already there
  are left as they are);
- the three tables' resources in ``datapackage.json`` (replaced on every run);

then runs ``scripts/split_link_tables.py`` and ``scripts/source_policy.py``.

Re-runnable: the three tables are rewritten from the drafts each time. A set row or an interpretation
that names an extract no longer in the draft is dropped with a warning (a set's positions are
renumbered). ``voice`` defaults to ``direct`` where the draft has no such column or leaves it empty.

Sources the pack never cites (copies of copyrighted books, mirrors, aggregators, proxies) are handled
by :data:`DENY_HOSTS` (added to data/source_denylist.txt), :data:`REPLACE_REFS` (a copy's ref -> the
book it copies), :data:`REF_FIXES` (a book cited with an empty url, its note naming no copy) and
:data:`HOST_REWRITES` (a publisher's staging host -> its public host).

    .venv/bin/python scripts/import_issue15.py [--no-policy]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_link_tables import read_csv, split_package, write_csv  # noqa: E402

RESEARCH = ROOT / "research"

# Hosts of copies the pack never cites (added to data/source_denylist.txt with this comment).
DENY_HOSTS = {
    "librs.net": "full-text copies of copyrighted books",
    "hotlib.net": "full-text copies of copyrighted books",
    "newlib.net": "full-text copies of copyrighted books",
    "erenow.net": "full-text copies of copyrighted books",
    "readonlinefree.net": "full-text copies of copyrighted books",
    "freenovelread.com": "full-text copies of copyrighted books",
    "nanobukva.ru": "full-text copies of copyrighted books",
    "123doc.net": "document-sharing copies of copyrighted books",
    "zendy.io": "aggregator of journal records: cite the article",
    "prideseotools.com": "proxy copies of other sites",
    "slave2.omega.jstor.org": "proxy copy of JSTOR: cite the book",
    "20.210.105.67": "copies of Time magazine on a bare IP host: cite the issue",
    "bceovw70.asia": "copies of Time magazine: cite the issue",
    "6jhxt.group": "copies of Time magazine: cite the issue",
    "softbeam.net": "copies of Time magazine: cite the issue",
    "homsy-staging.cambridgecore.org": "staging copy of Cambridge Core: cite www.cambridge.org",
    "core-prod.cambridgecore.org": "internal copy of Cambridge Core: cite www.cambridge.org",
}

# A publisher's page read on a staging/internal host is cited at its public address (same path).
HOST_REWRITES = {
    "homsy-staging.cambridgecore.org": "www.cambridge.org",
    "core-prod.cambridgecore.org": "www.cambridge.org",
}

# A reference to a copy of a book -> the book itself (the page numbers stay in the row's `pages`).
REPLACE_REFS = {
    "web-nanobukva-neilson2006-11": "neilson2006",
    "web-nanobukva-neilson2006-12": "neilson2006",
    "web-librs-aldrich-black-door-p18": "aldrich-black-door",
    "web-librs-aldrich-black-door-p19": "aldrich-black-door",
    "web-erenow-jeffery-mi6-ch6": "jeffery2010",
    "web-readonlinefree-andrew-defence-31": "andrew2009",
}

# Books and articles cited without the copy they were read in: empty url, a note that names no copy.
REF_FIXES = {
    "neilson2006": {"url": "", "note": "Chapter 2 ('The period of persuasion'), pp. 48–54 read."},
    "aldrich-black-door": {
        "url": "",
        "note": "Author, title, publisher and ISBN as printed in the book; year not recorded.",
    },
    "jeffery2010": {
        "url": "",
        "note": "Chapter 6 ('From Boche to Bolsheviks') read. UK publication by Bloomsbury, 2010 (Channel 4 News, 21 September 2010: https://www.channel4.com/news/articles/society/law_order/spy%2Bsecrets%2Bunveiled%2Bin%2Bhistory%2Bof%2Bmi6/3773433.html).",
    },
    "andrew2009": {
        "url": "",
        "note": "Part on MI5, ARCOS and the Ewer network, 1925–27, read. Year: the Guardian's review of Jeffery (2 October 2010, https://www.theguardian.com/books/2010/oct/02/mi6-secret-service-jeffery-review) says Andrew's MI5 history appeared 'last year'.",
    },
    "madeira2014": {"url": "", "note": "Publisher's description of the book read."},
    "charters2014": {"url": "", "note": "Abstract read; doi 10.1111/russ.10747."},
    "shearer2018": {"url": "", "note": "Abstract read; the journal, volume, pages and DOI as printed with it."},
}

KINDS = {"thesis": "document"}  # reference kinds the package has no word for
TIERS = {"primary-transcription": "primary"}
EVIDENCE = {
    "ev": ("events", "event_id", "evidence_events"),
    "ex": ("extracts", "extract_id", "evidence_extracts"),
    "fig": ("figures", "figure_id", "evidence_figures"),
}
URL = re.compile(r"https?://[^\s,;)\]]+")


def warn(message: str) -> None:
    print(f"warning: {message}")


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh) if any((v or "").strip() for v in r.values())]


def host(url: str) -> str:
    return (urlparse(url.strip()).hostname or "").rstrip(".").lower()


def denied(url: str) -> bool:
    h = host(url)
    return any(h == d or h.endswith("." + d) for d in DENY_HOSTS)


def clean_url(url: str) -> str:
    """A url as the pack cites it: public host for a staging copy, none for a deny-listed copy."""
    url = url.strip()
    if not url:
        return url
    h = host(url)
    if h in HOST_REWRITES:
        return url.replace(urlparse(url).hostname, HOST_REWRITES[h], 1)
    if denied(url):
        return ""
    return url


def clean_text(text: str) -> str:
    """Free text (verified_by, note) naming no copy: "opened <copy url>" -> "read a text copy"."""

    def sub(m: re.Match) -> str:
        url = m.group(0)
        return clean_url(url) or "[a text copy, not cited]"

    text = re.sub(
        r"opened (https?://\S+)",
        lambda m: ("opened " + clean_url(m.group(1))) if clean_url(m.group(1)) else "read a text copy (not cited)",
        text,
    )
    text = URL.sub(sub, text)
    for name in DENY_HOSTS:  # a bare mention: "(erenow.net)", "on the nanobukva.ru mirror"
        text = re.sub(r"\s*\(" + re.escape(name) + r"\)", "", text)
        text = re.sub(r"\b(?:on |at )?(?:the )?" + re.escape(name) + r"\b", "a text copy", text)
    return text


def ids(cell: str) -> list[str]:
    out = []
    for item in (cell or "").split(";"):
        item = REPLACE_REFS.get(item.strip(), item.strip())
        if item and item not in out:
            out.append(item)
    return out


def add_denylist(data: Path) -> list[str]:
    path = data / "source_denylist.txt"
    text = path.read_text(encoding="utf-8")
    listed = {line.split("#")[0].strip() for line in text.splitlines()}
    new = [h for h in DENY_HOSTS if h not in listed]
    if new:
        block = "\n# copies met in the issue 15 research (scripts/import_issue15.py)\n" + "".join(
            f"{h:<34} # {DENY_HOSTS[h]}\n" for h in new
        )
        path.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    return new


def uncite_copies(data: Path) -> list[str]:
    """References already in references.csv whose url is a copy on one of :data:`DENY_HOSTS`: cite the
    work itself (public host, or no url), and let no note name the copy. Returns their ids."""
    header, rows = read_csv(data / "references.csv")
    cols = [header.index(c) for c in ("citation", "url", "note")]
    changed = []
    for row in rows:
        new = [clean_url(row[i]) if header[i] == "url" else clean_text(row[i]) for i in cols]
        if new != [row[i] for i in cols]:
            for i, value in zip(cols, new):
                row[i] = value
            changed.append(row[0])
    write_csv(data / "references.csv", header, rows)
    return changed


def add_references(data: Path) -> list[str]:
    header, rows = read_csv(data / "references.csv")
    known = {r[0] for r in rows}
    added = []
    for name in ("extracts-new-references.csv", "interpretations-new-references.csv"):
        for ref in rows_of(RESEARCH / name):
            rid = ref["ref_id"]
            if rid in REPLACE_REFS or rid in known:
                continue
            ref["kind"] = KINDS.get(ref["kind"], ref["kind"])
            ref["tier"] = TIERS.get(ref.get("tier", ""), ref.get("tier", ""))
            ref["url"] = clean_url(ref.get("url", ""))
            ref["note"] = clean_text(ref.get("note", ""))
            ref["citation"] = clean_text(ref.get("citation", ""))
            ref.update(REF_FIXES.get(rid, {}))
            if denied(ref["url"]) or any(d in ref["note"] for d in DENY_HOSTS):
                raise SystemExit(f"{name}: {rid} still names a deny-listed copy")
            rows.append([ref.get(col, "") for col in header])
            known.add(rid)
            added.append(rid)
    write_csv(data / "references.csv", header, rows)
    return added


def add_documents(data: Path) -> list[str]:
    header, rows = read_csv(data / "documents.csv")
    link_header, links = read_csv(data / "documents_sources.csv")
    known = {r[0] for r in rows}
    added = []
    for doc in rows_of(RESEARCH / "extracts-new-documents.csv"):
        if doc["doc_id"] in known:
            continue
        rows.append([doc.get(col, "") for col in header])
        links += [[doc["doc_id"], ref] for ref in ids(doc.get("source_ids", ""))]
        known.add(doc["doc_id"])
        added.append(doc["doc_id"])
    write_csv(data / "documents.csv", header, rows)
    write_csv(data / "documents_sources.csv", link_header, links)
    return added


EXTRACT_COLUMNS = [
    "extract_id",
    "document_id",
    "title",
    "author",
    "side",
    "voice",
    "date",
    "date_precision",
    "text",
    "words",
    "original_language",
    "translation",
    "published_in",
    "source_ids",
    "url",
    "verified_by",
    "note",
    "lesson",
]
SET_COLUMNS = [
    "set_id",
    "lesson",
    "central_question",
    "position",
    "extract_id",
    "headnote",
    "source_ids",
    "teacher_note",
]
INTERPRETATION_COLUMNS = [
    "interpretation_id",
    "historian",
    "work",
    "pages",
    "lesson",
    "claim",
    "evidence_events",
    "evidence_extracts",
    "evidence_figures",
    "source_ids",
    "verified_by",
    "note",
]


def build_extracts() -> list[dict[str, str]]:
    out = []
    for row in rows_of(RESEARCH / "extracts-draft.csv"):
        row["voice"] = (row.get("voice") or "").strip() or "direct"
        row["source_ids"] = ";".join(ids(row.get("source_ids", "")))
        row["url"] = clean_url(row.get("url", ""))
        for col in ("verified_by", "note", "published_in", "translation"):
            row[col] = clean_text(row.get(col, ""))
        out.append({c: row.get(c, "") for c in EXTRACT_COLUMNS})
    return out


def build_sets(extract_ids: set[str]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    rows = sorted(rows_of(RESEARCH / "document_sets-draft.csv"), key=lambda r: (r["set_id"], int(r["position"])))
    for row in rows:
        if row["extract_id"] not in extract_ids:
            warn(
                f"document_sets-draft.csv: {row['set_id']} position {row['position']} names extract "
                f"{row['extract_id']!r}, which is not in extracts-draft.csv: row dropped"
            )
            continue
        row["source_ids"] = ";".join(ids(row.get("source_ids", "")))
        out.append({c: row.get(c, "") for c in SET_COLUMNS})
    for set_id in dict.fromkeys(r["set_id"] for r in out):  # positions 1..n after any drop
        members = [r for r in out if r["set_id"] == set_id]
        for n, r in enumerate(members, 1):
            if r["position"] != str(n):
                warn(f"{set_id}: position {r['position']} renumbered {n}")
                r["position"] = str(n)
    return out


def build_interpretations(extract_ids: set[str]) -> list[dict[str, str]]:
    out = []
    for row in rows_of(RESEARCH / "interpretations-draft.csv"):
        evidence: dict[str, list[str]] = {col: [] for _, _, col in EVIDENCE.values()}
        missing = []
        for item in ids(row.get("evidence_ids", "")):
            prefix = item.split("-", 1)[0]
            if prefix not in EVIDENCE:
                raise SystemExit(
                    f"interpretations-draft.csv: {row['interpretation_id']}: evidence id {item!r} "
                    f"is not an event (ev-), extract (ex-) or figure (fig-)"
                )
            if prefix == "ex" and item not in extract_ids:
                missing.append(item)
                continue
            evidence[EVIDENCE[prefix][2]].append(item)
        if missing:  # the claim still stands on its sources; only the dropped extract leaves its evidence
            warn(
                f"interpretations-draft.csv: {row['interpretation_id']}: evidence {', '.join(missing)} is not in "
                "extracts-draft.csv: left out of its evidence"
            )
        if not any(evidence.values()):
            warn(f"interpretations-draft.csv: {row['interpretation_id']}: no evidence left: row dropped")
            continue
        row.update({col: ";".join(v) for col, v in evidence.items()})
        row["work"] = REPLACE_REFS.get(row["work"].strip(), row["work"].strip())
        row["source_ids"] = ";".join(ids(row.get("source_ids", "")))
        for col in ("verified_by", "note"):
            row[col] = clean_text(row.get(col, ""))
        out.append({c: row.get(c, "") for c in INTERPRETATION_COLUMNS})
    return out


def write_rows(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    write_csv(path, columns, [[r[c] for c in columns] for r in rows])


def install_resources(data: Path) -> None:
    """Put the three tables' resources (with list fields) into datapackage.json, replacing old ones."""
    path = data / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    ours = {"extracts", "document_sets", "interpretations"}
    lessons = descriptor["x-vocabularies"]["lessons"]
    lessons = [x["id"] if isinstance(x, dict) else x for x in lessons]
    resources = [
        r
        for r in descriptor["resources"]
        if r["name"] not in ours and r.get("x-list-field", {}).get("resource") not in ours
    ]
    at = next(i for i, r in enumerate(resources) if r["name"] == "uncertain_rows")
    resources[at:at] = [resource(name, lessons) for name in ("extracts", "document_sets", "interpretations")]
    descriptor["resources"] = resources
    path.write_text(json.dumps(descriptor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def resource(name: str, lessons: list[str]) -> dict:
    spec = json.loads((Path(__file__).parent / "issue15_schema.json").read_text(encoding="utf-8"))[name]
    order = {"extracts": EXTRACT_COLUMNS, "document_sets": SET_COLUMNS, "interpretations": INTERPRETATION_COLUMNS}[name]
    spec["schema"]["fields"].sort(key=lambda f: order.index(f["name"]))  # as in the CSV
    for f in spec["schema"]["fields"]:
        if f["name"] == "lesson":
            f["constraints"]["enum"] = lessons
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "encoding": "utf-8",
        "title": spec["title"],
        "description": spec["description"],
        "dialect": {"delimiter": ",", "header": True, "doubleQuote": True},
        "schema": spec["schema"],
    }


def run(data: Path, policy: bool = True) -> dict[str, int]:
    denied_new = add_denylist(data)
    uncited = uncite_copies(data)
    refs = add_references(data)
    docs = add_documents(data)
    extracts = build_extracts()
    extract_ids = {r["extract_id"] for r in extracts}
    sets = build_sets(extract_ids)
    interpretations = build_interpretations(extract_ids)
    install_resources(data)
    write_rows(data / "extracts.csv", EXTRACT_COLUMNS, extracts)
    write_rows(data / "document_sets.csv", SET_COLUMNS, sets)
    write_rows(data / "interpretations.csv", INTERPRETATION_COLUMNS, interpretations)
    for line in split_package(data):
        print(line)
    if policy:
        subprocess.run(
            [
                sys.executable,
                str(Path(__file__).parent / "source_policy.py"),
                str(data),
                "--report",
                str(data.parent / "research" / "failing-rows.csv"),
            ],
            check=True,
        )
    counts = {
        "deny-listed hosts added": len(denied_new),
        "references citing a copy re-pointed": len(uncited),
        "references added": len(refs),
        "documents added": len(docs),
        "extracts": len(extracts),
        "document_sets rows": len(sets),
        "document sets": len({r["set_id"] for r in sets}),
        "interpretations": len(interpretations),
    }
    for k, v in counts.items():
        print(f"{k}: {v}")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?", default=ROOT / "data")
    parser.add_argument("--no-policy", action="store_true", help="do not run scripts/source_policy.py")
    args = parser.parse_args(argv)
    run(args.data, policy=not args.no_policy)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
