"""Move every list of ids out of a table into a link table, so any Frictionless tool (or SQL) can check it.

A list field with a foreign key, e.g. ``events.source_ids`` ("ref-a;ref-b" in one cell), becomes a
link table ``events_sources.csv`` with one row per id, ordered as the list was::

    event_id,ref_id
    ev-1927-05-12-arcos-raid,hc-1927-05-26-russo-british-relations
    ev-1927-05-12-arcos-raid,gorodetsky1977-ch6

The link table has a primary key (owner key + id) and two plain foreign keys; the owner table loses
the column, and ``datapackage.json`` gains the link resource, which records in ``x-list-field`` where
the list came from so that the loaders join it back (``load_events()["source_ids"]`` is still a tuple).

Naming: ``<table>_sources`` for ``source_ids``, else ``<table>_<field>`` (``events_people``). The link
table's columns are the owner's primary key columns and the referenced column (``ref_id``,
``person_id``, ...).

Re-runnable: run it again after merging a branch that still writes list columns. A list column found
in a CSV is authoritative: it replaces that table's link rows (whole table), and the column is removed.
A table already split, with no list column in its CSV, is left alone.

    python scripts/split_link_tables.py [data]      # default: the data folder beside this script
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def link_name(table: str, field: str) -> str:
    """``events`` + ``source_ids`` -> ``events_sources``; ``events`` + ``people`` -> ``events_people``."""
    return f"{table}_sources" if field == "source_ids" else f"{table}_{field}"


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    text = path.read_text(encoding="utf-8-sig")
    rows = [row for row in csv.reader(io.StringIO(text, newline="")) if row and any(c.strip() for c in row)]
    return rows[0], rows[1:]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def split_rows(
    header: list[str], rows: list[list[str]], keys: list[str], field: str, delimiter: str = ";"
) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """(header without ``field``, rows without it, link rows ``keys + [id]``) in file and list order.

    >>> split_rows(["id", "source_ids", "x"], [["a", "r1;r2", "1"], ["b", "", "2"]], ["id"], "source_ids")
    (['id', 'x'], [['a', '1'], ['b', '2']], [['a', 'r1'], ['a', 'r2']])
    """
    at = header.index(field)
    key_at = [header.index(k) for k in keys]
    links = []
    for row in rows:
        for item in row[at].split(delimiter):
            if item.strip():
                links.append([row[i].strip() for i in key_at] + [item.strip()])
    return header[:at] + header[at + 1 :], [row[:at] + row[at + 1 :] for row in rows], links


def link_resource(owner: dict, field: dict, fk: dict, after: str | None) -> dict:
    """The descriptor of the link table for ``owner``'s list ``field`` (which has foreign key ``fk``)."""
    name = link_name(owner["name"], field["name"])
    keys = owner["schema"]["primaryKey"]
    keys = [keys] if isinstance(keys, str) else list(keys)
    owner_fields = {f["name"]: f for f in owner["schema"]["fields"]}
    target, target_field = fk["reference"]["resource"], fk["reference"]["fields"]
    target_field = target_field if isinstance(target_field, str) else target_field[0]
    if target_field in keys:
        raise SystemExit(
            f"{owner['name']}.{field['name']}: the referenced column {target_field!r} "
            "is also a key column of the owner; rename one"
        )
    fields = [
        {
            "name": k,
            "type": owner_fields[k].get("type", "string"),
            "description": f"The {owner['name']} row ({', '.join(keys)}).",
            "constraints": {"required": True},
        }
        for k in keys
    ]
    fields.append(
        {
            "name": target_field,
            "type": "string",
            "description": f"One {target_field} from {target}.csv; the rows keep the list's order.",
            "constraints": {"required": True},
        }
    )
    constraints = {k: v for k, v in field.get("constraints", {}).items() if k in ("required", "minLength")}
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "encoding": "utf-8",
        "title": f"{owner.get('title', owner['name'])}: {field['name']}",
        "description": f"Link table: {owner['name']}.{field['name']} ({field.get('description', '').rstrip('.')}), "
        "one row per id, in the list's order.",
        "dialect": {"delimiter": ",", "header": True, "doubleQuote": True},
        "x-list-field": {
            "resource": owner["name"],
            "field": field["name"],
            "after": after,
            "description": field.get("description", ""),
            "constraints": constraints,
        },
        "schema": {
            "fields": fields,
            "primaryKey": keys + [target_field],
            "foreignKeys": [
                {"fields": keys, "reference": {"resource": owner["name"], "fields": keys}},
                {"fields": [target_field], "reference": {"resource": target, "fields": [target_field]}},
            ],
        },
    }


def split_package(data: Path) -> list[str]:
    """Convert the package in ``data`` in place; return one line per link table written."""
    descriptor_path = data / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resources = descriptor["resources"]
    by_name = {r["name"]: r for r in resources}
    done = []
    # 1. list fields still declared in a schema: declare the link table, drop the field and its key
    for owner in list(resources):
        schema = owner["schema"]
        fks = schema.get("foreignKeys", [])
        names = [f["name"] for f in schema["fields"]]  # before any is removed: 'after' may be a list column
        for field in list(schema["fields"]):
            if field.get("type") != "list":
                continue
            fk = next(
                (k for k in fks if (k["fields"] if isinstance(k["fields"], str) else k["fields"][0]) == field["name"]),
                None,
            )
            if fk is None:
                continue  # a plain list of names (alt_names): no foreign key, Frictionless reads it
            at = names.index(field["name"])
            link = link_resource(owner, field, fk, names[at - 1] if at else None)
            schema["fields"].remove(field)
            fks.remove(fk)
            if link["name"] not in by_name:
                resources.insert(
                    resources.index(owner)
                    + 1
                    + sum(1 for r in resources if r.get("x-list-field", {}).get("resource") == owner["name"]),
                    link,
                )
                by_name[link["name"]] = link
    # 2. every link table: split its column out of the owner's CSV, if the CSV still has it
    for link in [r for r in resources if "x-list-field" in r]:
        spec = link["x-list-field"]
        owner = by_name[spec["resource"]]
        owner_csv, link_csv = data / owner["path"], data / link["path"]
        header, rows = read_csv(owner_csv)
        if spec["field"] not in header:
            if not link_csv.exists():
                write_csv(link_csv, [f["name"] for f in link["schema"]["fields"]], [])
            continue
        keys = link["schema"]["primaryKey"][:-1]
        header, rows, links = split_rows(header, rows, keys, spec["field"])
        write_csv(owner_csv, header, rows)
        write_csv(link_csv, [f["name"] for f in link["schema"]["fields"]], links)
        done.append(f"{link['path']}: {len(links)} rows from {owner['path']} column {spec['field']}")
    descriptor_path.write_text(json.dumps(descriptor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?", default=ROOT / "data", help="the data folder (default: data)")
    args = parser.parse_args(argv)
    for line in split_package(args.data) or ["nothing to split: every list field is already a link table"]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
