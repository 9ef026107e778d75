"""The timeline (helpers.timeline_chart): a figure from the events table, with alt text (helpers.figure),
drawn without pyplot; and the names lessons import from helpers.charts."""

from __future__ import annotations

import base64
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from matplotlib.figure import Figure

import helpers
from helpers.figure import AltTextFigure, alt_text, figure_html, set_alt_text
from helpers.timeline_chart import describe_timeline, timeline


@pytest.fixture(scope="module")
def events():
    return helpers.load_events()


def test_few_events_get_a_labelled_row_each(events):
    rupture = events[events["theme"] == "rupture"]
    assert len(rupture) <= 14
    fig = timeline(rupture)
    assert isinstance(fig, AltTextFigure)
    text = alt_text(fig)
    ordered = rupture.sort_values(["start_date", "event_id"])
    first = ordered.iloc[0]
    assert text.startswith(f"Timeline of {len(rupture)} events from {first['start_date']:%B %Y}")
    assert "one row per event" in text and "Rupture" in text and str(first["title"]) in text
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(rupture)
    top = labels[list(ax.get_yticks()).index(max(ax.get_yticks()))].rstrip("…")
    assert str(first["title"]).startswith(top), "the earliest event is at the top"
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(rupture)


def test_many_events_get_one_row_per_theme(events):
    fig = timeline(events)
    ax = fig.axes[0]
    themes = sorted(events["theme"].astype(str).unique())
    from helpers.timeline_chart import theme_label

    assert sorted(t.get_text() for t in ax.get_yticklabels()) == sorted(theme_label(t) for t in themes)
    assert "one row per theme" in alt_text(fig)
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(events)


def test_timeline_draws_on_a_given_axes(events):
    fig = Figure()
    ax = fig.add_subplot()
    assert timeline(events.head(6), ax=ax) is fig and alt_text(fig).startswith("Timeline of 6 events")


def test_themes_differ_by_marker_shape_not_only_colour(events):
    fig = timeline(events[events["theme"].isin(["rupture", "china", "restoration"])])
    paths = {tuple(map(tuple, c.get_paths()[0].vertices.round(3))) for c in fig.axes[0].collections}
    assert len(paths) == 3


def test_figure_html_is_an_embedded_png_with_escaped_alt_text(events):
    fig = set_alt_text(timeline(events.head(3)), 'A "quoted" <title>')
    html = figure_html(fig)
    assert 'alt="A &quot;quoted&quot; &lt;title&gt;"' in html
    data = re.search(r'base64,([^"]+)"', html).group(1)
    assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"
    assert fig._repr_html_().startswith("<img")


def test_an_empty_selection_still_draws_and_says_so(events):
    fig = timeline(events.iloc[0:0])
    assert alt_text(fig) == describe_timeline(events.iloc[0:0]) == "Timeline with no events."


def test_lessons_import_the_timeline_and_figure_names_from_charts_as_before():
    from helpers import charts, figure, timeline_chart

    for name in ("timeline", "theme_label", "describe_timeline", "timeline_svg"):
        assert getattr(charts, name) is getattr(timeline_chart, name)
    for name in ("AltTextFigure", "set_alt_text", "alt_text", "figure_html", "svg_html"):
        assert getattr(charts, name) is getattr(figure, name)
    assert helpers.timeline is timeline_chart.timeline  # the package's lazy name is the function, not a module


def test_charts_never_loads_pyplot():
    code = (
        "import sys, helpers\nfrom helpers.charts import timeline, figure_html\n"
        "figure_html(timeline(helpers.load_events().head(4)))\nprint('matplotlib.pyplot' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_svg_timeline_is_well_formed_and_draws_one_marker_per_event():
    import xml.etree.ElementTree as ET

    from helpers.figure import svg_html
    from helpers.timeline_chart import timeline_svg

    ns = {"svg": "http://www.w3.org/2000/svg"}
    events = helpers.load_events()
    few = events[events["theme"] == "rupture"].head(6)
    many = helpers.events_between("1924-01-01", "1931-12-31")
    shortened = [t if len(t) <= 40 else t[:39] + "…" for t in few.sort_values(["start_date", "event_id"])["title"]]
    for sample, rows in ((few, shortened), (many, None)):
        root = ET.fromstring(timeline_svg(sample, title="A <test> & title"))
        marks = root.findall("svg:g", ns)
        assert len(marks) == len(sample)
        assert {m.find("svg:title", ns).text.split(": ", 1)[1] for m in marks} == set(sample["title"])
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert texts[0] == "A <test> & title"
        if rows:  # one labelled row per event, earliest first (titles shortened to 40 characters)
            assert [t for t in texts if t in rows] == rows
        else:  # one row per theme, and year ticks across 1924-1931
            assert {"Rupture", "Recognition"} <= set(texts), "themes by their names, not their ids"
            assert {"1925", "1930"} <= set(texts) or {"1926", "1930"} <= set(texts)
    narrow = ET.fromstring(timeline_svg(few, width=360))  # a phone: legend and labels fit the width
    xs = [float(t.get("x")) for t in narrow.iter("{http://www.w3.org/2000/svg}text")]
    assert all(0 <= x <= 360 for x in xs)
    assert all(
        len(t.text) <= 20 for t in narrow.iter("{http://www.w3.org/2000/svg}text") if t.get("text-anchor") == "end"
    ), "row labels shortened to fit the narrow drawing"
    empty = timeline_svg(events.iloc[0:0])
    assert "No events match these filters" in empty and ET.fromstring(empty) is not None
    html = svg_html(empty, 'Timeline with "no" events.')
    assert (
        html.startswith('<img src="data:image/svg+xml;base64,') and 'alt="Timeline with &quot;no&quot; events."' in html
    )
