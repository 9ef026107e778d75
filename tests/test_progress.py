"""Progress saved with sqlite3: attempts, summaries, CSV export, two notebooks at once, and failures that
never stop an exercise."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest
from conftest import ROOT

from helpers import progress
from helpers.exercises import load_bank
from helpers.progress import ProgressStore, ProgressWarning, default_path


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv("TRUCE_PROGRESS_DB", str(path))
    return path


# --- where it lives -------------------------------------------------------------------------------


def test_the_environment_variable_chooses_the_file(db):
    assert default_path() == db
    assert progress.default_store().path == db


def test_the_default_is_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("TRUCE_PROGRESS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "truce-and-rupture" / "progress.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / ".local" / "share" / "truce-and-rupture" / "progress.sqlite"


# --- saving and reading ---------------------------------------------------------------------------


def test_an_attempt_is_saved_with_its_answer_as_json(db):
    store = ProgressStore(db)
    answer = {"who": "<script>alert(1)</script> Чичерин 🙂", "order": ["C", "A"]}
    before = datetime.now(timezone.utc)
    assert store.record("start-balfour-1918", "00-start-here", answer, correct=False, score=0.25).ok
    (row,) = store.attempts()
    assert row["exercise_id"] == "start-balfour-1918" and row["lesson"] == "00-start-here"
    assert row["answer"] == answer and row["correct"] is False and row["score"] == 0.25
    saved = datetime.fromisoformat(row["created_at"])
    assert saved.tzinfo is not None and saved >= before.replace(microsecond=0)
    raw = sqlite3.connect(db).execute("SELECT answer, correct FROM attempts").fetchone()
    assert json.loads(raw[0]) == answer and raw[1] == 0


def test_ungraded_attempts_store_null_correct_and_score(db):
    store = ProgressStore(db)
    store.record("start-mcneill-source", "00-start-here", {"who": "McNeill"}, correct=None, score=None)
    assert store.attempts()[0]["correct"] is None and store.attempts()[0]["score"] is None


def test_summary_counts_exercises_done_and_right(db):
    store = ProgressStore(db)
    store.record("a", "00-start-here", "x", False, 0.0)
    store.record("a", "00-start-here", "y", True, 1.0)
    store.record("b", "00-start-here", "z", False, 0.0)
    store.record("c", "06-rupture-1927", "z", True, 1.0)
    summary = store.summary("00-start-here", total=12)
    assert (summary.done, summary.correct, summary.total) == (2, 1, 12)
    assert summary.text == "2 of 12 done (1 correct)"


def test_summary_without_a_total_counts_what_was_done(db):
    store = ProgressStore(db)
    store.record("a", "00-start-here", "x", True, 1.0)
    assert store.summary("00-start-here").total is None
    assert store.summary("00-start-here").text == "1 done (1 correct)"


def test_the_progress_panel_counts_against_the_graded_exercises_in_the_bank(db):
    from helpers.exercises import progress_summary

    graded = len(load_bank("00-start-here").graded)
    panel = progress_summary("00-start-here", store=ProgressStore(db))
    assert panel.summary.text == f"0 of {graded} done (0 correct)" and panel.bar.max == graded


def test_export_to_csv_for_the_teacher(db, tmp_path):
    store = ProgressStore(db)
    store.record("start-balfour-1918", "00-start-here", "b", True, 1.0)
    store.record("start-who-said-it", "00-start-here", {"1": "B", "2": "Дж"}, False, 0.5)
    store.record("other", "06-rupture-1927", "x", None, None)
    out = store.export_csv(tmp_path / "answers.csv", lesson="00-start-here")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(progress.EXPORT_COLUMNS)
    assert [r["exercise_id"] for r in rows] == ["start-balfour-1918", "start-who-said-it"]
    assert rows[0]["correct"] == "true" and rows[1]["correct"] == "false" and rows[1]["score"] == "0.5"
    assert json.loads(rows[1]["answer"]) == {"1": "B", "2": "Дж"}
    everything = store.export_csv(tmp_path / "all.csv")
    assert len(list(csv.DictReader(everything.open(encoding="utf-8")))) == 3


# --- two notebooks at once ------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from helpers.progress import ProgressStore
    store = ProgressStore(sys.argv[1])
    failures = 0
    for i in range(int(sys.argv[3])):
        result = store.record(f"ex-{sys.argv[2]}-{i % 7}", "00-start-here", {"i": i, "by": sys.argv[2]}, i % 2 == 0, 1.0)
        failures += not result.ok
        if i % 10 == 0:
            store.summary("00-start-here", total=7)
    print(failures)
""")


