"""Read one CSV table against its schema into a typed DataFrame, or say exactly what is wrong.

Every loader goes through :func:`read_table`; so does validation. A problem is reported as a
:class:`~helpers.errors.DataError` naming the file, the line (as a text editor counts it, header = 1)
and the column. Files with a UTF-8 byte-order mark or Windows line endings load as usual.
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np
import pandas as pd

from .errors import DataError, Problem, display_path
from .schema import Field, Table

#: How many bad values of one column are listed before the rest are summarised.
MAX_PROBLEMS_PER_COLUMN = 5
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def read_table(table: Table) -> tuple[pd.DataFrame, np.ndarray]:
    """Parse ``table``'s CSV file; return the typed frame and each row's line number in the file."""
    shown = display_path(table.path)
    header, rows, lines = _read_rows(table, shown)
    problems: list[Problem] = []
    missing = [name for name in table.field_names if name not in header]
    unknown = [name for name in header if name not in table.field_names]
    for name in missing:
        problems.append(Problem(shown, 1, name, "column is missing from the header row"))
    for name in unknown:
        problems.append(Problem(shown, 1, name, "column is not in the schema (data/datapackage.json)"))
    if problems:
        raise DataError(problems)

    index = {name: i for i, name in enumerate(header)}
    line_array = np.asarray(lines, dtype=np.int64)
    columns = {}
    for f in table.fields:
        raw = pd.Series([row[index[f.name]].strip() for row in rows], dtype=object)
        columns[f.name] = _convert(f, raw, line_array, shown, problems)
    frame = pd.DataFrame(columns)
    if not problems:
        problems.extend(_check_keys(table, frame, line_array, shown))
    if problems:
        raise DataError(problems)
    return frame, line_array


def _read_rows(table: Table, shown: str) -> tuple[list[str], list[list[str]], list[int]]:
    try:
        data = table.path.read_bytes()
    except FileNotFoundError:
        raise DataError(Problem(shown, None, None, "file is missing (the data package lists it)")) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(Problem(shown, line, None, "is not UTF-8 text (save the file as UTF-8)")) from None
    if not text.strip():
        raise DataError(Problem(shown, None, None, "file is empty: it needs at least a header row naming the columns"))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        rows, lines = [], []
        previous = reader.line_num
        for row in reader:
            start, previous = previous + 1, reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue  # blank line
            if len(row) != len(header):
                raise DataError(
                    Problem(shown, start, None, f"has {len(row)} values but the header names {len(header)} columns")
                )
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        raise DataError(Problem(shown, reader.line_num, None, f"is not valid CSV ({exc})")) from None
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise DataError(Problem(shown, 1, duplicated[0], "column appears twice in the header row"))
    return header, rows, lines


def _report(problems, f: Field, bad: pd.Series, raw: pd.Series, lines, shown, why) -> None:
    positions = np.flatnonzero(bad.to_numpy(dtype=bool))
    for pos in positions[:MAX_PROBLEMS_PER_COLUMN]:
        problems.append(Problem(shown, int(lines[pos]), f.name, why(raw.iloc[pos])))
    if len(positions) > MAX_PROBLEMS_PER_COLUMN:
        problems.append(Problem(shown, None, f.name, f"... {len(positions) - MAX_PROBLEMS_PER_COLUMN} more bad values"))


def _convert(f: Field, raw: pd.Series, lines, shown: str, problems: list[Problem]):
    c = f.constraints
    empty = raw == ""
    if f.required:
        _report(problems, f, empty, raw, lines, shown, lambda v: "is empty, but this column is required")
    present = ~empty
    if f.type in ("integer", "year", "number"):
        values = pd.to_numeric(raw.where(present, None).str.replace("_", "x"), errors="coerce")
        bad = present & values.isna()
        if f.type != "number":
            bad |= present & values.notna() & (values % 1 != 0)
        kind = "a number" if f.type == "number" else "a whole number"
        _report(problems, f, bad, raw, lines, shown, lambda v: f"{v!r} is not {kind}")
        values = values.where(~bad)
        _check_range(problems, f, values, raw, lines, shown)
        if c.get("enum") is not None:
            outside = values.notna() & ~values.isin(c["enum"])
            _report(problems, f, outside, raw, lines, shown, lambda v: f"{v!r} is not one of {c['enum']}")
        return values.astype("Int64") if f.type != "number" else values.astype("float64")
    if f.type == "date":
        values = pd.to_datetime(raw.where(present, None), format="%Y-%m-%d", errors="coerce")
        bad = present & values.isna()
        _report(problems, f, bad, raw, lines, shown, lambda v: f"{v!r} is not a date (write YYYY-MM-DD)")
        _check_range(problems, f, values, raw, lines, shown, convert=pd.Timestamp)
        return values
    if f.type == "boolean":
        lowered = raw.str.lower()
        bad = present & ~lowered.isin(_TRUE | _FALSE)
        _report(problems, f, bad, raw, lines, shown, lambda v: f"{v!r} is not true or false")
        return pd.array([None if not p else low in _TRUE for p, low in zip(present, lowered)], dtype="boolean")
    if f.type == "list":
        values = raw.map(lambda v: tuple(item.strip() for item in v.split(f.delimiter) if item.strip()))
        if f.required or c.get("minLength"):
            short = values.map(len) < max(1, c.get("minLength", 1))
            _report(
                problems,
                f,
                short & present,
                raw,
                lines,
                shown,
                lambda v: f"needs at least {max(1, c.get('minLength', 1))} id(s) separated by '{f.delimiter}'",
            )
        repeated = values.map(lambda items: len(set(items)) != len(items))
        _report(problems, f, repeated, raw, lines, shown, lambda v: f"names the same id twice ({v!r})")
        return values
    # strings
    if c.get("enum") is not None:
        outside = present & ~raw.isin(c["enum"])
        allowed = ", ".join(map(str, c["enum"]))
        _report(problems, f, outside, raw, lines, shown, lambda v: f"{v!r} is not in the vocabulary ({allowed})")
        return pd.Categorical(raw.where(present & ~outside, None), categories=c["enum"])
    if "pattern" in c:
        pattern = re.compile(c["pattern"])
        bad = present & ~raw.map(lambda v: bool(pattern.fullmatch(v)))
        _report(problems, f, bad, raw, lines, shown, lambda v: f"{v!r} does not match the pattern {c['pattern']}")
    if "minLength" in c:
        bad = present & (raw.str.len() < c["minLength"])
        _report(problems, f, bad, raw, lines, shown, lambda v: f"is shorter than {c['minLength']} characters")
    if "maxLength" in c:
        bad = present & (raw.str.len() > c["maxLength"])
        _report(problems, f, bad, raw, lines, shown, lambda v: f"is longer than {c['maxLength']} characters ({len(v)})")
    return pd.array(raw.where(present, None), dtype="string")


def _check_range(problems, f: Field, values: pd.Series, raw, lines, shown, convert=float) -> None:
    c = f.constraints
    if "minimum" in c:
        low = convert(c["minimum"])
        _report(
            problems,
            f,
            values.notna() & (values < low),
            raw,
            lines,
            shown,
            lambda v: f"{v} is before/below the minimum {c['minimum']}",
        )
    if "maximum" in c:
        high = convert(c["maximum"])
        _report(
            problems,
            f,
            values.notna() & (values > high),
            raw,
            lines,
            shown,
            lambda v: f"{v} is after/above the maximum {c['maximum']}",
        )


def _check_keys(table: Table, frame: pd.DataFrame, lines, shown: str) -> list[Problem]:
    problems = []
    keys = [table.primary_key] + [[f.name] for f in table.fields if f.constraints.get("unique")]
    unique_keys = [k for i, k in enumerate(keys) if k and k not in keys[:i]]
    for key in unique_keys:
        dup = frame.duplicated(subset=key, keep=False)
        if dup.any():
            first = frame[dup].groupby(key, observed=True, sort=False).head(2)
            where = [int(lines[i]) for i in first.index[:2]]
            value = ", ".join(str(frame.at[first.index[0], k]) for k in key)
            problems.append(
                Problem(shown, where[-1], "+".join(key), f"duplicate key ({value}): the same key is on line {where[0]}")
            )
    return problems
