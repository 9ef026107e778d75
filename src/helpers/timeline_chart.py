"""The timeline of events: drawn by matplotlib (:func:`timeline`, a figure with alt text) or as SVG
markup without it (:func:`timeline_svg`, fast enough to redraw on every change of the explorer's
filters). Both draw the same layout: up to :data:`MAX_LABELLED` events get a row each, labelled with
their titles; more get one row per theme. Shape and colour both mark the theme, named by
:func:`theme_label`. :func:`describe_timeline` is the alt text.

>>> from helpers import load_events
>>> from helpers.figure import alt_text
>>> fig = timeline(load_events().head(5))
>>> alt_text(fig).startswith("Timeline of 5 events")
True
"""

from __future__ import annotations

from html import escape

import pandas as pd
from matplotlib.figure import Figure

from .figure import COLOURS, MARKERS, AltTextFigure, set_alt_text

#: Up to this many events, each gets its own row labelled with its title; beyond it, one row per theme.
MAX_LABELLED = 14


def timeline(events: pd.DataFrame, ax=None, title: str | None = None) -> Figure:
    """Events on a time axis. Up to 14 events get a row each, labelled with their titles; more are
    drawn one row per theme. Shape and colour both mark the theme (a legend names them).

    ``events`` is a slice of :func:`helpers.load_events` (needs ``start_date``, ``title``, ``theme``).
    Draws on ``ax`` if given, else on a new figure; returns the figure, with alt text set.

    >>> from helpers import load_events
    >>> fig = timeline(load_events().head(3), title="Three events")
    >>> fig.axes[0].get_title()
    'Three events'
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    events, themes, style, labels, row = _timeline_layout(events)
    by_event = labelled(events)
    if ax is None:
        fig = AltTextFigure(figsize=(9, timeline_height(events)), layout="constrained", facecolor="white")
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    for theme in themes:
        rows = events[events["theme"] == theme]
        marker, colour = style[theme]
        ax.scatter(
            rows["start_date"],
            [row[i] for i in rows.index],
            marker=marker,
            color=colour,
            s=46,
            zorder=3,
            label=_pretty(theme),
        )
    ax.set_yticks(range(len(labels)), labels, fontsize=8 if by_event else 9)
    ax.set_ylim(-0.7, max(0.7, len(labels) - 0.3))
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_facecolor("white")
    if by_event and len(themes) > 1:
        ax.legend(loc="lower left", fontsize=7.5, title="Theme", title_fontsize=7.5, framealpha=0.9)
    ax.set_title(title if title is not None else "Timeline of events")
    if events.empty:
        ax.text(0.5, 0.5, "No events match these filters", transform=ax.transAxes, ha="center", va="center")
    set_alt_text(fig, describe_timeline(events))
    return fig


def timeline_svg(events: pd.DataFrame, title: str | None = None, width: int = 864) -> str:
    """The timeline of :func:`timeline`, drawn as SVG markup without matplotlib.

    The same rows, markers, colours and legend, in a millisecond or two instead of a tenth of a second:
    the explorer redraws on every change of its filters. Wrap it with :func:`svg_html` to show it.

    >>> from helpers import load_events
    >>> svg = timeline_svg(load_events().head(3), title="Three events")
    >>> svg.startswith("<svg") and "Three events" in svg and svg.count("<title>") == 3
    True
    """
    events, themes, style, labels, row_of = _timeline_layout(events)
    height = round(timeline_height(events) * 96)
    by_event = labelled(events)
    left, right = round(width * (0.36 if by_event else 0.19)), width - round(width * 0.03)
    if not by_event:  # room for the longest theme name, also on a narrow drawing
        left = max(left, 130)
    legend = by_event and len(themes) > 1
    # legend entries flow into as many lines as the width needs (one on a laptop, more on a phone)
    spots, x, line = [], left, 0
    for theme in themes if legend else []:
        size = 28 + 6.6 * len(_pretty(theme))
        if x + size > width and x > left:
            x, line = left if width >= 600 else 8, line + 1
        spots.append((theme, x, 42 + 20 * line))
        x += size
    lines = line + 1 if spots else 0
    height += 20 * max(0, lines - 1)
    top, bottom = 34 + (2 + 20 * lines if lines else 0), height - 34
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Verdana, Arial, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{(left + right) / 2:.0f}" y="22" font-size="15" text-anchor="middle">'
        f"{escape(title if title is not None else 'Timeline of events')}</text>",
    ]
    for theme, x, y in spots:
        marker, colour = style[theme]
        out.append(_svg_marker(marker, x + 6, y, 5, colour))
        out.append(f'<text x="{x + 15}" y="{y + 4}" font-size="11">{escape(_pretty(theme))}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" fill="none" stroke="#444"/>')
    if events.empty:
        out.append(
            f'<text x="{(left + right) / 2:.0f}" y="{(top + bottom) / 2:.0f}" font-size="13" '
            f'text-anchor="middle">No events match these filters</text></svg>'
        )
        return "".join(out)
    lo, hi = events["start_date"].min(), events["start_date"].max()
    if hi - lo < pd.Timedelta(days=60):
        lo, hi = lo - pd.Timedelta(days=30), hi + pd.Timedelta(days=30)
    pad = (hi - lo) * 0.04
    lo, hi = lo - pad, hi + pad
    for tick, label in _date_ticks(lo, hi, most=max(3, min(9, width // 95))):
        x = left + (right - left) * ((tick - lo) / (hi - lo))
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#dddddd"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" font-size="11" text-anchor="middle">{escape(label)}</text>'
        )
    step = (bottom - top) / len(labels)

    def y_of(row: int) -> float:  # rows count from the bottom, as on matplotlib's axis
        return top + (len(labels) - 1 - row + 0.5) * step

    for row in reversed(range(len(labels))):  # top to bottom, the order they are read in
        label, y = labels[row], y_of(row)
        fits = _shorten(label, max(10, int((left - 10) / (7.0 if by_event else 7.8))))  # narrow drawings cut more
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="{11 if by_event else 12}" '
            f'text-anchor="end">{escape(fits)}</text>'
        )
    xs = left + (right - left) * ((events["start_date"] - lo) / (hi - lo)).to_numpy()
    for idx, x, date, theme, name in zip(
        events.index, xs, events["start_date"], events["theme"].astype(str), events["title"]
    ):
        marker, colour = style[theme]
        out.append(
            f"<g><title>{escape(f'{date:%d %b %Y}: {name}')}</title>"
            f"{_svg_marker(marker, x, y_of(row_of[idx]), 5.5, colour)}</g>"
        )
    out.append("</svg>")
    return "".join(out)


def _date_ticks(lo: pd.Timestamp, hi: pd.Timestamp, most: int = 9) -> list[tuple[pd.Timestamp, str]]:
    """Ticks on the first of a month, every 1, 2, 3, 6 or 12 months or every few years: at most ``most``.

    >>> [label for _, label in _date_ticks(pd.Timestamp("1917-10-20"), pd.Timestamp("1921-01-10"))]
    ['Jan 1918', 'Jul', 'Jan 1919', 'Jul', 'Jan 1920', 'Jul', 'Jan 1921']
    >>> [label for _, label in _date_ticks(pd.Timestamp("1923-11-01"), pd.Timestamp("1932-02-01"))]
    ['1924', '1925', '1926', '1927', '1928', '1929', '1930', '1931', '1932']
    """
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    for step in (1, 2, 3, 6, 12, 24, 60, 120):
        if months / step <= most:
            break
    if step >= 12:  # on 1 January of a year divisible by the step in years
        first = pd.Timestamp(lo.year + 1, 1, 1)
        first = pd.Timestamp(first.year + (-first.year) % (step // 12), 1, 1)
    else:  # on the first of a month that starts a step of the year (Jan, Apr, Jul, Oct for 3)
        first = pd.Timestamp(lo.year, lo.month, 1) + pd.DateOffset(months=1)
        first = first + pd.DateOffset(months=(-(first.month - 1)) % step)
    ticks, tick = [], first
    while tick <= hi:
        if step >= 12:
            label = f"{tick:%Y}"
        else:  # the year on the first tick and wherever it changes
            label = f"{tick:%b %Y}" if not ticks or ticks[-1][0].year != tick.year else f"{tick:%b}"
        ticks.append((tick, label))
        tick = tick + pd.DateOffset(months=step)
    return ticks


def _svg_marker(shape: str, x: float, y: float, r: float, colour: str) -> str:
    """One marker of matplotlib's shapes ('o', 's', 'D', '^', 'v', '<', '>', 'P', '*', 'X', 'p', 'h', 'H')."""
    import math

    paint = f'fill="{colour}" stroke="{colour}"'
    if shape == "o":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'
    if shape == "s":
        return (
            f'<rect x="{x - r * 0.9:.1f}" y="{y - r * 0.9:.1f}" width="{r * 1.8:.1f}" height="{r * 1.8:.1f}" {paint}/>'
        )
    if shape in "PX":
        arm, t = r, r * 0.38  # a plus of two bars; X is the plus turned by 45 degrees
        corners = [
            (-t, -arm),
            (t, -arm),
            (t, -t),
            (arm, -t),
            (arm, t),
            (t, t),
            (t, arm),
            (-t, arm),
            (-t, t),
            (-arm, t),
            (-arm, -t),
            (-t, -t),
        ]
        turn = math.pi / 4 if shape == "X" else 0.0
        points = [
            (px * math.cos(turn) - py * math.sin(turn), px * math.sin(turn) + py * math.cos(turn)) for px, py in corners
        ]
    elif shape == "*":
        points = [
            (
                (r if k % 2 == 0 else r * 0.45) * math.sin(k * math.pi / 5),
                -(r if k % 2 == 0 else r * 0.45) * math.cos(k * math.pi / 5),
            )
            for k in range(10)
        ]
    else:
        sides, turn = {
            "D": (4, 0.0),
            "^": (3, 0.0),
            "v": (3, math.pi),
            "<": (3, -math.pi / 2),
            ">": (3, math.pi / 2),
            "p": (5, 0.0),
            "h": (6, 0.0),
            "H": (6, math.pi / 6),
        }.get(shape, (4, 0.0))
        points = [
            (r * math.sin(turn + 2 * math.pi * k / sides), -r * math.cos(turn + 2 * math.pi * k / sides))
            for k in range(sides)
        ]
    coords = " ".join(f"{x + px:.1f},{y + py:.1f}" for px, py in points)
    return f'<polygon points="{coords}" {paint}/>'


