"""Issue 21, second pass: take essay, revision and copy sites out of the record and re-source what they carried.

Re-runnable (every step is keyed by id and does nothing the second time); run it on a merged tree, then run
``scripts/source_policy.py`` and ``make validate``::

    python3 research/21b_apply.py [data]      # default: the data folder beside research/

What it does, in order:

1. adds the new references in :data:`NEW_REFS` (skipped if the id is already there);
2. rewrites the fields in :data:`REF_EDITS` (a reference kept as the work itself, without the copy's url);
3. adds the source links in :data:`ADD_LINKS` (row, ref) and edits the fields in :data:`ROW_EDITS`;
4. removes every reference in :data:`REMOVE_REFS` from references.csv and from every ``*_sources.csv``
   link table (it never touches the exercise banks or the notebooks: it lists what still cites a removed id);
5. adds the hosts in :data:`DENY_HOSTS` to data/source_denylist.txt;
6. drops from data/uncertain_rows.csv every row that now rests on a primary or scholarly source.

Every added reference was returned by the search tool and read there; ``note`` says what the page states.
Rows whose only support was a removed copy and that found no replacement become uncertain when
``scripts/source_policy.py`` runs (it lists them in data/uncertain_rows.csv).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------------------------
# 1. New references (columns of references.csv; empty columns may be left out)
NEW_REFS: list[dict[str, str]] = [
    {
        "ref_id": "news-star-christchurch-1933-07-31-mp-again",
        "kind": "newspaper",
        "tier": "primary",
        "citation": "Star (Christchurch), 31 July 1933, p. 1, 'M.P. Again? Mr Arthur Henderson Chosen for Labour Seat'",
        "year": "1933",
        "title": "M.P. Again? Mr Arthur Henderson Chosen for Labour Seat",
        "container": "Star (Christchurch)",
        "pages": "1",
        "url": "https://paperspast.natlib.govt.nz/newspapers/TS19330731.2.23",
        "note": "United Press Association cable, London, 30 July 1933. Background paragraph: on the formation of the "
        "National Government Henderson refused to join MacDonald and Snowden and became leader of the Labour "
        "Opposition; he was defeated at Burnley in 1931, after which Lansbury led the Labour Opposition in the "
        "House. OCR text.",
    },
    {
        "ref_id": "news-spectator-1941-06-27-maisky",
        "kind": "newspaper",
        "tier": "primary",
        "citation": "The Spectator, 27 June 1941, p. 4, 'One man whose lot the attack on Russia has made considerably "
        "easier...'",
        "year": "1941",
        "title": "One man whose lot the attack on Russia has made considerably easier",
        "container": "The Spectator",
        "pages": "4",
        "url": "https://archive.spectator.co.uk/article/27th-june-1941/4/one-man-whose-lot-the-attack-on-russia-has-made",
        "note": "Calls Ivan Maisky the Russian Ambassador in London, who has for eight years kept the Embassy in "
        "Kensington Palace Gardens; names Rakovsky and Sokolnikoff as two of his predecessors.",
    },
    {
        "ref_id": "gorodetsky2011-nyrb-communist-and-king",
        "kind": "article",
        "tier": "scholarly",
        "citation": "Gabriel Gorodetsky, 'The Communist and the King', The New York Review of Books, 28 April 2011 "
        "(introduction to excerpts from Maisky's diary)",
        "author": "Gorodetsky, Gabriel",
        "year": "2011",
        "title": "The Communist and the King",
        "container": "The New York Review of Books",
        "url": "https://www.nybooks.com/articles/2011/04/28/communist-and-king/",
        "note": "The diary's editor (he found the papers in the Russian Foreign Ministry archives; the NYRB contributor "
        "note of April 2011 names Gorodetsky as its editor) introduces the excerpts: Maisky, Soviet ambassador "
        "in London 1932–1943, born 1884, died 1975; in exile in London 1912–1917.",
    },
    {
        "ref_id": "news-spectator-1921-03-19-army-estimates",
        "kind": "newspaper",
        "tier": "primary",
        "citation": "The Spectator, 19 March 1921, p. 3, 'In the House of Commons on Tuesday Sir L. Worthington Evans...'",
        "year": "1921",
        "title": "In the House of Commons on Tuesday Sir L. Worthington Evans said that the Army Estimates...",
        "container": "The Spectator",
        "pages": "3",
        "url": "http://archive.spectator.co.uk/article/19th-march-1921/3/in-the-house-of-commons-on-tuesday-sir-l-worthingt",
        "note": "Worthington-Evans presents the Army Estimates in the Commons, March 1921, as 'the Secretary for War'.",
    },
    {
        "ref_id": "hc-1921-06-21-commands-staff-officers",
        "kind": "hansard",
        "tier": "primary",
        "citation": "HC Deb 21 June 1921 vol 143 cc1066–7",
        "year": "1921",
        "title": "Commands (Staff Officers)",
        "container": "Hansard",
        "volume": "143",
        "house": "HC",
        "sitting_date": "1921-06-21",
        "columns": "cc1066–7",
        "url": "https://api.parliament.uk/historic-hansard/commons/1921/jun/21/commands-staff-officers",
        "note": "A question to the Secretary of State for War, answered by Sir L. Worthington-Evans.",
    },
    {
        "ref_id": "hc-1925-04-06-attacks-on-lord-curzon",
        "kind": "hansard",
        "tier": "primary",
        "citation": "HC Deb 6 April 1925, 'Attacks on Lord Curzon'",
        "year": "1925",
        "title": "Attacks on Lord Curzon",
        "container": "Hansard",
        "house": "HC",
        "sitting_date": "1925-04-06",
        "url": "https://api.parliament.uk/historic-hansard/commons/1925/apr/06/attacks-on-lord-curzon",
        "note": "Answered by 'The UNDER-SECRETARY of STATE for FOREIGN AFFAIRS (Mr. Ronald McNeill)'. Volume and "
        "columns were not shown in the excerpt read.",
    },
    {
        "ref_id": "news-sun-auckland-1928-03-06-to-sift-zinovieff-affair",
        "kind": "newspaper",
        "tier": "primary",
        "citation": "Sun (Auckland), 6 March 1928, 'To Sift Zinovieff Affair'",
        "year": "1928",
        "title": "To Sift Zinovieff Affair",
        "container": "Sun (Auckland)",
        "url": "https://dynamic-rsnz.natlib.govt.nz/newspapers/SUNAK19280306.2.4",
        "note": "Press Association cable, London, Monday [5 March 1928], with a summary of the letter of 'Mr. Thomas "
        "Marlowe, formerly editor of the Daily Mail' to the Observer: he had two copies of the Zinovieff letter on "
        "24 October 1924, both from friends, circulated reprints to other newspapers, and paid nothing for it "
        "('It did not cost me a single penny'). OCR text.",
    },
    {
        "ref_id": "news-ashburton-guardian-1927-08-02-borodin-in-china",
        "kind": "newspaper",
        "tier": "primary",
        "citation": "Ashburton Guardian, 2 August 1927, p. 2, 'Borodin in China'",
        "year": "1927",
        "title": "Borodin in China",
        "container": "Ashburton Guardian",
        "pages": "2",
        "url": "https://paperspast.natlib.govt.nz/newspapers/AG19270802.2.7",
        "note": "Cable, Shanghai, 20 July 1927: Borodin, 'Russian adviser to the Hankow Government', is reported to have "
        "left Hankow on a Russian steamer; Chiang Kai-shek offers a reward for his capture. OCR text.",
    },
    {
        "ref_id": "doc-frus-1927-v02-d333",
        "kind": "document",
        "tier": "primary",
        "citation": "Foreign Relations of the United States, 1927, vol. II, doc. 333 (Consul General at Hankow (Lockhart) "
        "to the Secretary of State, telegram received 27 April 1927)",
        "year": "1927",
        "title": "The Consul General at Hankow (Lockhart) to the Secretary of State",
        "container": "Foreign Relations of the United States, 1927, vol. II",
        "url": "https://history.state.gov./historicaldocuments/frus1927v02/d333",
        "note": "Borodin ('Russian adviser to the Chinese Nationalist Government', editors' note) is said to have been "
        "responsible for practically all the major policies of the Nationalist Government at Hankow.",
    },
    {
        "ref_id": "news-sun-auckland-1927-09-06-workers-must-rule",
        "kind": "newspaper",
        "tier": "primary",
        "citation": "Sun (Auckland), 6 September 1927, p. 1, 'Workers Must Rule and Own the Land'",
        "year": "1927",
        "title": "Workers Must Rule and Own the Land",
        "container": "Sun (Auckland)",
        "pages": "1",
        "url": "https://dynamic-rsnz.natlib.govt.nz/newspapers/SUNAK19270906.2.21",
        "note": "Press Association cable, London, Monday [5 September 1927]: George Hicks's presidential address to the "
        "Trades Union Congress at Edinburgh, including a passage on Russia. OCR text.",
    },
]

# --------------------------------------------------------------------------------------------------------
# 2. Fields of existing references to rewrite: {ref_id: {field: new}}
REF_EDITS: dict[str, dict[str, str]] = {
    # The working paper is the historian's own text and the work two interpretations are about; the only copy
    # found is on a document-sharing site, so the reference keeps the work and drops the copy's address.
    "web-kocho-williams-soviet-union-general-strike": {
        "url": "",
        "note": "Working paper (University of the West of England, Bristol). Read in a copy on docslib.org, a "
        "document-sharing site now deny-listed; no copy at the author's institution or a publisher was found, so "
        "the paper is cited without an address.",
    },
    # Contemporary press read on third-party copies: cited as the issue itself (as other Time items already are).
    "news-spectator-1931-02-21-worthington-evans": {
        "url": "",
        "note": "Read on a third-party copy of the Spectator archive page (host now deny-listed); cited as the issue, "
        "p. 3: death 'last Saturday'; twice Secretary of State for War.",
    },
    "news-spectator-1967-12-15-red-letter-days": {
        "url": "",
        "note": "Read on a third-party copy of the Spectator archive page (host now deny-listed); cited as the issue, "
        "p. 18. Reviewer's own opinions about Gregory.",
    },
    "news-time-1927-05-23-grave-step": {
        "url": "",
        "note": "Read in a text copy on a third-party site (host now deny-listed); cited as the issue. American weekly "
        "(see the disputes table).",
    },
}

# --------------------------------------------------------------------------------------------------------
# 3. Source links to add: (table, row id, ref id, what the source states for the row)
ADD_LINKS: list[tuple[str, str, str, str]] = [
    # replacements for copies
    ("offices", "t-labour_party_leader-henderson_arthur-1931", "news-star-christchurch-1933-07-31-mp-again",
     "leader of the Labour Opposition from the formation of the National Government (Aug 1931)"),
    ("people", "maisky", "gorodetsky2011-nyrb-communist-and-king", "1884–1975; ambassador in London 1932–1943"),
    ("people", "maisky", "news-spectator-1941-06-27-maisky", "Russian Ambassador in London (1941), eight years"),
    ("offices", "t-soviet_representative_london-maisky-1932", "gorodetsky2011-nyrb-communist-and-king",
     "ambassador in London 1932–1943"),
    ("offices", "t-soviet_representative_london-maisky-1932", "news-spectator-1941-06-27-maisky",
     "ambassador in London in 1941, for eight years"),
    ("people", "tomsky", "news-spectator-1925-09-19-this-extremely-significant-decision",
     "President of the All Russian Council of Trades Unions; fraternal delegate at the TUC, Scarborough 1925"),
    ("people", "tomsky", "news-spectator-1925-05-30-russian-trade-unions-answer",
     "Tomsky and his colleagues in London in April 1925 for the talks with the British unions"),
    ("offices", "t-soviet_trade_union_chairman-tomsky-1922",
     "news-spectator-1925-09-19-this-extremely-significant-decision", "president of the council in 1925"),
    ("posts", "soviet_trade_union_chairman", "news-spectator-1925-09-19-this-extremely-significant-decision",
     "the post: President of the All Russian Council of Trades Unions"),
    ("events", "ev-1927-07-01-borodin-leaves-china", "news-ashburton-guardian-1927-08-02-borodin-in-china",
     "July 1927: Borodin reported to have left Hankow, hunted by Chiang Kai-shek"),
    ("dispute_claims", "c-04-c", "news-sun-auckland-1929-04-03-welcomed-in-russia",
     "dates the suspension of trade relations to 27 May 1927"),
    # uncertain rows
    ("offices", "t-uk_war_secretary-worthington_evans-1921", "news-spectator-1921-03-19-army-estimates",
     "Secretary for War presenting the Army Estimates, March 1921"),
    ("offices", "t-uk_war_secretary-worthington_evans-1921", "hc-1921-06-21-commands-staff-officers",
     "answers for the Secretary of State for War, June 1921"),
    ("offices", "t-uk_fo_parliamentary_under_secretary-mcneill_ronald-1924", "hc-1925-04-06-attacks-on-lord-curzon",
     "Under-Secretary of State for Foreign Affairs in April 1925"),
    ("people", "marlowe_thomas", "news-sun-auckland-1928-03-06-to-sift-zinovieff-affair",
     "editor of the Daily Mail; copies from friends; paid nothing"),
    ("organisations", "daily_mail", "news-sun-auckland-1928-03-06-to-sift-zinovieff-affair",
     "Marlowe its editor in October 1924, with the letter"),
    ("people", "borodin", "doc-frus-1927-v02-d333", "Russian adviser to the Nationalist Government, 1927"),
    ("people", "borodin", "news-ashburton-guardian-1927-08-02-borodin-in-china", "left Hankow, July 1927"),
    ("organisations", "kuomintang", "doc-frus-1927-v02-d333", "Borodin the adviser behind its government's policy"),
    ("organisations", "kuomintang", "news-sun-auckland-1927-04-20-hankows-break",
     "the Hankow-Nanking split and Chiang's break with Soviet influence, April 1927"),
    ("people", "hicks_george", "news-sun-auckland-1927-09-06-workers-must-rule",
     "TUC president 1927; his address on Russia"),
    ("people", "hicks_george", "news-workerslife-1927-07-15-tomskys-appeal",
     "Citrine and Hicks for the General Council at the Anglo-Russian meeting, June 1927"),
    ("dispute_claims", "c-02-a", "news-taranaki-daily-news-1926-11-26-death-of-m-krassin",
     "Krasin 'the representative in London of the Russian Soviet' at his death, November 1926"),
    ("dispute_claims", "c-13-b", "news-manchesterguardian-1924-11-05-zinoviev-unexplained",
     "its 'Diary of the Red Plot': 'Oct 10. Red letter received at the Foreign Office.'"),
    ("dispute_claims", "c-06b-b", "news-spectator-1927-09-17-edinburgh-congress",
     "the Edinburgh Congress of September 1927 backs the General Council against the Anglo-Russian Committee"),
    ("interpretations", "gorodetsky-book-two-channels", "web-cup-gorodetsky1977-preface",
     "the book's scope: Soviet overtures and the measures taken to forestall a breach"),
    ("interpretations", "gorodetsky-book-two-channels", "web-cup-gorodetsky1977-conclusions",
     "revolutionary proselytising subordinated to the need for acceptance"),
]

# Field edits on rows: (table, row id, field, old value or None for 'any', new value)
ROW_EDITS: list[tuple[str, str, str, str | None, str]] = [
    ("dispute_claims", "c-04-c", "note",
     "Single (Soviet-era, Russian-language) secondary source; not confirmed by a primary source.",
     "A Times cable of April 1929 (Sun, Auckland, 3 April 1929) dates the suspension of trade relations to 27 May "
     "1927; the Russian-language account that also gave 27 May was read on a copy site and is no longer cited."),
    ("events", "ev-1927-07-01-borodin-leaves-china", "note",
     "Month (July 1927) from VanVleck only; the year from both sources.",
     "July 1927 from a Shanghai cable of 20 July reporting that Borodin had left Hankow (Ashburton Guardian, "
     "2 August 1927); his return to the Soviet Union is not in the sources read."),
    ("dispute_claims", "c-04-d", "note",
     "Cable from Moscow dated 29 May reports Litvinov's note to the British chargé; the 28 May date is from the "
     "Russian source. The historian who 'cites a note of 28 May' (the pack's research notes) was not identified.",
     "Cable from Moscow dated 29 May reports Litvinov's note to the British chargé. The 28 May date came from a "
     "Russian-language account read on a copy site, no longer cited. The historian who 'cites a note of 28 May' "
     "(the pack's research notes) was not identified."),
    ("disputes", "d-04-break-date", "reason",
     "The government's decision is confirmed by a primary source for 24 May; the pack treats the break as a sequence "
     "(decision 24 May, Commons debate 26 May, British note 27 May, Soviet reply 28 May) and flags that the 27 and 28 "
     "May notes rest on one secondary source each.",
     "The government's decision is confirmed by a primary source for 24 May; the pack treats the break as a sequence "
     "(decision 24 May, Commons debate 26 May, British note 27 May, Soviet reply 28 May) and flags that the 27 May "
     "date rests on a 1929 cable's look back and the 28 May date on the Moscow cable of 29 May."),
    ("offices", "t-labour_party_leader-henderson_arthur-1931", "note",
     "Elected unopposed 28 Aug 1931 (Wikipedia) or from September 1931 (Wrigley); lost his seat in Oct 1931; "
     "Lansbury elected 25 Oct 1932.",
     "Elected unopposed 28 Aug 1931 (Wikipedia); a 1933 cable (Star, Christchurch) says he became leader of the "
     "Labour Opposition on the formation of the National Government; lost his seat in Oct 1931; Lansbury elected "
     "25 Oct 1932."),
    ("offices", "t-labour_party_leader-macdonald-1922", "note",
     "Wikipedia infobox: 22 Nov 1922–1 Sep 1931. Disputed end: the Parliamentary Labour Party elected Henderson on "
     "28 Aug 1931 (Wikipedia) while Wrigley dates Henderson's leadership from September 1931.",
     "Wikipedia infobox: 22 Nov 1922–1 Sep 1931. Disputed end: the Parliamentary Labour Party elected Henderson on "
     "28 Aug 1931 (Wikipedia); a 1933 cable has Henderson leader of the Labour Opposition from the formation of the "
     "National Government."),
    ("offices", "t-soviet_representative_london-maisky-1932", "note",
     "Wikipedia: 15 Oct 1932–12 Aug 1943; his memoir says he arrived in London on 27 Oct 1932. Treccani (1937–43) "
     "and the Who's Who in WWII (1931–43) give other start years.",
     "Wikipedia: 15 Oct 1932–12 Aug 1943; Gorodetsky (2011): 1932–1943. Treccani (1937–43) and the Who's Who in "
     "WWII (1931–43) give other start years."),
    ("offices", "t-soviet_representative_london-krasin-1925", "note",
     "; see the disputes table: Wikipedia calls him ambassador to London; Chamberlain in the Commons on 24 Nov 1926 "
     "called him 'the Soviet Chargé d'Affaires'. Illness delayed his arrival and kept him away (Maisky memoir), so "
     "counsellors acted for him (Berzin in 1925; Rosengoltz in 1926, e.g. the 13 July 1926 meeting with Chamberlain).",
     "; see the disputes table: Wikipedia calls him ambassador to London; Chamberlain in the Commons on 24 Nov 1926 "
     "called him 'the Soviet Chargé d'Affaires'. Illness kept him away (the cable of his death says he had long been "
     "ailing), so counsellors acted for him (Berzin in 1925; Rosengoltz in 1926, e.g. the 13 July 1926 meeting with "
     "Chamberlain)."),
    ("dispute_claims", "c-13-b", "note", "Wikipedia copy.",
     "The Manchester Guardian's 'Diary of the Red Plot' (5 November 1924) gives 'Oct 10. Red letter received at the "
     "Foreign Office.' (The Wikipedia copy that first gave the date is no longer cited.)"),
    ("disputes", "d-13-zinoviev-receipt-date", "reason",
     "Bennett's 1999 report, based on the intelligence files, gives 9 October; the 10 October date comes from a "
     "Wikipedia-derived page.",
     "Bennett's 1999 report, based on the intelligence files, gives 9 October (from SIS); the Manchester Guardian's "
     "diary of 5 November 1924 gave 10 October, the date Wikipedia repeats."),
    ("interpretations", "gorodetsky-book-two-channels", "note",
     None,
     "The publisher's description (krainaksiazek) gives the 'equal attention' and the conclusion; the Cambridge "
     "Core summaries of the Preface and the Conclusions, Gorodetsky's own text, give the scope and the "
     "subordination of revolutionary aims to acceptance. The Introduction's own summary page was not found."),
]

# --------------------------------------------------------------------------------------------------------
# 4. References to remove everywhere (the rows that cited them keep their other sources or are re-sourced above)
REMOVE_REFS: dict[str, str] = {
    "web-pdfdrive-macdonald-versus-henderson": "pdfdrive.to: preview on an unofficial copy site (Carlton 1970 is cited as the book)",
    "web-questia-stalin-file": "questia.com: copy of a book on a defunct subscription site",
    "web-docslib-vickers-labour-minority-governments": "docslib.org: document-sharing copy of a book chapter",
    "web-docslib-shepherd-laybourn-notes": "docslib.org: document-sharing copy (cited by no row)",
    "web-docslib-maynard-thesis": "docslib.org: document-sharing copy of a thesis",
    "web-halsbury-official-secrets-act": "docslib.org: document-sharing copy of Halsbury's Statutes",
    "web-trantor-general-strike-footnote": "trantor.is: unofficial copy of a book (title not shown)",
    "web-trantor-special-branch-ch11": "trantor.is: unofficial copy of a book (title not shown)",
    "enc-wrigley-henderson-chapter": "trantor.is: unofficial copy of a book chapter",
    "web-russian-diplomatic-history-p105": "booksonline.com.ua: unofficial copy of an unidentified book",
    "enc-gulag-glossary": "100-vampirenovels.net: unofficial copy of a book",
    "enc-maisky-memoir": "thelib.ru: unofficial copy of a book",
    "book-rakovsky-zhiznennyi-put": "bibliboba.online: unofficial copy of a book",
    "thesis-vanvleck1977-borodin": "scribd.com: document-sharing copy of a thesis",
    "web-familysail-narkom": "familysail.ru: content site republishing a Russian reference page",
    "enc-betteridge-arcos": "walterschafer.com: a student essay",
    "art-zinoviev-letter-reappraisal": "researcher.life: aggregator of abstracts (author and journal not shown)",
    "web-researcherlife-kuusinen-excerpt": "researcher.life: aggregator topic page (author and article not shown)",
    "web-spartacus-examir22": "Spartacus Educational 'Classroom Activity': a revision exercise page",
    "web-historynet-quiz-bolsheviks": "a quiz answer page",
    "enc-alphahistory-borodin": "alphahistory.com: revision site for students (read on a no. subdomain copy)",
    "enc-wikipedia-shvernik": "an archived wn.com copy of Wikipedia (a mirror)",
}

# --------------------------------------------------------------------------------------------------------
# 5. Hosts for data/source_denylist.txt
DENY_HOSTS: list[tuple[str, str]] = [
    ("docslib.org", "document-sharing copies of books, chapters and theses"),
    ("trantor.is", "full-text copies of copyrighted books"),
    ("pdfdrive.to", "copies of copyrighted books"),
    ("questia.com", "defunct subscription library: cite the book"),
    ("scribd.com", "document-sharing copies"),
    ("booksonline.com.ua", "full-text copies of copyrighted books"),
    ("100-vampirenovels.net", "full-text copies of copyrighted books"),
    ("100vampirenovels.net", "full-text copies of copyrighted books"),
    ("thelib.ru", "full-text copies of copyrighted books"),
    ("bibliboba.online", "full-text copies of copyrighted books"),
    ("bibliboba.com", "full-text copies of copyrighted books"),
    ("rulit.me", "full-text copies of copyrighted books"),
    ("read-free.com", "full-text copies of copyrighted books"),
    ("whosread.com", "full-text copies of copyrighted books"),
    ("vdoc.pub", "document-sharing copies of copyrighted books"),
    ("familysail.ru", "content site republishing other reference pages"),
    ("researcher.life", "aggregator of abstracts and topic pages: cite the article"),
    ("walterschafer.com", "hosts a student essay"),
    ("alphahistory.com", "revision site for students"),
    ("thompsonjames.co.uk", "copies of the Spectator archive: cite archive.spectator.co.uk or the issue"),
    ("leadhoster.com", "text copies of Time magazine: cite the issue"),
    ("wn.com", "copies of Wikipedia"),
    ("ukessays.com", "essay mill"),
    ("studocu.com", "student notes and essays"),
    ("coursehero.com", "student notes and essays"),
]
DENY_SECTION = "# essay, revision and copy sites met in the second pass of issue 21 (research/21b_apply.py)"

STRONG = {"primary", "scholarly"}


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    rows = [r for r in rows if r and any(c.strip() for c in r)]
    return rows[0], rows[1:]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def link_tables(data: Path) -> dict[str, tuple[Path, list[str]]]:
    """``{table: (link csv, owner key columns)}`` for every ``source_ids`` link table in the package."""
    desc = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for res in desc["resources"]:
        spec = res.get("x-list-field")
        if spec and spec["field"] == "source_ids":
            out[spec["resource"]] = (data / res["path"], res["schema"]["primaryKey"][:-1])
    return out


def table_key(data: Path, table: str) -> str:
    desc = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == table)
    key = res["schema"]["primaryKey"]
    return key if isinstance(key, str) else key[0]


def apply(data: Path) -> dict[str, int]:
    counts = dict.fromkeys(
        ("refs added", "refs edited", "links added", "fields edited", "refs removed", "links removed",
         "hosts deny-listed", "uncertain rows dropped"), 0)
    warnings: list[str] = []

    # 1-2. references
    header, refs = read_csv(data / "references.csv")
    ids = {r[0] for r in refs}
    for new in NEW_REFS:
        unknown = set(new) - set(header)
        if unknown:
            raise SystemExit(f"NEW_REFS {new['ref_id']}: no such column(s) in references.csv: {sorted(unknown)}")
        if new["ref_id"] not in ids:
            refs.append([new.get(col, "") for col in header])
            ids.add(new["ref_id"])
            counts["refs added"] += 1
    for ref_id, fields in REF_EDITS.items():
        row = next((r for r in refs if r[0] == ref_id), None)
        if row is None:
            warnings.append(f"REF_EDITS: {ref_id} is not in references.csv")
            continue
        for field, value in fields.items():
            at = header.index(field)
            if row[at] != value:
                row[at] = value
                counts["refs edited"] += 1
    write_csv(data / "references.csv", header, refs)

    # 3. links and row fields
    links = link_tables(data)
    for table, row_id, ref_id, _why in ADD_LINKS:
        path, keys = links[table]
        lh, lrows = read_csv(path)
        owner = row_id.split("|")
        owner_ids = {r[0] for r in read_csv(data / f"{table}.csv")[1]} if len(keys) == 1 else None
        if owner_ids is not None and row_id not in owner_ids:
            warnings.append(f"ADD_LINKS: {table} has no row {row_id}")
            continue
        if ref_id not in ids:
            warnings.append(f"ADD_LINKS: {ref_id} is not in references.csv")
            continue
        if any(r[:-1] == owner and r[-1] == ref_id for r in lrows):
            continue
        # insert after the row's last link, so a row's sources stay together
        at = max((i for i, r in enumerate(lrows) if r[:-1] == owner), default=len(lrows) - 1) + 1
        lrows.insert(at, owner + [ref_id])
        write_csv(path, lh, lrows)
        counts["links added"] += 1
    for table, row_id, field, old, new in ROW_EDITS:
        th, trows = read_csv(data / f"{table}.csv")
        key = th.index(table_key(data, table))
        row = next((r for r in trows if r[key] == row_id), None)
        if row is None:
            warnings.append(f"ROW_EDITS: {table} has no row {row_id}")
            continue
        at = th.index(field)
        if row[at] == new:
            continue
        if old is not None and row[at] != old:
            warnings.append(f"ROW_EDITS: {table} {row_id}.{field} is not the expected text; left alone: {row[at]!r}")
            continue
        row[at] = new
        write_csv(data / f"{table}.csv", th, trows)
        counts["fields edited"] += 1

    # 4. removals
    gone = set(REMOVE_REFS)
    header, refs = read_csv(data / "references.csv")
    kept = [r for r in refs if r[0] not in gone]
    counts["refs removed"] = len(refs) - len(kept)
    write_csv(data / "references.csv", header, kept)
    ids = {r[0] for r in kept}
    for path, _keys in links.values():
        lh, lrows = read_csv(path)
        left = [r for r in lrows if r[-1] not in gone]
        if len(left) != len(lrows):
            counts["links removed"] += len(lrows) - len(left)
            write_csv(path, lh, left)
    th, trows = read_csv(data / "interpretations.csv")
    for r in trows:
        if r[th.index("work")] in gone:
            warnings.append(f"interpretations {r[0]}: its work {r[th.index('work')]} was removed")

    # 5. deny-list
    deny = data / "source_denylist.txt"
    text = deny.read_text(encoding="utf-8")
    present = {line.split("#")[0].strip() for line in text.splitlines()}
    missing = [(h, why) for h, why in DENY_HOSTS if h not in present]
    if missing:
        width = 24
        block = ([] if DENY_SECTION in text else ["", DENY_SECTION]) + [f"{h:<{width}}# {why}" for h, why in missing]
        deny.write_text(text.rstrip("\n") + "\n" + "\n".join(block) + "\n", encoding="utf-8")
        counts["hosts deny-listed"] = len(missing)

    # 6. uncertain rows that now rest on a primary or scholarly source
    tiers = {r[0]: r[header.index("tier")] for r in kept}
    sources: dict[tuple[str, str], list[str]] = {}
    for table, (path, _keys) in links.items():
        for r in read_csv(path)[1]:
            sources.setdefault((table, "|".join(r[:-1])), []).append(r[-1])
    uh, urows = read_csv(data / "uncertain_rows.csv")
    still = [r for r in urows if not any(tiers.get(s) in STRONG for s in sources.get((r[0], r[1]), []))]
    counts["uncertain rows dropped"] = len(urows) - len(still)
    write_csv(data / "uncertain_rows.csv", uh, still)

    # what still cites a removed id outside data/*.csv (exercise banks, notebooks): listed, never edited
    for path in sorted((data / "exercises").glob("*.yaml")) + sorted((data.parent / "notebooks").rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        for ref_id in sorted(gone):
            if re.search(r"(?<![\w-])" + re.escape(ref_id) + r"(?![\w-])", text):
                warnings.append(f"still cited: {path.relative_to(data.parent)} cites removed {ref_id}")
    for w in warnings:
        print("note:", w)
    return counts


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else ROOT / "data"
    for name, n in apply(data).items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
