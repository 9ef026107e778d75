"""Quizzes for learning platforms: the question banks written as Moodle GIFT, Moodle XML or IMS QTI 1.2.

``python -m helpers export-quiz --format gift --lessons 01,06 --out build/quiz`` writes one file per
lesson. What each exercise becomes:

=============== =============================== ==================== ==================================
bank type       GIFT                            Moodle XML           QTI 1.2 (Canvas)
=============== =============================== ==================== ==================================
choice          multiple choice (weights for    multichoice          multiple_choice_question or
                several right answers)                               multiple_answers_question
numeric         numerical (near misses, too low numerical            numerical_question (the same
                and too high as 0% answers)                          feedback as range conditions)
matching        matching                        matching             matching_question
chronology      matching: event -> position     ordering             matching_question (positions)
source_analysis essay (model answers as general essay (graderinfo)   essay_question (model answers as
                feedback)                                            general feedback)
=============== =============================== ==================== ==================================

Every option keeps its feedback; the bank's explanation becomes the general feedback. The explorer
(nothing to mark) is left out.

>>> text = gift([get_exercise("start-balfour-1918")])
>>> text.startswith("::start-balfour-1918::")
True
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .exercises import get_exercise  # noqa: F401 (used by the doctest)
from .exercises.arranging import Chronology, Matching
from .exercises.bank import LESSONS, load_bank
from .exercises.model import Choice, Exercise
from .exercises.numeric import Numeric, format_number
from .exercises.written import SourceAnalysis
from .notebooks import lesson_title

FORMATS = ("gift", "moodle-xml", "qti")
#: File name ending per format.
SUFFIX = {"gift": ".gift.txt", "moodle-xml": ".moodle.xml", "qti": ".qti.zip"}
#: The exercise types a platform can take (the explorer has nothing to mark).
EXPORTED = (Choice, Numeric, Matching, Chronology, SourceAnalysis)


def pick_lessons(spec: str | None) -> list[str]:
    """Lesson ids from '01,06' (numbers or full names); every lesson with a bank when None.

    >>> pick_lessons("01, 06")
    ['01-recognition-1924', '06-rupture-1927']
    """
    if not spec:
        return list(LESSONS)
    chosen = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        match = [lesson for lesson in LESSONS if lesson == part or lesson.split("-")[0] == part.zfill(2)]
        if not match:
            raise ValueError(
                f"--lessons: no lesson called {part!r} (use numbers such as 01,06 or names such as {LESSONS[1]})"
            )
        chosen += [m for m in match if m not in chosen]
    return chosen


def exportable(exercises) -> list[Exercise]:
    """The exercises a platform can take, in bank order."""
    return [ex for ex in exercises if isinstance(ex, EXPORTED)]


# --- Text -----------------------------------------------------------------------------------------


def to_html(text: str | None) -> str:
    """Plain bank text as HTML paragraphs on one line (blank lines part paragraphs).

    >>> to_html("A & B\\nstill A.\\n\\nNext <one>.")
    '<p>A &amp; B still A.</p><p>Next &lt;one&gt;.</p>'
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", (text or "").strip())]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs if p)


def _prompt(ex: Exercise) -> str:
    """The question text: the prompt, plus what a platform needs that the notebook shows beside it."""
    parts = [to_html(ex.prompt)]
    if isinstance(ex, Numeric) and ex.unit:
        parts.append(to_html(f"Answer in {ex.unit}."))
    if isinstance(ex, SourceAnalysis):
        if ex.source is not None:
            src = ex.source
            parts.append(to_html(src.headnote))
            parts.append(f"<blockquote>{to_html(src.text)}</blockquote>")
            if src.citation:
                parts.append(to_html(f"Source: {src.citation}"))
        parts.append("<ol>" + "".join(f"<li>{html.escape(q.text, quote=False)}</li>" for q in ex.questions) + "</ol>")
    if isinstance(ex, Chronology):
        parts.append(to_html("Give each event its place in time: 1 is the earliest."))
    return "".join(parts)


def _general(ex: Exercise) -> str:
    return to_html(ex.explanation)


def mark_scheme(ex: SourceAnalysis) -> str:
    """A source analysis's model answers and checklist, as HTML for the marker."""
    answers = "".join(
        f"<li><strong>{html.escape(q.text, quote=False)}</strong> {html.escape(q.model_answer, quote=False)}</li>"
        for q in ex.questions
    )
    checklist = "".join(f"<li>{html.escape(c, quote=False)}</li>" for c in ex.checklist)
    out = f"<p>Model answers</p><ol>{answers}</ol>"
    if checklist:
        out += f"<p>A good answer</p><ul>{checklist}</ul>"
    return out + _general(ex)


