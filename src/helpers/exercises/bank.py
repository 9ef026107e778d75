"""Question banks: ``data/exercises/<lesson>.yaml``, one per lesson, checked against a schema per type.

Loading a bank validates it: the YAML parses; each exercise matches its type's JSON Schema
(``data/exercises/schema/``); ids are unique across every bank; answers are among the options;
every event, person, quotation, document, post and reference it names exists in the tables. A
problem raises :class:`helpers.DataError` naming the bank file, the line, the exercise id and what is
wrong, e.g. ``data/exercises/00-start-here.yaml, line 9, column 'answer': exercise 'start-balfour-1918':
answer 'e' is not among the options (a, b, c, d)``.

>>> bank = load_bank("00-start-here")
>>> bank.lesson, len(bank) >= 6
('00-start-here', True)
>>> ex = bank[bank.ids()[0]]
>>> ex.lesson
'00-start-here'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import _diskcache as diskcache
from .. import paths
from ..editions.catalogue import lesson_ids
from ..errors import DataError, Problem, display_path
from .bank_build import build, check_refs
from .bank_schema import read_yaml, schema_errors, schemas_in, validator
from .generate import Tables
from .model import Exercise, spread_keys


def __getattr__(name: str):
    """``LESSONS``: the lessons, in order, from the one catalogue; each may have a bank called <lesson>.yaml."""
    if name == "LESSONS":
        return lesson_ids()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Bank:
    """The exercises of one lesson, in the order the file lists them; ``bank[id]`` gives one."""

    lesson: str
    path: Path
    title: str
    exercises: tuple[Exercise, ...]

    def __getitem__(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        raise KeyError(f"no exercise {exercise_id!r} in {display_path(self.path)}; ids: {', '.join(self.ids())}")

    def __contains__(self, exercise_id: object) -> bool:
        return any(ex.id == exercise_id for ex in self.exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def ids(self) -> list[str]:
        return [ex.id for ex in self.exercises]

    @property
    def graded(self) -> list[Exercise]:
        """The exercises a student can complete (the explorer is not one of them)."""
        return [ex for ex in self.exercises if ex.graded]


def bank_dir(root: Path | None = None) -> Path:
    """``data/exercises`` (or the one under ``root``)."""
    return paths.bank_dir(root)


def bank_path(lesson: str, root: Path | None = None) -> Path:
    return bank_dir(root) / f"{lesson}.yaml"


def available_lessons(root: Path | None = None) -> list[str]:
    """The lessons that have a bank, in lesson order."""
    folder = bank_dir(root)
    return [lesson for lesson in lesson_ids() if (folder / f"{lesson}.yaml").is_file()]


def load_bank(lesson: str, root: Path | None = None) -> Bank:
    """Load and validate one lesson's bank (cached until the file, the schema or a table changes)."""
    lessons = lesson_ids()
    if lesson not in lessons:
        raise DataError(f"there is no lesson {lesson!r}; lessons: {', '.join(lessons)}")
    path = bank_path(lesson, root)
    if not path.is_file():
        raise DataError(Problem(display_path(path), None, None, "question bank is missing"))
    return _load_cached(path.resolve(), _stamp(path.parent))


def load_all_banks(root: Path | None = None) -> dict[str, Bank]:
    """Every bank, validated together: ids must be unique across all of them."""
    stamp = _stamp(bank_dir(root))  # once for all nine (available_lessons lists only banks that exist)
    banks = {lesson: _load_cached(bank_path(lesson, root).resolve(), stamp) for lesson in available_lessons(root)}
    seen: dict[str, Bank] = {}
    problems = []
    for bank in banks.values():
        for ex in bank:
            if ex.id in seen:
                other = display_path(seen[ex.id].path)
                problems.append(
                    Problem(
                        display_path(bank.path),
                        None,
                        None,
                        f"exercise {ex.id!r}: id is already used in {other}; ids must be unique across banks",
                    )
                )
            seen[ex.id] = bank
    if problems:
        raise DataError(problems)
    return banks


