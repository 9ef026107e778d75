"""What a lesson shows: sources with their headnotes, event rows, disputes, figures with captions, reading.

Each function returns an :class:`Html` object: the last value of a notebook cell shows itself, and a
test (or the handout builder) can read ``.html``. Facts come from the tables, never from the lesson's
prose alone, so a lesson that states a date can show the row it comes from.

>>> print(who_held("uk_foreign_secretary", "1927-05-12").text)
Austen Chamberlain was Foreign Secretary on 12 May 1927.
>>> quote = source("q-1927-05-16-joynson_hicks-1")
>>> "approximately 250 persons" in quote.html, quote.text.startswith("William Joynson-Hicks, 16 May 1927.")
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

import pandas as pd

from .data import (
    load_dispute_claims,
    load_disputes,
    load_document_sets,
    load_documents,
    load_events,
    load_extracts,
    load_figures,
    load_glossary,
    load_posts,
    load_quotations,
    load_references,
)
from .dates import format_date
from .display import Html
from .queries import cite, holder_on, person_name, source_list, sources_for
from .sourcing import is_uncertain, uncertain_rows

__all__ = [
    "Html",
    "source",
    "document",
    "event",
    "events_table",
    "who_held",
    "dispute",
    "figure",
    "glossary",
    "further_reading",
    "sources",
    "figures_table",
    "note",
    "bibliography",
    "extract",
    "document_set",
]


def _lookup(frame: pd.DataFrame, key: str, value: str, table: str) -> pd.Series:
    rows = frame[frame[key] == value]
    if rows.empty:
        raise KeyError(f"no {key} {value!r} in {table}.csv")
    return rows.iloc[0]


def _name(person_id) -> str:
    """The person's name (:func:`helpers.queries.person_name`), or '' where the row names nobody."""
    if person_id is None or pd.isna(person_id):
        return ""
    return person_name(person_id)


def _citations(ids: Iterable[str]) -> str:
    """A source list as a card shows it: primary and scholarly sources first, in short form; then
    encyclopaedias and web pages, set apart and marked (they may stand beside evidence, never alone)."""
    strong, weak = source_list(ids)
    html = "; ".join(escape(c) for c in strong)
    if weak:
        html += (
            f'{"; " if strong else ""}<span class="tr-weak">{"also: " if strong else ""}'
            + "; ".join(escape(c) for c in weak)
            + "</span>"
        )
    return html


def source(quote_id: str) -> Html:
    """A quotation with its provenance headnote (who, when, in what setting) and exact citation."""
    q = _lookup(load_quotations(), "quote_id", quote_id, "quotations")
    who = _name(q["speaker_id"])
    when = format_date(q["date"], q["date_precision"])
    head = f"<b>{escape(who)}</b>, {escape(when)}. {escape(str(q['setting']))}"
    html = (
        f'<div class="tr-box" role="figure" aria-label="Source: {escape(who, quote=True)}">'
        f'<div class="tr-head">{head}</div>'
        f'<blockquote class="tr-quote">“{escape(str(q["text"]))}”</blockquote>'
        f'<div class="tr-cite">Source: {escape(str(q["citation"]))}</div></div>'
    )
    text = f"{who}, {when}. {q['setting']}\n“{q['text']}”\nSource: {q['citation']}"
    return Html(html, text)


def document(doc_id: str) -> Html:
    """A document's summary (in the pack's words) with its date, author, type and reference."""
    d = _lookup(load_documents(), "doc_id", doc_id, "documents")
    when = format_date(d["date"], d["date_precision"])
    author = _name(d["author_id"])
    recipient = _name(d["recipient_id"])
    parts = [
        p
        for p in (
            str(d["doc_type"]).replace("_", " ").capitalize(),
            f"by {author}" if author else "",
            f"to {recipient}" if recipient else "",
            when,
        )
        if p
    ]
    ref = "" if pd.isna(d["reference"]) else f"Reference: {escape(str(d['reference']))}. "
    html = (
        f'<div class="tr-box"><div class="tr-head"><b>{escape(str(d["title"]))}</b> — {escape(", ".join(parts))}</div>'
        f"<div>{escape(str(d['summary']))}</div>"
        f'<div class="tr-cite">{ref}Sources: {_citations(d["source_ids"])}</div></div>'
    )
    return Html(html, f"{d['title']} ({', '.join(parts)}): {d['summary']}")


