"""A real JupyterHub with a class of two: the README's hub route, run (deploy/hub/localhub.py).

The hub (configurable-http-proxy from npm, a dummy login, a spawner that gives each student a home of
their own) runs on 127.0.0.1 from an "image" where the pack is a regular install. Two students log in
with the form, follow the README's nbgitpuller link (pointed at a local clone of this repository's last
commit), run lesson 01 in their own servers over the REST API and the kernel's websocket, and answer an
exercise differently; each one's progress file is in their own home and holds only their answers.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys

import pytest
from conftest import ROOT

from helpers.progress import ProgressStore

pytestmark = pytest.mark.slow

spec = importlib.util.spec_from_file_location("localhub", ROOT / "deploy" / "hub" / "localhub.py")
localhub = sys.modules.setdefault("localhub", importlib.util.module_from_spec(spec))
spec.loader.exec_module(localhub)

LESSON = "truce-and-rupture/notebooks/01-recognition-1924.ipynb"
WHERE = "import helpers, os\nprint(helpers.__file__)\nimport helpers.paths; print(helpers.paths.data_dir())\nprint(os.environ['HOME'])"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed (Debian: apt-get install npm): JupyterHub's proxy comes from npm")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("nbgitpuller needs git and a git checkout to clone")
    try:
        localhub.install_proxy()
    except localhub.Unavailable as err:
        pytest.skip(str(err))
    image = localhub.build_image()
    work = tmp_path_factory.mktemp("hub")
    origin = localhub.local_origin(work / "origin")
    with localhub.running_hub(image, work) as running:
        yield running, localhub.readme_link(running.url, origin), image


def test_two_students_pull_run_lesson_01_and_keep_their_answers_apart(hub):
    running, link, image = hub
    answers = {
        "amira": [("recog-date-evidence", ("a",))],  # right
        "ben": [
            ("recog-date-evidence", ("b",)),  # wrong, then
            ("recog-date-evidence", ("a",)),
        ],
    }  # right at the second try
    seen = {}
    for name, chosen in answers.items():
        student = localhub.Student(running, name)
        student.login()
        opened = student.follow(link)
        assert opened.endswith(f"/user/{name}/lab/tree/truce-and-rupture/notebooks/00-start-here.ipynb")
        home = running.home(name)
        assert (home / "truce-and-rupture" / "notebooks" / "01-recognition-1924.ipynb").is_file(), "the pulled copy"
        student.get_token()
        runs = student.run_notebook(LESSON, [localhub.answer_code(chosen)])
        failed = [r for r in runs if r.error]
        assert not failed, f"{name}: cell {failed[0].index} failed: {failed[0].error}"
        assert len(runs) > 20, "the lesson's code cells and the answer ran"
        seen[name] = home

    for name, home in seen.items():
        path = localhub.progress_file(home)
        assert path.is_file(), f"{name}'s progress is not in their home"
        attempts = ProgressStore(path).attempts()
        assert [(a["exercise_id"], a["answer"]) for a in attempts] == [(i, o[0]) for i, o in answers[name]]
    assert seen["amira"] != seen["ben"]
    assert [a["correct"] for a in ProgressStore(localhub.progress_file(seen["ben"])).attempts()] == [False, True]


def test_the_lesson_runs_on_the_image_with_the_pulled_data(hub):
    """The image's pack (a regular install) reads the data beside the pulled lessons, in the student's home."""
    running, link, image = hub
    student = localhub.Student(running, "cleo")
    student.login()
    student.follow(link)
    student.get_token()
    path = "truce-and-rupture/notebooks/where.ipynb"
    student.api(
        "PUT",
        f"contents/{path}",
        json={
            "type": "notebook",
            "content": {
                "cells": [
                    {"cell_type": "code", "source": WHERE, "metadata": {}, "outputs": [], "execution_count": None}
                ],
                "metadata": {},
                "nbformat": 4,
                "nbformat_minor": 5,
            },
        },
    )
    [run] = student.run_notebook(path)
    assert run.error is None, run.error
    module, data, home = run.output.strip().splitlines()
    assert module.startswith(str(image)), f"helpers came from {module}, not the image"
    assert data == str(running.home("cleo") / "truce-and-rupture" / "data")
    assert home == str(running.home("cleo"))
