"""The shape of the helpers package: imports point one way, environment variables are read in one place,
loaders agree on their arguments, and importing the package reads no file."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
import helpers.exercises

SRC = Path(helpers.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = ["helpers", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The helpers modules one file imports (at the top or inside a function), resolved to full names."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "helpers"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").split(".")[0] == "helpers":
                target = node.module
            else:
                continue
            # "from . import x" and "from .pkg import mod" import modules, not names: count them as such
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in GRAPH_NODES else target)
    return {name for name in found if name in GRAPH_NODES and name != module}


FILES = {(_module_name(p)): p for p in SRC.rglob("*.py")}
GRAPH_NODES = set(FILES)
GRAPH = {name: _imports(path) for name, path in FILES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle (as a path that ends where it starts), found by depth-first search.

    A package's ``__init__`` importing its own submodules is how a package shows its face, not a
    cycle between modules, so edges from a package to its own children are left out.
    """

    def edges(node):
        return {t for t in graph[node] if not (FILES[node].name == "__init__.py" and t.startswith(node + "."))}

    found, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(edges(node)):
            if state.get(target) == "open":
                found.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"helpers.a": {"helpers.b"}, "helpers.b": {"helpers.c"}, "helpers.c": {"helpers.a"}}
    saved = dict(FILES)
    try:
        FILES.update({name: SRC / "x.py" for name in graph})
        assert _cycles(graph) == [["helpers.a", "helpers.b", "helpers.c", "helpers.a"]]
        assert _cycles({"helpers.a": {"helpers.b"}, "helpers.b": set()}) == []
    finally:
        FILES.clear()
        FILES.update(saved)


def test_the_import_graph_sees_relative_and_function_level_imports():
    assert "helpers.paths" in GRAPH["helpers.progress"]
    assert "helpers.progress" in GRAPH["helpers.exercises.widgets"]
    assert "helpers.exercises.bank" in GRAPH["helpers.exercises.widgets"]  # imported inside a function


def test_no_import_cycle_in_helpers():
    assert _cycles(GRAPH) == []


def test_the_progress_store_imports_nothing_from_the_exercises():
    assert not {m for m in GRAPH["helpers.progress"] if m.startswith("helpers.exercises")}


def test_environment_variables_are_read_only_in_paths():
    readers = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        if path.name != "paths.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "TRUCE_" in line
    ]
    assert readers == [], "TRUCE_ variables are named only in helpers/paths.py"


def test_every_loader_takes_the_same_data_folder_argument():
    loaders = {
        f"{mod.__name__}.{name}": fn
        for mod in (helpers, helpers.exercises)
        for name, fn in vars(mod).items()
        if name.startswith("load_") and callable(fn)
    }
    assert len(loaders) >= 19
    without = [name for name, fn in loaders.items() if "root" not in inspect.signature(fn).parameters]
    assert without == []


def test_a_loader_reads_the_data_folder_it_is_given(data_copy):
    rows = data_copy.rows("events")
    data_copy.write("events", rows[:3])
    assert len(helpers.load_events(data_copy.root)) == 3
    assert len(helpers.load_events(SRC.parents[1] / "data")) > 3  # the checkout's own, by the same argument


AUDIT = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
import helpers, helpers.exercises, helpers.progress
code = (".py", ".pyc", ".so", ".pth", ".typed")
print("\\n".join(p for p in opened if isinstance(p, str) and not p.endswith(code) and "/" in p))
"""


def test_importing_helpers_reads_no_file(tmp_path):
    env = {**os.environ, "TRUCE_DATA_DIR": str(tmp_path / "nowhere")}
    done = subprocess.run([sys.executable, "-c", AUDIT], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    read = [line for line in done.stdout.splitlines() if str(SRC.parents[1]) in line or "truce" in line]
    assert read == []


@pytest.mark.parametrize("internal", ["_diskcache", "_imports", "paths", "schema", "table", "checks"])
def test_dir_of_the_package_shows_the_learners_face_not_internals(internal):
    import importlib

    importlib.import_module(f"helpers.{internal}")  # even once imported, a module is not on show
    assert internal not in dir(helpers)
    assert {"load_events", "show", "DataError", "timeline"} <= set(dir(helpers))


def test_the_exercise_reference_pattern_is_written_once():
    root = SRC.parents[1]
    copies = [
        str(p.relative_to(root))
        for folder in ("src", "tests", "bench", "scripts")
        for p in (root / folder).rglob("*.py")
        if "show\\(" in p.read_text(encoding="utf-8") and p != Path(__file__).resolve()
    ]
    assert copies == ["src/helpers/exercises/model.py"]


@pytest.mark.parametrize("look_up", ["queries", "lesson", "bank builder"])
def test_one_person_look_up_one_error(look_up):
    from helpers import lesson, queries
    from helpers.exercises.generate import Tables

    name_of = {"queries": queries.person_name, "lesson": lesson._name, "bank builder": Tables().person_name}[look_up]
    assert name_of("chamberlain_austen") == "Austen Chamberlain"
    with pytest.raises(helpers.DataError, match="people.csv.*no person 'nobody'"):
        name_of("nobody")


def test_attempts_left_is_worded_once_for_text_and_html():
    from helpers.exercises import Attempts, Choice, load_bank
    from helpers.exercises.static import feedback_html

    exercise = next(
        ex
        for ex in load_bank("00-start-here")
        if isinstance(ex, Choice) and not ex.multiple and (ex.max_attempts or 0) > 1
    )
    wrong = next(o.id for o in exercise.options if o.id not in exercise.answer)
    feedback = Attempts(exercise).submit(wrong)
    left = exercise.max_attempts - 1
    note = f"{left} attempt{'s' if left != 1 else ''} left."
    assert feedback.attempts_note == note
    assert note in feedback.as_text() and f"<p>{note}</p>" in feedback_html(feedback)
