"""Quizzes for learning platforms: every export is read back by a parser written here (GIFT), by
ElementTree (Moodle XML, QTI), and every question, option, key and feedback must survive.

The QTI package is also held to the structural rules Canvas's importer relies on: the manifest names
a file in the zip, every item has a known question_type, every feedback it shows and every response
it tests exists in the item.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from helpers import quiz, quiz_qti
from helpers.__main__ import main as cli
from helpers.exercises import load_all_banks
from helpers.exercises.arranging import Chronology, Matching
from helpers.exercises.model import Choice
from helpers.exercises.numeric import Numeric
from helpers.exercises.written import Alternative, Claim, Level, SourceAnalysis


def plain(text: str | None) -> str:
    """HTML or bank text as comparable plain text: tags out, entities decoded, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text or "")
    return " ".join(html.unescape(text).split())


def words(text: str | None) -> str:
    return " ".join((text or "").split())


# --- What a question must keep, from the bank -------------------------------------------------------


def expected(ex) -> dict:
    """The parts of an exercise that must survive an export, as plain text."""
    out = {"id": ex.id, "prompt": words(ex.prompt)}
    if isinstance(ex, Choice):
        out["options"] = [(words(o.text), o.id in ex.answer, words(o.feedback)) for o in ex.options]
        out["general"] = words(ex.explanation)
    elif isinstance(ex, Numeric):
        out["answer"] = (ex.answer, ex.tolerance)
        out["near"] = [(m.value, words(m.feedback)) for m in ex.near_misses]
        out["low_high"] = [words(ex.feedback_low), words(ex.feedback_high)]
        out["general"] = words(ex.explanation)
    elif isinstance(ex, Matching):
        right = {r.id: words(r.text) for r in ex.right}
        out["pairs"] = {words(left.text): right[ex.key()[left.id]] for left in ex.left}
        out["general"] = words(ex.explanation)
    elif isinstance(ex, Chronology):
        out["pairs"] = {words(ex.item(i).text): str(n) for n, i in enumerate(ex.order, 1)}
        out["general"] = words(ex.explanation)
    elif isinstance(ex, SourceAnalysis):
        out["scheme"] = [words(q.model_answer) for q in ex.questions] + [words(c) for c in ex.checklist]
    elif isinstance(ex, Claim):
        out["task"] = (
            [words(a.text) for a in ex.alternatives]
            + ([f"Use at least {ex.min_documents} of these documents"] if ex.min_documents else [])
            + [words(label) for _id, label in ex.documents]
            + [f"{ex.min_words}–{ex.max_words} words"]
        )
        out["scheme"] = [words(f"{lv.heading}. {lv.descriptor}") for lv in ex.mark_scheme]
    return out


def all_exercises():
    return [ex for bank in load_all_banks().values() for ex in quiz.exportable(bank)]


def assert_survives(ex, got: dict, fmt: str) -> None:
    want = expected(ex)
    where = f"{fmt}, {ex.id}"
    assert want["prompt"] in got["prompt"], where
    for part in want.get("task", ()):
        assert part in got["prompt"], (where, part)
    if "options" in want:
        assert got["options"] == want["options"], where
    if "answer" in want:
        value, tol = got["answer"]
        assert value == pytest.approx(want["answer"][0]) and tol == pytest.approx(want["answer"][1]), where
        assert [(pytest.approx(v), fb) for v, fb in want["near"]] == got["near"], where
        assert got["low_high"] == want["low_high"], where
    if "pairs" in want:
        assert got["pairs"] == want["pairs"], where
    if "general" in want:
        assert got["general"] == want["general"], where
    if "scheme" in want:
        assert want["scheme"], where
        for part in want["scheme"]:
            assert part in got["scheme"], where


# --- A small GIFT reader ------------------------------------------------------------------------------


def gift_unescape(text: str) -> str:
    return re.sub(r"\\([~=#{}:\\])", r"\1", text)


