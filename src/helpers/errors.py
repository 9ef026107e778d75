"""The one exception the pack raises for bad data: :class:`DataError`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file: where it is, and what is wrong.

    >>> str(Problem("data/events.csv", 14, "start_date", "'1927-02-30' is not a date"))
    "data/events.csv, line 14, column 'start_date': '1927-02-30' is not a date"
    """

    path: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.path]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return ", ".join(where) + ": " + self.message


class DataError(ValueError):
    """A data file is broken. The message names the file, the line and the column.

    ``problems`` holds every :class:`Problem` found (the message shows the first ten).

    >>> err = DataError([Problem("data/people.csv", 3, "born", "'18x4' is not an integer")])
    >>> print(err)
    data/people.csv, line 3, column 'born': '18x4' is not an integer
    >>> err.problems[0].line
    3
    """

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("data", None, None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        first = self.problems[0] if self.problems else None
        self.path = first.path if first else None
        self.line = first.line if first else None
        self.column = first.column if first else None
        super().__init__(self._message())

    def _message(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        shown = "\n".join(f"  - {p}" for p in self.problems[:10])
        more = len(self.problems) - 10
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"{len(self.problems)} problems in the data:\n{shown}{tail}"


def display_path(path: Path) -> str:
    """A short path for messages: relative to the working directory where possible."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def show_data_errors_briefly() -> bool:
    """In a notebook (IPython): show a :class:`DataError` as one short message with no traceback, and stop
    the knock-on errors of later cells: a ``NameError`` after a DataError says the cell needs what the
    failed cell would have made. Run All (JupyterLab, nbclient, Voila) stops at the first error anyway.

    Called when :mod:`helpers` is imported; returns False outside IPython (nothing to do).
    """
    import sys

    if "IPython" not in sys.modules:  # not in a notebook or an IPython shell: don't import IPython for nothing
        return False
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return False
    failed: list[DataError] = []

    def handler(shell, etype, value, tb, tb_offset=None):
        if issubclass(etype, DataError):
            failed[:] = [value]
            lines = [
                f"DataError: {value}",
                "The lesson stops here: correct the file named above (`make validate` lists every "
                "problem), then run the notebook again from the top.",
            ]
        elif failed:
            first = str(failed[0]).splitlines()[0]
            lines = [
                f"Not run: this cell needs {getattr(value, 'name', None) or 'something'!r}, which an "
                f"earlier cell could not make because the data failed to load ({first})."
            ]
        else:  # an ordinary NameError: the usual traceback
            lines = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
            shell._showtraceback(etype, value, lines)
            return lines
        shell._showtraceback(etype, value, lines)
        return lines

    shell.set_custom_exc((DataError, NameError), handler)
    return True
