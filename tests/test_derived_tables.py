"""Every derived table reproduces byte for byte from its script and the raw extract in ../shared/data."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DATA, RAW, ROOT

DERIVED = ["trade", "trade_partners", "capabilities", "elections"]


@pytest.mark.skipif(not RAW.is_dir(), reason="the raw extracts (../shared/data) are not beside this checkout")
def test_scripts_reproduce_the_committed_tables(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "derive_datasets.py"), str(RAW), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    for name in DERIVED:
        assert f"{name}.csv:" in result.stdout
        for written in (f"{name}.csv", f"{name}_sources.csv"):
            assert (tmp_path / written).read_bytes() == (DATA / written).read_bytes(), f"{written} differs"


@pytest.mark.skipif(not RAW.is_dir(), reason="the raw extracts (../shared/data) are not beside this checkout")
def test_headline_figures_match_the_shared_readme():
    import helpers

    el = helpers.load_elections()
    labour = el[el.party == "Labour"].groupby("election")["votes"].sum()
    readme = (RAW / "README.md").read_text()
    for year, votes in labour.items():
        assert f"{int(votes):,}" in readme, f"Labour {year}: {votes:,} not in shared/data/README.md"


def test_script_refuses_a_missing_raw_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "derive_datasets.py"), str(tmp_path / "nope"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "does not exist" in result.stderr


def test_missing_codes_become_blank_not_zero():
    import helpers

    cap = helpers.load_capabilities()
    assert not (cap.select_dtypes("number") == -9).any().any()
    trade = helpers.load_trade_partners()
    assert trade["uk_imports"].isna().sum() > 0, "the raw file has missing UK imports; they stay missing"