def get_exercise(exercise_id: str, root: Path | None = None) -> Exercise:
    """Find an exercise by id in any bank.

    >>> get_exercise(load_bank("00-start-here").ids()[0]).lesson
    '00-start-here'
    """
    for bank in load_all_banks(root).values():
        if exercise_id in bank:
            return bank[exercise_id]
    raise KeyError(f"no exercise {exercise_id!r} in any bank under {display_path(bank_dir(root))}")


def validate_banks(root: Path | None = None) -> dict:
    """Validate every bank (what the tests and ``make validate`` run); return counts."""
    banks = load_all_banks(root)
    return {"banks": len(banks), "exercises": sum(len(b) for b in banks.values())}


# --- reading and checking one file ----------------------------------------------------------------


def _inputs(folder: Path) -> list[Path]:
    """What a bank in ``folder`` is checked against: the schemas and the data package's tables."""
    return sorted(
        [*(folder / "schema").glob("*.json"), *folder.parent.glob("*.csv"), folder.parent / "datapackage.json"]
    )


def _stamp(folder: Path) -> tuple:
    """Modification times and sizes of the banks and of their inputs (the in-process cache key)."""
    stamp = []
    for f in [*folder.glob("*.yaml"), *_inputs(folder)]:
        try:
            info = f.stat()
        except FileNotFoundError:
            continue
        stamp.append((f.name, info.st_mtime_ns, info.st_size))
    return tuple(sorted(stamp))


@lru_cache(maxsize=32)
def _load_cached(path: Path, stamp: tuple) -> Bank:
    # Checked once per version of its inputs in a process, and kept on disk for the next process (a
    # lesson's kernel): the key covers the bank, the schemas, the tables and the code (helpers._diskcache).
    return diskcache.cached("bank", [path, *_inputs(path.parent)], lambda: read_bank(path))


def read_bank(path: Path, tables: Tables | None = None) -> Bank:
    """Read, check and build one bank file (no cache). Raises DataError listing every problem."""
    shown = display_path(path)
    data, lines = read_yaml(path)
    schemas = schemas_in(path.parent / "schema")
    _raise_if(schema_errors(validator(schemas, None, whole_bank=True), data, shown, lines, None))
    lesson = path.stem
    if data["lesson"] != lesson:
        raise DataError(
            Problem(
                shown,
                lines.get(id(data)),
                "lesson",
                f"the bank says lesson {data['lesson']!r} but the file is named {path.name}",
            )
        )
    tables = tables or Tables(path.parent.parent)
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    seen: set[str] = set()
    for raw in data["exercises"]:
        line = lines.get(id(raw))
        ex_id = raw.get("id", "?")
        where = f"exercise {ex_id!r}: "
        kind = raw.get("type")
        errors = schema_errors(validator(schemas, kind), raw, shown, lines, where)
        if errors:
            problems.extend(errors)
            continue
        if ex_id in seen:
            problems.append(Problem(shown, line, "id", where + "id is used twice in this bank"))
            continue
        seen.add(ex_id)
        if raw["lesson"] != lesson:
            problems.append(
                Problem(shown, line, "lesson", where + f"lesson {raw['lesson']!r} is not this bank's ({lesson})")
            )
            continue
        try:
            check_refs(raw, tables)
            exercises.append(build(raw, tables))
        except DataError as err:
            problems.extend(Problem(shown, line, p.column, where + p.message) for p in err.problems)
    _raise_if(problems)
    return Bank(lesson, path, str(data.get("title", lesson)), tuple(spread_keys(lesson, exercises)))


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


__all__ = [
    "Bank",
    "load_bank",
    "load_all_banks",
    "get_exercise",
    "validate_banks",
    "available_lessons",
    "read_bank",
    "read_yaml",
]