LANGUAGES = {"en": "English", "ru": "Russian", "fr": "French", "de": "German"}


def extract(extract_id: str, headnote: str | None = None, number: int | None = None) -> Html:
    """A primary source at document length: headnote, the text verbatim (each line a paragraph, escaped;
    cuts marked [...] as in the table), provenance and citations.

    >>> ex = load_extracts().iloc[0]
    >>> ex["text"].split()[0] in extract(ex["extract_id"]).text
    True
    """
    x = _lookup(load_extracts(), "extract_id", extract_id, "extracts")
    author = _name(x["author"])
    when = format_date(x["date"], x["date_precision"])
    title = f"{number}. {x['title']}" if number is not None else str(x["title"])
    paragraphs = [p for p in str(x["text"]).splitlines() if p.strip()]
    provenance = [f"{author}, {when}" if author else when]
    if x["voice"] == "reported":
        provenance.append("words as reported, not the author's own text")
    language = str(x["original_language"])
    if language != "en":
        provenance.append(
            f"written in {LANGUAGES.get(language, language)}; English text: "
            + (str(x["translation"]) if pd.notna(x["translation"]) else "translator not recorded")
        )
    provenance.append(f"Read in: {x['published_in']}")
    head = f'<div class="tr-head"><b>{escape(title)}</b></div>'
    if headnote:
        head += f'<div class="tr-head">{escape(headnote)}</div>'
    html = (
        f'<div class="tr-box" role="figure" aria-label="Source: {escape(str(x["title"]), quote=True)}">{head}'
        f'<blockquote class="tr-extract" data-extract="{escape(extract_id, quote=True)}">'
        + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        + "</blockquote>"
        f'<div class="tr-cite">{escape(". ".join(provenance))}.</div>'
        f'<div class="tr-cite">Sources: {_citations(x["source_ids"])}</div></div>'
    )
    text = "\n".join([title] + ([headnote] if headnote else []) + paragraphs + [". ".join(provenance) + "."])
    return Html(html, text)


def document_set(set_id: str, teacher: bool = False) -> Html:
    """A document set for the student: its central question, then each extract in reading order with its
    headnote, text (verbatim), provenance and citations, then the glossary's words that occur in them. The teacher's notes are never in it: with
    ``teacher=True`` the function returns only them, for a cell tagged ``teacher`` (the handouts drop
    such cells from the student edition and box them in the teacher's).

    >>> sets = load_document_sets()
    >>> first = sets.iloc[0]
    >>> shown = document_set(first["set_id"])
    >>> first["central_question"] in shown.text, str(first["teacher_note"]) in shown.text
    (True, False)
    >>> str(first["teacher_note"]) in document_set(first["set_id"], teacher=True).text
    True
    """
    rows = load_document_sets()
    rows = rows[rows["set_id"] == set_id].sort_values("position")
    if rows.empty:
        raise KeyError(f"no set_id {set_id!r} in document_sets.csv")
    question = str(rows["central_question"].iat[0])
    if teacher:
        notes = [
            (int(r["position"]), str(r["teacher_note"])) for _, r in rows.iterrows() if pd.notna(r["teacher_note"])
        ]
        lines = [note if n == 1 else f"On extract {n}: {note}" for n, note in notes]
        html = (
            f'<div class="tr-box"><div class="tr-head"><b>Teaching the set</b> · {escape(question)}</div>'
            + "".join(f"<p>{escape(line)}</p>" for line in lines)
            + "</div>"
        )
        return Html(html, "\n".join(lines))
    parts = [extract(r["extract_id"], str(r["headnote"]), int(r["position"])) for _, r in rows.iterrows()]
    words = glossary(*_terms_in(" ".join(p.text for p in parts)))
    html = (
        f'<section class="tr-set" data-set="{escape(set_id, quote=True)}">'
        f'<div class="tr-box"><b>Central question:</b> {escape(question)}'
        f'<div class="tr-cite">{len(parts)} documents; headnotes in the pack\'s words. '
        f"Headnote sources: {_citations(dict.fromkeys(i for ids in rows['source_ids'] for i in ids))}</div></div>"
        + "".join(p.html for p in parts)
        + (f'<div class="tr-box"><b>Words in these documents</b>{words.html}</div>' if words.text else "")
        + "</section>"
    )
    return Html(
        html,
        "\n\n".join(
            [f"Central question: {question}"]
            + [p.text for p in parts]
            + ([f"Words in these documents\n{words.text}"] if words.text else [])
        ),
    )


