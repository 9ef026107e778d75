"""The lesson lint (../shared/LESSONS.md, the part a machine can check) and every lesson run top to bottom.

Static checks read the stored notebooks; the run checks read each lesson's one run of the test session (the
``lesson_runs`` fixture in conftest.py: a fresh kernel with a throwaway progress database and the network
refused, shared with the handout tests).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import ROOT

import helpers
from helpers.editions.catalogue import bullets, catalogue, cell_text, read_notebook, section, update_navigation

LESSONS = catalogue(ROOT / "notebooks")
IDS = [lesson.id for lesson in LESSONS]
FRONT = ["Questions", "Objectives", "Time", "You will need"]
from helpers.exercises import EXERCISE_REF as SHOW  # noqa: E402
from helpers.standard import is_paper  # noqa: E402


def cells(lesson, kind=None):
    nb = read_notebook(lesson.path)
    return [c for c in nb["cells"] if kind is None or c["cell_type"] == kind]


def markdown(lesson) -> str:
    return "\n\n".join(cell_text(c) for c in cells(lesson, "markdown"))


def code(lesson) -> str:
    return "\n\n".join(cell_text(c) for c in cells(lesson, "code"))


def test_the_lesson_sequence_is_there():
    assert IDS[0] == "00-start-here"
    assert [lesson.number for lesson in LESSONS] == sorted(lesson.number for lesson in LESSONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_stored_clean_with_python3_kernel(lesson):
    nb = read_notebook(lesson.path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for i, c in enumerate(nb["cells"], 1):
        if c["cell_type"] == "code":
            assert not c.get("outputs") and c.get("execution_count") is None, f"cell {i} stored with output"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_title_and_front_matter(lesson):
    first = cell_text(cells(lesson)[0])
    assert re.match(rf"# {lesson.number} · \S", first), f"first cell must be the title '# {lesson.number} · ...'"
    md = markdown(lesson)
    assert lesson.central_question.endswith("?"), "front matter lacks '## Central question' (one question)"
    if is_paper(lesson.id):  # the final paper: a central question and a time, no taught front matter
        assert sum(lesson.minutes) == 90, f"the paper takes 90 minutes, not {lesson.time!r}"
        return
    for heading in FRONT:
        assert re.search(rf"^##\s+{heading}\s*$", md, re.M), f"front matter lacks '## {heading}'"
    front = next(cell_text(c) for c in cells(lesson, "markdown") if "## Questions" in cell_text(c))
    assert 2 <= len(bullets(section(front, "Questions"))) <= 4, "2–4 questions"
    assert 3 <= len(bullets(section(front, "Objectives"))) <= 5, "3–5 objectives"
    teaching, exercises = lesson.minutes
    assert teaching > 0 and exercises > 0 and teaching + exercises <= 90, f"time {lesson.time!r} must fit 90 minutes"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_setup_cell_imports_from_helpers_only_and_is_hidden(lesson):
    setup = next(
        c for c in cells(lesson, "code") if "colab-install" not in c["metadata"].get("tags", [])
    )  # test_colab.py
    assert "remove-input" in setup["metadata"].get("tags", []), (
        "the first code cell is the setup cell, tagged remove-input"
    )
    for line in cell_text(setup).splitlines():
        line = line.strip()
        if line and not line.startswith("#") and not line.startswith(")") and not re.match(r"^[\w\s,]+,?$", line):
            assert re.match(r"^from helpers(\.\w+)* import ", line), (
                f"setup cell line is not an import from helpers: {line!r}"
            )


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_key_points_reading_and_navigation(lesson):
    md = markdown(lesson)
    if not is_paper(lesson.id):  # a paper ends with the questions, not with key points
        points = bullets(section(md, "Key points"))
        assert 3 <= len(points) <= 6, "3–6 key points"
        assert re.search(r"^##\s+Further reading", md, re.M)
        assert "further_reading(" in code(lesson), "further reading comes from the references table"
    all_cells = cells(lesson)
    nav = [c for c in all_cells if "navigation" in c["metadata"].get("tags", [])]
    assert len(nav) == 1 and nav[0] is all_cells[-1], "one navigation cell, last"
    for target in re.findall(r"\]\(([^)]+\.ipynb)\)", cell_text(nav[0])):
        assert (lesson.path.parent / target).is_file(), f"navigation link {target} does not resolve"


def test_navigation_is_up_to_date():
    assert update_navigation(check=True, folder=ROOT / "notebooks") == [], "run: python -m helpers nav"


TAUGHT = [lesson for lesson in LESSONS if lesson.id != "00-start-here" and not is_paper(lesson.id)]


@pytest.mark.parametrize("lesson", TAUGHT, ids=[lesson.id for lesson in TAUGHT])
def test_lesson_content_standard(lesson):
    from helpers.exercises import get_exercise
    from helpers.teacher import load_teacher

    md, src = markdown(lesson), code(lesson)
    exercises = [get_exercise(i) for i in SHOW.findall(src)]
    assert len(exercises) >= 6, f"at least six exercises (found {len(exercises)})"
    assert len({type(e).__name__ for e in exercises}) >= 4, "at least four exercise types"
    assert any(type(e).__name__ == "SourceAnalysis" for e in exercises), "at least one source analysis"
    assert any(getattr(e, "skill", "") == "data" or type(e).__name__ == "Numeric" for e in exercises), (
        "one data exercise"
    )
    assert re.search(r"^##\s+Data investigation", md, re.M), "a data investigation section"
    assert "source(" in src, "primary sources come from the quotations table"
    assert src.count("figure(") + src.count("events_table(") + src.count("figures_table(") >= 2, "two figures or tables"
    assert load_teacher(lesson.id).notes, "teacher notes (in data/teacher/<lesson>.yaml, never in the notebook)"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_hansard_citations_in_prose_resolve(lesson):
    refs = helpers.load_references()
    sittings = {
        (r.house, r.sitting_date.date()) for r in refs.itertuples() if r.kind == "hansard" and pd.notna(r.sitting_date)
    }
    for house, day, month, year in re.findall(r"\b(HC|HL) Deb (\d{1,2}) ([A-Z][a-z]+) (\d{4})", markdown(lesson)):
        when = pd.Timestamp(f"{day} {month} {year}").date()
        assert (house, when) in sittings, f"'{house} Deb {day} {month} {year}' cited in prose is not in references.csv"


# ---- run every lesson once ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def executed(lesson_runs):
    return lesson_runs.executed


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_runs_top_to_bottom_without_error_or_warning(lesson, executed):
    nb = executed[lesson.id].notebook
    for i, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
            if out["output_type"] == "stream":
                assert out["name"] != "stderr", f"cell {i} printed to stderr (a warning?): {out['text'][:300]}"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_every_image_has_alt_text(lesson, executed):
    nb = executed[lesson.id].notebook
    for i, cell in enumerate(nb.cells, 1):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            html = data.get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            for img in re.findall(r"<img\b[^>]*>", html):
                assert re.search(r'alt="[^"]{10,}"', img), f"cell {i}: an image without alt text"
            if "image/png" in data:
                assert "text/html" in data, f"cell {i}: a bare PNG (show figures with helpers.lesson.figure)"