def _timeline_layout(events: pd.DataFrame):
    """What :func:`timeline` and :func:`timeline_svg` both draw: the events in date order, the themes
    present, each theme's (marker, colour), the row labels (row 0 at the bottom) and each event's row.

    Up to :data:`MAX_LABELLED` events get a row each, labelled with their titles, earliest at the top;
    more get one row per theme.
    """
    events = events.sort_values(["start_date", "event_id"] if "event_id" in events else "start_date")
    themes = [t for t in _theme_order(events) if (events["theme"] == t).any()]
    style = {t: (MARKERS[i % len(MARKERS)], COLOURS[i % len(COLOURS)]) for i, t in enumerate(themes)}
    if labelled(events):
        row = {idx: len(events) - 1 - n for n, idx in enumerate(events.index)}  # earliest at the top
        labels = [_shorten(str(t), 40) for t in reversed(events["title"].tolist())]
    else:
        row = {idx: themes.index(str(t)) for idx, t in events["theme"].items()}
        labels = [_pretty(t) for t in themes]
    return events, themes, style, labels, row


def labelled(events: pd.DataFrame) -> bool:
    """True when the timeline gives each event its own labelled row (few events)."""
    return 0 < len(events) <= MAX_LABELLED


def timeline_height(events: pd.DataFrame) -> float:
    """A good figure height in inches for a timeline of these events."""
    rows = len(events) if labelled(events) else max(1, events["theme"].nunique())
    return max(2.2, (0.32 if labelled(events) else 0.45) * rows + 1.4)


