"""`make handouts` and `make pdf` end by saying where to open what they wrote (each edition's index)."""

from __future__ import annotations

from pathlib import Path

import helpers.editions as editions
import helpers.editions.pdf as pdf
from helpers.__main__ import main


def _result(out, editions_=("student",)):
    files = [Path(out) / "student" / "index.html", Path(out) / "student" / "01-recognition-1924.html"]
    return editions.BuildResult(
        Path(out), editions_, ["01-recognition-1924"], files, 1.0, executed=[], reused=["01-recognition-1924"]
    )


def test_handouts_end_with_the_index_paths(monkeypatch, tmp_path, capsys):
    out = tmp_path / "handouts"
    monkeypatch.setattr(
        editions, "build", lambda lessons, edition, out_, workers, cache=True, core_only=False: _result(out_)
    )
    assert main(["handouts", "--lessons", "01", "--edition", "student", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "Reused 1 unchanged lesson(s) from the cache: 01-recognition-1924" in lines
    assert lines[-1] == f"Student edition: {(out / 'student' / 'index.html').resolve()}"


def test_pdf_ends_with_the_index_paths(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(
        pdf, "fresh_handouts", lambda out, edition, core_only=False: _result(out, ("student", "teacher"))
    )
    monkeypatch.setattr(pdf, "print_pdfs", lambda out, edition: [Path("a.pdf"), Path("b.pdf"), Path("c.pdf")])
    assert main(["pdf", "--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-3:] == [
        "Printed 3 PDF(s) beside the handouts.",
        f"Student edition: {(tmp_path / 'student' / 'index.html').resolve()}",
        f"Teacher edition: {(tmp_path / 'teacher' / 'index.html').resolve()}",
    ]


def test_core_only_reaches_the_build_and_the_printer_reads_where_it_wrote(monkeypatch, tmp_path, capsys):
    asked = {}

    def fresh(out, edition, core_only=False):
        asked["core_only"] = core_only
        return _result(out or tmp_path / "handouts-core", ("student",))

    def printed(out, edition):
        asked["printed_from"] = Path(out)
        return [Path("a.pdf")]

    monkeypatch.setattr(pdf, "fresh_handouts", fresh)
    monkeypatch.setattr(pdf, "print_pdfs", printed)
    assert main(["pdf", "--core-only", "--edition", "student"]) == 0
    assert asked == {"core_only": True, "printed_from": tmp_path / "handouts-core"}
