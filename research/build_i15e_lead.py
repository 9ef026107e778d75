"""Issue 15, last gap (the lead, after branches s06 and s07): one more direct Soviet text.

Run from the checkout root:  python3 research/build_i15e_lead.py   (then scripts/import_issue15.py)

Appends to ``research/extracts-draft.csv`` and ``research/extracts-new-references.csv`` (re-runnable: an
id already there is left alone). ``words`` is computed here (``len(text.split())``), never typed by hand.

What it adds: the opening of A. Lozovsky's article on the trade-union congresses of August-September
1925 (Paris, Breslau, the British Minority Movement, the TUC at Scarborough), in the English edition of
the Comintern's journal, The Communist International, No. 15 (New Series), 1925, pp. 3-31. Lozovsky headed
the Red International of Labour Unions (Profintern) in Moscow. The text was read in
the Marxists Internet Archive transcription (marked public domain there) as a mirror of it returned it
(the mirror's host is deny-listed, so the archive's own address is cited), re-read before commit, and
compared by a throwaway script with the returned page text: the two paragraphs occur there verbatim.
"""

import csv
from pathlib import Path

from build_i15_extracts import append  # the drafts' one appender (run from the checkout root)

HERE = Path(__file__).parent
OPENED = "2026-12-05"
MIA = "https://www.marxists.org/archive/lozovsky/1925/paris.htm"
REF = "journal-ci-1925-15-lozovsky-trade-union-congresses"

EXTRACTS = [
    dict(
        extract_id="ex-1925-lozovsky-congresses-unity-problem",
        document_id="",
        title="Lozovsky, head of the Profintern, on the trade-union congresses of 1925: 'the unity problem' at Scarborough and elsewhere",
        author="",
        side="soviet",
        date="1925-01-01",
        date_precision="year",
        text=(
            "At the end of August and the beginning of September there was a succession of trade union congresses, "
            "which mark an important stage in the struggle for the unity of the world Trade Union Movement. Between "
            "August 26th and 31st the Unity and reformist French Confederations of Labour held their congresses in "
            "Paris. At the end of August the German trade unions had their congress in Breslau. This congress "
            "synchronised with the Norwegian Trade Union Congress and the Congress of the British Minority Movement, "
            "whilst the beginning of September signalised the opening of the British Trades Union Congress in "
            "Scarborough. These congresses deserve serious attention and careful study, for they voiced all the "
            "ideological divergencies of opinion and all the tendencies which exist in the world Trade Union "
            "Movement.\n"
            "The most characteristic feature of all these congresses was the prominence given to the unity problem, "
            "not only where the leaders are very much opposed to the establishment of national and international "
            "trade union unity. These congresses reflected the stage of development of the Labour Movement in the "
            "said countries. The two fundamental and mutually destructive world conceptions—the revolutionary and "
            "the reformist—came into collision on every question, both appertaining to general policy and also to "
            "present immediate tasks. Whatever the question under discussion at any of these congresses, the "
            "speakers inevitably steered for the fundamental question agitating the masses, the question of the "
            "establishment of unity in the national and world Trade Union Movements."
        ),
        original_language="ru",
        translation=(
            "English text as published in the English edition of the Comintern's journal, The Communist "
            "International, No. 15 (New Series), 1925; translator not named"
        ),
        published_in=(
            "A. Lozovsky, [article on the trade-union congresses of Paris, Breslau and Scarborough], The Communist "
            "International, No. 15 (New Series), 1925, pp. 3-31 (Marxists Internet Archive transcription, "
            "archive/lozovsky/1925/paris.htm)"
        ),
        source_ids=REF,
        url="",
        verified_by=(
            f"opened a mirror copy of the Marxists Internet Archive transcription (archive/lozovsky/1925/paris.htm; "
            f"copy read, not cited) on {OPENED}; re-read before commit on {OPENED}"
        ),
        note=(
            "The article's first two paragraphs, uncut. Solomon (A.) Lozovsky, head of the Red "
            "International of Labour Unions (Profintern) in Moscow, is not in people.csv, so the author column is "
            "empty. Written after the British TUC met at Scarborough in early September 1925; the issue's month "
            "is not on the page, so year precision. 'not only where the leaders are very much opposed' is as "
            "printed (the sense seems to want 'even where'); 'divergencies' and 'appertaining' as printed. "
            "Lesson 03: Moscow's side of the unity campaign, framed as a collision of 'revolutionary' and "
            "'reformist' world conceptions, a few months after the Anglo-Russian committee was formed."
        ),
        lesson="03-trade-union-alliance",
        check=(
            "verbatim-ok: the two paragraphs occur verbatim in the page text returned for the transcription "
            "(compared by script; no corrections)"
        ),
        voice="direct",
    ),
]

