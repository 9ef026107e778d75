"""The handouts: both editions build for every lesson in notebooks/, the student edition carries no answer,
nothing is loaded from the network, every handout has its title, objectives and key points, and a broken
lesson fails the build by name and cell, leaving nothing behind.

The real build runs once (the ``lesson_runs`` session fixture in conftest.py, in a temporary folder, which
also serves the lesson tests); the other tests build tiny lessons. The cache tests show that a build runs
only the lessons whose inputs changed, and that two builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, read_pyproject

from helpers.editions import EDITIONS, LessonError, build, select_lessons
from helpers.editions.catalogue import bullets, catalogue, cell_text, read_notebook, section

LESSONS = catalogue(ROOT / "notebooks")
IDS = [lesson.id for lesson in LESSONS]
from helpers.exercises import EXERCISE_REF as SHOW  # noqa: E402

#: Teacher-only strings shorter than this are not searched for (a two-word feedback such as "Right."
#: could occur anywhere); every explanation, model answer and note is far longer.
MIN_NEEDLE = 20


@pytest.fixture(scope="session")
def handouts(lesson_runs) -> Path:
    """Both editions of every lesson, built once per session."""
    return lesson_runs.handouts


def page(handouts: Path, edition: str, lesson_id: str) -> str:
    return (handouts / edition / f"{lesson_id}.html").read_text(encoding="utf-8")


BLOCK = re.compile(
    r"</?(p|div|li|ul|ol|dl|dt|dd|br|h[1-6]|tr|td|th|table|caption|section|figure|figcaption|"
    r"blockquote|pre|header|footer|main|aside|nav|img)\b[^>]*>",
    re.I,
)


def plain(html: str) -> str:
    """The visible text of a page (no styles, no tags), whitespace collapsed."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r"<[^>]+>", "", BLOCK.sub(" ", html))
    return " ".join(htmllib.unescape(html).split())


def plain_markdown(markdown: str) -> str:
    """Markdown as the reader sees it: no emphasis marks, links reduced to their text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", text, flags=re.M)
    return " ".join(text.split())


def notebook(lesson) -> dict:
    return read_notebook(lesson.path)


def teacher_cells(lesson) -> list[dict]:
    """The teacher's notes as the teacher edition gets them: the lesson's teacher file, as cells."""
    from helpers.editions.edition import teacher_notes

    notes = [cell for cells in teacher_notes(lesson.id).values() for cell in cells]
    return notes + [c for c in notebook(lesson)["cells"] if "teacher" in c.get("metadata", {}).get("tags", [])]


def shown_exercises(lesson, include_teacher: bool = True) -> list:
    from helpers.exercises import get_exercise

    ids = []
    for c in notebook(lesson)["cells"]:
        if c["cell_type"] == "code" and (include_teacher or "teacher" not in c.get("metadata", {}).get("tags", [])):
            ids.extend(SHOW.findall(cell_text(c)))
    return [get_exercise(i) for i in dict.fromkeys(ids)]


def teacher_only_strings(exercise) -> list[str]:
    """What the teacher edition adds for an exercise: explanation, notes, option feedback, model answers,
    feedback on wrong numbers, and the answer key where it is not simply the text of the question."""
    from helpers.exercises import Choice, Chronology, Matching, Numeric, SourceAnalysis

    found = [exercise.explanation, exercise.teacher_notes]
    if isinstance(exercise, Choice):
        found += [o.feedback for o in exercise.options]  # its key is an option's own text: see the markers test
    if isinstance(exercise, (Chronology, Matching, Numeric)):
        found += exercise.answer_key()
    if isinstance(exercise, Numeric):
        found += [m.feedback for m in exercise.near_misses] + [exercise.feedback_low, exercise.feedback_high]
    if isinstance(exercise, SourceAnalysis):
        found += [q.model_answer for q in exercise.questions]
    if exercise.kind == "claim":
        from helpers.teacher import load_teacher

        material = load_teacher(exercise.lesson)
        found += [lv.descriptor for lv in exercise.mark_scheme if exercise.marks]  # a paper's levels: teacher only
        for block in (material.model_answers, material.indicative_content):
            pieces = re.split(r"\n\s*\n|\n- ", block.get(exercise.id, ""))  # a list's first item keeps its "- "
            found += [p.strip().removeprefix("- ") for p in pieces if p.strip()]
        for exemplar in material.exemplars.get(exercise.id, ()):
            found += [exemplar.comment, *re.split(r"\n\s*\n", exemplar.text)]
    return [" ".join(s.split()) for s in found if s and len(" ".join(s.split())) >= MIN_NEEDLE]


def teacher_note_strings(lesson) -> list[str]:
    """Each paragraph, list item and table cell of the lesson's teacher cells, as plain text."""
    found = []
    for c in teacher_cells(lesson):
        if c["cell_type"] != "markdown":
            continue  # a tagged code cell's source is not the note; its output is (tests/test_extracts.py)
        source = cell_text(c)
        rows = [line for line in source.splitlines() if line.lstrip().startswith("|")]
        found += [plain_markdown(cell) for row in rows for cell in row.strip().strip("|").split("|")]
        prose = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("|"))
        found += [plain_markdown(block) for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)", prose)]
    return [text for text in found if len(text) >= MIN_NEEDLE]