def describe_timeline(events: pd.DataFrame) -> str:
    """Alt text for a timeline: how many events, from when to when, how many per theme.

    >>> from helpers import load_events
    >>> describe_timeline(load_events().iloc[0:0])
    'Timeline with no events.'
    """
    if events.empty:
        return "Timeline with no events."
    ordered = events.sort_values("start_date")
    start, end = ordered["start_date"].iloc[0], ordered["start_date"].iloc[-1]
    counts = events["theme"].astype(str).value_counts()
    per_theme = "; ".join(f"{_pretty(t)} {n}" for t, n in counts.items())
    n = len(events)
    layout = "one row per event, labelled with its title" if labelled(events) else "one row per theme"
    return (
        f"Timeline of {n} event{'s' if n != 1 else ''} from {start:%B %Y} to {end:%B %Y}, {layout} "
        f"({per_theme}). First: {ordered['title'].iloc[0]}; last: {ordered['title'].iloc[-1]}."
    )


def _theme_order(events: pd.DataFrame) -> list[str]:
    column = events["theme"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories]
    return sorted(column.astype(str).unique())


#: Theme names as people read them (the ids are data/datapackage.json's controlled vocabulary).
THEME_LABELS = {
    "recognition": "Recognition",
    "negotiations": "Negotiations",
    "domestic_politics": "Domestic politics",
    "propaganda": "Propaganda",
    "trade_finance": "Trade and finance",
    "labour_movement": "Labour movement",
    "general_strike": "General Strike",
    "international": "International",
    "china": "China",
    "intelligence": "Intelligence",
    "rupture": "Rupture",
    "restoration": "Restoration",
    "forced_labour": "Forced labour",
}


def theme_label(theme: str) -> str:
    """A theme's name for people: ``theme_label("trade_finance")`` is 'Trade and finance'.

    >>> theme_label("china"), theme_label("new_theme")
    ('China', 'New theme')
    """
    theme = str(theme)
    return THEME_LABELS.get(theme) or theme.replace("_", " ").capitalize()


_pretty = theme_label


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