WIKI = "https://en.wikipedia.org/wiki/Profintern?ns=0&oldid=1118007486"
REF_WIKI = "enc-wikipedia-profintern-2022"

SET_ROW = dict(
    set_id="set-03-trade-union-alliance",
    lesson="03-trade-union-alliance",
    central_question=(
        "Why did Moscow seek an alliance with the British trade unions, and what did each side expect of it?"
    ),
    position="5",
    extract_id="ex-1925-lozovsky-congresses-unity-problem",
    headnote=(
        "A. (Solomon) Lozovsky, head of the Red International of Labour Unions (Profintern), the Moscow-based "
        "trade-union arm of the Comintern, writing for communist readers in the English edition of the "
        "Comintern's journal after the season of trade-union congresses of late summer 1925, the British TUC at "
        "Scarborough among them. These are the article's first two paragraphs, read in the Marxists Internet Archive's "
        "transcription. Read it beside the Spectator's "
        "view of Scarborough: does Moscow's account of 'unity' for communist readers match what the Spectator "
        "says Tomsky told the Congress?"
    ),
    source_ids=f"{REF};{REF_WIKI}",
    teacher_note="",
)

REFERENCES = [
    dict(
        ref_id=REF_WIKI,
        kind="encyclopaedia",
        citation="Wikipedia, 'Profintern' (revision of 24 October 2022)",
        author="",
        year="2022",
        title="Profintern",
        container="Wikipedia",
        publisher="Wikimedia Foundation",
        volume="",
        pages="",
        house="",
        sitting_date="",
        columns="",
        url=WIKI,
        note="Names Solomon Lozovsky as head of the Red International of Labor Unions (caption) and among its key people.",
        tier="reference",
    ),
    dict(
        ref_id=REF,
        kind="article",
        citation=(
            "A. Lozovsky, [article on the trade-union congresses of Paris, Breslau and Scarborough, 1925], The "
            "Communist International, No. 15 (New Series), 1925, pp. 3-31 (Marxists Internet Archive transcription)"
        ),
        author="A. Lozovsky",
        year="1925",
        title="[On the trade-union congresses of Paris, Breslau and Scarborough]",
        container="The Communist International (English edition), No. 15 (New Series)",
        publisher="",
        volume="",
        pages="3-31",
        house="",
        sitting_date="",
        columns="",
        url=MIA,
        note=(
            "The Comintern's journal in its 1925 English edition; the transcription (Ted Crawford, 2007) is marked "
            "public domain by the Marxists Internet Archive. The article's own title is not in the page text read."
        ),
        tier="primary",
    ),
]


def place_in_set(path: Path, row: dict) -> int:
    """Put the extract in its set at ``row['position']``, moving later extracts down (once only)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    if any(r["set_id"] == row["set_id"] and r["extract_id"] == row["extract_id"] for r in rows):
        return 0
    at = int(row["position"])
    for r in rows:
        if r["set_id"] == row["set_id"] and int(r["position"]) >= at:
            r["position"] = str(int(r["position"]) + 1)
    last = max(i for i, r in enumerate(rows) if r["set_id"] == row["set_id"] and int(r["position"]) < at)
    rows.insert(last + 1, row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 1


if __name__ == "__main__":
    for row in EXTRACTS:
        row["words"] = str(len(row["text"].split()))
        assert 80 <= int(row["words"]) <= 300, (row["extract_id"], row["words"])
    r = append(HERE / "extracts-new-references.csv", "ref_id", REFERENCES)
    n = append(HERE / "extracts-draft.csv", "extract_id", EXTRACTS)
    m = place_in_set(HERE / "document_sets-draft.csv", SET_ROW)
    print(f"references added: {r}; extracts added: {n}; set rows added: {m}")