def test_two_processes_writing_at_once_lose_nothing_and_corrupt_nothing(db):
    n = 150
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), tag, str(n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("one", "two")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert out.strip() == "0", f"some saves failed: {out} {err}"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    by = dict(conn.execute("SELECT json_extract(answer, '$.by'), count(*) FROM attempts GROUP BY 1").fetchall())
    assert by == {"one": n, "two": n}
    assert conn.execute("SELECT count(DISTINCT id) FROM attempts").fetchone()[0] == 2 * n


# --- damaged or unwritable ------------------------------------------------------------------------


def test_a_corrupt_database_is_moved_aside_with_a_message_and_a_fresh_one_started(db):
    db.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    store = ProgressStore(db)
    with pytest.warns(ProgressWarning, match="could not be read"):
        result = store.record("start-balfour-1918", "00-start-here", "b", True, 1.0)
    assert result.ok
    moved = list(db.parent.glob("progress.sqlite.unreadable-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not a database")
    assert "moved to" in store.messages[0] and moved[0].name in store.messages[0]
    assert len(store.attempts()) == 1


def test_a_database_with_the_wrong_shape_is_moved_aside(db):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE attempts (x TEXT)")
    conn.commit()
    conn.close()
    store = ProgressStore(db)
    with pytest.warns(ProgressWarning):
        assert store.record("e", "00-start-here", 1, True, 1.0).ok
    assert list(db.parent.glob("progress.sqlite.unreadable-*"))


def test_a_deleted_database_is_started_again(db):
    store = ProgressStore(db)
    assert store.record("e", "00-start-here", 1, True, 1.0).ok
    for suffix in ("", "-wal", "-shm"):
        p = db.with_name(db.name + suffix)
        if p.exists():
            p.unlink()
    assert store.record("e", "00-start-here", 2, True, 1.0).ok
    assert [r["answer"] for r in store.attempts()] == [2]


def test_a_path_that_cannot_be_created_fails_softly(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = ProgressStore(blocker / "progress.sqlite")
    result = store.record("e", "00-start-here", "x", True, 1.0)
    assert not result.ok
    assert "could not be saved" in result.message and "TRUCE_PROGRESS_DB" in result.message
    with pytest.warns(ProgressWarning, match="could not be read"):
        assert store.attempts() == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_folder_fails_softly(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = ProgressStore(folder / "progress.sqlite").record("e", "00-start-here", "x", True, 1.0)
        assert not result.ok and "could not be saved" in result.message
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    "error, words",
    [
        ("attempt to write a readonly database", "read-only"),
        ("database or disk is full", "the disk is full"),
        ("database is locked", "busy"),
    ],
)
def test_write_failures_come_back_as_words_not_exceptions(db, monkeypatch, error, words):
    store = ProgressStore(db)

    def failing_connect(*args, **kwargs):
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(progress.sqlite3, "connect", failing_connect)
    result = store.record("e", "00-start-here", "x", True, 1.0)
    assert not result.ok and words in result.message
    assert not list(db.parent.glob("*.unreadable-*")), "a locked or full database is not 'corrupt'"


def test_answers_that_are_not_json_are_saved_as_text(db):
    store = ProgressStore(db)
    assert store.record("e", "00-start-here", {"when": datetime(1927, 5, 12)}, True, 1.0).ok
    assert store.attempts()[0]["answer"] == {"when": "1927-05-12 00:00:00"}
