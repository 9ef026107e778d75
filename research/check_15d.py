"""Pre-merge check for the 15d research rows: every id they use resolves, none collides.

Run from the worktree root: python3 research/check_15d.py  (prints "ok" or the problems found).
"""

import csv


def rows(p):
    return list(csv.DictReader(open(p, encoding="utf-8")))


people = {r["person_id"] for r in rows("data/people.csv")} | {r["person_id"] for r in rows("research/15d-people.csv")}
orgs = {r["org_id"] for r in rows("data/organisations.csv")} | {
    r["org_id"] for r in rows("research/15d-organisations.csv")
}
refs = {r["ref_id"] for r in rows("data/references.csv")}
new = {r["ref_id"] for r in rows("research/15d-new-references.csv")}
assert not refs & new, refs & new
allrefs = refs | new
disp = {r["dispute_id"] for r in rows("data/disputes.csv")} | {
    r["dispute_id"] for r in rows("research/15d-disputes.csv")
}
evs = {r["event_id"] for r in rows("data/events.csv")}
used = set()
for f in [
    "15d-events",
    "15d-people-edits",
    "15d-organisations",
    "15d-organisations-edits",
    "15d-people",
    "15d-disputes",
    "15d-dispute-claims",
]:
    for r in rows(f"research/{f}.csv"):
        for s in r["source_ids"].split(";"):
            used.add(s)
            if s not in allrefs:
                print("MISSING REF", f, s)
for r in rows("research/15d-events.csv"):
    assert r["event_id"] not in evs, r["event_id"]
    assert len(r["title"]) <= 90, (r["title"], len(r["title"]))
    for p in filter(None, r["people"].split(";")):
        if p not in people:
            print("MISSING PERSON", p)
    for o in filter(None, r["organisations"].split(";")):
        if o not in orgs:
            print("MISSING ORG", o)
for r in rows("research/15d-dispute-claims.csv"):
    assert r["dispute_id"] in disp
cl = {r["claim_id"] for r in rows("data/dispute_claims.csv")}
for r in rows("research/15d-dispute-claims.csv"):
    assert r["claim_id"] not in cl, r["claim_id"]
for r in rows("research/15d-people-edits.csv"):
    assert r["person_id"] in people
print("unused new refs", new - used)
print("ok")
