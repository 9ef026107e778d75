"""The question banks as IMS QTI 1.2: one <item> per exercise, in a zipped content package as Canvas
imports it ("QTI .zip file").

>>> from helpers.exercises import get_exercise
>>> qti_item(get_exercise("start-balfour-1918")).startswith('<item ident="start-balfour-1918"')
True
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from xml.sax.saxutils import quoteattr

from .exercises.arranging import Chronology, Matching
from .exercises.model import Choice, Exercise
from .exercises.numeric import Numeric
from .quiz_text import (
    ESSAYS,
    exportable,
    general_feedback,
    mark_scheme,
    plain_number,
    positions,
    question_html,
    to_html,
)

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
            conditions.append(
                _show(f"{iid}-{side}_fb", f'<{test} respident="response1">{plain_number(bound)}</{test}>')
            )
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
    else:  # SourceAnalysis, Claim
        qtype = "essay_question"
        presentation.append(
            '<response_str ident="response1" rcardinality="Single"><render_fib>'
            '<response_label ident="answer1" rshuffle="No"/></render_fib></response_str>'
        )
    general = mark_scheme(ex) if isinstance(ex, ESSAYS) else general_feedback(ex)
    points = float(getattr(ex, "marks", None) or 1)
    if general:
        feedbacks.append(_feedback("general_fb", general))
        conditions.insert(0, _show("general_fb"))
    return (
        f"<item ident={quoteattr(iid)} title={quoteattr(ex.title or ex.id)}><itemmetadata><qtimetadata>"
        f"<qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>{qtype}</fieldentry>"
        f"</qtimetadatafield><qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>{points}"
        "</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>"
        f"<presentation>{_mattext(question_html(ex))}{''.join(presentation)}</presentation>"
        '<resprocessing><outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/>'
        f"</outcomes>{''.join(conditions)}</resprocessing>{''.join(feedbacks)}</item>"
    )


def _between(low: float, high: float) -> str:
    return (
        f'<and><vargte respident="response1">{plain_number(low)}</vargte>'
        f'<varlte respident="response1">{plain_number(high)}</varlte></and>'
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
