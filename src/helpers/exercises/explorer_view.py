"""The timeline explorer (ungraded): a date-range slider and theme and person filters redraw a timeline
and the table of the events that match.

>>> view = explorer()
>>> view.theme.value = "rupture"
>>> set(view.shown["theme"]) <= {"rupture"}
True
>>> "alt=" in view.figure_html.value
True
"""

from __future__ import annotations

from html import escape

import ipywidgets as W
import pandas as pd

from ..figure import svg_html
from ..timeline_chart import describe_timeline, theme_label, timeline_svg
from .model import ExplorerSpec
from .static import STYLESHEET, VIEW_STYLESHEET

ALL = ""
#: The Dates slider's two handles need names for screen readers ("Start of the date range"), and
#: ipywidgets gives them none. A widget's HTML runs no <script>, so this one-pixel image that fails to
#: load names them from its onerror handler, now and whenever the view is drawn again.
SLIDER_NAMES = (
    '<img hidden src="data:image/gif;base64,AA==" onerror="(function(img){'
    "var root=img.closest('.tr-view');if(!root)return;"
    "var name=function(){root.querySelectorAll('.noUi-handle-lower').forEach(function(h){"
    "h.setAttribute('aria-label','Start of the date range')});"
    "root.querySelectorAll('.noUi-handle-upper').forEach(function(h){"
    "h.setAttribute('aria-label','End of the date range')})};"
    'name();new MutationObserver(name).observe(root,{childList:true,subtree:true});})(this)">'
)
#: The width of the timeline drawn for phones (its text is then about as large as on a laptop).
NARROW_WIDTH = 360
#: The table lists at most this many events (the timeline shows them all).
MAX_TABLE_ROWS = 150


