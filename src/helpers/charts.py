"""Charts of the real datasets (trade, trading partners, elections, capabilities), each with alt text:
a screen reader's account of what the figure shows.

The timeline is drawn in :mod:`helpers.timeline_chart` and a figure's basics (alt text, the palette, the
figure as HTML) are in :mod:`helpers.figure`; their public names are importable from here too, as
lessons do (``from helpers.charts import timeline, trade_chart``).

>>> fig = trade_chart()
>>> alt_text(fig).startswith("Line chart of UK–USSR trade by year")
True
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .figure import COLOURS, MARKERS, AltTextFigure, alt_text, figure_html, set_alt_text, svg_html
from .timeline_chart import MAX_LABELLED, THEME_LABELS, describe_timeline, theme_label, timeline, timeline_svg

__all__ = [
    # the dataset charts
    "trade_chart",
    "partners_chart",
    "election_chart",
    "capabilities_chart",
    "BREAK_EVENTS",
    # the timeline (helpers.timeline_chart)
    "timeline",
    "timeline_svg",
    "describe_timeline",
    "theme_label",
    "THEME_LABELS",
    "MAX_LABELLED",
    # a figure's basics (helpers.figure)
    "AltTextFigure",
    "alt_text",
    "set_alt_text",
    "figure_html",
    "svg_html",
]


#: The events that bound the 1927–29 break, drawn on the trade chart (ids in data/events.csv).
BREAK_EVENTS = ("ev-1927-05-27-note-breaking-relations", "ev-1929-12-20-sokolnikov-presents-credentials")


def _new_figure(width: float = 8.5, height: float = 4.2) -> AltTextFigure:
    return AltTextFigure(figsize=(width, height), layout="constrained", facecolor="white")


def trade_chart(smoothed: bool = False, mark_break: bool = True) -> Figure:
    """UK–USSR trade 1920–1935 in both directions (COW, millions of current US$), the 1927–29 break shaded.

    >>> fig = trade_chart()
    >>> "UK imports from the USSR" in alt_text(fig)
    True
    """
    from .data import load_events, load_trade

    trade = load_trade().astype({"year": int})
    suffix = "_smoothed" if smoothed else ""
    fig = _new_figure()
    ax = fig.add_subplot()
    series = [
        ("uk_imports_from_ussr" + suffix, "UK imports from the USSR", "o", "-"),
        ("ussr_imports_from_uk" + suffix, "USSR imports from the UK", "s", "--"),
    ]
    for (column, label, marker, style), colour in zip(series, COLOURS):
        ax.plot(trade["year"], trade[column], marker=marker, linestyle=style, color=colour, label=label)
    if mark_break:
        events = load_events().set_index("event_id")
        start, end = (events.loc[e, "start_date"] for e in BREAK_EVENTS)
        x0 = start.year + (start.day_of_year - 1) / 365
        x1 = end.year + (end.day_of_year - 1) / 365
        ax.axvspan(x0, x1, color="#999999", alpha=0.25, hatch="//", label="Relations broken (May 1927 – Dec 1929)")
    ax.set_xlabel("Year")
    ax.set_ylabel("Millions of current US dollars")
    ax.set_title("UK–USSR trade, 1920–1935" + (" (COW smoothed series)" if smoothed else ""))
    ax.grid(color="#dddddd")
    fig.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    ax.set_facecolor("white")
    imp, exp = trade["uk_imports_from_ussr" + suffix], trade["ussr_imports_from_uk" + suffix]
    peak = trade.loc[imp.idxmax()]
    alt = (
        f"Line chart of UK–USSR trade by year, 1920 to 1935, in millions of current US dollars (Correlates of War). "
        f"UK imports from the USSR are above USSR imports from the UK in every year but {_years(trade['year'][imp < exp])}; "
        f"UK imports peak at {imp.max():.0f} million in {int(peak['year'])}. "
        f"In 1927 UK imports were {_value(trade, 1927, 'uk_imports_from_ussr' + suffix)} and USSR imports "
        f"{_value(trade, 1927, 'ussr_imports_from_uk' + suffix)}; in 1930, {_value(trade, 1930, 'uk_imports_from_ussr' + suffix)} "
        f"and {_value(trade, 1930, 'ussr_imports_from_uk' + suffix)}."
        + (" A shaded band marks May 1927 to December 1929, when relations were broken." if mark_break else "")
    )
    return set_alt_text(fig, alt)


def _value(frame: pd.DataFrame, year: int, column: str) -> str:
    value = frame.loc[frame["year"] == year, column]
    return "no figure" if value.empty or pd.isna(value.iloc[0]) else f"{value.iloc[0]:.0f}"


def _years(years) -> str:
    years = [str(int(y)) for y in years]
    return ", ".join(years) if years else "none"


def partners_chart(year: int, n: int = 15, highlight: str = "Russia") -> Figure:
    """Britain's top trading partners in a year (UK imports + partner's imports from the UK), the USSR marked.

    >>> fig = partners_chart(1925)
    >>> "1925" in alt_text(fig)
    True
    """
    from .analysis import partner_ranking

    ranking = partner_ranking(year)
    top = ranking.head(n)
    if highlight not in set(top["partner"]):
        top = pd.concat([top, ranking[ranking["partner"] == highlight]])
    fig = _new_figure(8.5, 0.32 * len(top) + 1.4)
    ax = fig.add_subplot()
    labels = [f"{r.rank}. {'USSR (COW: Russia)' if r.partner == highlight else r.partner}" for r in top.itertuples()]
    bars = ax.barh(
        labels[::-1],
        top["total"][::-1],
        color=[COLOURS[1] if p == highlight else "#8aa8c8" for p in top["partner"][::-1]],
    )
    for bar, partner in zip(bars, top["partner"][::-1]):
        if partner == highlight:
            bar.set_hatch("xx")
            bar.set_edgecolor("black")
    ax.set_xlabel("UK imports + partner's imports from the UK, millions of current US$")
    ax.set_title(f"Britain's trading partners, {year}")
    ax.grid(axis="x", color="#dddddd")
    ax.set_facecolor("white")
    row = ranking[ranking["partner"] == highlight]
    where = (
        f"the USSR ranks {int(row['rank'].iloc[0])} of {len(ranking)} with {row['total'].iloc[0]:.0f} million"
        if len(row)
        else "the USSR has no figure"
    )
    alt = (
        f"Horizontal bar chart of Britain's {min(n, len(ranking))} largest trading partners in {year} by total trade "
        f"(Correlates of War, millions of current US dollars). {top.iloc[0]['partner']} is first with "
        f"{top.iloc[0]['total']:.0f} million; {where} (hatched bar)."
    )
    return set_alt_text(fig, alt)


def election_chart(elections: tuple[int, ...] = (1923, 1924, 1929)) -> Figure:
    """Votes by party at the general elections of 1923, 1924 and 1929 (constituency results summed).

    >>> "Labour" in alt_text(election_chart())
    True
    """
    from .analysis import party_votes

    votes = party_votes().loc[list(elections)]
    fig = _new_figure()
    ax = fig.add_subplot()
    width = 0.8 / len(votes.columns)
    hatches = ["", "//", "..", "xx", "\\\\"]
    for i, party in enumerate(votes.columns):
        xs = [j + i * width for j in range(len(votes))]
        ax.bar(
            xs,
            votes[party] / 1e6,
            width,
            label=party,
            color=COLOURS[i % len(COLOURS)],
            hatch=hatches[i % 5],
            edgecolor="white",
        )
    ax.set_xticks([j + width * (len(votes.columns) - 1) / 2 for j in range(len(votes))], [str(y) for y in votes.index])
    ax.set_ylabel("Votes (millions)")
    ax.set_title("Votes by party, general elections (contested seats)")
    ax.legend(fontsize=8)
    ax.grid(axis="y", color="#dddddd")
    ax.set_facecolor("white")
    parts = [
        f"{year}: " + ", ".join(f"{p} {votes.loc[year, p] / 1e6:.2f} million" for p in votes.columns)
        for year in votes.index
    ]
    alt = (
        "Grouped bar chart of votes by party at the general elections of "
        + ", ".join(map(str, votes.index))
        + ", summed from House of Commons Library constituency results (unopposed seats add no votes). "
        + "; ".join(parts)
        + "."
    )
    return set_alt_text(fig, alt)


def capabilities_chart(
    measure: str = "iron_steel_kt", countries: tuple[str, ...] = ("UK", "USSR"), mark_year: int | None = 1926
) -> Figure:
    """One COW capability measure for the UK and USSR, 1920–1935 (e.g. iron and steel, energy).

    >>> "1926" in alt_text(capabilities_chart("energy_ktce", ("UK",)))
    True
    """
    from .data import load_capabilities
    from .schema import package

    label = package().table("capabilities").field(measure).description.split(" (COW")[0]
    cap = load_capabilities().astype({"year": int})
    fig = _new_figure()
    ax = fig.add_subplot()
    for i, country in enumerate(countries):
        rows = cap[cap["country"] == country]
        ax.plot(
            rows["year"],
            rows[measure],
            marker=MARKERS[i],
            linestyle=["-", "--"][i % 2],
            color=COLOURS[i],
            label=country,
        )
    if mark_year:
        ax.axvline(mark_year, color="#555555", linestyle=":", label=str(mark_year))
    ax.set_xlabel("Year")
    ax.set_ylabel(label)
    ax.set_title(f"{label.split(',')[0]}, {' and '.join(countries)}, 1920–1935")
    ax.legend(fontsize=8)
    ax.grid(color="#dddddd")
    ax.set_facecolor("white")
    bits = []
    for country in countries:
        rows = cap[cap["country"] == country].set_index("year")[measure]
        if mark_year and mark_year in rows.index and mark_year - 1 in rows.index:
            bits.append(
                f"{country}: {rows[mark_year - 1]:,.0f} in {mark_year - 1}, {rows[mark_year]:,.0f} in {mark_year}"
            )
    alt = (
        f"Line chart of {label.lower()} for {' and '.join(countries)}, 1920 to 1935 (Correlates of War NMC v5.0). "
        + "; ".join(bits)
        + "."
    )
    return set_alt_text(fig, alt)
