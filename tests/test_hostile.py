"""A mischievous student and a busy teacher: each hostile case of issue 18 is planted and its outcome checked.

Formula answers, same-name folders, links, control characters, UTF-16, names differing in case (collect);
damaged pages, huge answers, a read-only folder (the progress store); an alias bomb (banks); a lesson on
broken data (notebooks); many app visitors (Voila, at the end: they start a real server).
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import time
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import ROOT

from helpers import progress
from helpers.__main__ import main as cli
from helpers.collect import FORMULA_START, collect
from helpers.errors import DataError
from helpers.exercises import load_bank, show
from helpers.progress import MAX_ANSWER_CHARS, ProgressStore, ProgressWarning

LESSON = "00-start-here"
T0 = datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc)
HYPERLINK = '=HYPERLINK("http://x","51 seats")'


def export(tmp_path: Path, relative: str, attempts: list[tuple], lesson: str = LESSON) -> Path:
    """A real export: attempts saved in a progress database, written by ProgressStore.export_csv."""
    store = ProgressStore(tmp_path / "dbs" / f"{abs(hash(relative))}.sqlite")
    for i, (exercise_id, answer, correct, score) in enumerate(attempts):
        assert store.record(exercise_id, lesson, answer, correct, score, when=T0 + timedelta(minutes=i)).ok
    path = tmp_path / "answers" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    return store.export_csv(path)


def cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


# --- collect: formulas ----------------------------------------------------------------------------

HOSTILE_CELLS = [HYPERLINK, "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "＝1+1", "＋1", "－1", "＠A1"]


def test_no_cell_of_the_collected_table_is_a_formula(tmp_path):
    """The repro: a formula typed into a numeric box, marked correct and exported; and every other column a
    student's file controls (student, exercise_id, lesson, created_at, the file's name)."""
    export(tmp_path, "amira.csv", [("recog-labour-seats-lost", HYPERLINK, True, 1.0)], lesson="01-recognition-1924")
    header = "student,id,exercise_id,lesson,answer,correct,score,created_at"
    rows = [f'"{v}",1,"{v}","{v}","{v}",true,1,"{v}"' for v in (h.replace('"', '""') for h in HOSTILE_CELLS)]
    (tmp_path / "answers" / "-evil.csv").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "collected-answers.csv"
    assert cli(["collect", str(tmp_path / "answers"), "--output", str(out)]) == 0
    table = cells(out)
    assert any(HYPERLINK in c for c in table), "the answer itself is kept, as text"
    evaluated = [c for c in table if c.startswith(FORMULA_START)]
    assert not evaluated, f"cells a spreadsheet would evaluate: {evaluated}"
    for hostile in HOSTILE_CELLS:  # (collect trims the spaces, tabs and returns around a cell)
        assert "'" + hostile.strip() in table, f"{hostile!r} is kept with a leading apostrophe"


def test_the_xlsx_workbook_keeps_text_as_text(tmp_path):
    from openpyxl import load_workbook

    export(tmp_path, "amira.csv", [("recog-labour-seats-lost", HYPERLINK, True, 1.0)], lesson="01-recognition-1924")
    export(tmp_path, "ben.csv", [("recog-labour-seats-lost", "+44 (0)20", False, 0.0)], lesson="01-recognition-1924")
    out = tmp_path / "class.xlsx"
    assert cli(["collect", str(tmp_path / "answers"), "--output", str(out)]) == 0
    sheet = load_workbook(out).active
    values = [[c for c in row] for row in sheet.iter_rows()]
    assert [c.value for c in values[0]][:3] == ["student", "lesson", "exercise_id"]
    assert not [c.coordinate for row in values for c in row if c.data_type == "f"], "no formula cells"
    answers = [c.value for row in values for c in row if c.column_letter == "H"]
    assert HYPERLINK in answers and "+44 (0)20" in answers, "the answers are shown exactly as typed"
    attempts = [c for row in values[1:] for c in row if c.column_letter == "E"]
    assert all(isinstance(c.value, int) for c in attempts), "numbers stay numbers"


# --- collect: who is who --------------------------------------------------------------------------


def test_two_students_with_the_same_name_stay_two_students(tmp_path):
    ex = "start-balfour-1918"
    export(
        tmp_path,
        "Alex Smith_123_assignsubmission_file_/truce-and-rupture-answers-00-start-here-20260105-101500.csv",
        [(ex, "a", False, 0.0)],
    )
    export(
        tmp_path,
        "Alex Smith_456_assignsubmission_file_/truce-and-rupture-answers-00-start-here-20260105-101600.csv",
        [(ex, "b", True, 1.0)],
    )
    result = collect(tmp_path / "answers")
    assert result.students == ["Alex Smith (123)", "Alex Smith (456)"]
    table = result.table()
    mine = {r.student: (r.status, r.attempts) for r in table[table.exercise_id == ex].itertuples()}
    assert mine == {"Alex Smith (123)": ("tried", 1), "Alex Smith (456)": ("correct", 1)}
    report = result.report()
    assert "2 students are called 'Alex Smith'" in report and "kept apart" in report


def test_a_file_claiming_another_students_name_is_kept_apart(tmp_path):
    ex = "start-balfour-1918"
    export(tmp_path, "Amira Khan_1_assignsubmission_file_/a.csv", [(ex, "b", True, 1.0)])
    folder = tmp_path / "answers" / "Ben Ray_2_assignsubmission_file_"
    folder.mkdir()
    (folder / "b.csv").write_text(
        "student,id,exercise_id,lesson,answer,correct,score,created_at\n"
        f'Amira Khan,1,{ex},{LESSON},"""a""",false,0,2026-01-05T10:00:00+00:00\n'
    )
    result = collect(tmp_path / "answers")
    assert result.students == ["Amira Khan (1)", "Amira Khan (2)"]
    assert any("called 'Amira Khan'" in w for w in result.warnings)


def test_names_that_differ_only_in_case_are_reported(tmp_path):
    export(tmp_path, "Sam Lee.csv", [("start-balfour-1918", "b", True, 1.0)])
    export(tmp_path, "sam lee.csv", [("start-balfour-1918", "a", False, 0.0)])
    result = collect(tmp_path / "answers")
    assert result.students == ["sam lee", "Sam Lee"] or result.students == ["Sam Lee", "sam lee"]
    assert "differ only in capital letters" in result.report()


# --- collect: links, control characters, encodings ------------------------------------------------


def test_no_file_is_read_through_a_link(tmp_path):
    good = export(tmp_path, "amira.csv", [("start-balfour-1918", "b", True, 1.0)])
    folder = good.parent
    secret = tmp_path / "outside" / "secret.csv"
    secret.parent.mkdir()
    secret.write_bytes(
        export(tmp_path, "../outside-src.csv", [("start-balfour-1918", "SECRET", True, 1.0)]).read_bytes()
    )
    (folder / "passwd.csv").symlink_to("/etc/passwd")
    (folder / "secret.csv").symlink_to(secret)
    (folder / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    result = collect(folder)
    skipped = {p.file.name: p.message for p in result.skipped_files}
    assert set(skipped) >= {"passwd.csv", "secret.csv", "elsewhere"}
    assert all("link" in skipped[n] for n in ("passwd.csv", "secret.csv", "elsewhere"))
    assert result.students == ["amira"], "only the real file was read"
    assert "SECRET" not in str(result.table().to_dict()) and "root:" not in result.report()
    assert "passwd.csv" in result.report() and "not read" in result.report()


def test_control_characters_never_reach_the_terminal(tmp_path, capsys):
    ex = "start-balfour-1918"
    export(tmp_path, "Ev\x1b[2J\x1b[31mil\u202e.csv", [(ex, "b", True, 1.0)])
    folder = tmp_path / "answers"
    (folder / "named.csv").write_text(
        "student,id,exercise_id,lesson,answer,correct,score,created_at\n"
        f'"Bo\x07b\x1b]0;pwned\x07",1,{ex},{LESSON},"""a""",false,0,2026\n'
    )
    (folder / "bad\x1b[5m.csv").write_text("not, an, export\n")
    assert cli(["collect", str(folder), "--output", str(tmp_path / "out.csv")]) == 0
    printed = capsys.readouterr().out
    assert "Evil" in printed.replace("[2J", "").replace("[31m", "")
    controls = [hex(ord(c)) for c in printed if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]
    assert not controls, f"control characters printed: {controls}"


def test_utf16_and_utf8_bom_files_are_read(tmp_path):
    text = export(tmp_path, "x.csv", [("start-balfour-1918", "b", True, 1.0)]).read_text(encoding="utf-8")
    folder = tmp_path / "answers"
    (folder / "x.csv").unlink()
    # Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated
    (folder / "Zoë unicode.csv").write_bytes(text.replace(",", "\t").encode("utf-16"))
    (folder / "Zoë utf16-comma.csv").write_bytes(text.encode("utf-16-be").join([b"\xfe\xff", b""]))
    (folder / "Zoë bom.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = collect(folder)
    assert not result.problems, [p.text() for p in result.problems]
    assert result.students == ["Zoë bom", "Zoë unicode", "Zoë utf16-comma"]
    assert {a.student for a in result.attempts if a.correct} == set(result.students)


# --- progress: damaged pages ----------------------------------------------------------------------


def fill(store: ProgressStore, n: int) -> None:
    conn = sqlite3.connect(store.path)
    conn.executescript(progress._SCHEMA)
    conn.executemany(
        "INSERT INTO attempts (exercise_id, lesson, answer, correct, score, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                f"ex-{i % 40}",
                LESSON,
                f'"answer {i} ' + "x" * 150 + '"',
                i % 2,
                1.0,
                (T0 + timedelta(seconds=i)).isoformat(),
            )
            for i in range(n)
        ],
    )
    conn.commit()
    conn.execute(progress._INDEX)
    conn.commit()
    conn.close()


def damage_later_pages(path: Path, first_fraction: float = 0.6, pages: int = 3) -> None:
    """Overwrite a few pages in the second half of the file with noise; the header page is left intact."""
    size = path.stat().st_size
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    start = int(size / page * first_fraction)
    with path.open("r+b") as fh:
        for n in range(start, start + pages):
            fh.seek(n * page)
            fh.write(bytes((n * 37 + i * 11) % 251 for i in range(page)))
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


def kept(message: str) -> int:
    return int(message.split(": ")[-1].split()[0])


def test_a_file_with_damaged_pages_is_set_aside_and_what_can_be_read_is_kept(tmp_path):
    db = tmp_path / "progress.sqlite"
    fill(ProgressStore(db), 3000)
    damage_later_pages(db)
    store = ProgressStore(db)
    with pytest.warns(ProgressWarning, match="could not be read"):
        assert store.record("next", LESSON, "the next answer", True, 1.0).ok, "the next answer is saved"
    (moved,) = [p for p in tmp_path.glob("progress.sqlite.unreadable-*") if not p.name.endswith(("-wal", "-shm"))]
    assert moved.read_bytes()[:16] == b"SQLite format 3\x00", "the old file is set aside as it was"
    (message,) = store.messages
    assert moved.name in message and "could be recovered" in message and message.count(". ") == 0, message
    rows = store.attempts()
    recovered = [r for r in rows if r["exercise_id"] != "next"]
    assert len(recovered) == kept(message) and 0 < len(recovered) < 3000
    assert len(recovered) > 2000, "only the rows on the damaged pages are lost"
    assert rows[-1]["answer"] == "the next answer"
    assert all(r["answer"].startswith(f"answer {r['id'] - 1} ") for r in recovered), "rows come back intact"
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_damage_found_after_opening_is_recovered_too(tmp_path):
    db = tmp_path / "progress.sqlite"
    fill(ProgressStore(db), 3000)
    store = ProgressStore(db)
    assert store.summary(LESSON, total=40).done == 40  # opened and checked while sound
    damage_later_pages(db, first_fraction=0.3)
    with pytest.warns(ProgressWarning, match="could be recovered"):
        summary = store.summary(LESSON, total=40)
    assert summary.done > 0 and list(tmp_path.glob("progress.sqlite.unreadable-*"))
    assert store.record("after", LESSON, "x", True, 1.0).ok
    assert store.attempts(exercise_id="after")


# --- progress: huge answers, a read-only folder ---------------------------------------------------


def test_a_huge_answer_is_refused_at_the_widget_and_nothing_saved_is_lost(tmp_path):
    store = ProgressStore(tmp_path / "p.sqlite")
    bank = load_bank(LESSON)
    source = next(e for e in bank.graded if e.kind == "source_analysis")
    w = show(source, store=store)
    first = source.questions[0].id
    w.write(first, "An essay. " * (MAX_ANSWER_CHARS // 10))  # exactly the limit: saved
    w.check_button.click()
    assert w.last_save.ok and len(store.attempts()) == 1
    w.write(first, "x" * (2 * 1024 * 1024))  # 2 MB: refused with a clear message
    w.check_button.click()
    assert "longer than the 20,000 characters" in w.feedback_html.value
    assert len(store.attempts()) == 1, "nothing new saved, nothing old lost"
    assert store.attempts()[0]["answer"][first].startswith("An essay.")
    direct = store.record(source.id, LESSON, {"q": "y" * (MAX_ANSWER_CHARS + 1)}, None, None)
    assert not direct.ok and "20,000" in direct.message


def read_only_folder(monkeypatch, folder: Path) -> None:
    """The folder reads as not writable, as a read-only share does, even for root."""
    real = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path).resolve() in (folder.resolve(), *folder.resolve().iterdir()):
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(progress.os, "access", access)


def test_an_existing_file_in_a_read_only_folder_is_read(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "progress.sqlite"
    before = ProgressStore(db)
    assert before.record("start-balfour-1918", LESSON, "b", True, 1.0).ok
    assert before.record("start-mcneill-source", LESSON, {"q1": "x"}, None, None).ok
    content = db.read_bytes()
    read_only_folder(monkeypatch, folder)
    store = ProgressStore(db)
    with pytest.warns(ProgressWarning, match="new answers cannot be saved"):
        assert store.summary(LESSON, total=12).text == "2 of 12 done (1 correct)"
    result = store.record("start-balfour-1918", LESSON, "a", False, 0.0)
    assert not result.ok and "new answers cannot be saved" in result.message
    assert "earlier answers are still shown" in result.message
    assert len(store.attempts()) == 2 and db.read_bytes() == content
    assert not list(folder.glob("*.unreadable-*")), "a read-only file is not 'damaged'"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_really_read_only_folder_is_read(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "progress.sqlite"
    assert ProgressStore(db).record("e", LESSON, "x", True, 1.0).ok
    folder.chmod(0o500)
    try:
        store = ProgressStore(db)
        with pytest.warns(ProgressWarning):
            assert len(store.attempts()) == 1
        assert not store.record("e", LESSON, "y", True, 1.0).ok
    finally:
        folder.chmod(0o700)


# --- banks: an alias bomb -------------------------------------------------------------------------


def test_a_bank_with_yaml_aliases_fails_at_once_with_a_named_error(tmp_path):
    from helpers.exercises.bank import read_bank

    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[n]
        levels.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    bomb = tmp_path / "00-start-here.yaml"
    bomb.write_text("lesson: 00-start-here\n" + "\n".join(levels) + "\nexercises: []\n")
    started = time.perf_counter()
    with pytest.raises(DataError, match="YAML alias") as info:
        read_bank(bomb)
    assert time.perf_counter() - started < 2
    assert info.value.path.endswith("00-start-here.yaml") and info.value.line is not None


# --- a lesson run on broken data ------------------------------------------------------------------


def test_a_lesson_on_broken_data_shows_one_clear_message_and_no_cascade(tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    events = data / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    date = lines[1].split(",")[1]
    lines[1] = lines[1].replace(f",{date},", ",1917-11-31,", 1)  # the start_date field, not the id
    events.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("TRUCE_DATA_DIR", str(data))
    monkeypatch.setenv("TRUCE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TRUCE_PROGRESS_DB", str(tmp_path / "p.sqlite"))
    path = ROOT / "notebooks" / "01-recognition-1924.ipynb"
    nb = nbformat.read(path, as_version=4)
    # allow_errors: every cell is run, as a student clicking cell after cell would
    NotebookClient(nb, timeout=120, allow_errors=True, resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [
        (i, o)
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]
    assert errors, "the broken date is found"
    first_cell, first = errors[0]
    assert first.ename == "DataError" and "events.csv" in first.evalue
    assert len(first.traceback) <= 2 and "Traceback" not in "".join(first.traceback), first.traceback
    assert "The lesson stops here" in first.traceback[-1]
    for _, later in errors[1:]:
        assert later.ename in ("DataError", "NameError") and len(later.traceback) <= 2, later.traceback
        if later.ename == "NameError":
            assert later.traceback[0].startswith("Not run: this cell needs")
    # Run All (nbclient's default, JupyterLab's too) stops at the first error
    from nbclient.exceptions import CellExecutionError

    fresh = nbformat.read(path, as_version=4)
    with pytest.raises(CellExecutionError) as info:
        NotebookClient(fresh, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute()
    assert "DataError" in str(info.value)
    code = [i for i, c in enumerate(fresh.cells) if c.cell_type == "code"]
    ran = [i for i in code if fresh.cells[i].get("execution_count")]
    assert ran[-1] == first_cell, "nothing after the first failing cell ran"


# --- the app: many visitors -----------------------------------------------------------------------

VISITOR = """
import sys, warnings
warnings.simplefilter("ignore")
from helpers.app import page
from helpers.exercises import load_bank
tabs = page("00-start-here")
views, panel = tabs._truce_views
ex = next(v for v in views if v.exercise.kind == "numeric" or v.exercise.kind == "choice")
if sys.argv[1] != "-":
    getattr(ex, "type", None) and ex.type(sys.argv[1])
    getattr(ex, "select", None) and ex.select(ex.exercise.options[0].id)
    ex.check_button.click()
