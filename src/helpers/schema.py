"""The data package's schema (``data/datapackage.json``), the single description of every column.

Loaders take their types from it and validation checks against it.

>>> pkg = package()
>>> pkg.table("events").primary_key
['event_id']
>>> pkg.table("events").field("theme").enum[:3]
['recognition', 'negotiations', 'domestic_politics']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import DataError, Problem, display_path
from .paths import data_dir


@dataclass(frozen=True)
class Field:
    """One column: its name, Table Schema type and constraints."""

    name: str
    type: str
    description: str
    constraints: dict[str, Any] = field(default_factory=dict)
    delimiter: str = ";"

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def enum(self) -> list | None:
        return self.constraints.get("enum")


@dataclass(frozen=True)
class ForeignKey:
    fields: list[str]
    resource: str
    reference_fields: list[str]


@dataclass(frozen=True)
class Link:
    """A list column kept in a link table: ``events_sources.csv`` (event_id, ref_id) holds ``events.source_ids``.

    ``field`` is the list column the loader rebuilds (a tuple per row, in the link file's order), ``keys``
    the owner's key columns, ``value`` the id column, ``after`` the column it follows in the loaded frame.
    """

    table: str
    owner: str
    field: Field
    keys: list[str]
    value: str
    after: str | None


@dataclass(frozen=True, eq=False)
class Table:
    """One resource of the package: a CSV file and its schema (hashed by identity, for caching).

    ``fields`` are the CSV's columns; ``links`` the list columns joined in from link tables.
    """

    name: str
    path: Path
    title: str
    description: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[ForeignKey]
    links: list[Link] = field(default_factory=list)

    def field(self, name: str) -> Field:
        for f in self.fields + [link.field for link in self.links]:
            if f.name == name:
                return f
        raise KeyError(f"table {self.name!r} has no field {name!r}")

    @property
    def field_names(self) -> list[str]:
        """The CSV file's columns (without the list columns that live in link tables)."""
        return [f.name for f in self.fields]

    @property
    def columns(self) -> list[Field]:
        """The loaded frame's columns in order: the CSV's, with each link's list column in its place."""
        out = list(self.fields)
        for link in self.links:
            names = [f.name for f in out]
            out.insert(names.index(link.after) + 1 if link.after in names else len(out), link.field)
        return out


@dataclass(frozen=True)
class Package:
    root: Path
    descriptor: dict
    tables: dict[str, Table]

    def table(self, name: str) -> Table:
        try:
            return self.tables[name]
        except KeyError:
            known = ", ".join(sorted(self.tables))
            raise DataError(f"there is no table {name!r} in the data package (tables: {known})") from None

    @property
    def vocabularies(self) -> dict[str, list]:
        return self.descriptor.get("x-vocabularies", {})


def package(root: Path | None = None) -> Package:
    """The data package at ``root`` (default: :func:`helpers.paths.data_dir`), read once and cached."""
    root = Path(root) if root is not None else data_dir()
    path = root / "datapackage.json"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DataError(f"{display_path(path)} is missing: the data folder has no package descriptor") from None
    return _read_package(root.resolve(), mtime)


@lru_cache(maxsize=8)
def _read_package(root: Path, mtime: int) -> Package:
    path = root / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise DataError(Problem(display_path(path), exc.lineno, None, f"not valid JSON ({exc.msg})")) from None
    tables = {}
    for res in descriptor.get("resources", []):
        schema = res["schema"]
        fields = [
            Field(
                f["name"],
                f.get("type", "string"),
                f.get("description", ""),
                f.get("constraints", {}),
                f.get("delimiter", ";"),
            )
            for f in schema["fields"]
        ]
        fks = [
            ForeignKey(_as_list(fk["fields"]), fk["reference"]["resource"], _as_list(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", [])
        ]
        tables[res["name"]] = Table(
            name=res["name"],
            path=root / res["path"],
            title=res.get("title", res["name"]),
            description=res.get("description", ""),
            fields=fields,
            primary_key=_as_list(schema.get("primaryKey", [])),
            foreign_keys=fks,
        )
    for res in descriptor.get("resources", []):
        spec = res.get("x-list-field")
        if spec and spec.get("resource") in tables:
            link_fields = [f["name"] for f in res["schema"]["fields"]]
            virtual = Field(spec["field"], "list", spec.get("description", ""), spec.get("constraints", {}))
            tables[spec["resource"]].links.append(
                Link(res["name"], spec["resource"], virtual, link_fields[:-1], link_fields[-1], spec.get("after"))
            )
    return Package(root, descriptor, tables)


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def column_table(table: Table) -> str:
    """The numpydoc 'Columns' section for a loader's docstring, generated from the schema."""
    lines = ["Columns", "-------"]
    for f in table.columns:
        kind = {
            "list": "tuple of str",
            "date": "datetime64",
            "integer": "Int64",
            "number": "float",
            "boolean": "boolean",
        }.get(f.type, "category" if f.enum else "string")
        lines.append(f"{f.name} : {kind}")
        lines.append(f"    {f.description}")
    return "\n".join(lines)