def _terms_in(text: str) -> list[str]:
    """The glossary's term ids whose term occurs in ``text`` (whole words, any case), in glossary order.

    >>> _terms_in("The raid on Arcos, and the Comintern's answer")
    ['g-comintern', 'g-arcos']
    """
    terms = load_glossary()
    return [
        tid
        for tid, term in zip(terms["term_id"], terms["term"].astype(str))
        if re.search(r"\b" + re.escape(term) + r"\b", text, re.I)
    ]


def event(event_id: str) -> Html:
    """One event as a card: date (as precisely as known), title, summary, certainty and sources."""
    e = _lookup(load_events(), "event_id", event_id, "events")
    when = format_date(e["start_date"], e["date_precision"])
    if pd.notna(e["end_date"]):
        when += f" – {format_date(e['end_date'], e['date_precision'])}"
    flag = "" if e["certainty"] == "certain" else f" <i>({escape(str(e['certainty']))}: see the note)</i>"
    if is_uncertain("events", event_id):
        flag += f" <i>(marked uncertain: {escape(uncertain_rows()[('events', event_id)])})</i>"
    note = "" if pd.isna(e["note"]) else f'<div class="tr-cite">Note: {escape(str(e["note"]))}</div>'
    html = (
        f'<div class="tr-box"><div class="tr-head"><b>{escape(when)}</b> · {escape(str(e["title"]))}{flag}</div>'
        f"<div>{escape(str(e['summary']))}</div>{note}"
        f'<div class="tr-cite">Sources: {_citations(e["source_ids"])}</div></div>'
    )
    return Html(html, f"{when}: {e['title']}. {e['summary']}")


def events_table(events: pd.DataFrame, summary: bool = True, limit: int | None = None) -> Html:
    """A readable table of event rows: date as precisely as known, title, (summary), sources."""
    rows = events.sort_values("start_date")
    if limit is not None:
        rows = rows.head(limit)
    head = "<tr><th>Date</th><th>Event</th>" + ("<th>What happened</th>" if summary else "") + "<th>Sources</th></tr>"
    body, lines = [], []
    for _, e in rows.iterrows():
        when = format_date(e["start_date"], e["date_precision"])
        title = escape(str(e["title"])) + (
            "" if e["certainty"] == "certain" else f" <i>({escape(str(e['certainty']))})</i>"
        )
        title += " <i>(marked uncertain)</i>" if is_uncertain("events", e["event_id"]) else ""
        cells = [escape(when), title] + ([escape(str(e["summary"]))] if summary else []) + [_citations(e["source_ids"])]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        lines.append(f"{when}: {e['title']}")
    caption = f"<caption>{len(rows)} event{'s' if len(rows) != 1 else ''} from the events table</caption>"
    return Html(f'<table class="tr-table">{caption}{head}{"".join(body)}</table>', "\n".join(lines))


