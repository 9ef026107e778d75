"""helpers._diskcache: results kept between processes, never stale, and never in the way when it fails."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

from helpers import _diskcache as diskcache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TRUCE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TRUCE_CACHE", raising=False)
    return tmp_path / "cache" / "derived"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_result_is_built_once_then_found_until_an_input_changes(cache, tmp_path):
    source = tmp_path / "input.txt"
    source.write_text("one", encoding="utf-8")
    build, calls = counting(["derived from one"])
    assert diskcache.cached("demo", [source], build) == ["derived from one"]
    assert diskcache.cached("demo", [source], build) == ["derived from one"]
    assert len(calls) == 1 and len(list(cache.glob("demo-*.pickle"))) == 1
    source.write_text("two", encoding="utf-8")
    assert diskcache.cached("demo", [source], build) == ["derived from one"]  # built again: a new key
    assert len(calls) == 2
    assert diskcache.cached("demo", [source], build, extra="another schema") and len(calls) == 3


def test_a_corrupt_entry_is_rebuilt_and_replaced(cache, tmp_path):
    build, calls = counting({"ok": True})
    diskcache.cached("demo", [], build)
    (entry,) = cache.glob("demo-*.pickle")
    entry.write_bytes(b"this is not a pickle")
    assert diskcache.cached("demo", [], build) == {"ok": True}
    assert len(calls) == 2 and diskcache.cached("demo", [], build) == {"ok": True} and len(calls) == 2


def test_a_failed_build_keeps_nothing(cache):
    def broken():
        raise ValueError("bad data")

    with pytest.raises(ValueError, match="bad data"):
        diskcache.cached("demo", [], broken)
    assert not cache.exists() or not list(cache.glob("*.pickle"))
    build, calls = counting(1)
    assert diskcache.cached("demo", [], build) == 1 and calls == [1]


def test_switched_off_or_unwritable_it_builds_every_time(cache, monkeypatch):
    build, calls = counting(7)
    monkeypatch.setenv("TRUCE_CACHE", "off")
    diskcache.cached("demo", [], build), diskcache.cached("demo", [], build)
    assert len(calls) == 2 and not cache.exists()
    monkeypatch.delenv("TRUCE_CACHE")

    def no_folder(name=""):
        raise OSError("read-only")

    monkeypatch.setattr(diskcache, "cache_dir", no_folder)
    diskcache.cached("demo", [], build), diskcache.cached("demo", [], build)
    assert len(calls) == 4


def test_the_folder_is_pruned_oldest_first(cache, monkeypatch):
    monkeypatch.setattr(diskcache, "MAX_ENTRIES", 3)
    for i in range(5):
        diskcache.cached("demo", [], lambda i=i: i, extra=str(i))
    assert len(list(cache.glob("*.pickle"))) == 3
    assert not list(cache.glob(".writing-*"))


def test_a_new_process_gets_the_same_tables_and_banks_from_the_cache(cache):
    code = (
        "import pickle, sys\nfrom helpers import load_table, table_names\nfrom helpers.exercises import load_all_banks\n"
        "tables = {n: load_table(n) for n in table_names()}\nbanks = load_all_banks()\n"
        "sys.stdout.buffer.write(pickle.dumps((tables, {k: b.exercises for k, b in banks.items()})))"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    entries = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pickle")}
    assert sum(name.startswith("table-") for name in entries) >= 16
    banks = len(list((ROOT / "data" / "exercises").glob("*.yaml")))
    assert sum(name.startswith("bank-") for name in entries) == banks
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pickle")} == entries  # found, not rewritten
    fresh = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, env={**os.environ, "TRUCE_CACHE": "off"}
    ).stdout
    (t1, b1), (t2, b2), (t3, b3) = (pickle.loads(x) for x in (first, second, fresh))
    for name in t3:
        pd.testing.assert_frame_equal(t2[name], t3[name])
        pd.testing.assert_frame_equal(t1[name], t3[name])
    assert b1 == b2 == b3


def test_a_table_is_read_again_when_only_its_link_table_changes(cache, data_copy):
    from helpers import data

    before = data.load_table("events", data_copy.root)
    first = before.iloc[0]
    links = data_copy.rows("events_sources")
    mine = [r for r in links if r["event_id"] == first["event_id"]]
    data_copy.write(
        "events_sources",
        [r for r in links if r not in mine[1:]]
        if len(mine) > 1
        else links + [{"event_id": first["event_id"], "ref_id": "gorodetsky1977"}],
    )
    data._read.cache_clear()  # as a new kernel would: only the disk cache is left, and its key must change
    after = data.load_table("events", data_copy.root).iloc[0]
    assert after["source_ids"] != first["source_ids"]
    assert len(list(cache.glob("table-*.pickle"))) >= 2