def positions(ex: Chronology) -> list[tuple[str, str]]:
    """(event text, position) pairs of a chronology, in the order the notebook shows them first."""
    rank = {item_id: n for n, item_id in enumerate(ex.order, 1)}
    return [(ex.item(i).text, str(rank[i])) for i in ex.display_order()]


def choice_weights(ex: Choice) -> dict[str, float]:
    """Percent per option: 100 for the one right answer; for several, shares of +100 and -100.

    >>> from helpers.exercises.model import Option
    >>> q = Choice(id="q", lesson="00-start-here", prompt="?", multiple=True, answer=("a", "b"),
    ...            options=(Option("a", "A", ""), Option("b", "B", ""), Option("c", "C", "")))
    >>> choice_weights(q)
    {'a': 50.0, 'b': 50.0, 'c': -100.0}
    """
    right = [o.id for o in ex.options if o.id in ex.answer]
    wrong = [o.id for o in ex.options if o.id not in ex.answer]
    if not ex.multiple:
        return {o.id: (100.0 if o.id in ex.answer else 0.0) for o in ex.options}
    return {o.id: (round(100 / len(right), 5) if o.id in right else -round(100 / len(wrong), 5)) for o in ex.options}


def numeric_ranges(ex: Numeric) -> list[tuple[float, float, str]]:
    """(low, high, feedback) for 'too low' and 'too high': 0% answers tried after the right one and
    the near misses, so they only catch what those did not."""
    span = max(1e6, 1000 * abs(ex.answer))
    return [(ex.answer - span, ex.answer, ex.feedback_low), (ex.answer, ex.answer + span, ex.feedback_high)]


def _num(value: float) -> str:
    return format_number(value).replace(",", "")


