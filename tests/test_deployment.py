"""Ready for a classroom server: the README's links point at real files, the environment suits repo2docker
(Binder, a hub image), the app notebook and its page template are in place, and the app page is built
from the question banks. The browser tests (test_browser.py) drive the same pieces in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml
from conftest import ROOT, read_pyproject

import helpers.paths
from helpers.app import default_lesson, lesson_from_query, page
from helpers.exercises import available_lessons, load_bank
from helpers.notebooks import catalogue, cell_text, read_notebook

README = (ROOT / "README.md").read_text()
APP = ROOT / "notebooks" / "app" / "explorer-app.ipynb"
TEMPLATE = ROOT / "share" / "jupyter" / "voila" / "templates" / "truce"


def links(host: str) -> list[str]:
    return re.findall(rf"https://{re.escape(host)}/\S+", README)


def test_the_nbgitpuller_link_opens_the_start_page_of_the_pulled_copy():
    [link] = [u for u in links("HUB") if "git-pull" in u]
    query = parse_qs(urlparse(link).query)
    repo = query["repo"][0]
    assert repo.startswith("https://github.com/") and query["branch"] == ["main"]
    folder = repo.rstrip("/").rsplit("/", 1)[-1]
    urlpath = unquote(query["urlpath"][0])
    assert urlpath.startswith(f"lab/tree/{folder}/"), "nbgitpuller clones into a folder named after the repository"
    assert (ROOT / urlpath.removeprefix(f"lab/tree/{folder}/")).is_file()
    assert urlpath.endswith("notebooks/00-start-here.ipynb")


def test_binder_links_open_files_that_exist():
    binder = links("mybinder.org")
    assert len(binder) == 2
    for link in binder:
        urlpath = parse_qs(urlparse(link).query)["urlpath"][0]
        target = re.sub(r"^(lab/tree|voila/render)/", "", urlpath)
        assert (ROOT / target).is_file(), link
    assert any("lab/tree/notebooks/00-start-here.ipynb" in u for u in binder)


def test_every_make_command_in_the_readme_is_a_target():
    makefile = (ROOT / "Makefile").read_text()
    for target in sorted(set(re.findall(r"(?:`|^)make ([a-z][a-z-]*)", README, re.M))):
        assert re.search(rf"^{target}:", makefile, re.M), f"README mentions `make {target}`, which the Makefile lacks"


def test_repo2docker_conventions():
    """environment.yml at the root is what repo2docker builds; nothing else is needed, and the pack is a
    regular install (a hub mounts each student's home over the image's copy of the repository)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert {"pip": ["."]} in env["dependencies"]
    assert not (ROOT / "binder").exists(), "a binder/ folder would make repo2docker ignore the root files"
    postbuild = ROOT / "postBuild"
    assert not postbuild.exists() or postbuild.stat().st_mode & 0o111, "postBuild must be executable"


def test_lessons_find_their_data_beside_the_notebooks_when_installed_as_a_package(monkeypatch):
    """A regular install has no checkout to point at: a lesson (its folder is notebooks/) finds ../data."""
    monkeypatch.delenv(helpers.paths.DATA_ENV, raising=False)
    monkeypatch.setattr(helpers.paths, "project_root", lambda: None)
    monkeypatch.chdir(ROOT / "notebooks")
    assert helpers.paths.data_dir() == ROOT / "data"
    monkeypatch.chdir(APP.parent)
    assert helpers.paths.data_dir() == ROOT / "data"


def test_the_app_notebook_is_clean_and_not_a_lesson():
    nb = read_notebook(APP)
    assert APP.name not in {lesson.path.name for lesson in catalogue()}, "the app is not in the lesson catalogue"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    for c in code:
        for line in cell_text(c).splitlines():
            assert not line.strip() or line.startswith(("from helpers", "page(", "#")), line


def test_the_page_template_is_installed_with_the_package_and_loads_nothing_from_a_cdn():
    setuptools = read_pyproject()["tool"]["setuptools"]
    installed = {Path(f) for files in setuptools["data-files"].values() for f in files}
    assert {p.relative_to(ROOT) for p in TEMPLATE.iterdir()} == installed
    template = (TEMPLATE / "index.html.j2").read_text()
    assert "extends 'voila/templates/lab/index.html.j2'" in template
    for url in re.findall(r"https?://[^\s\"')]+", template):
        assert f'replace("{url}", "data:text/css,")' in template, f"{url} is linked rather than removed"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("lesson=00-start-here", "00-start-here"),
        ("?lesson=06-rupture-1927", "06-rupture-1927"),
        ("lesson=99-no-such-lesson", None),
        ("", None),
        ("lesson=../../etc/passwd", None),
    ],
)
def test_the_app_reads_its_lesson_from_the_address(query, expected):
    wanted = expected if expected in available_lessons() else default_lesson()
    assert lesson_from_query(query) == wanted


def test_the_app_page_has_the_explorer_and_the_lessons_exercises(tmp_path):
    from helpers.progress import ProgressStore

    lesson = "00-start-here"
    tabs = page(lesson, store=ProgressStore(tmp_path / "p.sqlite"))
    assert tabs.titles == ("Explore the timeline", "Exercises")
    explorer, exercises = tabs.children
    assert any("Dates" in getattr(w, "description", "") for w in explorer.children)
    views, panel = tabs._truce_views
    bank = load_bank(lesson)
    # in the bank's order, less the explorers, the claim and the exercises the bank marks app: false
    assert [v.exercise.id for v in views] == [e.id for e in bank if e.kind not in ("explorer", "claim") and e.app]
    assert bank["start-claim"].app and "start-claim" not in {v.exercise.id for v in views}
    assert "start-labour-vote-change" in bank and "start-labour-vote-change" not in {v.exercise.id for v in views}
    assert panel.lesson == lesson and exercises.children[-1] is panel.widget
