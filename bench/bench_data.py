"""Loading the tables: cold (a fresh process) and warm (cached in-process), and validation."""

from __future__ import annotations

from harness import measure, python_snippet

LOAD_ALL = "import helpers\nfor name in helpers.table_names(): helpers.load_table(name)"


def run(quick: bool = False) -> list:
    import helpers

    repeat = 3 if quick else 7
    out = [
        measure("python -c 'import helpers' (fresh process)", python_snippet("import helpers"), repeat=repeat),
        measure(
            "load every table, cold (fresh process, incl. import)",
            python_snippet(LOAD_ALL),
            repeat=repeat,
            baseline="python -c 'import helpers' (fresh process)",
        ),
    ]
    names = helpers.table_names()

    def warm():
        for name in names:
            helpers.load_table(name)

    out.append(measure("load every table, warm (in-process cache)", warm, repeat=repeat * 3, target="< 50 ms"))

    def parse_all():
        from helpers.schema import package
        from helpers.table import read_table

        for table in package().tables.values():
            read_table(table)

    out.append(measure("parse and type every table from CSV (no cache)", parse_all, repeat=repeat))
    out.append(measure("helpers.validate() (schema, keys, references, history)", helpers.validate, repeat=repeat))
    out.append(
        measure(
            "make validate (python -m helpers validate: tables and banks)",
            _validate_command,
            repeat=repeat,
            baseline="python -c 'import helpers' (fresh process)",
        )
    )
    return out


def _validate_command():
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "helpers", "validate"], check=True, capture_output=True)