panel.export_button.click()
print(panel.store.path)
print(panel.exported)
"""


def test_two_visitors_of_the_app_never_see_each_others_answers(tmp_path):
    """Voila gives each visitor a kernel: two processes stand for two kernels, with the same environment
    (even a TRUCE_PROGRESS_DB set for the server is not shared between visitors)."""
    import subprocess
    import sys

    env = {**os.environ, "TRUCE_PROGRESS_DB": str(tmp_path / "shared.sqlite"), "TRUCE_CACHE_DIR": str(tmp_path / "c")}
    before = sorted(p.name for p in (ROOT / "notebooks" / "app").iterdir())
    runs = [
        subprocess.run(
            [sys.executable, "-c", VISITOR, marker],
            cwd=ROOT / "notebooks" / "app",
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        for marker in ("A-SECRET-51", "-")
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    (path_a, *export_a), (path_b, *export_b) = ([line for line in r.stdout.splitlines() if line] for r in runs)
    assert path_a != path_b and "truce-app-visitor-" in path_a
    assert not Path(path_a).parent.exists(), "a visitor's store goes when their kernel stops"
    assert len(export_a) == 2 and export_a[0].startswith("id,exercise_id"), "A's own answer is in A's export"
    assert export_b == ["id,exercise_id,lesson,answer,correct,score,created_at"], "B's export holds nothing of A's"
    assert sorted(p.name for p in (ROOT / "notebooks" / "app").iterdir()) == before, "no file beside the notebook"
    assert not (tmp_path / "shared.sqlite").exists()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kernels_under(pid: int) -> list[int]:
    """The kernel processes started (at any depth) by process ``pid``."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, ValueError, IndexError):
            continue
    found = []
    for child in parents:
        p = child
        while p in parents and p != pid:
            p = parents[p]
        if p == pid and child != pid:
            try:
                if b"ipykernel_launcher" in (Path("/proc") / str(child) / "cmdline").read_bytes():
                    found.append(child)
            except OSError:
                continue
    return found


