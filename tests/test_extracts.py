"""Issue 15: extracts, document sets and interpretations — loaders, validation, the import script, and the
display helper (a set shows every extract's text unchanged, and never the teacher's notes to students)."""

from __future__ import annotations

import csv
import html as htmllib
import importlib.util
import re
import shutil

import pytest
from conftest import ROOT

import helpers
from helpers import DataError, load_document_sets, load_extracts, load_interpretations
from helpers.lesson import Html, document_set

PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def shown_texts(html: str) -> dict[str, list[str]]:
    """extract_id -> the paragraphs shown in its blockquote, unescaped."""
    out = {}
    for eid, inner in re.findall(
        r'<blockquote class="tr-extract" data-extract="([^"]+)">(.*?)</blockquote>', html, re.S
    ):
        out[htmllib.unescape(eid)] = [htmllib.unescape(p) for p in PARAGRAPH.findall(inner)]
    return out


def paragraphs(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def record_line(data_copy, table: str, index: int) -> int:
    """The file line where row ``index`` starts (a text with line breaks spans several lines)."""
    with data_copy.path(table).open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        start = reader.line_num + 1
        for _ in range(index):
            next(reader)
            start = reader.line_num + 1
    return start


def edit(data_copy, table: str, index: int, **changes: str) -> int:
    """Change row ``index`` of ``table``; return the line the loader reports for it."""
    data_copy.edit(table, index, **changes)
    return record_line(data_copy, table, index)


def problems(excinfo, table: str) -> list[tuple[int | None, str | None, str]]:
    return [(p.line, p.column, p.message) for p in excinfo.value.problems if p.path.endswith(f"{table}.csv")]


# ---- loaders -----------------------------------------------------------------------------------------


def test_loaders_return_typed_frames_with_tuples():
    ex, sets, interp = load_extracts(), load_document_sets(), load_interpretations()
    assert len(ex) >= 40 and len(sets) >= 32 and len(interp) >= 24
    assert ex["side"].dtype.name == "category" and ex["date"].dtype.kind == "M" and ex["words"].dtype.name == "Int64"
    assert all(isinstance(v, tuple) and v for v in ex["source_ids"])
    for column in ("evidence_events", "evidence_extracts", "evidence_figures", "source_ids"):
        assert all(isinstance(v, tuple) for v in interp[column]), column
    assert set(sets["extract_id"]) <= set(ex["extract_id"])
    for name in ("load_extracts", "load_document_sets", "load_interpretations"):
        assert name in helpers.__all__ and "Columns\n" in getattr(helpers, name).__doc__


def test_every_lesson_has_a_set_of_four_to_six_with_both_voices():
    sets, side = load_document_sets(), load_extracts().set_index("extract_id")["side"]
    for lesson in [f"0{n}" for n in range(1, 9)]:
        mine = sets[sets["lesson"].astype(str).str.startswith(lesson)]
        assert not mine.empty, f"lesson {lesson} has no document set"
        for set_id, group in mine.groupby("set_id"):
            sides = side.loc[group["extract_id"]].astype(str).tolist()
            assert 4 <= len(group) <= 6 and sides.count("soviet") >= 2 and sides.count("british") >= 1, set_id


# ---- validation: a bad row in a copy of the data -------------------------------------------------------


def test_the_package_validates():
    assert helpers.validate()["tables"] >= 20
    assert {"extracts", "document_sets", "interpretations"} <= set(helpers.table_names())


def test_words_must_equal_the_texts_word_count(data_copy):
    rows = data_copy.rows("extracts")
    line = edit(data_copy, "extracts", 3, words=str(int(rows[3]["words"]) + 1))
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    found = problems(err, "extracts")
    assert any(ln == line and col == "words" and "but the text has" in msg for ln, col, msg in found), found


@pytest.mark.parametrize("count, limit", [(60, "80"), (320, "300")])
def test_an_extract_is_80_to_300_words(data_copy, count, limit):
    text = " ".join(["word"] * count)
    line = edit(data_copy, "extracts", 0, text=text, words=str(count))
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    found = problems(err, "extracts")
    assert any(ln == line and col in ("words", "text") and limit in msg for ln, col, msg in found), found


@pytest.mark.parametrize("column, value", [("side", "french"), ("voice", "paraphrase")])
def test_side_and_voice_come_from_the_vocabulary(data_copy, column, value):
    line = edit(data_copy, "extracts", 1, **{column: value})
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    assert any(ln == line and col == column and repr(value) in msg for ln, col, msg in problems(err, "extracts"))


def test_every_extract_has_a_source_even_if_marked_uncertain(data_copy):
    eid = data_copy.rows("extracts")[2]["extract_id"]
    data_copy.write("extracts_sources", [r for r in data_copy.rows("extracts_sources") if r["extract_id"] != eid])
    data_copy.write(
        "uncertain_rows",
        data_copy.rows("uncertain_rows") + [{"table": "extracts", "row_id": eid, "reason": "planted by a test"}],
    )
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    line = record_line(data_copy, "extracts", 2)
    assert (line, "source_ids") in [(ln, col) for ln, col, msg in problems(err, "extracts") if eid in msg]


@pytest.mark.parametrize(
    "table, column, target",
    [
        ("document_sets", "extract_id", "extracts"),
        ("interpretations", "work", "references"),
        ("interpretations_evidence_extracts", "extract_id", "extracts"),
        ("interpretations_evidence_events", "event_id", "events"),
        ("interpretations_evidence_figures", "figure_id", "figures"),
    ],
)
def test_every_id_in_a_set_or_interpretation_resolves(data_copy, table, column, target):
    line = edit(data_copy, table, 0, **{column: "ex-1927-no-such-row"})
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    assert any(ln == line and col == column and f"{target}.csv" in msg for ln, col, msg in problems(err, table)), (
        problems(err, table)
    )


def test_a_set_needs_four_to_six_extracts(data_copy):
    rows = data_copy.rows("document_sets")
    set_id = rows[0]["set_id"]
    kept = [r for r in rows if r["set_id"] != set_id or int(r["position"]) <= 3]
    data_copy.write("document_sets", kept)
    data_copy.write(
        "document_sets_sources",
        [r for r in data_copy.rows("document_sets_sources") if r["set_id"] != set_id or int(r["position"]) <= 3],
    )
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    assert any(
        ln == 2 and col == "extract_id" and f"{set_id} has 3 extracts" in msg
        for ln, col, msg in problems(err, "document_sets")
    )


@pytest.mark.parametrize("side, least", [("soviet", 2), ("british", 1)])
def test_a_set_needs_two_soviet_and_one_british_extract(data_copy, side, least):
    members = [r["extract_id"] for r in data_copy.rows("document_sets") if r["set_id"] == "set-06-rupture"]
    extracts = data_copy.rows("extracts")
    for row in extracts:
        if row["extract_id"] in members and row["side"] == side:
            row["side"] = "other"
    data_copy.write("extracts", extracts)
    with pytest.raises(DataError) as err:
        helpers.validate(data_copy.root)
    assert any(
        col == "extract_id" and f"set-06-rupture has 0 {side} extract(s)" in msg and str(least) in msg
        for ln, col, msg in problems(err, "document_sets")
    )


# ---- the import script ------------------------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location("import_issue15", ROOT / "scripts" / "import_issue15.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rows_naming_a_dropped_extract_are_dropped_with_a_warning(tmp_path, monkeypatch, capsys):
    script = load_script()
    research = tmp_path / "research"
    shutil.copytree(ROOT / "research", research)
    monkeypatch.setattr(script, "RESEARCH", research)
    with (research / "document_sets-draft.csv").open(encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    gone = first["extract_id"]
    extract_ids = {r["extract_id"] for r in script.build_extracts()} - {gone}
    sets = script.build_sets(extract_ids)
    interpretations = script.build_interpretations(extract_ids)
    out = capsys.readouterr().out
    assert gone not in {r["extract_id"] for r in sets}
    assert f"names extract '{gone}'" in out and "row dropped" in out
    positions = [int(r["position"]) for r in sets if r["set_id"] == first["set_id"]]
    assert positions == list(range(1, len(positions) + 1)), "positions were not renumbered after the drop"
    assert all(gone not in r["evidence_extracts"].split(";") for r in interpretations)
    # an interpretation keeps its claim (it stands on its sources) and loses only the dropped evidence
    cited = [r for r in script.rows_of(research / "interpretations-draft.csv") if gone in r["evidence_ids"]]
    kept = {r["interpretation_id"] for r in interpretations}
    for row in cited:
        others = [e for e in row["evidence_ids"].split(";") if e.strip() and e.strip() != gone]
        assert (row["interpretation_id"] in kept) == bool(others)
    if cited:
        assert "left out of its evidence" in out


def test_the_import_reproduces_the_committed_tables(data_copy, monkeypatch, capsys):
    """Run on a copy of data/ (already imported), the script changes nothing: the tables are its output."""
    script = load_script()
    research = data_copy.root.parent / "research"
    shutil.copytree(ROOT / "research", research)
    monkeypatch.setattr(script, "RESEARCH", research)
    counts = script.run(data_copy.root)
    names = sorted(p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".json", ".txt"))
    changed = [n for n in names if (data_copy.root / n).read_bytes() != (ROOT / "data" / n).read_bytes()]
    assert not changed, f"re-running the import changed {changed}"
    assert counts["extracts"] == len(load_extracts()) and counts["interpretations"] == len(load_interpretations())


def test_copies_are_never_cited():
    script = load_script()
    refs = helpers.load_references()
    text = " ".join(refs["url"].dropna().tolist() + refs["note"].dropna().tolist() + refs["citation"].tolist())
    extracts = load_extracts()
    text += " ".join(extracts["url"].dropna().tolist() + extracts["verified_by"].tolist())
    text += " ".join(load_interpretations()["verified_by"].tolist())
    named = [h for h in script.DENY_HOSTS if h in text]
    assert not named, f"deny-listed copies still named: {named}"
    assert not set(script.REPLACE_REFS) & set(refs["ref_id"])


# ---- the display helper ---------------------------------------------------------------------------------


def test_a_set_shows_every_extracts_text_unchanged_and_no_teacher_note():
    sets, texts = load_document_sets(), load_extracts().set_index("extract_id")["text"]
    for set_id, group in sets.groupby("set_id"):
        shown = document_set(set_id)
        assert isinstance(shown, Html)
        found = shown_texts(shown.html)
        assert list(found) == group.sort_values("position")["extract_id"].tolist(), set_id
        for eid, paras in found.items():
            assert paras == paragraphs(texts[eid]), f"{set_id}: {eid} is not shown verbatim"
        for note in group["teacher_note"].dropna():
            assert note not in htmllib.unescape(shown.html)
            assert note in document_set(set_id, teacher=True).text


def test_a_set_defines_the_glossary_words_its_documents_use():
    terms = helpers.load_glossary().set_index("term_id")
    shown = document_set("set-06-rupture").text
    texts = " ".join(
        load_extracts()
        .set_index("extract_id")
        .loc[load_document_sets().query("set_id == 'set-06-rupture'")["extract_id"], "text"]
    )
    assert "Arcos" in texts and terms.at["g-arcos", "definition"] in shown
    absent = [t for t in terms.index if not re.search(r"\b" + re.escape(terms.at[t, "term"]) + r"\b", shown, re.I)]
    assert absent and all(terms.at[t, "definition"] not in shown for t in absent)


def test_markup_in_a_text_is_escaped_and_shown_as_written(data_copy):
    rows = data_copy.rows("extracts")
    sets = data_copy.rows("document_sets")
    eid = sets[0]["extract_id"]
    i = next(n for n, r in enumerate(rows) if r["extract_id"] == eid)
    words = rows[i]["text"].split("\n")
    planted = "<script>alert('x')</script> & <b>bold</b>\n" + "\n".join(words)
    data_copy.edit("extracts", i, text=planted, words=str(len(planted.split())))
    helpers.validate(data_copy.root)
    html = document_set(sets[0]["set_id"]).html
    assert "<script>" not in html and "<b>bold" not in html
    assert shown_texts(html)[eid] == paragraphs(planted)


@pytest.mark.slow
def test_the_lesson_06_handouts_show_the_set(tmp_path):
    """Build lesson 06 (both editions): every extract of its set appears unchanged; its teacher notes only
    in the teacher edition."""
    from helpers.editions import build

    build(lessons="06", out=tmp_path / "handouts", folder=ROOT / "notebooks", workers=1, progress=False)
    sets, texts = load_document_sets(), load_extracts().set_index("extract_id")["text"]
    group = sets[sets["set_id"] == "set-06-rupture"]
    pages = {
        e: (tmp_path / "handouts" / e / "06-rupture-1927.html").read_text(encoding="utf-8")
        for e in ("student", "teacher")
    }
    for edition, page in pages.items():
        found = shown_texts(page)
        for eid in group["extract_id"]:
            assert found.get(eid) == paragraphs(texts[eid]), f"{edition} edition: {eid} not shown verbatim"
    for note in group["teacher_note"].dropna():  # printed from data/teacher/06-rupture-1927.yaml as text
        assert htmllib.escape(note, quote=False) not in pages["student"]
        assert htmllib.escape(note, quote=False) in pages["teacher"]
