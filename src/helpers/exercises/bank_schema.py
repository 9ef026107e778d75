"""Reading a pack YAML file safely and checking a bank against its JSON Schemas (``data/exercises/schema/``).

:func:`read_yaml` refuses aliases (an "alias bomb" fails at once) and keeps the line of every mapping, so a
problem names the file and line; :func:`schema_errors` turns a schema's complaints into those problems.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .._imports import jsonschema
from ..errors import DataError, Problem, display_path
from .model import TYPES

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
    missing = {"bank", "common", *TYPES} - out.keys()  # a schema per exercise type, from the one list
    if missing:
        raise DataError(f"{display_path(folder)} lacks the schema(s) {', '.join(sorted(missing))}")
    return out


def schemas_in(folder: Path) -> dict[str, dict]:
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


def validator(schemas: dict[str, dict], kind: Any, whole_bank: bool = False):
    """The JSON Schema validator for an exercise of type ``kind`` (or, with ``whole_bank``, for the file),
    built once per version of the schema files (building one per exercise cost more than validating)."""
    name = "bank" if whole_bank else _schema_name(schemas, kind)
    slot = (id(schemas), name)
    cached = _VALIDATORS.get(slot)
    if cached is None or cached[0] is not schemas:
        schema = schemas["bank"] if name == "bank" else _type_schema(schemas, name)
        cached = _VALIDATORS[slot] = (schemas, jsonschema().Draft202012Validator(schema))
    return cached[1]


def schema_errors(validator, instance: Any, shown: str, lines: dict[int, int], where: str | None) -> list[Problem]:
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