def _find_unescaped(text: str, char: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def _scan(block: str) -> list[tuple[str, str]]:
    """Split an answer block into (marker, text): markers '=', '~', '#', '####'; text unescaped."""
    tokens, marker, cur, i = [], None, [], 0
    while i < len(block):
        if block[i] == "\\" and i + 1 < len(block):
            cur.append(block[i : i + 2])
            i += 2
            continue
        mark = "####" if block.startswith("####", i) else (block[i] if block[i] in "=~#" else None)
        if mark:
            if marker is not None or "".join(cur).strip():
                tokens.append((marker, gift_unescape("".join(cur)).strip()))
            marker, cur = mark, []
            i += len(mark)
            continue
        cur.append(block[i])
        i += 1
    tokens.append((marker, gift_unescape("".join(cur)).strip()))
    return tokens


def parse_gift(text: str) -> list[dict]:
    """GIFT text -> one dict per question (id, kind, prompt, answers, general)."""
    text = "\n".join(line for line in text.splitlines() if not line.startswith(("//", "$CATEGORY")))
    out = []
    for chunk in (c.strip() for c in re.split(r"\n\s*\n", text)):
        if not chunk:
            continue
        m = re.match(r"::(.*?)::", chunk)
        assert m, f"no title in {chunk[:60]!r}"
        qid, rest = gift_unescape(m.group(1)), chunk[m.end() :]
        assert rest.startswith("[html]"), qid
        opening = _find_unescaped(rest, "{")
        assert opening > 0 and rest.rstrip().endswith("}"), qid
        prompt, block = gift_unescape(rest[len("[html]") : opening]), rest[opening + 1 :].rstrip()[:-1]
        tokens = _scan(block)
        numeric = tokens and tokens[0] == ("#", "")
        answers, general = [], ""
        for marker, body in tokens[1:] if numeric else tokens:
            if marker == "####":
                general = body
            elif marker == "#":
                answers[-1]["feedback"] = body
            else:
                weight = 100.0 if marker == "=" else 0.0
                w = re.match(r"%(-?[\d.]+)%", body)
                if w:
                    weight, body = float(w.group(1)), body[w.end() :]
                answers.append({"text": body, "weight": weight, "feedback": ""})
        if numeric:
            kind = "numeric"
        elif not answers:
            kind = "essay"
        elif all("->" in a["text"] for a in answers):
            kind = "matching"
        else:
            kind = "choice"
        out.append({"id": qid, "kind": kind, "prompt": prompt, "answers": answers, "general": general})
    return out


def gift_view(q: dict) -> dict:
    got = {"prompt": plain(q["prompt"]), "general": plain(q["general"]), "scheme": plain(q["general"])}
    if q["kind"] == "choice":
        got["options"] = [(plain(a["text"]), a["weight"] > 0, plain(a["feedback"])) for a in q["answers"]]
    elif q["kind"] == "numeric":
        first, rest = q["answers"][0], q["answers"][1:]
        value, tol = first["text"].split(":")
        got["answer"] = (float(value), float(tol))
        got["near"] = [(float(a["text"].split(":")[0]), plain(a["feedback"])) for a in rest if ".." not in a["text"]]
        got["low_high"] = [plain(a["feedback"]) for a in rest if ".." in a["text"]]
        assert first["weight"] == 100 and all(a["weight"] == 0 for a in rest)
    elif q["kind"] == "matching":
        pairs = [a["text"].split("->", 1) for a in q["answers"]]
        got["pairs"] = {left.strip(): right.strip() for left, right in pairs if left.strip()}
    return got


def test_gift_round_trip(tmp_path):
    written = quiz.export("gift", None, tmp_path)
    parsed = {q["id"]: q for w in written for q in parse_gift(w.path.read_text(encoding="utf-8"))}
    exercises = all_exercises()
    assert len(parsed) == len(exercises) == sum(w.questions for w in written)
    for ex in exercises:
        q = parsed[ex.id]
        kind = {
            Choice: "choice",
            Numeric: "numeric",
            Matching: "matching",
            Chronology: "matching",
            SourceAnalysis: "essay",
            Claim: "essay",
        }[type(ex)]
        assert q["kind"] == kind, ex.id
        assert_survives(ex, gift_view(q), "gift")
        if isinstance(ex, Choice) and ex.multiple:  # weights of the right options add up to 100
            assert sum(a["weight"] for a in q["answers"] if a["weight"] > 0) == pytest.approx(100, abs=0.01)


def test_gift_escapes_what_would_break_a_question():
    from helpers.exercises.model import Option

    tricky = Choice(
        id="tricky",
        lesson="00-start-here",
        prompt="Is {this} = that: #1 ~ \\ ?",
        options=(Option("a", "x = y", "yes: {ok}"), Option("b", "a ~ b #2", "no")),
        answer=("a",),
        explanation="Because: a=b.",
    )
    [q] = parse_gift(quiz.gift([tricky]))
    assert plain(q["prompt"]) == "Is {this} = that: #1 ~ \\ ?"
    assert [(a["text"], a["feedback"]) for a in q["answers"]] == [
        ("<p>x = y</p>", "<p>yes: {ok}</p>"),
        ("<p>a ~ b #2</p>", "<p>no</p>"),
    ]
    assert plain(q["general"]) == "Because: a=b."


# --- Moodle XML --------------------------------------------------------------------------------------


def _t(node, path: str) -> str:
    found = node.find(path)
    return found.text or "" if found is not None else ""


def moodle_view(q) -> dict:
    got = {
        "prompt": plain(_t(q, "questiontext/text")),
        "general": plain(_t(q, "generalfeedback/text")),
        "scheme": plain(_t(q, "graderinfo/text")),
    }
    kind = q.get("type")
    answers = q.findall("answer")
    if kind == "multichoice":
        got["options"] = [
            (plain(_t(a, "text")), float(a.get("fraction")) > 0, plain(_t(a, "feedback/text"))) for a in answers
        ]
    elif kind == "numerical":
        first, rest = answers[0], answers[1:]
        assert float(first.get("fraction")) == 100 and all(float(a.get("fraction")) == 0 for a in rest)
        got["answer"] = (float(_t(first, "text")), float(_t(first, "tolerance")))
        n = len(rest) - 2
        got["near"] = [(float(_t(a, "text")), plain(_t(a, "feedback/text"))) for a in rest[:n]]
        got["low_high"] = [plain(_t(a, "feedback/text")) for a in rest[n:]]
    elif kind == "matching":
        got["pairs"] = {
            plain(_t(s, "text")): plain(_t(s, "answer/text")) for s in q.findall("subquestion") if plain(_t(s, "text"))
        }
    elif kind == "ordering":
        got["pairs"] = {plain(_t(a, "text")): str(int(float(a.get("fraction")))) for a in answers}
    return got


def test_moodle_xml_round_trip(tmp_path):
    written = quiz.export("moodle-xml", None, tmp_path)
    questions = {}
    for w in written:
        root = ET.parse(w.path).getroot()
        assert root.tag == "quiz"
        category = root.find("question[@type='category']/category/text")
        assert category is not None and category.text.startswith("$course$/top/")
        questions.update({_t(q, "idnumber"): q for q in root.findall("question") if q.get("type") != "category"})
    exercises = all_exercises()
    assert len(questions) == len(exercises)
    for ex in exercises:
        q = questions[ex.id]
        assert (
            q.get("type")
            == {
                Choice: "multichoice",
                Numeric: "numerical",
                Matching: "matching",
                Chronology: "ordering",
                SourceAnalysis: "essay",
                Claim: "essay",
            }[type(ex)]
        ), ex.id
        if isinstance(ex, Choice):
            assert _t(q, "single") == ("false" if ex.multiple else "true")
        assert_survives(ex, moodle_view(q), "moodle-xml")


# --- QTI -----------------------------------------------------------------------------------------------

NS = {"q": quiz_qti.QTI_NS}
CANVAS_TYPES = {
    "multiple_choice_question",
    "multiple_answers_question",
    "numerical_question",
    "matching_question",
    "essay_question",
}


def qti_rules(item) -> None:
    """What Canvas's importer relies on inside one item."""
    ident = item.get("ident")
    qtype = item.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", NS)
    assert qtype is not None and qtype.text in CANVAS_TYPES, ident
    responses = {r.get("ident"): r for r in item.findall("q:presentation/*", NS) if r.get("ident")}
    labels = {lab.get("ident") for lab in item.findall(".//q:response_label", NS)}
    feedback = {f.get("ident") for f in item.findall("q:itemfeedback", NS)}
    for shown in item.findall(".//q:displayfeedback", NS):
        assert shown.get("linkrefid") in feedback, (ident, shown.get("linkrefid"))
    for test in item.iter():
        if test.tag.split("}")[1] in ("varequal", "vargte", "varlte", "varlt", "vargt"):
            assert test.get("respident") in responses, (ident, test.get("respident"))
            if test.tag.endswith("varequal") and qtype.text != "numerical_question":
                assert test.text in labels, (ident, test.text)
    assert item.find("q:resprocessing/q:outcomes/q:decvar[@varname='SCORE']", NS) is not None, ident


def qti_view(item) -> dict:
    text = lambda node: plain(node.text if node is not None else "")  # noqa: E731
    feedback = {f.get("ident"): text(f.find(".//q:mattext", NS)) for f in item.findall("q:itemfeedback", NS)}
    got = {
        "prompt": text(item.find("q:presentation/q:material/q:mattext", NS)),
        "general": feedback.get("general_fb", ""),
        "scheme": feedback.get("general_fb", ""),
    }
    qtype = item.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", NS).text
    scoring = [c for c in item.findall("q:resprocessing/q:respcondition", NS) if c.find("q:setvar", NS) is not None]
    if qtype.startswith("multiple_"):
        right = {
            v.text
            for c in scoring
            for v in c.findall(".//q:varequal", NS)
            if v not in {n for c2 in scoring for n2 in c2.findall(".//q:not", NS) for n in n2}
        }
        got["options"] = [
            (text(lab.find(".//q:mattext", NS)), lab.get("ident") in right, feedback.get(lab.get("ident") + "_fb", ""))
            for lab in item.findall(".//q:response_label", NS)
        ]
    elif qtype == "numerical_question":
        [win] = scoring
        low, high = (float(win.find(f".//q:{t}", NS).text) for t in ("vargte", "varlte"))
        got["answer"] = ((low + high) / 2, (high - low) / 2)
        shows = [
            c
            for c in item.findall("q:resprocessing/q:respcondition", NS)
            if c.find(".//q:vargte", NS) is not None and c.find("q:setvar", NS) is None
        ]
        got["near"] = [
            (
                (float(c.find(".//q:vargte", NS).text) + float(c.find(".//q:varlte", NS).text)) / 2,
                feedback[c.find("q:displayfeedback", NS).get("linkrefid")],
            )
            for c in shows
        ]
        got["low_high"] = [feedback[f"{item.get('ident')}-{side}_fb"] for side in ("low", "high")]
        assert item.find(".//q:varlt", NS) is not None and item.find(".//q:vargt", NS) is not None
    elif qtype == "matching_question":
        pairs = {}
        for c in scoring:
            v = c.find(".//q:varequal", NS)
            lid = item.find(f"q:presentation/q:response_lid[@ident='{v.get('respident')}']", NS)
            label = lid.find(f".//q:response_label[@ident='{v.text}']", NS)
            pairs[text(lid.find("q:material/q:mattext", NS))] = text(label.find(".//q:mattext", NS))
        got["pairs"] = pairs
    return got


def test_qti_package_round_trip_and_rules(tmp_path):
    written = quiz.export("qti", None, tmp_path)
    items = {}
    for w in written:
        with zipfile.ZipFile(w.path) as zf:
            names = set(zf.namelist())
            manifest = ET.fromstring(zf.read("imsmanifest.xml"))
            hrefs = [f.get("href") for f in manifest.iter() if f.tag.endswith("}file")]
            assert hrefs and all(h in names for h in hrefs), w.path
            resource = next(r for r in manifest.iter() if r.tag.endswith("}resource"))
            assert resource.get("type") == "imsqti_xmlv1p2"
            root = ET.fromstring(zf.read(hrefs[0]))
        assert root.tag == f"{{{quiz_qti.QTI_NS}}}questestinterop"
        found = root.findall(".//q:item", NS)
        idents = [i.get("ident") for i in found]
        assert len(idents) == len(set(idents)) == w.questions
        for item in found:
            qti_rules(item)
            items[item.get("ident")] = item
    exercises = all_exercises()
    assert len(items) == len(exercises)
    for ex in exercises:
        assert_survives(ex, qti_view(items[ex.id]), "qti")


def test_cli_counts_and_chooses_lessons(tmp_path, capsys):
    assert cli(["export-quiz", "--format", "gift", "--lessons", "01,06", "--out", str(tmp_path)]) == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["01-recognition-1924.gift.txt", "06-rupture-1927.gift.txt"]
    out = capsys.readouterr().out
    n = sum(len(quiz.exportable(b)) for k, b in load_all_banks().items() if k.startswith(("01", "06")))
    assert f"{n} questions in 2 files (gift)" in out


def test_cli_names_a_wrong_lesson(tmp_path, capsys):
    assert cli(["export-quiz", "--format", "qti", "--lessons", "01,42", "--out", str(tmp_path)]) == 2
    assert "no lesson called '42'" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


# --- Claims: essays with their levels, never the teacher's model answer ---------------------------------


def teacher_material() -> list[str]:
    """Every model answer, indicative content and exemplar in data/teacher/, as plain text."""
    from helpers.teacher import load_teacher

    found = []
    for lesson in load_all_banks():
        t = load_teacher(lesson)
        found += list(t.model_answers.values()) + list(t.indicative_content.values())
        found += [e.text for group in t.exemplars.values() for e in group]
    return [words(x) for x in found if x.strip()]


@pytest.mark.parametrize("fmt", quiz.FORMATS)
def test_every_claim_is_exported_as_an_essay_without_the_model_answer(tmp_path, fmt):
    claims = [ex for ex in all_exercises() if isinstance(ex, Claim)]
    assert claims, "the banks end with claim exercises"
    secrets = teacher_material()
    assert secrets, "the teacher files hold model answers"
    exported = ""
    for w in quiz.export(fmt, None, tmp_path):
        if fmt == "qti":
            with zipfile.ZipFile(w.path) as zf:
                exported += "".join(zf.read(n).decode("utf-8") for n in zf.namelist())
        else:
            exported += w.path.read_text(encoding="utf-8")
    text = plain(html.unescape(gift_unescape(exported) if fmt == "gift" else exported))
    for ex in claims:
        assert words(ex.mark_scheme[-1].descriptor) in text, (fmt, ex.id)
    leaked = [s[:60] for s in secrets if s[:120] in text]
    assert leaked == [], f"{fmt}: teacher material in the export: {leaked}"


def test_a_paper_question_keeps_its_choice_and_its_marks():
    paper = Claim(
        id="paper-essay",
        lesson="00-start-here",
        prompt="Answer one question & argue.",
        min_words=400,
        max_words=600,
        alternatives=(Alternative("a", "Why did Britain break with Moscow in 1927?"), Alternative("b", "Why restore?")),
        marks=20,
        mark_scheme=tuple(Level(n, f"L{n}", f"Level {n} <does> this.", (5 * n - 4, 5 * n)) for n in range(1, 5)),
    )
    [q] = ET.fromstring(quiz.moodle_xml([paper])).findall("question")
    assert (q.get("type"), _t(q, "defaultgrade"), _t(q, "responsefieldlines")) == ("essay", "20", "40")
    prompt = plain(_t(q, "questiontext/text"))
    assert "Answer one of these questions: Why did Britain break with Moscow in 1927? Why restore?" in prompt
    assert "Write 400–600 words (20 marks)." in prompt
    assert "Level 4 (16–20 marks): L4. Level 4 <does> this." in plain(_t(q, "graderinfo/text"))
    item = ET.fromstring(quiz_qti.qti_assessment([paper], "paper", "Paper")).find(".//q:item", NS)
    qti_rules(item)
    points = item.find(".//q:qtimetadatafield[q:fieldlabel='points_possible']/q:fieldentry", NS)
    assert float(points.text) == 20.0
    [g] = parse_gift(quiz.gift([paper]))
    assert g["kind"] == "essay" and "Level 1 (1–5 marks): L1." in plain(g["general"])