@pytest.fixture
def small_app(tmp_path):
    """`make app` on loopback with a small cap (6 kernels), short culling (idle 4 s, checked every second)
    and no pre-warmed pool, so that every kernel is a visitor's."""
    import signal
    import subprocess
    import urllib.request

    port = free_port()
    log = tmp_path / "voila.log"
    env = {**os.environ, "TRUCE_CACHE_DIR": str(tmp_path / "cache"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    args = f"--no-browser --port={port} --Voila.port_retries=0"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                "make",
                "-s",
                "app",
                "APP_POOL=0",
                "APP_MAX_KERNELS=6",
                "APP_CULL=4",
                "APP_CULL_INTERVAL=1",
                f"APP_ARGS={args}",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/voila/static/voila.js", timeout=2):
                    break
            except OSError:
                assert proc.poll() is None, log.read_text(errors="replace")
                time.sleep(0.5)
        yield url, proc, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_ten_page_loads_are_capped_politely_and_culled(small_app):
    """Ten visitors at once without a browser: six get the page, four the polite "full" page; after the
    cull interval no kernel is left running, and no file was written beside the app notebook."""
    import urllib.error
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    url, proc, log = small_app
    before = sorted(p.name for p in (ROOT / "notebooks" / "app").iterdir())

    def load(_):
        try:
            with urllib.request.urlopen(f"{url}/?lesson=00-start-here", timeout=300) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(load, range(10)))
    codes = sorted(code for code, _ in results)
    assert codes == [200] * 6 + [503] * 4, (codes, log.read_text(errors="replace")[-3000:])
    full = next(body for code, body in results if code == 503)
    assert "The app is full just now" in full and "reload this page" in full
    assert "cdn." not in full, "the polite page loads nothing from the network"
    served = len(kernels_under(proc.pid))
    assert served == 6, f"{served} kernels after the loads"
    started = time.time()
    while kernels_under(proc.pid) and time.time() - started < 90:
        time.sleep(0.5)
    left = kernels_under(proc.pid)
    assert not left, f"{len(left)} kernels still running {time.time() - started:.0f} s after the loads"
    print(f"culled 6 idle kernels {time.time() - started:.1f} s after the page loads (idle timeout 4 s)")
    assert sorted(p.name for p in (ROOT / "notebooks" / "app").iterdir()) == before
    assert load(0)[0] == 200, "once culled, there is room again"