# --- GIFT -----------------------------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    r"""Escape GIFT's special characters with a backslash.

    >>> gift_escape("a=b: {c}")
    'a\\=b\\: \\{c\\}'
    """
    return _GIFT_SPECIAL.sub(r"\\\1", text)


def _fmt_weight(w: float) -> str:
    return f"{w:.5f}".rstrip("0").rstrip(".")


def gift(exercises) -> str:
    """The exercises as Moodle GIFT text (one question per paragraph)."""
    blocks = []
    for ex in exportable(exercises):
        head = f"::{gift_escape(ex.id)}::[html]{gift_escape(_prompt(ex))}"
        body = []
        if isinstance(ex, Choice):
            weights = choice_weights(ex)
            for o in ex.options:
                w = weights[o.id]
                mark = "=" if (w == 100 and not ex.multiple) else ("~%" + _fmt_weight(w) + "%")
                body.append(f"{mark}{gift_escape(to_html(o.text))}#{gift_escape(to_html(o.feedback))}")
        elif isinstance(ex, Numeric):
            body.append(f"={_num(ex.answer)}:{_num(ex.tolerance)}#")
            body += [
                f"=%0%{_num(m.value)}:{_num(ex.tolerance)}#{gift_escape(to_html(m.feedback))}" for m in ex.near_misses
            ]
            body += [f"=%0%{_num(lo)}..{_num(hi)}#{gift_escape(to_html(fb))}" for lo, hi, fb in numeric_ranges(ex)]
            body[0] = "#" + body[0]
        elif isinstance(ex, Matching):
            right = {r.id: r.text for r in ex.right}
            body += [f"={gift_escape(left.text)} -> {gift_escape(right[ex.key()[left.id]])}" for left in ex.left]
            used = set(ex.key().values())
            body += [f"= -> {gift_escape(r.text)}" for r in ex.right if r.id not in used]
        elif isinstance(ex, Chronology):
            body += [f"={gift_escape(text)} -> {pos}" for text, pos in positions(ex)]
        general = mark_scheme(ex) if isinstance(ex, SourceAnalysis) else _general(ex)
        if general:
            body.append("####" + gift_escape(general))
        blocks.append(head + " {\n" + "".join(f"\t{line}\n" for line in body) + "}\n")
    return "\n".join(blocks)


# --- Moodle XML -----------------------------------------------------------------------------------


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xtext(tag: str, value: str, fmt: str = "html") -> str:
    attr = f' format="{fmt}"' if fmt else ""
    return f"<{tag}{attr}><text>{_cdata(value)}</text></{tag}>"


def moodle_xml(exercises, category: str = "") -> str:
    """The exercises as Moodle XML (a <quiz> with a category, then one <question> each)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    if category:
        out.append(
            f'<question type="category"><category><text>{_cdata("$course$/top/" + category)}</text>'
            "</category></question>"
        )
    for ex in exportable(exercises):
        kind = {
            Choice: "multichoice",
            Numeric: "numerical",
            Matching: "matching",
            Chronology: "ordering",
            SourceAnalysis: "essay",
        }[type(ex)]
        q = [
            f'<question type="{kind}">',
            f"<name><text>{_cdata(ex.title or ex.id)}</text></name>",
            _xtext("questiontext", _prompt(ex)),
            _xtext("generalfeedback", _general(ex)),
            "<defaultgrade>1</defaultgrade>",
            f"<idnumber>{_cdata(ex.id)}</idnumber>",
        ]
        if isinstance(ex, Choice):
            weights = choice_weights(ex)
            q += [
                f"<single>{'false' if ex.multiple else 'true'}</single>",
                "<shuffleanswers>true</shuffleanswers>",
                "<answernumbering>abc</answernumbering>",
            ]
            q += [
                f'<answer fraction="{_fmt_weight(weights[o.id])}" format="html"><text>{_cdata(to_html(o.text))}'
                f"</text>{_xtext('feedback', to_html(o.feedback))}</answer>"
                for o in ex.options
            ]
        elif isinstance(ex, Numeric):
            q.append(
                f'<answer fraction="100"><text>{_num(ex.answer)}</text><tolerance>{_num(ex.tolerance)}'
                f"</tolerance>{_xtext('feedback', '')}</answer>"
            )
            q += [
                f'<answer fraction="0"><text>{_num(m.value)}</text><tolerance>{_num(ex.tolerance)}</tolerance>'
                f"{_xtext('feedback', to_html(m.feedback))}</answer>"
                for m in ex.near_misses
            ]
            q += [
                f'<answer fraction="0"><text>{_num((lo + hi) / 2)}</text><tolerance>{_num((hi - lo) / 2)}'
                f"</tolerance>{_xtext('feedback', to_html(fb))}</answer>"
                for lo, hi, fb in numeric_ranges(ex)
            ]
        elif isinstance(ex, Matching):
            right = {r.id: r.text for r in ex.right}
            q.append("<shuffleanswers>true</shuffleanswers>")
            q += [
                f'<subquestion format="html"><text>{_cdata(left.text)}</text><answer><text>'
                f"{_cdata(right[ex.key()[left.id]])}</text></answer></subquestion>"
                for left in ex.left
            ]
            used = set(ex.key().values())
            q += [
                f'<subquestion format="html"><text></text><answer><text>{_cdata(r.text)}</text></answer></subquestion>'
                for r in ex.right
                if r.id not in used
            ]
        elif isinstance(ex, Chronology):
            q += [
                "<layouttype>VERTICAL</layouttype>",
                "<selecttype>ALL</selecttype>",
                f"<selectcount>{len(ex.order)}</selectcount>",
                "<gradingtype>RELATIVE_TO_CORRECT</gradingtype>",
                "<showgrading>SHOW</showgrading>",
                "<numberingstyle>none</numberingstyle>",
            ]
            q += [
                f'<answer fraction="{n}" format="html"><text>{_cdata(html.escape(ex.item(i).text, quote=False))}'
                f"</text></answer>"
                for n, i in enumerate(ex.order, 1)
            ]
        elif isinstance(ex, SourceAnalysis):
            q += [
                "<responseformat>editor</responseformat>",
                "<responserequired>1</responserequired>",
                "<responsefieldlines>15</responsefieldlines>",
                "<attachments>0</attachments>",
                _xtext("graderinfo", mark_scheme(ex)),
                _xtext("responsetemplate", ""),
            ]
        q.append("</question>")
        out.append("".join(q))
    out.append("</quiz>")
    return "\n".join(out) + "\n"


# --- QTI 1.2 (an IMS content package, as Canvas imports it) -----------------------------------------

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"


