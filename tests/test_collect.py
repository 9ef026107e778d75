"""`python -m helpers collect FOLDER`: students' exported answer files merged into one table; bad files
reported by name and skipped, never a crash."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.__main__ import main as cli
from helpers.collect import TABLE_COLUMNS, collect
from helpers.collect_read import read_answers
from helpers.exercises import load_bank
from helpers.progress import ProgressStore

LESSON = "00-start-here"
T0 = datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def bank():
    return load_bank(LESSON)


def choice_exercise(bank):
    return next(e for e in bank.graded if e.kind == "choice" and not e.multiple)


def export(tmp_path, name, attempts, lesson=LESSON):
    """A real export: attempts saved in a progress database, then written by ProgressStore.export_csv."""
    store = ProgressStore(tmp_path / f"db-{name.replace('/', '-')}.sqlite")
    for i, (exercise_id, answer, correct, score) in enumerate(attempts):
        assert store.record(exercise_id, lesson, answer, correct, score, when=T0 + timedelta(minutes=i)).ok
    path = tmp_path / "answers" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return store.export_csv(path)


def rows_by(table, student):
    return {r.exercise_id: r for r in table[table.student == student].itertuples()}


def test_exports_merge_into_one_row_per_student_and_exercise(tmp_path, bank):
    ex = choice_exercise(bank)
    wrong = next(o.id for o in ex.options if o.id not in ex.answer)
    right = ex.answer[0]
    export(tmp_path, "amira-khan.csv", [(ex.id, wrong, False, 0.0), (ex.id, right, True, 1.0)])
    export(tmp_path, "ben.csv", [(ex.id, wrong, False, 0.0)])
    # a learning platform's download: one folder per student, the file keeps the Export button's name
    export(
        tmp_path,
        "Chloe Dupont_4711_assignsubmission_file_/truce-and-rupture-answers-00-start-here-20260105-101500.csv",
        [(ex.id, right, True, 1.0)],
    )

    result = collect(tmp_path / "answers")
    assert result.students == ["amira-khan", "ben", "Chloe Dupont"]
    assert not result.problems and not result.unnamed
    table = result.table()
    assert list(table.columns) == list(TABLE_COLUMNS)
    graded = [e.id for e in bank.graded]
    assert len(table) == 3 * len(graded), "every student gets a row for every graded exercise of the lesson"
    amira, ben, chloe = rows_by(table, "amira-khan"), rows_by(table, "ben"), rows_by(table, "Chloe Dupont")
    assert (amira[ex.id].status, amira[ex.id].attempts, amira[ex.id].correct, amira[ex.id].last_answer) == (
        "correct",
        2,
        "true",
        right,
    )
    assert (ben[ex.id].status, ben[ex.id].attempts, ben[ex.id].correct) == ("tried", 1, "false")
    assert chloe[ex.id].status == "correct"
    other = next(e for e in graded if e != ex.id)
    assert (amira[other].status, amira[other].attempts) == ("not tried", 0)


def test_the_report_says_who_has_done_what(tmp_path, bank):
    ex = choice_exercise(bank)
    source = next(e for e in bank.graded if e.kind == "source_analysis")
    export(tmp_path, "amira.csv", [(ex.id, ex.answer[0], True, 1.0), (source.id, {"q1": "text"}, None, None)])
    export(tmp_path, "ben.csv", [])
    report = collect(tmp_path / "answers").report()
    assert "Read 2 answer files" in report and "2 students, 2 attempts" in report
    graded = [e.id for e in bank.graded]
    amira = next(line for line in report.splitlines() if line.strip().startswith("amira"))
    marks = amira.split()[1 : 1 + len(graded)]
    assert marks[graded.index(ex.id)] == "✔" and marks[graded.index(source.id)] == "✎"
    assert f"2/{len(graded)}" in amira
    ben = next(line for line in report.splitlines() if line.strip().startswith("ben"))
    assert set(ben.split()[1 : 1 + len(graded)]) == {"·"} and f"0/{len(graded)}" in ben


def test_malformed_files_are_reported_by_name_and_skipped(tmp_path, bank):
    ex = choice_exercise(bank)
    good = export(tmp_path, "good.csv", [(ex.id, ex.answer[0], True, 1.0)])
    folder = good.parent
    (folder / "empty.csv").write_text("")
    (folder / "spreadsheet.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    (folder / "notes.txt").write_text("Dear teacher, here are my answers: b, a, c.\n")
    (folder / "wrong-columns.csv").write_text("name,score\nAmira,10\n")
    (folder / "binary.csv").write_bytes(b"\x00\x01\x02garbage\xff\xfe")
    header = ",".join(("id", "exercise_id", "lesson", "answer", "correct", "score", "created_at"))
    (folder / "bad-rows.csv").write_text(
        f"{header}\n"
        f'1,{ex.id},{LESSON},"""b""",maybe,1.0,2026-01-05T10:00:00+00:00\n'
        f'2,{ex.id},{LESSON},"""b""",true,7,2026-01-05T10:01:00+00:00\n'
        f'3,,{LESSON},"""b""",true,1.0,2026-01-05T10:02:00+00:00\n'
        f'4,{ex.id},{LESSON},"""b""",true,1.0,2026-01-05T10:03:00+00:00\n'
        f"5,{ex.id},{LESSON}\n"
    )
    (folder / "broken-quotes.csv").write_text(f'{header}\n1,{ex.id},{LESSON},"""b"", true\n"never closed')
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")

    result = collect(folder)
    skipped = {p.file.name: p.message for p in result.skipped_files}
    assert set(skipped) == {"empty.csv", "spreadsheet.xlsx", "notes.txt", "wrong-columns.csv", "binary.csv"}
    assert "empty" in skipped["empty.csv"] and "not a text file" in skipped["spreadsheet.xlsx"]
    assert "no column" in skipped["wrong-columns.csv"]
    bad_rows = [(p.file.name, p.line) for p in result.skipped_rows]
    assert ("bad-rows.csv", 2) in bad_rows and ("bad-rows.csv", 3) in bad_rows and ("bad-rows.csv", 4) in bad_rows
    assert ("bad-rows.csv", 6) in bad_rows
    assert any(name == "broken-quotes.csv" for name, _ in bad_rows)
    assert {"good", "bad-rows"} <= set(result.students), "good rows of a partly bad file are kept"
    report = result.report()
    for name in skipped:
        assert name in report
    assert ".DS_Store" not in report