def who_held(post_id: str, date) -> Html:
    """Who held a post on a date, from the offices table."""
    person = holder_on(post_id, date)
    posts = load_posts()
    title = str(_lookup(posts, "post_id", post_id, "posts")["title"])
    # "Secretary of State for Foreign Affairs (Foreign Secretary)": the bracket is the usual name; other
    # brackets are glosses ("(VTsSPS)", "(official agent ...)") and are dropped.
    if "(" in title and title.startswith("Secretary of State"):
        short = title.split("(")[-1].rstrip(")")
    else:
        short = title.split(" (")[0]
    when = format_date(pd.Timestamp(date))
    if person is None:
        text = f"The offices table records no {short} on {when}."
    else:
        text = f"{_name(person)} was {short} on {when}."
    return Html(f"<p>{escape(text)}</p>", text)


def dispute(dispute_id: str) -> Html:
    """A point where good sources disagree: each claim with its sources, and what the pack follows and why."""
    d = _lookup(load_disputes(), "dispute_id", dispute_id, "disputes")
    claims = load_dispute_claims()
    claims = claims[claims["dispute_id"] == dispute_id]
    rows = []
    follows = None if pd.isna(d["pack_follows"]) else str(d["pack_follows"])
    for _, c in claims.iterrows():
        followed = " ✔ (the pack follows this)" if c["claim_id"] == follows else ""
        rows.append(f"<tr><td>{escape(str(c['value']))}{followed}</td><td>{_citations(c['source_ids'])}</td></tr>")
    html = (
        f'<div class="tr-box"><div class="tr-head"><b>Sources disagree:</b> {escape(str(d["question"]))}</div>'
        f'<table class="tr-table"><tr><th>What the source says</th><th>Source</th></tr>{"".join(rows)}</table>'
        f"<div><b>{'Why the pack follows what it does' if follows else 'Why the pack follows none of these outright'}:</b> "
        f"{escape(str(d['reason']))}</div></div>"
    )
    text = f"{d['question']} " + " | ".join(str(v) for v in claims["value"])
    return Html(html, text)


def figure(fig, caption: str) -> Html:
    """A chart with its caption (what to see) and its alt text (what it shows), as an embedded image."""
    from .figure import alt_text, figure_html

    if not alt_text(fig):
        raise ValueError("this figure has no alt text: build it with a helpers.charts function or set_alt_text()")
    html = f'<figure class="tr-figure">{figure_html(fig)}<figcaption>{escape(caption)}</figcaption></figure>'
    return Html(html, f"{caption} [{alt_text(fig)}]")


def figures_table(lesson: str | None = None, contains: str | None = None) -> Html:
    """Numbers stated in the sources, as printed, with their sources (from the figures table)."""
    figs = load_figures()
    if lesson:
        figs = figs[figs["lesson"] == lesson]
    if contains:
        figs = figs[
            figs["what"].str.contains(contains, case=False) | figs["figure_id"].str.contains(contains, case=False)
        ]
    rows = "".join(
        f"<tr><td>{escape(str(f['what']))}</td><td>{escape(str(f['value_text']))} {escape(str(f['unit']))}</td>"
        f"<td>{escape(format_date(f['date'], f['date_precision']))}</td><td>{_citations(f['source_ids'])}</td></tr>"
        for _, f in figs.iterrows()
    )
    head = "<tr><th>What</th><th>Figure as given</th><th>Date</th><th>Source</th></tr>"
    text = "\n".join(f"{f['what']}: {f['value_text']} {f['unit']}" for _, f in figs.iterrows())
    return Html(f'<table class="tr-table">{head}{rows}</table>', text)


def glossary(*term_ids: str) -> Html:
    """Definitions (in the pack's words) of glossary terms."""
    terms = load_glossary()
    items, lines = [], []
    for term_id in term_ids:
        t = _lookup(terms, "term_id", term_id, "glossary")
        items.append(f"<dt><b>{escape(str(t['term']))}</b></dt><dd>{escape(str(t['definition']))}</dd>")
        lines.append(f"{t['term']}: {t['definition']}")
    return Html(f"<dl>{''.join(items)}</dl>", "\n".join(lines))


