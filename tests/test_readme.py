"""The README's figures come from the data, and its commands exist in the Makefile."""

from __future__ import annotations

import re

from conftest import ROOT

import helpers

README = (ROOT / "README.md").read_text()


def test_labour_vote_figures_in_readme_come_from_the_elections_table():
    el = helpers.load_elections()
    labour = el[el.party == "Labour"].groupby("election")["votes"].sum()
    for year in (1923, 1924, 1929):
        assert f"{int(labour[year]):,}" in README, f"README lacks Labour's {year} vote {int(labour[year]):,}"


def test_readme_names_two_setup_commands_and_they_are_make_targets():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.M)
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_readme_credits_every_dataset():
    refs = helpers.load_references()
    for ref_id in refs.loc[refs.kind == "dataset", "ref_id"]:
        if ref_id.startswith(("cow-", "hoc-")):
            assert ref_id in README or refs.set_index("ref_id").loc[ref_id, "title"] in README, ref_id