def _ident(text: str) -> str:
    """An XML-safe identifier (QTI idents are NMTOKENs)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


def _mattext(value: str) -> str:
    return f'<material><mattext texttype="text/html">{html.escape(value, quote=False)}</mattext></material>'


def _feedback(ident: str, value: str) -> str:
    return f"<itemfeedback ident={quoteattr(ident)}><flow_mat>{_mattext(value)}</flow_mat></itemfeedback>"


def _show(ident: str, condition: str = "<other/>") -> str:
    return (
        f'<respcondition continue="Yes"><conditionvar>{condition}</conditionvar>'
        f'<displayfeedback feedbacktype="Response" linkrefid={quoteattr(ident)}/></respcondition>'
    )


def qti_item(ex: Exercise) -> str:
    """One exercise as a QTI 1.2 <item> with Canvas's question_type metadata."""
    iid = _ident(ex.id)
    presentation, conditions, feedbacks = [], [], []
    if isinstance(ex, Choice):
        qtype = "multiple_answers_question" if ex.multiple else "multiple_choice_question"
        labels = "".join(
            f"<response_label ident={quoteattr(_ident(ex.id + '-' + o.id))}>{_mattext(to_html(o.text))}"
            "</response_label>"
            for o in ex.options
        )
        presentation.append(
            f'<response_lid ident="response1" rcardinality="{"Multiple" if ex.multiple else "Single"}">'
            f"<render_choice>{labels}</render_choice></response_lid>"
        )
        for o in ex.options:
            oid = _ident(ex.id + "-" + o.id)
            feedbacks.append(_feedback(oid + "_fb", to_html(o.feedback)))
            conditions.append(_show(oid + "_fb", f'<varequal respident="response1">{oid}</varequal>'))
        if ex.multiple:
            wanted = "".join(
                f'<varequal respident="response1">{_ident(ex.id + "-" + o.id)}</varequal>'
                if o.id in ex.answer
                else f'<not><varequal respident="response1">{_ident(ex.id + "-" + o.id)}</varequal></not>'
                for o in ex.options
            )
            conditions.append(
                f'<respcondition continue="No"><conditionvar><and>{wanted}</and></conditionvar>'
                '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
            )
        else:
            conditions.append(
                f'<respcondition continue="No"><conditionvar><varequal respident="response1">'
                f"{_ident(ex.id + '-' + ex.answer[0])}</varequal></conditionvar>"
                '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
            )
    elif isinstance(ex, Numeric):
        qtype = "numerical_question"
        presentation.append(
            '<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal">'
            '<response_label ident="answer1"/></render_fib></response_str>'
        )
        for n, miss in enumerate(ex.near_misses, 1):
            feedbacks.append(_feedback(f"{iid}-near{n}_fb", to_html(miss.feedback)))
            conditions.append(
                _show(f"{iid}-near{n}_fb", _between(miss.value - ex.tolerance, miss.value + ex.tolerance))
            )
        for side, test, bound, text in (
            ("low", "varlt", ex.answer - ex.tolerance, ex.feedback_low),
            ("high", "vargt", ex.answer + ex.tolerance, ex.feedback_high),
        ):
            feedbacks.append(_feedback(f"{iid}-{side}_fb", to_html(text)))
            conditions.append(_show(f"{iid}-{side}_fb", f'<{test} respident="response1">{_num(bound)}</{test}>'))
        conditions.append(
            f'<respcondition continue="No"><conditionvar>'
            f"{_between(ex.answer - ex.tolerance, ex.answer + ex.tolerance)}</conditionvar>"
            '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
        )
    elif isinstance(ex, (Matching, Chronology)):
        qtype = "matching_question"
        if isinstance(ex, Matching):
            right = [(_ident(f"{ex.id}-r-{r.id}"), r.text) for r in ex.right]
            lefts = [
                (_ident(f"{ex.id}-l-{left.id}"), left.text, _ident(f"{ex.id}-r-{ex.key()[left.id]}"))
                for left in ex.left
            ]
        else:
            pairs = positions(ex)
            right = [(_ident(f"{ex.id}-p{n}"), str(n)) for n in range(1, len(pairs) + 1)]
            lefts = [
                (_ident(f"{ex.id}-e{k}"), text, _ident(f"{ex.id}-p{pos}")) for k, (text, pos) in enumerate(pairs, 1)
            ]
        choices = "".join(
            f"<response_label ident={quoteattr(rid)}>{_mattext(html.escape(text, quote=False))}</response_label>"
            for rid, text in right
        )
        share = round(100 / len(lefts), 5)
        for lid, text, rid in lefts:
            presentation.append(
                f"<response_lid ident={quoteattr('response_' + lid)}>"
                f"{_mattext(html.escape(text, quote=False))}<render_choice>{choices}</render_choice>"
                "</response_lid>"
            )
            conditions.append(
                f"<respcondition><conditionvar><varequal respident={quoteattr('response_' + lid)}>"
                f"{rid}</varequal></conditionvar>"
                f'<setvar varname="SCORE" action="Add">{share}</setvar></respcondition>'
            )
    else:  # SourceAnalysis
        qtype = "essay_question"
        presentation.append(
            '<response_str ident="response1" rcardinality="Single"><render_fib>'
            '<response_label ident="answer1" rshuffle="No"/></render_fib></response_str>'
        )
    general = mark_scheme(ex) if isinstance(ex, SourceAnalysis) else _general(ex)
    if general:
        feedbacks.append(_feedback("general_fb", general))
        conditions.insert(0, _show("general_fb"))
    return (
        f"<item ident={quoteattr(iid)} title={quoteattr(ex.title or ex.id)}><itemmetadata><qtimetadata>"
        f"<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>{qtype}</fieldentry>"
        "</qtimetadatafield><qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1.0"
        "</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>"
        f"<presentation>{_mattext(_prompt(ex))}{''.join(presentation)}</presentation>"
        '<resprocessing><outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/>'
        f"</outcomes>{''.join(conditions)}</resprocessing>{''.join(feedbacks)}</item>"
    )