class ExplorerView:
    """Filters on the left of the story, a timeline and a table on the right; all plain widgets.

    ``dates`` (a range slider over months), ``theme`` and ``person`` (drop-downs) are the controls;
    ``shown`` is the DataFrame of matching events; ``figure_html`` and ``table_html`` show them.
    """

    def __init__(self, spec: ExplorerSpec | None = None, events: pd.DataFrame | None = None):
        from ..data import load_events, load_people

        self.spec = spec
        events = load_events() if events is None else events
        if spec is not None and spec.lessons:
            events = events[events["lesson"].isin(spec.lessons)]
        self.events = events.sort_values(["start_date", "event_id"]).reset_index(drop=True)
        people = load_people().set_index("person_id")["name"]
        self._names = {pid: str(people.get(pid, pid)) for ids in self.events["people"] for pid in ids}
        months = _months(self.events["start_date"])
        options = [(f"{m:%b %Y}", m) for m in months] or [("no events", pd.Timestamp("1924-01-01"))]
        start, end = self._initial_range(months)
        self.dates = W.SelectionRangeSlider(
            options=options,
            index=(start, end),
            description="Dates:",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=W.Layout(width="100%", max_width="40em"),
        )
        themes = (
            [(theme_label(t), str(t)) for t in self.events["theme"].cat.categories if (self.events["theme"] == t).any()]
            if len(self.events)
            else []
        )
        first_theme = spec.themes[0] if spec is not None and len(spec.themes) == 1 else ALL
        first_theme = first_theme if first_theme in {value for _, value in themes} else ALL
        self.theme = W.Dropdown(
            options=[("All themes", ALL), *themes],
            value=first_theme,
            description="Theme:",
            style={"description_width": "initial"},
        )
        first_person = spec.people[0] if spec is not None and len(spec.people) == 1 else ALL
        self.person = W.Dropdown(
            options=self._person_options(self._people_in(self.events)),
            value=first_person if first_person in self._names or first_person == ALL else ALL,
            description="Person:",
            style={"description_width": "initial"},
            layout=W.Layout(width="auto", max_width="100%"),
        )
        self.count_html = W.HTML("")
        self.figure_html = W.HTML("", layout=W.Layout(width="auto"))
        self.table_html = W.HTML("", layout=W.Layout(width="auto"))
        self._narrowing = False
        for control in (self.dates, self.theme, self.person):
            control.observe(lambda _change: self.redraw(), names="value")
        title = spec.title if spec is not None and spec.title else "Explore the events"
        prompt = (
            escape(" ".join(spec.prompt.split()))
            if spec is not None
            else ("Choose dates, a theme or a person: the timeline and the table show the events that match.")
        )
        header = W.HTML(
            f"<style>{STYLESHEET}{VIEW_STYLESHEET}</style>"
            f"<h3 style='margin: 0.2em 0; font-size: 1.05em'>{escape(title)}</h3><p>{prompt}</p>{SLIDER_NAMES}"
        )
        self.widget = W.VBox(
            [header, self.dates, W.HBox([self.theme, self.person]), self.count_html, self.figure_html, self.table_html],
            layout=W.Layout(border="1px solid var(--jp-border-color1, #888)", padding="0.5em"),
        )
        self.widget.add_class("tr-view")
        self.shown = self.events.iloc[0:0]
        self.redraw()

    def _initial_range(self, months: list[pd.Timestamp]) -> tuple[int, int]:
        if not months:
            return 0, 0
        start, end = 0, len(months) - 1
        if self.spec is not None:
            lo, hi = pd.Timestamp(self.spec.start), pd.Timestamp(self.spec.end)
            inside = [i for i, m in enumerate(months) if lo.to_period("M").to_timestamp() <= m <= hi]
            if inside:
                start, end = inside[0], inside[-1]
        return start, end

    def filtered(self) -> pd.DataFrame:
        """The events that match the controls now."""
        events = self.events
        if not len(events):
            return events
        first, last = self.dates.value
        last_day = last + pd.offsets.MonthEnd(0)
        mask = (events["start_date"] >= first) & (events["start_date"] <= last_day)
        if self.theme.value != ALL:
            mask &= events["theme"] == self.theme.value
        if self.person.value != ALL:
            mask &= events["people"].map(lambda ids: self.person.value in ids)
        return events[mask]

    def _people_in(self, events: pd.DataFrame) -> list[str]:
        """The person ids named in these events, sorted by surname (then the whole name)."""
        ids = {pid for people in events["people"] for pid in people if pid in self._names}
        return sorted(ids, key=lambda pid: (surname(self._names[pid]), self._names[pid]))

    def _person_options(self, ids: list[str]) -> list[tuple[str, str]]:
        return [("Anyone", ALL), *[(self._names[pid], pid) for pid in ids]]

    def _narrow_people(self) -> None:
        """Offer only the people in the events the dates and theme leave (the chosen person stays)."""
        events = self.events
        if len(events):
            first, last = self.dates.value
            mask = (events["start_date"] >= first) & (events["start_date"] <= last + pd.offsets.MonthEnd(0))
            if self.theme.value != ALL:
                mask &= events["theme"] == self.theme.value
            events = events[mask]
        ids = self._people_in(events)
        if self.person.value != ALL and self.person.value not in ids:
            ids = sorted([*ids, self.person.value], key=lambda pid: (surname(self._names[pid]), self._names[pid]))
        options = self._person_options(ids)
        if list(self.person.options) != options:
            chosen, self._narrowing = self.person.value, True
            try:
                self.person.options = options
                self.person.value = chosen
            finally:
                self._narrowing = False

    def redraw(self) -> None:
        """Apply the filters: new timeline, new table, new count."""
        if self._narrowing:
            return
        self._narrow_people()
        self.shown = self.filtered()
        n = len(self.shown)
        self.count_html.value = f"<p role='status'>{n} event{'s' if n != 1 else ''} match.</p>"
        # SVG drawn directly (about 5 ms) rather than a matplotlib PNG (about 110 ms): this runs on every
        # move of the slider. It has the same rows, markers and colours as helpers.timeline_chart.timeline.
        self.alt_text = describe_timeline(self.shown)
        # a narrower drawing (fewer date labels, larger text once scaled) for a phone-sized screen
        narrow = timeline_svg(self.shown, title=self._title(), width=NARROW_WIDTH)
        self.figure_html.value = picture_html(
            svg_html(timeline_svg(self.shown, title=self._title()), self.alt_text), narrow
        )
        self.table_html.value = self._table()

    def _title(self) -> str:
        bits = []
        if self.theme.value != ALL:
            bits.append(theme_label(self.theme.value))
        if self.person.value != ALL:
            bits.append(self._names.get(self.person.value, self.person.value))
        return "Events" + (": " + ", ".join(bits) if bits else "")

    def _table(self) -> str:
        if self.shown.empty:
            return "<p>No events match. Widen the dates or choose another theme or person.</p>"
        rows = []
        for _, e in self.shown.head(MAX_TABLE_ROWS).iterrows():
            who = ", ".join(self._names.get(p, p) for p in e["people"])
            rows.append(
                f"<tr><td>{e['start_date']:%d %b %Y}</td><td>{escape(str(e['title']))}</td>"
                f"<td>{escape(theme_label(e['theme']))}</td><td>{escape(who)}</td></tr>"
            )
        more = (
            f"<p>… and {len(self.shown) - MAX_TABLE_ROWS} more (narrow the filters).</p>"
            if len(self.shown) > MAX_TABLE_ROWS
            else ""
        )
        # the scrolling box takes the keyboard's focus (tabindex), so it can be scrolled without a mouse
        return (
            "<div class='tr-scroll' tabindex='0' role='region' aria-label='Events shown on the timeline' "
            "style='max-height: 28em; overflow: auto;'><table class='tr-matching'>"
            "<caption>Events shown on the timeline</caption>"
            "<tr><th scope='col'>Date</th><th scope='col'>Event</th><th scope='col'>Theme</th>"
            "<th scope='col'>People</th></tr>" + "".join(rows) + "</table></div>" + more
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def explorer(spec: ExplorerSpec | str | None = None, events: pd.DataFrame | None = None) -> ExplorerView:
    """A timeline explorer over all events, or as a bank's explorer exercise sets it up."""
    if isinstance(spec, str):
        from .bank import get_exercise

        spec = get_exercise(spec)
    return ExplorerView(spec, events)


def surname(name: str) -> str:
    """The word a list of people is sorted by: the last word of the name.

    >>> surname("Ramsay MacDonald"), surname("Lord Curzon")
    ('MacDonald', 'Curzon')
    """
    words = str(name).split()
    return words[-1] if words else ""


def picture_html(img: str, narrow_svg: str) -> str:
    """An <img> inside a <picture> that swaps in ``narrow_svg`` on a screen up to 600 px wide."""
    import base64

    data = base64.b64encode(narrow_svg.encode("utf-8")).decode("ascii")
    return f'<picture><source media="(max-width: 600px)" srcset="data:image/svg+xml;base64,{data}">{img}</picture>'


def _months(dates: pd.Series) -> list[pd.Timestamp]:
    if dates.empty:
        return []
    first = dates.min().to_period("M").to_timestamp()
    last = dates.max().to_period("M").to_timestamp()
    return list(pd.date_range(first, last, freq="MS"))
