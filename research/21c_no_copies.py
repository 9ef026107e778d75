"""Issue 21, third pass: the last three references read on copies (a bare IP address, a copy of World Book,
a copy site of Degras's edition) cite the work itself, never the copy's address. Re-runnable.

- Treccani pages read at a bare IP address of the publisher's server: the publisher's own address.
- World Book's Curzon entry, read as reproduced on HowStuffWorks: cited as World Book, no address.
- Degras's editorial headnote, read on a copy site: cited as Degras's edition, no address.

    .venv/bin/python research/21c_no_copies.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

REFS = Path(__file__).resolve().parent.parent / "data" / "references.csv"

FIXES = {
    "enc-treccani-rakovsky": {
        "url": "https://www.treccani.it/enciclopedia/christian-georgievic-rakovskij_%28Enciclopedia-Italiana%29"
    },
    "enc-treccani-maisky": {"url": "https://www.treccani.it/enciclopedia/ivan-michajlovic-majskij"},
    "enc-worldbook-curzon": {
        "citation": "World Book Encyclopedia, 'Curzon, of Kedleston, George Nathaniel Curzon, First Marquess (1859–1925)'",
        "container": "World Book Encyclopedia",
        "publisher": "World Book",
        "url": "",
        "note": "Read in the entry's text as reproduced online by a third party; cited as World Book, without the copy's address.",
    },
    "enc-degras-ecci-1926-zinoviev": {
        "citation": "Jane Degras (ed.), The Communist International 1919–1943: Documents, vol. 2, editorial headnote "
        "to the ECCI resolution of 25 October 1926 on Zinoviev (Inprekorr vi, 128, 26 Oct 1926)",
        "container": "The Communist International 1919–1943: Documents, vol. 2",
        "publisher": "Oxford University Press for the Royal Institute of International Affairs",
        "url": "",
        "note": "Read in a copy of the headnote online; cited as Degras's edition, without the copy's address.",
    },
    "web-bbchistory-2024-labours-leap-to-power": {
        "citation": "BBC History Magazine, January 2024, 'Labour's leap to power'",
        "url": "",
        "note": "Read in a preview on an e-book reseller's site; cited as the magazine, without the copy's address.",
    },
    "web-guardian-putting-a-bar-on-moscow-gold": {
        "citation": "Alan Travis, 'Putting a bar on Moscow gold', The Guardian, on a released Home Office file",
        "container": "The Guardian",
        "url": "",
        "note": "Modern newspaper report of a Home Office file; read as republished by a news aggregator, cited as "
        "The Guardian without the aggregator's address.",
    },
}

#: References to drop with their links: a biography aggregator whose rows keep better sources.
DROP = {"enc-citytomb-churchill"}


def drop() -> int:
    data = REFS.parent
    gone = 0
    for path in [REFS, *sorted(data.glob("*_sources.csv"))]:
        text = path.read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        col = 0 if path == REFS else rows[0].index("ref_id") if "ref_id" in rows[0] else len(rows[0]) - 1
        kept = [rows[0]] + [r for r in rows[1:] if r[col] not in DROP]
        if len(kept) != len(rows):
            gone += len(rows) - len(kept)
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(kept)
            path.write_text(out.getvalue(), encoding="utf-8")
    return gone


def main() -> int:
    text = REFS.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    done = 0
    for row in rows[1:]:
        for field, value in FIXES.get(row[0], {}).items():
            i = header.index(field)
            if row[i] != value:
                row[i] = value
                done += 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    REFS.write_text(out.getvalue(), encoding="utf-8")
    print(f"{done} fields changed; {drop()} rows of dropped references removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
