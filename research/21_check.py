"""Recount issue-21 research figures from data/ plus the research/21-* patch files.

Usage (from the repository root):  python3 research/21_check.py
Prints: new references by tier, mirror refs and their citing rows, and the rows that rest only on
encyclopaedia/web references before and after the patch (tiers from `kind`:
hansard/newspaper/document/dataset = primary, book/chapter/article = scholarly).
"""

import collections
import csv
import re

MIRRORS = (
    r"piglix|wikimili|absoluteastronomy|liquisearch|academic\.com|wiki7|shareyouressays|"
    r"findingdulcinea|wikisum|ipfs|kiddle|wikizero|issuhub|slovar-vocab|thefreedictionary|"
    r"encyclopedia\.com"
)
KIND_TIER = {
    "hansard": "primary",
    "newspaper": "primary",
    "document": "primary",
    "dataset": "primary",
    "book": "scholarly",
    "chapter": "scholarly",
    "article": "scholarly",
    "encyclopaedia": "reference",
    "web": "web",
}
KEYS = {
    "dispute_claims": "claim_id",
    "disputes": "dispute_id",
    "documents": "doc_id",
    "events": "event_id",
    "figures": "figure_id",
    "glossary": "term_id",
    "offices": "tenure_id",
    "organisations": "org_id",
    "people": "person_id",
    "posts": "post_id",
    "quotations": "quote_id",
}


def read(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def main():
    refs = {r["ref_id"]: r for r in read("data/references.csv")}
    new = read("research/21-new-references.csv")
    tier = {k: KIND_TIER[r["kind"]] for k, r in refs.items()}
    tier.update({r["ref_id"]: r["tier"] for r in new})
    print("new references by tier:", dict(collections.Counter(r["tier"] for r in new)))
    mirrors = {k for k, r in refs.items() if re.search(MIRRORS, k + " " + r["url"], re.I)}
    print("mirror/aggregator/essay refs:", len(mirrors))
    patch = read("research/21-source-patch.csv")
    before, after = collections.Counter(), collections.Counter()
    for table, key in KEYS.items():
        for row in read(f"data/{table}.csv"):
            ids = [i for i in row["source_ids"].split(";") if i]
            strong = lambda xs: any(tier[i] in ("primary", "scholarly") for i in xs)
            weak_before = not strong(ids)
            for p in patch:
                if p["table"] == table and p["row_id"] == row[key]:
                    if p["action"] == "remove" and p["ref_id"] in ids:
                        ids.remove(p["ref_id"])
                    elif p["action"] == "add" and p["ref_id"] not in ids:
                        ids.append(p["ref_id"])
            before[table] += weak_before
            if not strong(ids):
                after[table] += 1
                print("  still weak:", table, row[key], ids)
    print("weak before:", sum(before.values()), dict(+before))
    print("weak after: ", sum(after.values()), dict(+after))


if __name__ == "__main__":
    main()