def sources(*ref_ids: str) -> Html:
    """The citations behind a section, in a small line: 'Sources: HC Deb ...; Gorodetsky 1977, pp. ...'.

    >>> print(sources("enc-wikipedia-curzon", "gorodetsky1977-ch4"))
    Sources: Gorodetsky 1977, pp. 134–79; Wikipedia, 'George Curzon, 1st Marquess Curzon of Kedleston' (encyclopaedia)
    """
    return Html(
        f'<div class="tr-cite">Sources: {_citations(ref_ids)}</div>', "Sources: " + "; ".join(sources_for(ref_ids))
    )


def further_reading(*ref_ids: str) -> Html:
    """A reading list from the references table."""
    refs = load_references().set_index("ref_id")
    items = []
    for ref_id in ref_ids:
        row = refs.loc[ref_id] if ref_id in refs.index else None
        if row is None:
            raise KeyError(f"no reference {ref_id!r} in references.csv")
        # The references' notes are curation notes for editors, not reading advice: they stay out.
        items.append(f"<li>{escape(str(row['citation']))}</li>")
    return Html(f"<ul>{''.join(items)}</ul>", "\n".join(cite(r) for r in ref_ids))


#: The bibliography's headings, one per tier, in the order it shows them.
TIER_HEADINGS = {
    "primary": "Primary sources: debates, papers, treaties, notes, speeches and the press of the time",
    "scholarly": "Scholarship: books, articles, theses, editions of documents and scholars' reference works",
    "reference": "General encyclopaedias (background only: never the sole source of a fact)",
    "web": "Other web pages (background only: never the sole source of a fact)",
}


def bibliography(ref_ids: Iterable[str] | None = None, heading_level: int = 3) -> Html:
    """The references (all, or ``ref_ids``) as a bibliography grouped by tier, primary sources first,
    each group in alphabetical order of citation.

    >>> bib = bibliography(["gorodetsky1977-ch4", "enc-wikipedia-curzon"])
    >>> print(bib.text)
    Scholarship: books, articles, theses, editions of documents and scholars' reference works (1)
      Gorodetsky 1977, ch. 4 'Russia and the general strike', pp. 134–179
    General encyclopaedias (background only: never the sole source of a fact) (1)
      Wikipedia, 'George Curzon, 1st Marquess Curzon of Kedleston'
    """
    refs = load_references()
    if ref_ids is not None:
        wanted = list(dict.fromkeys(ref_ids))
        missing = [r for r in wanted if r not in set(refs["ref_id"])]
        if missing:
            raise KeyError(f"no reference {missing[0]!r} in references.csv")
        refs = refs[refs["ref_id"].isin(wanted)]
    parts, lines = [], []
    h = f"h{heading_level}"
    for tier, heading in TIER_HEADINGS.items():
        group = refs[refs["tier"] == tier]
        if group.empty:
            continue
        citations = sorted(group["citation"].astype(str), key=lambda c: c.lstrip("'\"[").casefold())
        items = "".join(f"<li>{escape(c)}</li>" for c in citations)
        # scholarship open; the long list of primary sources and the background folded (click to open)
        parts.append(
            f'<details class="tr-bibliography-{tier}"{" open" if tier == "scholarly" else ""}>'
            f'<summary><{h} style="display:inline">{escape(heading)} ({len(citations)})</{h}></summary>'
            f"<ul>{items}</ul></details>"
        )
        lines.append(f"{heading} ({len(citations)})")
        lines.extend(f"  {c}" for c in citations)
    return Html(f'<div class="tr-bibliography">{"".join(parts)}</div>', "\n".join(lines))


def index_bibliography() -> str:
    """The handout index's bibliography (HTML): a heading and :func:`bibliography` of every reference.

    >>> "Primary sources" in index_bibliography()
    True
    """
    return (
        '<section class="tr-index-bibliography"><h2>Sources: the bibliography</h2>'
        "<p>Every reference the lessons cite, grouped by tier: primary sources and scholarship carry the "
        "facts; encyclopaedias and other web pages are background only.</p>" + bibliography().html + "</section>"
    )


def note(text: str) -> Html:
    """A boxed note in the lesson's own words (escaped)."""
    return Html(f'<div class="tr-box">{escape(text)}</div>', text)
