"""The loaders return typed DataFrames whose types come from the schema."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
import helpers.paths
from helpers.schema import package


def test_every_table_has_a_public_loader_listed_in_all():
    for name in helpers.table_names():
        loader = getattr(helpers, f"load_{name}")
        assert f"load_{name}" in helpers.__all__
        frame = loader()
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == [f.name for f in package().table(name).columns]


def test_types_follow_the_schema():
    trade = helpers.load_trade()
    assert str(trade["year"].dtype) == "Int64"
    assert trade["uk_imports_from_ussr"].dtype == "float64"
    elections = helpers.load_elections()
    assert isinstance(elections["party"].dtype, pd.CategoricalDtype)
    assert list(elections["party"].cat.categories) == ["Conservative", "Liberal", "Labour", "Nationalist", "Other"]
    assert str(elections["unopposed"].dtype) == "boolean"
    assert str(elections["votes"].dtype) == "Int64"
    refs = helpers.load_references()
    assert refs["sitting_date"].dtype.kind == "M"
    assert all(isinstance(v, tuple) for v in elections["source_ids"])


def test_loaders_return_copies_so_a_notebook_cannot_corrupt_the_cache():
    first = helpers.load_trade()
    first.loc[:, "uk_imports_from_ussr"] = -1.0
    assert (helpers.load_trade()["uk_imports_from_ussr"].dropna() >= 0).all()


def test_an_edited_file_is_read_again(data_copy):
    before = len(helpers.load_table("trade", data_copy.root))
    rows = data_copy.rows("trade")
    data_copy.write("trade", rows[:-1])
    assert len(helpers.load_table("trade", data_copy.root)) == before - 1


def test_docstrings_carry_a_column_table_from_the_schema():
    helpers.table_names()  # the column tables are added when the data package is first read, not at import
    doc = helpers.load_trade.__doc__
    assert "Columns" in doc and "uk_imports_from_ussr" in doc
    assert "Examples" in doc or ">>>" in doc


def test_data_dir_can_be_overridden_and_a_wrong_override_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("TRUCE_DATA_DIR", str(tmp_path))
    with pytest.raises(helpers.DataError, match="TRUCE_DATA_DIR.*no datapackage.json"):
        helpers.paths.data_dir()


def test_unopposed_returns_are_marked_not_counted():
    el = helpers.load_elections()
    unopposed = el[el["unopposed"]]
    assert len(unopposed) > 0
    assert unopposed["votes"].isna().all()
    contested = el[~el["unopposed"]]
    assert (contested["votes"] > 0).all()


def test_a_citation_and_a_name_follow_an_edit_of_their_table(data_copy):
    assert helpers.cite("gorodetsky1977-ch5").startswith("Gorodetsky 1977")
    refs = data_copy.rows("references")
    at = next(i for i, row in enumerate(refs) if row["ref_id"] == "gorodetsky1977-ch5")
    data_copy.edit("references", at, citation="Edited citation")
    assert helpers.cite("gorodetsky1977-ch5") == "Edited citation"
    people = data_copy.rows("people")
    at = next(i for i, row in enumerate(people) if row["person_id"] == "chamberlain_austen")
    data_copy.edit("people", at, name="Sir Austen Chamberlain")
    assert helpers.person_name("chamberlain_austen") == "Sir Austen Chamberlain"
    with pytest.raises(ValueError, match="no person 'nobody'"):
        helpers.person_name("nobody")


def test_the_cache_folder_can_be_moved_and_falls_back_when_it_cannot_be_made(tmp_path, monkeypatch):
    from helpers.paths import cache_dir

    monkeypatch.setenv("TRUCE_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir("matplotlib") == tmp_path / "cache" / "matplotlib"
    assert (tmp_path / "cache" / "matplotlib").is_dir()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TRUCE_CACHE_DIR", str(blocker))  # a folder cannot be made inside a file
    fallback = cache_dir("matplotlib")
    assert fallback.is_dir() and not str(fallback).startswith(str(blocker))