def test_excel_style_files_are_read(tmp_path, bank):
    """Saved again by a spreadsheet: semicolons, Windows encoding, TRUE/FALSE, a byte-order mark."""
    ex = choice_exercise(bank)
    folder = tmp_path / "answers"
    folder.mkdir()
    text = (
        "id;exercise_id;lesson;answer;correct;score;created_at\r\n"
        f'1;{ex.id};{LESSON};"""{ex.answer[0]}""";TRUE;1;05/01/2026 10:00\r\n'
    )
    (folder / "Zoë.csv").write_bytes(text.encode("cp1252"))
    (folder / "bom.csv").write_bytes("\ufeff".encode() + text.replace("TRUE", "FALSE").replace(";1;", ";0;").encode())
    result = collect(folder)
    assert not result.problems
    table = result.table()
    assert rows_by(table, "Zoë")[ex.id].status == "correct"
    assert rows_by(table, "bom")[ex.id].status == "tried"


def test_default_export_names_and_student_column(tmp_path, bank):
    ex = choice_exercise(bank)
    export(tmp_path, "truce-and-rupture-answers-00-start-here-20260105-101500.csv", [(ex.id, ex.answer[0], True, 1.0)])
    named = export(tmp_path, "diego-truce-and-rupture-answers-00-start-here-20260105-101501.csv", [])
    folder = named.parent
    header = "student,id,exercise_id,lesson,answer,correct,score,created_at"
    (folder / "upload-1.csv").write_text(
        f'{header}\nEve Shaw,1,{ex.id},{LESSON},"""b""",false,0,2026-01-05T10:00:00+00:00\n'
    )
    result = collect(folder)
    assert "diego" in result.students and "Eve Shaw" in result.students
    assert [p.name for p in result.unnamed] == ["truce-and-rupture-answers-00-start-here-20260105-101500.csv"]
    assert "rename each to the student's name" in result.report()


def test_the_same_attempt_exported_twice_counts_once(tmp_path, bank):
    ex = choice_exercise(bank)
    first = export(tmp_path, "amira/first.csv", [(ex.id, ex.answer[0], True, 1.0)])
    (first.parent / "again.csv").write_bytes(first.read_bytes())
    result = collect(tmp_path / "answers")
    assert result.students == ["amira"] and len(result.attempts) == 1


def test_command_line_writes_the_table_and_never_rereads_it(tmp_path, bank, capsys):
    ex = choice_exercise(bank)
    good = export(tmp_path, "amira.csv", [(ex.id, ex.answer[0], True, 1.0)])
    (good.parent / "junk.csv").write_text("hello\n")
    out = good.parent / "class.csv"
    for _ in range(2):  # the second run finds its own output in the folder and leaves it alone
        assert cli(["collect", str(good.parent), "--output", str(out)]) == 0
        printed = capsys.readouterr().out
        assert "junk.csv" in printed and "class.csv" not in printed.split("The table")[0]
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["student"] for r in rows} == {"amira"} and len(rows) == len(bank.graded)
    # a collected table dropped into another folder is recognised, not misread as a student
    other = tmp_path / "other"
    other.mkdir()
    (other / "class.csv").write_bytes(out.read_bytes())
    attempts, problems, _ = read_answers(other / "class.csv", other)
    assert attempts is None and "made by 'collect'" in problems[0].message


def test_command_line_exit_codes(tmp_path, capsys):
    assert cli(["collect", str(tmp_path / "nowhere")]) == 2
    (tmp_path / "empty").mkdir()
    assert cli(["collect", str(tmp_path / "empty"), "--output", str(tmp_path / "out.csv")]) == 1
    assert "No answer files" in capsys.readouterr().out
    assert not (tmp_path / "out.csv").exists()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.lists(
            st.sampled_from([",", ";", '"', "\n", "\r", " ", "a", "0", "1", "-", "true", "false", "\x00", "é"]),
            max_size=120,
        ).map(lambda parts: ("id,exercise_id,lesson,answer,correct,score,created_at\n" + "".join(parts)).encode()),
    )
)
def test_any_file_content_is_read_or_reported_never_raised(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "student.csv").write_bytes(content)
    result = collect(folder)
    assert result.files or result.skipped_files
    result.table()
    result.report()
