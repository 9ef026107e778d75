"""Imports that cost far more than they should, made cheap. Use these instead of importing directly.

``import jsonschema`` builds a Lark grammar for its optional RFC 3987 ('iri') format checker when the
rfc3987-syntax package is installed (JupyterLab's event system pulls it in): 1 to 5 seconds on a 2-core
machine, in every process that validates a question bank or reads a notebook with nbformat (which checks
notebooks with jsonschema). Neither the bank schemas nor nbformat's schema use that format, so jsonschema
is imported without it. A process that has imported jsonschema already is left as it is.

>>> jsonschema().Draft202012Validator({"type": "string"}).is_valid("a")
True
>>> nbformat().v4.new_notebook().nbformat
4
"""

from __future__ import annotations

import sys


def jsonschema():
    """The jsonschema module, imported without building the RFC 3987 grammar."""
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # makes jsonschema's guarded optional import skip it
        try:
            import jsonschema
        finally:
            del sys.modules["rfc3987_syntax"]
        return jsonschema
    import jsonschema

    return jsonschema


def nbformat():
    """The nbformat module, after :func:`jsonschema` (which nbformat validates notebooks with)."""
    jsonschema()
    import nbformat

    return nbformat