# ---- the real build --------------------------------------------------------------------------------


def test_there_are_lessons_to_build():
    assert IDS and IDS[0] == "00-start-here"


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS)
def test_both_editions_build_for_every_lesson_with_an_index(handouts, edition):
    folder = handouts / edition
    assert sorted(p.name for p in folder.iterdir()) == sorted(["index.html", *(f"{i}.html" for i in IDS)])
    index = (folder / "index.html").read_text(encoding="utf-8")
    text = plain(index)
    for lesson in LESSONS:
        assert f'href="{lesson.id}.html"' in index, f"the {edition} index does not link {lesson.id}"
        assert lesson.title in text
        for question in lesson.questions:
            assert plain_markdown(question) in text, f"{lesson.id}: question missing from the index: {question}"
        if lesson.time and lesson.minutes[0] == 0:  # the final paper: listed with its timing as a paper
            assert f"A {lesson.minutes[1]}-minute paper" in text
        elif lesson.time:
            assert plain_markdown(lesson.time) in text
        if lesson.central_question:
            assert plain_markdown(lesson.central_question) in text, f"{lesson.id}: no central question in the index"
    assert not list(handouts.parent.glob(".handouts-*")), "the build left its temporary folder behind"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_student_edition_contains_no_answers_or_teacher_notes(handouts, lesson):
    student, teacher = page(handouts, "student", lesson.id), page(handouts, "teacher", lesson.id)
    s_text, t_text = plain(student), plain(teacher)
    needles = {}
    from helpers.exercises import load_bank
    from helpers.exercises.bank import available_lessons

    bank = list(load_bank(lesson.id)) if lesson.id in available_lessons() else []
    for ex in {e.id: e for e in [*bank, *shown_exercises(lesson)]}.values():
        for s in teacher_only_strings(ex):
            needles[s] = f"exercise {ex.id}"
    for s in teacher_note_strings(lesson):
        needles[s] = "a teacher note"
    leaks = [f"{where}: {s[:90]}" for s, where in needles.items() if s in s_text]
    assert not leaks, "the student edition shows teacher-only text:\n" + "\n".join(leaks)
    # the same strings found in the teacher edition prove the search can find them at all
    visible = {e.id for e in shown_exercises(lesson)}
    missing = [
        s[:90]
        for s, where in needles.items()
        if (where == "a teacher note" or where.split()[-1] in visible) and s not in t_text
    ]
    assert not missing, "the teacher edition lacks (so the search is broken):\n" + "\n".join(missing)


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_student_edition_has_no_answer_markup(handouts, lesson):
    student = page(handouts, "student", lesson.id)
    for marker in (
        'class="tr-key"',
        "Answer:</strong>",
        "Explanation:</strong>",
        "Model answer:",
        "Feedback on wrong answers",
        "Teacher notes:</strong>",
        "✔ correct",
        "✘ wrong",
        '<aside class="tr-teacher-note"',
        "Teacher edition",
        "<strong>Mark scheme</strong>",
        "<strong>Model answer</strong>",
        "<strong>Indicative content</strong>",
        'class="tr-exemplar"',
    ):
        assert marker not in student, f"{lesson.id}: the student edition contains {marker!r}"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_teacher_edition_marks_teacher_notes_and_answers(handouts, lesson):
    teacher = page(handouts, "teacher", lesson.id)
    assert "Teacher edition: contains answers" in teacher
    assert teacher.count('<aside class="tr-teacher-note"') == len(teacher_cells(lesson))
    graded = [e for e in shown_exercises(lesson) if e.graded]
    assert teacher.count('class="tr-key"') >= len(graded)


