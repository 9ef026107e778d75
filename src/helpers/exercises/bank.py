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

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .. import _diskcache as diskcache
from .. import paths
from .._imports import jsonschema
from ..editions.catalogue import lesson_ids
from ..errors import DataError, Problem, display_path
from . import generate
from .generate import Tables
from .model import (
    Choice,
    Exercise,
    ExplorerSpec,
    NearMiss,
    Numeric,
    Option,
    spread_keys,
)
from .written import Alternative, Claim, GuidingQuestion, Level, Source, SourceAnalysis


def __getattr__(name: str):
    """``LESSONS``: the lessons, in order, from the one catalogue; each may have a bank called <lesson>.yaml."""
    if name == "LESSONS":
        return lesson_ids()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Fields of the YAML that are not passed on to the model as they are.
_COMMON = (
    "id",
    "lesson",
    "title",
    "skill",
    "difficulty",
    "source_ids",
    "prompt",
    "hint",
    "explanation",
    "teacher_notes",
    "demand",
    "max_attempts",
    "app",
)


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
    data, lines = _read_yaml(path, shown)
    schemas = _schemas(path.parent / "schema")
    _raise_if(_schema_errors(_validator(schemas, None, whole_bank=True), data, shown, lines, None))
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
        errors = _schema_errors(_validator(schemas, kind), raw, shown, lines, where)
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
            _check_refs(raw, tables)
            exercises.append(_build(raw, tables))
        except DataError as err:
            problems.extend(Problem(shown, line, p.column, where + p.message) for p in err.problems)
    _raise_if(problems)
    return Bank(lesson, path, str(data.get("title", lesson)), tuple(spread_keys(lesson, exercises)))


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


#: libyaml's C parser when PyYAML has it (about ten times faster than the pure-Python one), else pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class AliasRefused(yaml.YAMLError):
    """A bank used a YAML alias (``*name``): refused, so a hostile bank (an "alias bomb") fails at once."""

    def __init__(self, line: int):
        super().__init__("uses a YAML alias (*name), which a question bank may not: write the text out in full")
        self.line = line


