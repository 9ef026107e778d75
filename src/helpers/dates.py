"""Dates known to a day, a month or a year.

A month-precision date is stored as the 1st of the month and a year-precision date as 1 January, so a
term that ended "in 1925" may have ended on any day of 1925. These helpers say how late such a date can be
and how to write it.

>>> period_end(pd.Timestamp("1925-01-01"), "year")
Timestamp('1925-12-31 00:00:00')
>>> format_date(pd.Timestamp("1927-05-01"), "month")
'May 1927'
"""

from __future__ import annotations

import pandas as pd


def period_end(date: pd.Timestamp, precision: str | None) -> pd.Timestamp:
    """The latest day a date of this precision can stand for."""
    if pd.isna(date):
        return date
    if precision == "year":
        return pd.Timestamp(year=date.year, month=12, day=31)
    if precision == "month":
        return date + pd.offsets.MonthEnd(0)
    return date


def format_date(date, precision: str | None = "day") -> str:
    """A date written as precisely as it is known: '12 May 1927', 'May 1927' or '1927'.

    >>> format_date(pd.Timestamp("1927-05-12"))
    '12 May 1927'
    """
    if pd.isna(date):
        return ""
    date = pd.Timestamp(date)
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return f"{date:%B} {date.year}"
    return f"{date.day} {date:%B} {date.year}"