class Loads(HTMLParser):
    """Every URL a page would fetch: script src, stylesheet href, img/source/iframe src, CSS url()."""

    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "source", "iframe", "video", "audio", "embed") and attrs.get("src"):
            self.urls.append((tag, attrs["src"]))
        if tag == "link" and attrs.get("href"):
            self.urls.append((f"link rel={attrs.get('rel')}", attrs["href"]))
        if tag == "img" and attrs.get("srcset"):
            self.urls.append(("img srcset", attrs["srcset"]))


@pytest.mark.slow
def test_nothing_is_loaded_from_the_network(handouts):
    pages = sorted(handouts.rglob("*.html"))
    assert len(pages) == 2 * (len(IDS) + 1)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        parser = Loads()
        parser.feed(html)
        remote = [(tag, url[:80]) for tag, url in parser.urls if re.match(r"\s*(https?:)?//", url, re.I)]
        assert not remote, f"{path.relative_to(handouts)} loads from the network: {remote}"
        local = [(tag, url[:40]) for tag, url in parser.urls if tag == "img" and not url.startswith("data:")]
        assert not local, f"{path.relative_to(handouts)}: images not embedded: {local}"
        styles = " ".join(re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.S | re.I))
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", styles), f"{path.name}: a stylesheet fetches"
        assert "widget-view+json" not in html and "widget-state+json" not in html, f"{path.name}: widget markup"
        assert not re.search(r"<script\b[^>]*\bsrc=", html, re.I), f"{path.name}: loads a script"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_every_handout_has_title_objectives_and_key_points(handouts, lesson):
    from helpers.standard import is_paper

    md = "\n\n".join(cell_text(c) for c in notebook(lesson)["cells"] if c["cell_type"] == "markdown")
    objectives, key_points = bullets(section(md, "Objectives")), bullets(section(md, "Key points"))
    wanted = () if is_paper(lesson.id) else (("Objectives", objectives), ("Key points", key_points))
    for edition in EDITIONS:
        html = page(handouts, edition, lesson.id)
        text = plain(html)
        assert re.search(
            rf"<h1\b[^>]*>\s*{re.escape(htmllib.escape(lesson.title, quote=False))}", html.replace("&#183;", "·")
        ), f"{edition}/{lesson.id}: no <h1> title {lesson.title!r}"
        assert f"<title>{htmllib.escape(lesson.title)}" in html
        for heading, items in wanted:
            assert re.search(rf"<h2\b[^>]*>\s*{heading}", html), f"{edition}/{lesson.id}: no '{heading}' heading"
            assert items, f"{lesson.id}: the notebook has no '{heading}' list"
            for item in items:
                assert plain_markdown(item) in text, f"{edition}/{lesson.id}: {heading} item missing: {item[:60]}"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_exercises_are_static_and_setup_code_hidden(handouts, lesson):
    nb = notebook(lesson)
    for edition in EDITIONS:
        html = page(handouts, edition, lesson.id)
        for ex in shown_exercises(lesson, include_teacher=edition == "teacher"):
            assert f'id="ex-{ex.id}"' in html, f"{edition}/{lesson.id}: exercise {ex.id} not rendered"
        text = plain(html)
        for c in nb["cells"]:
            if c["cell_type"] == "code" and "remove-input" in c.get("metadata", {}).get("tags", []):
                source = " ".join(cell_text(c).split())
                assert source not in text, f"{edition}/{lesson.id}: a remove-input cell shows its code"
        assert "_truce_kernel" not in html and "spec_from_file_location" not in html, "an injected cell appears"
        shown_code = html.count('class="jp-CodeMirrorEditor')
        tagged = sum("show-code" in c.get("metadata", {}).get("tags", []) for c in nb["cells"])
        assert shown_code == tagged <= 5, f"{edition}/{lesson.id}: {shown_code} code blocks shown ({tagged} tagged)"