class _LineLoader(_SafeLoader):
    """A safe YAML loader that remembers the line of every mapping, keeps dates as text, and refuses
    aliases (a node met a second time is an alias: the first repeat stops the load, before any blow-up)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.lines: dict[int, int] = {}

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise AliasRefused(node.start_mark.line + 1)
        return super().construct_object(node, deep=deep)


def _construct_mapping(loader: _LineLoader, node):
    data: dict = {}
    loader.lines[id(data)] = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node, deep=True))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _read_yaml(path: Path, shown: str) -> tuple[Any, dict[int, int]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(Problem(shown, None, None, "is not UTF-8 text (save the file as UTF-8)")) from None
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except AliasRefused as exc:
        raise DataError(Problem(shown, exc.line, None, str(exc))) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError(Problem(shown, line, None, f"is not valid YAML ({reason})")) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise DataError(Problem(shown, 1, None, "must be a mapping with 'lesson' and 'exercises'"))
    return data, loader.lines


def read_yaml(path: Path) -> tuple[Any, dict[int, int]]:
    """A YAML file of the pack (a bank or a teacher's file) read safely: no aliases, no tags, a DataError
    naming the file and line when it is broken. Returns (data, lines)."""
    return _read_yaml(path, display_path(path))


@lru_cache(maxsize=4)
def _schemas_at(folder: Path, stamp: tuple) -> dict[str, dict]:
    out = {}
    for f in sorted(folder.glob("*.json")):
        try:
            out[f.stem] = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DataError(Problem(display_path(f), exc.lineno, None, f"not valid JSON ({exc.msg})")) from None
    missing = {
        "bank",
        "common",
        "choice",
        "chronology",
        "matching",
        "numeric",
        "source_analysis",
        "claim",
        "explorer",
    } - out.keys()
    if missing:
        raise DataError(f"{display_path(folder)} lacks the schema(s) {', '.join(sorted(missing))}")
    return out


def _schemas(folder: Path) -> dict[str, dict]:
    stamp = tuple(sorted((f.name, f.stat().st_mtime_ns) for f in folder.glob("*.json")))
    return _schemas_at(folder, stamp)


def _schema_name(schemas: dict[str, dict], kind: Any) -> str:
    """The schema an exercise of type ``kind`` is checked with: its type's, or for an unknown type the
    common one (which reports "type is not one of ...")."""
    return kind if isinstance(kind, str) and kind in schemas and kind not in ("bank", "common") else "common"


def _type_schema(schemas: dict[str, dict], kind: Any) -> dict:
    """The common fields and the type's own, as one closed schema."""
    common = schemas["common"]
    name = _schema_name(schemas, kind)
    if name == "common":
        return common
    own = schemas[name]
    merged = {k: v for k, v in own.items() if k not in ("properties", "required", "title", "$schema")}
    merged.update(
        {
            "type": "object",
            "properties": {**common["properties"], **own.get("properties", {})},
            "required": [*common["required"], *own.get("required", [])],
            "additionalProperties": False,
        }
    )
    return merged


_VALIDATORS: dict[tuple[int, str], tuple[dict, Any]] = {}


def _validator(schemas: dict[str, dict], kind: Any, whole_bank: bool = False):
    """The JSON Schema validator for an exercise of type ``kind`` (or, with ``whole_bank``, for the file),
    built once per version of the schema files (building one per exercise cost more than validating)."""
    name = "bank" if whole_bank else _schema_name(schemas, kind)
    slot = (id(schemas), name)
    cached = _VALIDATORS.get(slot)
    if cached is None or cached[0] is not schemas:
        schema = schemas["bank"] if name == "bank" else _type_schema(schemas, name)
        cached = _VALIDATORS[slot] = (schemas, jsonschema().Draft202012Validator(schema))
    return cached[1]


def _schema_errors(validator, instance: Any, shown: str, lines: dict[int, int], where: str | None) -> list[Problem]:
    problems = []
    line = lines.get(id(instance))
    for err in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        path = ".".join(str(p) for p in err.absolute_path)
        if err.validator == "additionalProperties":
            message = err.message.replace("Additional properties are not allowed", "unknown field(s)")
        elif err.validator == "oneOf" and err.validator_value and all("required" in s for s in err.validator_value):
            fields = " or ".join(repr(s["required"][0]) for s in err.validator_value)
            message = f"give exactly one of {fields}"
        else:
            message = err.message
        problems.append(Problem(shown, _line_near(err, instance, lines) or line, path or None, (where or "") + message))
    return problems


def _line_near(err, instance, lines) -> int | None:
    """The line of the innermost mapping on the error's path."""
    best, node = lines.get(id(instance)), instance
    for part in err.absolute_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        best = lines.get(id(node), best)
    return best


# --- references to the tables ---------------------------------------------------------------------


def _check_refs(raw: dict, tables: Tables) -> None:
    problems = []

    def need(ids, index, what, table, column):
        for i in ids:
            if i not in index:
                problems.append(Problem("", None, column, f"{what} {i!r} does not exist in {table}"))
            elif (table[: -len(".csv")], str(i)) in tables.uncertain:
                why = tables.uncertain[(table[: -len(".csv")], str(i))]
                problems.append(
                    Problem(
                        "",
                        None,
                        column,
                        f"{what} {i!r} is marked uncertain in uncertain_rows.csv ({why}): an exercise cannot use it",
                    )
                )

    need(raw.get("source_ids", ()), tables.references.index, "source", "references.csv", "source_ids")
    if not raw.get("source_ids") and not (raw["type"] == "explorer" or "generate" in raw):
        problems.append(Problem("", None, "source_ids", "needs source_ids: at least one ref_id from references.csv"))
    refs = raw.get("refs", {})
    need(refs.get("events", ()), tables.events.index, "event", "events.csv", "refs")
    need(refs.get("people", ()), tables.people.index, "person", "people.csv", "refs")
    need(refs.get("quotations", ()), tables.quotations.index, "quotation", "quotations.csv", "refs")
    need(refs.get("documents", ()), tables.documents.index, "document", "documents.csv", "refs")
    need(refs.get("posts", ()), tables.posts.index, "post", "posts.csv", "refs")
    need(refs.get("organisations", ()), tables.organisations.index, "organisation", "organisations.csv", "refs")
    kind = raw["type"]
    if kind == "choice":
        option_ids = [o["id"] for o in raw["options"]]
        if len(set(option_ids)) != len(option_ids):
            problems.append(Problem("", None, "options", "two options have the same id"))
        answers = [raw["answer"]] if isinstance(raw["answer"], str) else raw["answer"]
        for a in answers:
            if a not in option_ids:
                problems.append(
                    Problem("", None, "answer", f"answer {a!r} is not among the options ({', '.join(option_ids)})")
                )
        if not raw.get("multiple") and len(answers) != 1:
            problems.append(
                Problem("", None, "answer", "a single-answer question needs exactly one answer (or set multiple: true)")
            )
        for o in raw["options"]:
            if not o["feedback"].strip():
                problems.append(Problem("", None, "options", f"option {o['id']!r} has no feedback"))
    elif kind == "chronology":
        need(raw.get("events", ()), tables.events.index, "event", "events.csv", "events")
        if "generate" in raw and raw["generate"].get("theme") is not None:
            themes = list(tables.events["theme"].cat.categories)
            if raw["generate"]["theme"] not in themes:
                problems.append(
                    Problem(
                        "", None, "generate", f"theme {raw['generate']['theme']!r} is not one of {', '.join(themes)}"
                    )
                )
    elif kind == "matching":
        need(raw.get("quotations", ()), tables.quotations.index, "quotation", "quotations.csv", "quotations")
        need(raw.get("documents", ()), tables.documents.index, "document", "documents.csv", "documents")
        need(raw.get("posts", ()), tables.posts.index, "post", "posts.csv", "posts")
        if raw["match"] == "quotation-speaker":
            need(raw.get("distractors", ()), tables.people.index, "person", "people.csv", "distractors")
        elif raw["match"] == "person-office":
            need(raw.get("distractors", ()), tables.posts.index, "post", "posts.csv", "distractors")
        else:
            if raw.get("distractors"):
                problems.append(Problem("", None, "distractors", "document-date matching takes no distractors"))
    elif kind == "numeric":
        for miss in raw.get("near_misses", ()):
            if abs(miss["value"] - raw["answer"]) <= raw.get("tolerance", 0):
                problems.append(
                    Problem("", None, "near_misses", f"near miss {miss['value']} is within the tolerance of the answer")
                )
    elif kind == "source_analysis":
        src = raw["source"]
        need(
            [src["quotation"]] if "quotation" in src else [],
            tables.quotations.index,
            "quotation",
            "quotations.csv",
            "source",
        )
        need(
            [src["document"]] if "document" in src else [],
            tables.documents.index,
            "document",
            "documents.csv",
            "source",
        )
        q_ids = [q["id"] for q in raw["questions"]]
        if len(set(q_ids)) != len(q_ids):
            problems.append(Problem("", None, "questions", "two guiding questions have the same id"))
    elif kind == "claim":
        problems.extend(_claim_problems(raw, tables))
    elif kind == "explorer":
        need(raw.get("people", ()), tables.people.index, "person", "people.csv", "people")
        themes = set(tables.events["theme"].cat.categories)
        for t in raw.get("themes", ()):
            if t not in themes:
                problems.append(Problem("", None, "themes", f"theme {t!r} is not one of {', '.join(sorted(themes))}"))
        if raw.get("start") and raw.get("end") and raw["end"] < raw["start"]:
            problems.append(Problem("", None, "end", "the explorer ends before it starts"))
    if problems:
        raise DataError(problems)


def _claim_problems(raw: dict, tables: Tables) -> list[Problem]:
    """What is wrong with a claim exercise beyond its schema: its set, its word range, its levels."""
    problems = []
    sets = tables.document_sets
    members = sets[sets["set_id"] == raw["document_set"]]
    if members.empty:
        problems.append(Problem("", None, "document_set", f"set {raw['document_set']!r} is not in document_sets.csv"))
    elif raw.get("min_documents", 2) > len(members):
        problems.append(
            Problem(
                "",
                None,
                "min_documents",
                f"asks for {raw.get('min_documents', 2)} documents; the set has {len(members)}",
            )
        )
    if raw.get("min_words", 150) > raw.get("max_words", 250):
        problems.append(Problem("", None, "max_words", "max_words is below min_words"))
    levels = [lv["level"] for lv in raw["mark_scheme"]]
    if levels != list(range(1, len(levels) + 1)):
        problems.append(Problem("", None, "mark_scheme", f"levels must be 1, 2, 3 ... lowest first, not {levels}"))
    marked = [lv for lv in raw["mark_scheme"] if "marks" in lv]
    if raw.get("marks") is not None and len(marked) != len(levels):
        problems.append(Problem("", None, "mark_scheme", "a question with marks needs marks on every level"))
    top = 0
    for lv in marked:
        low, high = lv["marks"]
        if low > high or low < top:
            problems.append(Problem("", None, "mark_scheme", f"level {lv['level']}: marks {low}–{high} out of order"))
        top = high + 1
    if marked and raw.get("marks") is not None and marked[-1]["marks"][1] != raw["marks"]:
        problems.append(
            Problem("", None, "marks", f"the top level ends at {marked[-1]['marks'][1]}, not {raw['marks']}")
        )
    return problems


# --- building model objects -----------------------------------------------------------------------


def _common(raw: dict) -> dict:
    out = {k: raw[k] for k in _COMMON if k in raw}
    out["source_ids"] = tuple(raw.get("source_ids", ()))
    return out


def _build(raw: dict, tables: Tables) -> Exercise:
    kind = raw["type"]
    common = _common(raw)
    if kind == "choice":
        answer = (raw["answer"],) if isinstance(raw["answer"], str) else tuple(raw["answer"])
        options = tuple(Option(o["id"], o["text"].strip(), o["feedback"].strip()) for o in raw["options"])
        return Choice(options=options, answer=answer, multiple=bool(raw.get("multiple", False)), **common)
    if kind == "chronology":
        if "events" in raw:
            return generate.chronology_from_events(raw["events"], tables=tables, **common)
        spec = raw["generate"]
        ex_id, lesson = common.pop("id"), common.pop("lesson")
        return generate.chronology(
            theme=spec.get("theme"),
            lesson=spec.get("from_lesson"),
            n=spec["n"],
            seed=spec["seed"],
            id=ex_id,
            for_lesson=lesson,
            tables=tables,
            **common,
        )
    if kind == "matching":
        match = raw["match"]
        if match == "quotation-speaker":
            return generate.matching_quotations(
                raw["quotations"], distractors=raw.get("distractors", ()), tables=tables, **common
            )
        if match == "person-office":
            return generate.matching_offices(
                raw["posts"], raw["date"], distractors=raw.get("distractors", ()), tables=tables, **common
            )
        return generate.matching_documents(raw["documents"], tables=tables, **common)
    if kind == "numeric":
        extra = {k: raw[k].strip() for k in ("feedback_low", "feedback_high") if k in raw}
        return Numeric(
            answer=float(raw["answer"]),
            tolerance=float(raw.get("tolerance", 0)),
            unit=raw["unit"],
            near_misses=tuple(NearMiss(float(m["value"]), m["feedback"].strip()) for m in raw.get("near_misses", ())),
            **extra,
            **common,
        )
    if kind == "source_analysis":
        questions = tuple(
            GuidingQuestion(q["id"], q["tag"], q["text"].strip(), q["model_answer"].strip()) for q in raw["questions"]
        )
        return SourceAnalysis(
            source=_source(raw["source"], tables),
            questions=questions,
            checklist=tuple(c.strip() for c in raw["checklist"]),
            **common,
        )
    if kind == "claim":
        return _claim(raw, tables, common)
    if kind == "explorer":
        return ExplorerSpec(
            start=raw.get("start", "1917-01-01"),
            end=raw.get("end", "1932-12-31"),
            themes=tuple(raw.get("themes", ())),
            people=tuple(raw.get("people", ())),
            lessons=tuple(raw.get("lessons", ())),
            **common,
        )
    raise DataError(f"unknown exercise type {kind!r}")  # pragma: no cover - the schema stops it first


def _claim(raw: dict, tables: Tables, common: dict) -> Claim:
    """A claim exercise, with its set's documents named as a student should cite them."""
    sets = tables.document_sets
    members = sets[sets["set_id"] == raw["document_set"]].sort_values("position")
    documents = []
    for n, extract_id in enumerate(members["extract_id"], 1):
        row = tables.extracts.loc[extract_id] if extract_id in tables.extracts.index else None
        title = str(row["title"]) if row is not None else extract_id
        documents.append((str(extract_id), f"Document {n}: {title}"))
    return Claim(
        document_set=raw["document_set"],
        documents=tuple(documents),
        min_words=int(raw.get("min_words", 150)),
        max_words=int(raw.get("max_words", 250)),
        min_documents=int(raw.get("min_documents", 2)),
        mark_scheme=tuple(
            Level(
                int(lv["level"]),
                lv["label"].strip(),
                lv["descriptor"].strip(),
                tuple(lv["marks"]) if "marks" in lv else None,
            )
            for lv in raw["mark_scheme"]
        ),
        alternatives=tuple(Alternative(a["id"], a["text"].strip()) for a in raw.get("alternatives", ())),
        marks=raw.get("marks"),
        **common,
    )


def _source(spec: dict, tables: Tables) -> Source:
    """A quotation or a document as a source, with its provenance headnote from the tables."""
    if "quotation" in spec:
        row = tables.quotations.loc[spec["quotation"]]
        speaker = tables.person_name(str(row["speaker_id"]))
        return Source(
            "quotation",
            str(row["quote_id"]),
            str(row["text"]),
            str(row["setting"]),
            str(row["citation"]),
            speaker,
            generate.date_label(row["date"], generate.precision_of(row)),
        )
    row = tables.documents.loc[spec["document"]]
    author = tables.person_name(str(row["author_id"])) if isinstance(row["author_id"], str) else ""
    headnote = " · ".join(
        x
        for x in (
            str(row["title"]),
            str(row["doc_type"]).replace("_", " "),
            author and f"by {author}",
            str(row["reference"]) if isinstance(row["reference"], str) else "",
        )
        if x
    )
    refs = tables.references
    citation = "; ".join(str(refs.at[r, "citation"]) for r in row["source_ids"] if r in refs.index)
    return Source(
        "document",
        str(row["doc_id"]),
        str(row["summary"]),
        headnote,
        citation,
        author,
        generate.date_label(row["date"], str(row["date_precision"])),
    )
