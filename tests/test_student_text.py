"""Words for people: what a student reads (the lessons' Markdown in JupyterLab, the exercises as the app and
the handouts show them, the citations in source lists) has no internal words ("seed", "shared/"), no helper
function names and no code; exercises shown in app mode never send the student to what only the lesson shows.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from helpers.app import app_exercises
from helpers.exercises import load_all_banks
from helpers.exercises.static import render

INTERNAL = re.compile(r"\bseeds?\b|shared/|\bhelpers\b|\.loc\[|groupby\(", re.I)
#: Phrases that send the reader to something the app page does not show.
LESSON_ONLY = re.compile(
    r"in the lesson|in this lesson|\babove\b|event card|document card|dispute box|"
    r"sources disagree|data investigation|in step \d|you have just",
    re.I,
)


def helper_names() -> set[str]:
    """Every public function and class the pack's code defines (``seat_changes``, ``load_trade``, ...)."""
    names = set()
    for path in (ROOT / "src" / "helpers").rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                names.add(node.name)
    return names


CALL = re.compile(r"\b(" + "|".join(sorted(map(re.escape, helper_names()), key=len, reverse=True)) + r")\(")


def problems(text: str) -> list[str]:
    return [m.group(0) for m in INTERNAL.finditer(text)] + [m.group(0) for m in CALL.finditer(text)]


def markdown_cells():
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        for n, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == "markdown":
                source = cell["source"]
                yield f"{path.relative_to(ROOT)} cell {n}", source if isinstance(source, str) else "".join(source)


def test_helper_names_are_found_when_they_are_there():
    assert problems("Use seat_changes(1923, 1924) in the lesson") == ["seat_changes("]
    assert problems("the pack's seed summaries") == ["seed"]
    assert problems("a file in shared/data") == ["shared/"]
    assert problems("Seats changed hands from 1923 to 1924.") == []


def test_lesson_markdown_has_no_internal_words_or_helper_calls():
    found = {where: problems(text) for where, text in markdown_cells()}
    assert {k: v for k, v in found.items() if v} == {}


def test_exercises_as_students_read_them_have_no_internal_words():
    found = {}
    for bank in load_all_banks().values():
        for ex in bank:
            student = render(ex, "student")
            hits = problems(student)
            if hits:
                found[ex.id] = hits
    assert found == {}


def test_citations_students_see_have_no_internal_paths():
    refs = pd.read_csv(ROOT / "data" / "references.csv", dtype=str)
    bad = refs[refs["citation"].str.contains(r"shared/|\bseeds?\b", case=False, na=False)]
    assert bad["ref_id"].tolist() == []


def test_app_exercises_never_need_the_lesson():
    shown = [ex for bank in load_all_banks().values() for ex in app_exercises(bank)]
    assert len(shown) >= 30, "app mode still has most exercises"
    found = {}
    for ex in shown:
        text = render(ex, "student")
        hits = problems(text) + [m.group(0) for m in LESSON_ONLY.finditer(text)]
        if hits:
            found[ex.id] = hits
    assert found == {}


def test_the_bank_field_app_is_checked_by_the_schema(tmp_path):
    import shutil

    from helpers import DataError
    from helpers.exercises.bank import read_bank

    folder = tmp_path / "exercises"
    shutil.copytree(ROOT / "data" / "exercises", folder)
    path = folder / "01-recognition-1924.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("app: false", "app: sometimes", 1), encoding="utf-8")
    with pytest.raises(DataError, match="app"):
        read_bank(path)


def test_the_app_page_speaks_to_people():
    nb = json.loads((ROOT / "notebooks" / "app" / "explorer-app.ipynb").read_text(encoding="utf-8"))
    intro = "".join(
        c["source"] if isinstance(c["source"], str) else "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
    )
    assert not re.search(r"make app|Voila|notebook|`", intro), intro
    assert problems(intro) == []


def test_app_page_shows_titles_not_slugs(monkeypatch, tmp_path):
    pytest.importorskip("ipywidgets")
    from helpers.app import page
    from helpers.progress import ProgressStore

    tabs = page("06-rupture-1927", store=ProgressStore(Path(tmp_path) / "p.sqlite"))
    texts = []

    def walk(w):
        for attr in ("value", "description"):
            v = getattr(w, attr, None)
            if isinstance(v, str):
                texts.append(v)
        for child in getattr(w, "children", ()):
            walk(child)

    walk(tabs)
    text = " ".join(texts)
    assert "06-rupture-1927" not in text and "The rupture, 1927" in text


def test_every_notebook_carries_the_kernel_details_jupyterlab_would_write():
    """A notebook whose kernelspec or language_info differs from what the kernel reports is rewritten by
    JupyterLab when it opens, and shows as modified before the student has done anything."""
    wanted = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert meta.get("kernelspec") == wanted, path.name
        info = meta.get("language_info", {})
        assert {
            "name",
            "version",
            "mimetype",
            "file_extension",
            "codemirror_mode",
            "pygments_lexer",
            "nbconvert_exporter",
        } <= set(info), f"{path.name}: language_info incomplete"
