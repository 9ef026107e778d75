#!/usr/bin/env python3
"""Derive the pack's real-data tables from the raw dataset extracts in ../shared/data.

Usage::

    python scripts/derive_datasets.py RAW_DIR OUT_DIR      # e.g. ../shared/data data

Writes trade.csv, trade_partners.csv, capabilities.csv and elections.csv into OUT_DIR, each with its
link table of sources (trade_sources.csv, ...: key columns + ref_id, see split_link_tables.py). The output is
deterministic: running it again on the same raw files gives the same bytes (a test checks this against
the committed tables). Only the standard library is used, so the steps are plain to read.

Every row cites its dataset by ref_id (rows of data/references.csv):

- ``cow-trade-v4``        Correlates of War Dyadic Trade v4.0 (Barbieri and Keshk 2016)
- ``cow-states-2016``     COW State System Membership v2016 (partner names)
- ``cow-nmc-5``           COW National Material Capabilities v5.0
- ``hoc-library-cbp8647`` House of Commons Library CBP-8647, constituency results 1918–2019
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from split_link_tables import split_rows

FIRST_YEAR, LAST_YEAR = 1920, 1935
ELECTIONS = ("1923", "1924", "1929")
UK, USSR = "200", "365"
# Each table's key columns: its link table of sources has these and ref_id.
KEYS = {
    "trade": ["year"],
    "trade_partners": ["year", "ccode"],
    "capabilities": ["country", "year"],
    "elections": ["election", "constituency", "party"],
}
# The Library's vote columns and the party group each one holds.
PARTY_COLUMNS = [
    ("con", "Conservative"),
    ("lib", "Liberal"),
    ("lab", "Labour"),
    ("natSW", "Nationalist"),
    ("oth", "Other"),
]


def read_rows(path: Path) -> list[dict[str, str]]:
    """Read a raw CSV as a list of dicts of strings (UTF-8, with or without a byte-order mark)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write a CSV with Unix line endings, quoting only where needed."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def number(value: str) -> str:
    """'138.0' -> '138'; '-9', '' or ' ' (the datasets' missing codes) -> ''. Other numbers unchanged."""
    value = value.strip()
    if value in ("", "-9", "-9.0", "NA"):
        return ""
    as_float = float(value)
    return str(int(as_float)) if as_float == int(as_float) else value


def in_period(row: dict[str, str]) -> bool:
    return FIRST_YEAR <= int(row["year"]) <= LAST_YEAR


def derive_trade(raw: Path) -> tuple[list[str], list[list[str]]]:
    """UK–USSR trade 1920–1935 from COW Dyadic Trade v4.0 (UK = ccode 200, Russia/USSR = 365).

    Steps: keep the 200–365 rows for 1920–1935; flow1 (imports of 200 from 365) becomes
    uk_imports_from_ussr and flow2 (imports of 365 from 200) ussr_imports_from_uk, with COW's smoothed
    series beside them. Values stay as the extract gives them: millions of current US$, rounded to whole
    millions; COW's -9 (missing) becomes blank.
    """
    rows = [
        r
        for r in read_rows(raw / "cow_trade_v4_uk200_russia365_all_years.csv")
        if r["ccode1"] == UK and r["ccode2"] == USSR and in_period(r)
    ]
    out = [
        [
            r["year"],
            number(r["flow1"]),
            number(r["flow2"]),
            number(r["smoothflow1"]),
            number(r["smoothflow2"]),
            "cow-trade-v4",
        ]
        for r in sorted(rows, key=lambda r: int(r["year"]))
    ]
    header = [
        "year",
        "uk_imports_from_ussr",
        "ussr_imports_from_uk",
        "uk_imports_from_ussr_smoothed",
        "ussr_imports_from_uk_smoothed",
        "source_ids",
    ]
    return header, out


def derive_trade_partners(raw: Path) -> tuple[list[str], list[list[str]]]:
    """UK trade with each partner 1920–1935 (COW Dyadic Trade v4.0), named from COW states v2016.

    Steps: read the all-partners extract; attach each partner's name (statenme) by its ccode; rename
    uk_exports_partner_imports to partner_imports_from_uk (it is the partner's recorded imports from the
    UK); sort by year, then ccode. Missing values stay blank.
    """
    names = {r["ccode"]: r["statenme"] for r in read_rows(raw / "cow_states2016_1920_1935.csv")}
    rows = [r for r in read_rows(raw / "cow_trade_v4_uk200_all_partners_1920_1935.csv") if in_period(r)]
    missing = sorted({r["partner"] for r in rows} - names.keys())
    if missing:
        raise SystemExit(f"no state name for ccode(s) {missing} in cow_states2016_1920_1935.csv")
    out = [
        [
            r["year"],
            r["partner"],
            names[r["partner"]],
            number(r["uk_imports"]),
            number(r["uk_exports_partner_imports"]),
            "cow-trade-v4;cow-states-2016",
        ]
        for r in sorted(rows, key=lambda r: (int(r["year"]), int(r["partner"])))
    ]
    return ["year", "ccode", "partner", "uk_imports", "partner_imports_from_uk", "source_ids"], out