# ---- tiny lessons: failures, partial builds, progress ------------------------------------------------


def tiny_lesson(folder: Path, name: str, title: str, code: list[str]) -> Path:
    """A small lesson notebook: a title, questions and a time, then the given code cells."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {title}\n\nA tiny lesson."),
        nbformat.v4.new_markdown_cell(
            "## Questions\n- Does it build?\n- Is it quick?\n\n## Time\nTeaching: 5 min · Exercises: 5 min"
        ),
    ]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in code]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_a_broken_lesson_fails_the_build_by_name_and_cell_and_leaves_nothing(tmp_path):
    notebooks = tmp_path / "notebooks"
    # a real lesson's opening (title, front matter, setup cell), then a failing cell
    real = read_notebook(LESSONS[0].path)
    cells = real["cells"]
    setup = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    broken = dict(
        real,
        cells=cells[: setup + 1]
        + [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": "1 / 0"}],
    )
    notebooks.mkdir()
    (notebooks / LESSONS[0].path.name).write_text(json.dumps(broken), encoding="utf-8")
    tiny_lesson(notebooks, "01-fine", "01 · Fine", ["x = 1"])
    out = tmp_path / "build" / "handouts"
    with pytest.raises(LessonError) as failure:
        build(out=out, folder=notebooks, workers=2, progress=False, cache=tmp_path / "cache")
    message = str(failure.value)
    assert LESSONS[0].id in message and f"cell {setup + 2}" in message and "ZeroDivisionError" in message, message
    assert failure.value.lesson == LESSONS[0].id and failure.value.cell == setup + 2
    assert not out.exists() and not (tmp_path / "build").exists(), "a failed build left output behind"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "notebooks"]
    assert not list((tmp_path / "cache").glob(f"{LESSONS[0].id}-*")), "the failed lesson was kept in the cache"


@pytest.mark.slow
def test_the_command_line_reports_a_failed_lesson(tmp_path, capsys, monkeypatch):
    from helpers.__main__ import main

    notebooks = tmp_path / "notebooks"
    tiny_lesson(notebooks, "00-tiny", "00 · Tiny", ["y = 2", "raise ValueError('on purpose')"])
    monkeypatch.setattr("helpers.editions.builder.catalogue", lambda folder=None: catalogue(notebooks))
    monkeypatch.setenv("TRUCE_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["handouts", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "00-tiny" in err and "cell 4" in err and "ValueError: on purpose" in err, err
    assert not (tmp_path / "out").exists() and not list((tmp_path / "cache").rglob("*.json")), "a failed run kept"
    assert main(["handouts", "--lessons", "99", "--out", str(tmp_path / "out")]) == 2
    assert "no lesson '99'" in capsys.readouterr().err


@pytest.mark.slow
def test_partial_builds_merge_and_progress_shows_only_when_asked(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    tiny_lesson(notebooks, "00-one", "00 · One", ["print('one')"])
    tiny_lesson(notebooks, "01-two", "01 · Two", ["print('two')"])
    out = tmp_path / "handouts"
    build(lessons="00", editions="student", out=out, folder=notebooks, progress=None, cache=tmp_path / "cache")
    assert capsys.readouterr().err == "", "progress printed although stderr is not a terminal"
    assert sorted(p.name for p in (out / "student").iterdir()) == ["00-one.html", "index.html"]
    assert not (out / "teacher").exists()
    build(lessons="01", editions="both", out=out, folder=notebooks, progress=True, cache=tmp_path / "cache")
    progress = capsys.readouterr().err
    assert re.search(r"\[1/1\] 01-two .* s elapsed", progress), progress
    index = (out / "student" / "index.html").read_text(encoding="utf-8")
    assert "00-one.html" in index and "01-two.html" in index, "a partial build forgot the handout already there"
    assert sorted(p.name for p in (out / "teacher").iterdir()) == ["01-two.html", "index.html"]
    assert "one" in plain((out / "student" / "00-one.html").read_text(encoding="utf-8"))
    assert not list(tmp_path.glob(".handouts-*"))
    assert not [p for p in tmp_path.iterdir() if p.name not in ("notebooks", "handouts", "cache")]


def test_lessons_are_chosen_by_number_or_name():
    assert [x.id for x in select_lessons(LESSONS, "00")] == ["00-start-here"]
    assert [x.id for x in select_lessons(LESSONS, ["00-start-here", "0"])] == ["00-start-here"]
    with pytest.raises(KeyError, match="no lesson 'nope'"):
        select_lessons(LESSONS, "nope")


@pytest.mark.slow
@pytest.mark.skipif(
    not __import__("shutil").which("chromium"), reason="Debian's chromium is not installed (make pdf installs it)"
)
def test_pdf_prints_each_handout_on_a4(tmp_path):
    from helpers.editions import print_pdfs

    notebooks = tmp_path / "notebooks"
    tiny_lesson(notebooks, "00-one", "00 · One", ["print('one')"])
    out = tmp_path / "handouts"
    build(out=out, folder=notebooks, editions="student", progress=False, cache=tmp_path / "cache")
    pdfs = print_pdfs(out, "student", progress=False)
    assert pdfs == [out / "student" / "00-one.pdf"]
    data = pdfs[0].read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and abs(float(box.group(1)) - 595) < 3 and abs(float(box.group(2)) - 842) < 3, "not A4"


# ---- the executed-lesson cache: run only what changed, byte-identical output ----------------------------


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_second_build_reuses_every_lesson_and_writes_the_same_bytes(lesson_runs, tmp_path):
    first = lesson_runs.result
    assert first.executed == IDS and first.reused == [], "the session's build should have run every lesson"
    again = build(out=tmp_path / "handouts", folder=ROOT / "notebooks", progress=False, cache=lesson_runs.cache)
    assert again.executed == [] and again.reused == IDS
    before, after = files(lesson_runs.handouts), files(tmp_path / "handouts")
    assert before.keys() == after.keys() and len(before) == 2 * (len(IDS) + 1)
    different = [name for name in before if before[name] != after[name]]
    assert not different, f"not byte-identical: {different}"
    assert "Executed 0 lesson(s): none" in again.summary()
    assert str(tmp_path / "handouts" / "student" / "index.html") in again.summary()


@pytest.mark.slow
def test_two_cold_builds_are_byte_identical(tmp_path):
    """Without any cache: nothing random (pandas Styler ids, widget ids, times) reaches a page."""
    notebooks = tmp_path / "notebooks"
    tiny_lesson(
        notebooks,
        "00-table",
        "00 · A styled table",
        [
            "import pandas as pd\npd.DataFrame({'a': [1, 2]}).style.highlight_max()",
            "pd.DataFrame({'exercise': ['not one'], 'lesson': ['x']})  # only the pack's objects are labelled",
            "from helpers.exercises import explorer\nexplorer()",
        ],
    )
    one = build(out=tmp_path / "one", folder=notebooks, progress=False, cache=tmp_path / "empty-cache-1")
    two = build(out=tmp_path / "two", folder=notebooks, progress=False, cache=tmp_path / "empty-cache-2")
    assert one.executed == two.executed == ["00-table"]
    page_one = (tmp_path / "one" / "student" / "00-table.html").read_text(encoding="utf-8")
    assert 'id="T_s0001"' in page_one, "the Styler table lost its steady id"
    assert "tr-explorer" in page_one and "widget-view" not in page_one
    assert files(tmp_path / "one") == files(tmp_path / "two")


@pytest.mark.slow
def test_an_edit_runs_only_that_lesson_and_a_damaged_entry_runs_again(tmp_path):
    notebooks, cache = tmp_path / "notebooks", tmp_path / "cache"
    tiny_lesson(notebooks, "00-one", "00 · One", ["print('one')"])
    two = tiny_lesson(notebooks, "01-two", "01 · Two", ["print('two')"])
    out = tmp_path / "handouts"
    assert build(out=out, folder=notebooks, progress=False, cache=cache).executed == ["00-one", "01-two"]
    tiny_lesson(notebooks, "01-two", "01 · Two", ["print('two, edited')"])
    edited = build(out=out, folder=notebooks, progress=False, cache=cache)
    assert (edited.executed, edited.reused) == (["01-two"], ["00-one"])
    assert "two, edited" in (out / "student" / "01-two.html").read_text(encoding="utf-8")
    assert len(list(cache.glob("01-two-*.json"))) == 1, "the lesson's old entry was not replaced"
    entry = next(cache.glob("00-one-*.json"))
    entry.write_text('{"format": 1, "notebook": {"cells": [', encoding="utf-8")  # cut short, as by a crash
    mended = build(out=out, folder=notebooks, progress=False, cache=cache)
    assert (mended.executed, mended.reused) == (["00-one"], ["01-two"])
    assert any("damaged cache entry" in note for note in mended.notes), mended.notes
    assert json.loads(next(cache.glob("00-one-*.json")).read_text(encoding="utf-8"))["lesson"] == "00-one"
    next(cache.glob("01-two-*.json")).write_bytes(b"\xff\xfe not even text")
    assert build(out=out, folder=notebooks, progress=False, cache=cache).executed == ["01-two"]
    from helpers.editions.cache import ExecutedCache

    forced = build(out=out, folder=notebooks, progress=False, cache=ExecutedCache(cache, read=False))  # --no-cache
    assert forced.executed == ["00-one", "01-two"] and forced.reused == []
    assert two.is_file()


@pytest.mark.slow
def test_an_unwritable_cache_folder_is_skipped(tmp_path):
    notebooks = tmp_path / "notebooks"
    tiny_lesson(notebooks, "00-one", "00 · One", ["print('one')"])
    (tmp_path / "blocked").write_text("a file where the cache folder would go", encoding="utf-8")
    result = build(out=tmp_path / "handouts", folder=notebooks, progress=False, cache=tmp_path / "blocked" / "x")
    assert result.executed == ["00-one"] and (tmp_path / "handouts" / "student" / "00-one.html").is_file()
    assert any("not kept" in note for note in result.notes), result.notes


@pytest.mark.slow
def test_the_command_line_says_what_ran_and_no_cache_runs_everything(tmp_path, capsys, monkeypatch):
    from helpers.__main__ import main

    notebooks = tmp_path / "notebooks"
    tiny_lesson(notebooks, "00-one", "00 · One", ["print('one')"])
    tiny_lesson(notebooks, "01-two", "01 · Two", ["print('two')"])
    monkeypatch.setattr("helpers.editions.builder.catalogue", lambda folder=None: catalogue(notebooks))
    monkeypatch.setenv("TRUCE_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert main(["handouts", "--out", str(out)]) == 0
    assert "Executed 2 lesson(s): 00-one, 01-two" in capsys.readouterr().out
    assert main(["handouts", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Executed 0 lesson(s)" in said and "Reused 2 unchanged lesson(s) from the cache: 00-one, 01-two" in said
    assert f"open {out / 'student' / 'index.html'} and {out / 'teacher' / 'index.html'}" in said
    assert main(["handouts", "--out", str(out), "--no-cache"]) == 0
    assert "Executed 2 lesson(s): 00-one, 01-two" in capsys.readouterr().out
    # `make pdf` right after `make handouts`: the pdf command brings the handouts up to date, running nothing
    monkeypatch.setattr("helpers.editions.pdf.print_pdfs", lambda *a, **k: [])  # chromium is not the point here
    assert main(["pdf", "--out", str(out)]) == 0
    assert "Executed 0 lesson(s)" in capsys.readouterr().out


def test_make_pdf_does_not_depend_on_running_the_handouts_again():
    rule = next(line for line in (ROOT / "Makefile").read_text().splitlines() if line.startswith("pdf:"))
    assert "handouts" not in rule.split("##")[0], rule


def test_the_templates_are_package_data():
    from helpers.editions.render import TEMPLATES

    globs = read_pyproject()["tool"]["setuptools"]["package-data"]["helpers"]
    for path in TEMPLATES.iterdir():
        rel = path.relative_to(TEMPLATES.parents[1]).as_posix()
        assert any(Path(rel).match(g) for g in globs), f"{rel} is not listed in [tool.setuptools.package-data]"


# --- core only: the seminar's handout leaves the extension sections out, naming each ---------------------


def test_a_core_only_edition_names_each_left_out_run_and_drops_its_teacher_notes(monkeypatch, tmp_path):
    import nbformat

    from helpers import teacher
    from helpers.editions import edition
    from helpers.editions.execute import Executed

    def cell(text, tags=(), cid=None):
        c = nbformat.v4.new_markdown_cell(text, metadata={"tags": list(tags)})
        c["id"] = cid or f"c{abs(hash(text)) % 10**6}"
        return c

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        cell("# 06 · A lesson", cid="intro"),
        cell("### Extension: the raid close up\nDetail.", ["extension"], "ext1"),
        cell("More detail.", ["extension"], "ext2"),
        cell("Back to the core.", cid="core"),
        cell("No heading here.", ["extension"], "ext3"),
    ]
    notes = teacher.TeacherFile(
        "06-rupture-1927",
        notes=(teacher.Note("ext2", "Raid", "Ask about the warrant."), teacher.Note("core", "Core", "Pause.")),
    )
    monkeypatch.setattr(teacher, "load_teacher", lambda lesson, root=None: notes)
    run = Executed(tmp_path / "06-rupture-1927.ipynb", nb, 0.0)
    full, core = edition.prepare(run, "teacher"), edition.prepare(run, "teacher", core_only=True)
    assert [c.source for c in core.cells] == [
        "# 06 · A lesson",
        "*Left out of this core-only handout: **Extension: the raid close up**. It is in the full handout and in "
        "the notebook.*",
        "Back to the core.",
        "**Core.** Pause.",
        "*Left out of this core-only handout: an extension section. It is in the full handout and in the notebook.*",
    ]
    assert "**Raid.** Ask about the warrant." in [c.source for c in full.cells]
    assert len(full.cells) == 7 and len({c["id"] for c in core.cells}) == len(core.cells)


@pytest.mark.slow
def test_the_core_only_build_leaves_out_every_extension_and_says_so(lesson_runs, tmp_path, capsys, monkeypatch):
    import nbformat

    from helpers.__main__ import main

    monkeypatch.chdir(tmp_path)
    from helpers.editions.cache import ExecutedCache

    monkeypatch.setattr("helpers.editions.builder._cache", lambda cache: ExecutedCache(lesson_runs.cache))
    assert main(["handouts", "--core-only", "--edition", "student"]) == 0
    out = tmp_path / "build" / "handouts-core" / "student"
    assert str(out / "index.html") in capsys.readouterr().out
    assert "Student edition, core only" in (out / "index.html").read_text(encoding="utf-8")
    with_extensions = 0
    for lesson in LESSONS:
        cells = [c for c in nbformat.read(lesson.path, as_version=4).cells if "extension" in c.metadata.get("tags", [])]
        md = [c.source for c in cells if c.cell_type == "markdown"]
        sections = [
            plain_markdown(line.lstrip("#").strip())
            for source in md
            for line in source.splitlines()
            if line.startswith("#") and "Extension" in line
        ]
        core = plain((out / f"{lesson.id}.html").read_text(encoding="utf-8"))
        full = plain(page(lesson_runs.handouts, "student", lesson.id))
        assert "Student edition, core only" in core
        assert core.count("Left out of this core-only handout") == len(sections), lesson.id
        for heading in sections:
            assert f"Left out of this core-only handout: {heading}." in core, (lesson.id, heading)
            assert heading in full
        # the sections' own prose is gone: a long plain line of each extension cell is in the full page only
        prose = [
            plain_markdown(line)
            for source in md
            for line in source.splitlines()
            if len(line.split()) >= 12 and not line.startswith(("#", "-", "|", ">", "*", "1."))
        ]
        shown = [line for line in prose if line in full]
        assert all(line not in core for line in shown), lesson.id
        if sections:
            with_extensions += 1
            assert shown, f"{lesson.id}: no extension prose found to check"
            assert len(core.split()) < len(full.split()), lesson.id
    assert with_extensions >= 8, "every teaching lesson has extension material"
