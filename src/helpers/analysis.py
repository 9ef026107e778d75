"""Worked questions on the real datasets: votes by party, who topped the poll, where seats changed
hands, and the USSR's place among Britain's trading partners.

Every function returns a DataFrame a lesson can show, and says in its docstring what it cannot show.

>>> votes = party_votes()
>>> int(votes.loc[1924, "Labour"])
5317686
"""

from __future__ import annotations

import pandas as pd

from .data import load_elections, load_trade, load_trade_partners

__all__ = ["party_votes", "constituency_winners", "seat_changes", "partner_ranking", "ussr_rank"]


def party_votes(elections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Votes by party and election, summed over contested seats (unopposed returns add no votes).

    Cannot show: votes in seats a party left uncontested, or national totals as published (which
    classify some candidates differently: see the disputes table).

    >>> list(party_votes().columns)
    ['Conservative', 'Liberal', 'Labour', 'Other']
    """
    el = load_elections() if elections is None else elections
    table = el.groupby(["election", "party"], observed=True)["votes"].sum().unstack("party").fillna(0).astype("int64")
    table.columns = list(table.columns.astype(str))
    return table.loc[:, [c for c in table.columns if table[c].sum() > 0]]


def constituency_winners(election: int) -> pd.DataFrame:
    """For each single-member constituency: the party that topped the poll (or was returned unopposed).

    Multi-member seats (some boroughs and the universities) are left out: the table gives party totals,
    not candidates, so it cannot say who won their second or third seat.

    >>> winners = constituency_winners(1924)
    >>> bool(winners["constituency"].is_unique)
    True
    """
    el = load_elections()
    el = el[(el["election"] == election) & (el["seats"] == 1)]
    if el.empty:
        raise ValueError(f"no election {election} in the elections table (1923, 1924 or 1929)")
    ranked = el.assign(_rank=el["unopposed"].astype(int) * 10**9 + el["votes"].fillna(0).astype("int64"))
    top = ranked.sort_values("_rank", ascending=False).drop_duplicates("constituency")
    return (
        top[["constituency", "region", "party", "votes", "share", "unopposed"]]
        .rename(columns={"party": "winner"})
        .sort_values("constituency")
        .reset_index(drop=True)
    )


def seat_changes(before: int, after: int) -> pd.DataFrame:
    """How single-member seats moved between two elections: a table of winner-before by winner-after.

    >>> changes = seat_changes(1923, 1924)
    >>> int(changes.loc["Liberal", "Conservative"]) > 0
    True
    """
    a = constituency_winners(before).set_index("constituency")["winner"].astype(str)
    b = constituency_winners(after).set_index("constituency")["winner"].astype(str)
    both = pd.DataFrame({f"winner {before}": a, f"winner {after}": b}).dropna()
    table = pd.crosstab(both[f"winner {before}"], both[f"winner {after}"])
    table.index.name, table.columns.name = f"{before} →", f"{after}"
    return table


def partner_ranking(year: int, by: str = "total") -> pd.DataFrame:
    """Britain's trading partners in a year, ranked by UK imports, exports or both ('total').

    COW's figures are millions of current US dollars, rounded; the USSR appears as 'Russia'.

    >>> partner_ranking(1925).iloc[0]["partner"]
    'United States of America'
    """
    tp = load_trade_partners()
    tp = tp[tp["year"] == year].copy()
    if tp.empty:
        raise ValueError(f"no trade figures for {year} (the table covers 1920–1935)")
    tp["total"] = tp["uk_imports"].fillna(0) + tp["partner_imports_from_uk"].fillna(0)
    column = {"total": "total", "imports": "uk_imports", "exports": "partner_imports_from_uk"}[by]
    tp = tp.sort_values([column, "partner"], ascending=[False, True]).reset_index(drop=True)
    # Equal totals share a rank (COW rounds to whole millions, so ties happen: 1925 China and Russia).
    # A partner with no figure for the measure ranks after all those with one.
    tp.insert(0, "rank", tp[column].rank(method="min", ascending=False, na_option="bottom").astype(int))
    return tp[["rank", "partner", "uk_imports", "partner_imports_from_uk", "total"]]


def ussr_rank(by: str = "total") -> pd.DataFrame:
    """The USSR's rank among Britain's partners, year by year, 1920–1935.

    >>> int(ussr_rank().set_index("year").loc[1925, "partners"]) > 30
    True
    """
    rows = []
    for year in sorted(load_trade()["year"].astype(int)):
        ranking = partner_ranking(year, by)
        russia = ranking[ranking["partner"] == "Russia"]
        rows.append(
            {"year": year, "rank": int(russia["rank"].iloc[0]) if len(russia) else None, "partners": len(ranking)}
        )
    return pd.DataFrame(rows).astype({"rank": "Int64"})