def derive_capabilities(raw: Path) -> tuple[list[str], list[list[str]]]:
    """UK and USSR material capabilities 1920–1935 from COW NMC v5.0.

    Steps: keep ccode 200 (UK) and 365 (USSR) for 1920–1935; keep irst (iron and steel, thousand tons),
    pec (primary energy, thousand coal-ton equivalents), milper (thousands), milex (thousands of current
    US$) and tpop (thousands); -9 becomes blank; sort by country, then year.
    """
    country = {UK: "UK", USSR: "USSR"}
    rows = [r for r in read_rows(raw / "NMC_5_0_uk_russia_1913_1940.csv") if r["ccode"] in country and in_period(r)]
    out = [
        [
            country[r["ccode"]],
            r["year"],
            number(r["irst"]),
            number(r["pec"]),
            number(r["milper"]),
            number(r["milex"]),
            number(r["tpop"]),
            "cow-nmc-5",
        ]
        for r in sorted(rows, key=lambda r: (country[r["ccode"]], int(r["year"])))
    ]
    header = [
        "country",
        "year",
        "iron_steel_kt",
        "energy_ktce",
        "military_personnel_k",
        "military_expenditure_k",
        "population_k",
        "source_ids",
    ]
    return header, out


def derive_elections(raw: Path) -> tuple[list[str], list[list[str]]]:
    """Constituency results of 1923, 1924 and 1929, one row per constituency and party that stood.

    Steps, per constituency row of those elections in the Library file (file order kept):
    - for each party group (Conservative, Liberal, Labour, Nationalist, Other): a positive vote count
      is a contest, kept with its share; -1 (one member) or -2 (two members) means returned unopposed,
      kept as unopposed=true with votes and share blank, so no vote is invented; blank or 0 means the
      party did not stand, and no row is written;
    - the Library's id is kept as hoc_id (blank where it gives none: Northern Ireland, universities);
    - electorate and turnout are copied (a blank ' ' in the raw file stays blank).
    """
    out = []
    for r in read_rows(raw / "HoC_Library_constituency_results_1918_1935.csv"):
        if r["election"] not in ELECTIONS:
            continue
        for column, party in PARTY_COLUMNS:
            votes = r[f"{column}_votes"].strip()
            if votes in ("", "0", "0.0"):
                continue
            count = int(float(votes))
            unopposed = count < 0
            out.append(
                [
                    r["election"],
                    r["constituency"].strip(),
                    number(r["constituency_id"]),
                    r["country/region"].strip(),
                    r["seats"].strip(),
                    number(r["electorate"]),
                    "" if unopposed else r["turnout"].strip(),
                    party,
                    "" if unopposed else str(count),
                    "" if unopposed else r[f"{column}_share"].strip(),
                    "true" if unopposed else "false",
                    "hoc-library-cbp8647",
                ]
            )
    header = [
        "election",
        "constituency",
        "hoc_id",
        "region",
        "seats",
        "electorate",
        "turnout",
        "party",
        "votes",
        "share",
        "unopposed",
        "source_ids",
    ]
    return header, out


DERIVATIONS = {
    "trade": derive_trade,
    "trade_partners": derive_trade_partners,
    "capabilities": derive_capabilities,
    "elections": derive_elections,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", type=Path, help="folder with the raw extracts (../shared/data)")
    parser.add_argument("out", type=Path, help="folder to write the derived tables into (data)")
    parser.add_argument("--only", choices=sorted(DERIVATIONS), action="append", help="derive only these tables")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        parser.error(f"raw folder {args.raw} does not exist")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.only or DERIVATIONS:
        header, rows = DERIVATIONS[name](args.raw)
        header, rows, links = split_rows(header, rows, KEYS[name], "source_ids")
        write_rows(args.out / f"{name}.csv", header, rows)
        write_rows(args.out / f"{name}_sources.csv", KEYS[name] + ["ref_id"], links)
        print(f"{name}.csv: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
