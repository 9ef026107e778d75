"""Issue 15, last gap (branch s06, lesson 06): direct Soviet text for the rupture lesson.

Run from the worktree root:  python3 research/build_i15e_s06.py   (then scripts/import_issue15.py)

Appends to ``research/extracts-draft.csv`` (re-runnable: an id already in the draft is left alone)
and takes the same id out of ``research/extracts-dropped.csv`` if it is still there. ``words`` is
computed here (``len(text.split())``), never typed by hand.

What it adds: the Soviet government's proclamation of about 9 June 1927 (Reilly's "testimony"
against Churchill), in the English that Time (New York) printed in quotation marks on 20 June 1927.
The row was drafted by branch h15x and dropped by the checker (h15v) only because page 2 of Time's
article could not be re-found with the search tool. On 2026-12-05 the page was found and read
(content.time.com, page 2 of 3), and re-read before commit; the text was compared by a throwaway
script with the returned page text: it occurs there verbatim, Time's own '. . .' cuts included.
The set row (set-06-war-scare, position 3) and the document row
(doc-1927-06-01-soviet-proclamation-reilly) already exist; the reference
(news-time-1927-06-20-nest-of-murderers) is already in data/references.csv.

Looked for and not usable (see research/extracts-notes.md, "Task B, branch s06"): the text of the
intercepted telegrams read by Baldwin on 24 May 1927 (Cmd. 2874 Part II), the Soviet notes of 13, 17
and 28 May 1927 and Rosengolts's statement of 25 May 1927 in a clean direct printing.
"""

import csv
from pathlib import Path

from build_i15_extracts import append  # the drafts' one appender (run from the checkout root)

HERE = Path(__file__).parent
OPENED = "2026-12-05"
PAGE2 = "https://content.time.com/time/subscriber/article/0,33009,881656-2,00.html"

EXTRACTS = [
    dict(
        extract_id="ex-1927-06-soviet-proclamation-reilly-churchill",
        document_id="doc-1927-06-01-soviet-proclamation-reilly",
        title="Soviet government proclamation after Voikov's murder: Reilly's 'testimony' against Churchill",
        author="",
        side="soviet",
        date="1927-06-01",
        date_precision="month",
        text=(
            "\"In connection with the heartless murder of Comrade Vojkov this government considers it necessary to "
            "publish a number of other facts clearly characterizing the work of the British government and its "
            "vassal agencies in the territory of the Soviet Union. . . . Early in the summer of 1925 . . . Sidney "
            "George Reilly, a well-known English investigator, captain in the royal aviation corps . . . was wounded "
            "and arrested by frontier guards while attempting to cross the Finland-Soviet frontier illegally. . . .\n"
            "\"Mr. Reilly testified later that he came to the Soviet Republic for the special purpose of organizing "
            "plots and riots. Moreover, Mr. Reilly testified that . . .Winston Churchill, one of the most responsible "
            "ministers of the British King, personally gave him instructions for organizing terrorist and other acts. "
            "His written and signed testimony is in the hands of our government. His evidence led to further "
            "arrests which confirmed his testimony.\""
        ),
        original_language="ru",
        translation=(
            "English as printed by Time (New York), 20 June 1927, in quotation marks as the text of the "
            "proclamation released in Moscow; translator not named (Time does not say whose English it is)"
        ),
        published_in="Time (New York), 20 June 1927, '\"Nest of Murderers\"', page 2 of 3 on content.time.com",
        source_ids="news-time-1927-06-20-nest-of-murderers",
        url=PAGE2,
        verified_by=(
            f"opened {PAGE2} on {OPENED} (branch h15x); page re-found and opened on {OPENED} (branch s06); "
            f"re-read before commit on {OPENED}"
        ),
        note=(
            "War scare of 1927. Time introduces it: 'This document, probably without precedent in the annals of "
            "nations nominally at peace, read:'; that framing sentence is not part of the extract, which is the "
            "quoted text only. Time says the proclamation was released in Moscow 'at 2 a. m. (41 hours after the "
            "murder)' of Voikov at Warsaw on 7 June 1927, so about 9 June (month precision). The ellipses '. . .' "
            "are Time's own cuts, kept as printed ('. . .Winston' without a space, as printed); no cut of ours. "
            "The page text goes on 'The Soviet proclamation then c...' in Time's words and is cut off, so the "
            "extract ends with the second quoted paragraph. Voice 'direct': Time presents the words in quotation "
            "marks as the document's text, but the English is a translation of unknown origin and Time has cut "
            "it; say so when reading it."
            " Why direct here and reported for Time's Stalin (1930) and Trotsky (1927): this is a written government document released as text and quoted as such (the same rule as ex-1927-01-rykov-naive-untruths, the Soviet Foreign Office statement Time quoted); those are speeches as a reporter heard and condensed them. Restored by branch s06 from research/extracts-dropped.csv (dropped by "
            "the checker only because the page could not be re-found)."
        ),
        lesson="06-rupture-1927",
        check=(
            "verbatim-ok: page 2 of 3 of Time, 20 June 1927, re-found on content.time.com and compared by script "
            "with the returned page text (every character of the extract occurs there in order; no OCR "
            "corrections)"
        ),
        voice="direct",
    ),
]


def undrop(path: Path, ids: set[str]) -> int:
    """Remove restored ids from the dropped-extracts file (kept as the record of what is left out)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    keep = [r for r in rows if r["extract_id"] not in ids]
    if len(keep) != len(rows):
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(keep)
    return len(rows) - len(keep)


if __name__ == "__main__":
    for row in EXTRACTS:
        row["words"] = str(len(row["text"].split()))
        assert 80 <= int(row["words"]) <= 300, (row["extract_id"], row["words"])
    n = append(HERE / "extracts-draft.csv", "extract_id", EXTRACTS)
    d = undrop(HERE / "extracts-dropped.csv", {r["extract_id"] for r in EXTRACTS})
    print(f"extracts added: {n}; rows taken out of extracts-dropped.csv: {d}")
