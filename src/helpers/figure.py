"""A figure's basics: the pack's palette, alt text (a screen reader's account of what a figure shows)
and the figure as HTML.

Figures are made with ``matplotlib.figure.Figure`` (no pyplot, no global state), so building one in a
loop or a widget leaks nothing. An :class:`AltTextFigure` returned as a notebook cell's last value shows
itself as a PNG image with its alt text; :func:`svg_html` does the same for an SVG drawing.

>>> fig = set_alt_text(AltTextFigure(figsize=(2, 1)), "An empty figure.")
>>> alt_text(fig)
'An empty figure.'
>>> figure_html(fig).startswith('<img src="data:image/png;base64,')
True
"""

from __future__ import annotations

import base64
import io
from html import escape

from matplotlib.figure import Figure

#: Markers cycle with colours, so themes differ by shape as well as colour (not colour alone).
MARKERS = "osD^vP*Xph<>H"
#: A colour-blind-safe palette (Okabe & Ito, without its yellow, too pale on white); the figure keeps
#: a white background so it reads the same in light and dark themes.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]


class AltTextFigure(Figure):
    """A matplotlib Figure that carries alt text and shows itself in a notebook as an image with it."""

    alt_text: str = ""

    def _repr_html_(self) -> str:
        return figure_html(self)


def alt_text(fig: Figure) -> str:
    """The alt text set on a figure by the pack's chart functions ('' if none)."""
    return getattr(fig, "alt_text", "") or ""


def set_alt_text(fig: Figure, text: str) -> Figure:
    """Attach alt text to any figure (returns the figure, for chaining)."""
    fig.alt_text = text
    return fig


def figure_html(fig: Figure, dpi: int = 96, tight: bool | None = None) -> str:
    """The figure as an HTML ``<img>`` with its alt text (PNG, embedded: no file, no network).

    ``tight`` trims the margins (matplotlib's ``bbox_inches="tight"``, which draws the figure twice). By
    default only figures without a layout engine are trimmed: a constrained layout already fits the labels
    inside the figure, so the pack's own charts are drawn once.
    """
    if tight is None:
        tight = fig.get_layout_engine() is None
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", bbox_inches="tight" if tight else None)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{escape(alt_text(fig), quote=True)}" '
        f'style="max-width: 100%; background: white;">'
    )


def svg_html(svg: str, alt: str) -> str:
    """An SVG drawing as an HTML ``<img>`` with alt text (embedded as a ``data:`` URI, like the PNGs)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt, quote=True)}" '
        f'style="max-width: 100%; background: white;">'
    )