def _between(low: float, high: float) -> str:
    return (
        f'<and><vargte respident="response1">{_num(low)}</vargte>'
        f'<varlte respident="response1">{_num(high)}</varlte></and>'
    )


def qti_assessment(exercises, ident: str, title: str) -> str:
    items = "".join(qti_item(ex) for ex in exportable(exercises))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<questestinterop xmlns="{QTI_NS}">'
        f"<assessment ident={quoteattr(ident)} title={quoteattr(title)}><qtimetadata><qtimetadatafield>"
        "<fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield></qtimetadata>"
        f'<section ident="root_section">{items}</section></assessment></questestinterop>\n'
    )


def qti_package(exercises, ident: str, title: str) -> bytes:
    """A zip Canvas imports as a 'QTI .zip file': imsmanifest.xml and the assessment it names."""
    ident = _ident(ident)
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier={quoteattr(ident + "-manifest")} xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">'
        "<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata><organizations/>"
        f'<resources><resource identifier={quoteattr(ident)} type="imsqti_xmlv1p2">'
        f'<file href="{ident}/{ident}.xml"/></resource></resources></manifest>\n'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest)
        zf.writestr(f"{ident}/{ident}.xml", qti_assessment(exercises, ident, title))
    return buffer.getvalue()


# --- Writing files ----------------------------------------------------------------------------------


@dataclass
class Written:
    path: Path
    questions: int


def export(fmt: str, lessons: str | None = None, out: str | Path = "build/quiz") -> list[Written]:
    """Write one file per lesson in ``fmt`` to ``out``; returns what was written (path, question count)."""
    if fmt not in FORMATS:
        raise ValueError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    chosen = pick_lessons(lessons)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in chosen:
        exercises = exportable(load_bank(lesson))
        if not exercises:
            continue
        title = lesson_title(lesson)
        path = folder / f"{lesson}{SUFFIX[fmt]}"
        if fmt == "gift":
            path.write_text(
                f"// Truce and Rupture: {title}\n$CATEGORY: $course$/top/{title.replace('/', '-')}\n\n"
                + gift(exercises),
                encoding="utf-8",
            )
        elif fmt == "moodle-xml":
            path.write_text(moodle_xml(exercises, category=title), encoding="utf-8")
        else:
            path.write_bytes(qti_package(exercises, lesson, title))
        written.append(Written(path, len(exercises)))
    return written


def main(fmt: str, lessons: str | None, out: str) -> int:
    """The command line: write the files, then say where and how many questions."""
    import sys

    try:
        written = export(fmt, lessons, out)
    except ValueError as err:
        print(f"Quiz not exported: {err}", file=sys.stderr)
        return 2
    for w in written:
        print(f"{w.path}: {w.questions} questions")
    print(f"{sum(w.questions for w in written)} questions in {len(written)} files ({fmt}) in {Path(out).resolve()}")
    return 0
