"""The handouts as A4 PDFs, printed by headless Chromium (``python -m helpers pdf``, ``make pdf``).

:func:`print_pdfs` first brings the handouts up to date through the build, which runs only the lessons
that changed since they were last run (none, right after ``make handouts``), then prints every handout.

>>> chromium_command("chromium", Path("/tmp/p"), "x.html")[-2:]
['--user-data-dir=/tmp/p', 'x.html']
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .builder import BuildResult, Progress, build, parse_editions
from .kernel import EDITIONS

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)


def find_chromium() -> str | None:
    """Debian's ``chromium`` (or another Chromium/Chrome on PATH)."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_command(chromium: str, profile: Path, *args: str) -> list[str]:
    return [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]


def print_pdf(html: Path, pdf: Path | None = None, chromium: str | None = None, timeout: int = 120) -> Path:
    """Print one handout to PDF (A4, the handout's own running header) with headless Chromium."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise FileNotFoundError("Chromium is not installed: apt-get install chromium (make pdf does it)")
    html = Path(html).resolve()
    pdf = Path(pdf or html.with_suffix(".pdf")).resolve()
    with tempfile.TemporaryDirectory(prefix="truce-chromium-") as profile:
        partial = Path(profile) / "out.pdf"
        cmd = chromium_command(chromium, Path(profile) / "profile", f"--print-to-pdf={partial}", html.as_uri())
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env={**os.environ, "HOME": profile})
        if run.returncode != 0 or not partial.is_file() or partial.stat().st_size == 0:
            tail = "\n".join((run.stderr or "").strip().splitlines()[-5:])
            raise RuntimeError(f"Chromium could not print {html.name} (exit {run.returncode}):\n{tail}")
        shutil.move(str(partial), pdf)
    return pdf


def fresh_handouts(
    out: Path | str | None = None,
    editions: str | Iterable[str] = EDITIONS,
    folder: Path | None = None,
    progress: bool | None = None,
    cache=True,
    core_only: bool = False,
) -> BuildResult:
    """Bring the handouts in ``out`` up to date, running only the lessons that changed (the build does)."""
    return build(editions=editions, out=out, folder=folder, progress=progress, cache=cache, core_only=core_only)


def print_pdfs(
    out: Path | str = "build/handouts",
    editions: str | Iterable[str] = EDITIONS,
    workers: int | None = None,
    progress: bool | None = None,
    chromium: str | None = None,
) -> list[Path]:
    """Print every handout (not the indexes) of the given editions to a PDF beside it."""
    out = Path(out)
    pages = [p for e in parse_editions(editions) for p in sorted((out / e).glob("[0-9][0-9]-*.html"))]
    if not pages:
        raise FileNotFoundError(f"no handouts in {out}: run `make handouts` first")
    report = Progress(len(pages), enabled=progress)
    chromium = chromium or find_chromium()

    def one(page: Path) -> Path:
        t = time.perf_counter()
        pdf = print_pdf(page, chromium=chromium)
        report.lesson(f"{page.parent.name}/{pdf.name}", time.perf_counter() - t, "printed in")
        return pdf

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        return list(pool.map(one, pages))
