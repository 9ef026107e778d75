"""Numeric answers that are computed from the data are recomputed here, so a change to the data cannot leave
a bank's answer (or its explanation) silently wrong. If one fails: update the bank's answer and explanation."""

from __future__ import annotations

import pytest

import helpers
from helpers.analysis import partner_ranking, party_votes, seat_changes, ussr_rank
from helpers.exercises import get_exercise


def _events():
    return helpers.load_events().set_index("event_id")


def _figure(figure_id):
    return float(helpers.load_figures().set_index("figure_id").at[figure_id, "value"])


def _ussr_share(year):
    tp = helpers.load_trade_partners()
    tp = tp[tp["year"] == year]
    total = tp["uk_imports"].fillna(0) + tp["partner_imports_from_uk"].fillna(0)
    russia = total[tp["partner"] == "Russia"].sum()
    return 100 * russia / total.sum()


def _cap(year):
    cap = helpers.load_capabilities().set_index(["country", "year"])["iron_steel_kt"]
    return cap[("UK", year)]


COMPUTED = {
    "start-labour-vote-change": lambda: party_votes().loc[1924, "Labour"] - party_votes().loc[1923, "Labour"],
    "recog-labour-seats-lost": lambda: seat_changes(1923, 1924).loc["Labour", "Conservative"],
    "recog-liberal-vote-fall": lambda: party_votes().loc[1923, "Liberal"] - party_votes().loc[1924, "Liberal"],
    "dn-ussr-share-1925": lambda: _ussr_share(1925),
    "tu-money-ratio": lambda: (
        _figure("fig-1926-11-11-total-russian-money-miners")
        / (_figure("fig-1926-tuc-refused-first-soviet-sum") + _figure("fig-1926-sum-to-be-passed-to-tuc-blocked"))
    ),
    "gs-iron-steel-fall": lambda: 100 * (_cap(1925) - _cap(1926)) / _cap(1925),
    "hb-russia-rank-1926": lambda: partner_ranking(1926, by="imports").set_index("partner").at["Russia", "rank"],
    "rupture-trade-ratio-1928": lambda: (
        helpers.load_trade().set_index("year").at[1928, "uk_imports_from_ussr"]
        / helpers.load_trade().set_index("year").at[1928, "ussr_imports_from_uk"]
    ),
    "restor-seats-taken": lambda: seat_changes(1924, 1929).loc["Conservative", "Labour"],
    "restor-trade-rank": lambda: (
        ussr_rank().set_index("year").at[1927, "rank"] - ussr_rank().set_index("year").at[1931, "rank"]
    ),
    "interp-russia-share": lambda: _ussr_share(1927),
}


@pytest.mark.parametrize("exercise_id", sorted(COMPUTED))
def test_numeric_answer_agrees_with_the_data(exercise_id):
    ex = get_exercise(exercise_id)
    value = float(COMPUTED[exercise_id]())
    assert abs(value - ex.answer) <= max(ex.tolerance, 1e-9), (
        f"{exercise_id}: bank says {ex.answer}, data gives {value:.3f}"
    )


def test_miners_sums_agree_with_the_figures_table():
    ex = get_exercise("gs-miners-sums")
    figs = helpers.load_figures()
    june = figs[figs["what"].str.contains("miners", case=False) & figs["figure_id"].str.startswith("fig-1926-0")]
    assert len(june) >= 1
    assert ex.answer == 274551 + 42238 + 34511 + 28826  # the four sums the prompt lists, each in the figures table
    for value in (274551, 42238, 34511, 28826):
        assert value in set(figs["value"].dropna().astype(int)), value
