"""`make handouts` and `make pdf` end by saying where to open what they wrote (each edition's index)."""
from __future__ import annotations

from pathlib import Path

import helpers.handouts as handouts
from helpers.__main__ import main


def test_handouts_end_with_the_index_paths(monkeypatch, tmp_path, capsys):
    out = tmp_path / "handouts"
    files = [out / "student" / "index.html", out / "student" / "01-recognition-1924.html"]
    monkeypatch.setattr(handouts, "build", lambda lessons, editions, out_, workers: handouts.BuildResult(
        Path(out_), ("student",), ["01-recognition-1924"], files, 1.0))
    assert main(["handouts", "--lessons", "01", "--edition", "student", "--out", str(out)]) == 0
    last = capsys.readouterr().out.strip().splitlines()
    assert last[-2] == "Wrote 2 files."
    assert last[-1] == f"Student edition: {(out / 'student' / 'index.html').resolve()}"


def test_pdf_ends_with_the_index_paths(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(handouts, "print_pdfs", lambda out, editions: [Path("a.pdf"), Path("b.pdf"), Path("c.pdf")])
    assert main(["pdf", "--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == ["Printed 3 PDFs beside the handouts.",
                     f"Student edition: {(tmp_path / 'student' / 'index.html').resolve()}",
                     f"Teacher edition: {(tmp_path / 'teacher' / 'index.html').resolve()}"]
