"""Real-browser tests: JupyterLab (`make lab`) and the app (`make app`, Voila) in headless Chromium.

The browser is Debian's chromium package, driven by Playwright (`executable_path`; no browser is ever
downloaded). As root, `make test` installs the package when it is missing; otherwise these tests skip and
say why (set TRUCE_REQUIRE_BROWSER=1 to make a missing browser a failure instead).

Each server runs on loopback, on a free port, with a token, in a temporary home (nothing of the user's is
read or written), with a throwaway progress database; the lesson is opened from a temporary copy of
notebooks/, so nothing is saved into the repository. The page may fetch nothing but the local server:
every other request is refused and reported. The server and the browser are stopped in `finally`
blocks, also when a test fails. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT
from test_lab import free_port, stop

from helpers.exercises import load_bank
from helpers.exercises.model import Choice
from helpers.notebooks import cell_text, lesson_title, read_notebook

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("TRUCE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "build" / "screenshots"
#: The lesson the test opens: lesson 01, or the start page while lesson 01 does not exist yet.
LESSON = next(
    p
    for p in (ROOT / "notebooks" / "01-recognition-1924.ipynb", ROOT / "notebooks" / "00-start-here.ipynb")
    if p.exists()
)
from helpers.exercises import EXERCISE_REF as SHOW  # noqa: E402

#: A button's accessible name starts with its icon's glyph: match the words only.
CHECK = re.compile(r"^\W*Check$")
START_TIMEOUT = 120  # seconds for a server to answer
RUN_ALL_TIMEOUT = 300  # seconds for a lesson's cells to run
MS = 1000


def _missing_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: `make test` installs it (the [test] extra in pyproject.toml)"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            "Debian's chromium is not installed: as root, `make test` installs it "
            "(apt-get install chromium); or point TRUCE_CHROMIUM at a Chromium binary"
        )
    return None


@pytest.fixture(scope="module")
def browser():
    for stale in SCREENSHOTS.glob("FAILED-*.png"):  # left by an earlier run
        stale.unlink()
    reason = _missing_browser()
    if reason:
        if os.environ.get("TRUCE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30 * MS)  # a kernel on a busy machine may take a while to answer a click
    manager = sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        manager.stop()


# --- servers ----------------------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    token: str
    home: Path
    db: Path
    log: Path
    proc: subprocess.Popen | None = None
    blocked: list[str] = field(default_factory=list)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""

    def attempts(self, exercise_id: str) -> list[dict]:
        """Saved attempts: in the server's progress file, or (the app: ``db`` is a folder) in the visitors' own."""
        dbs = sorted(self.db.glob("truce-app-visitor-*/progress.sqlite")) if self.db.is_dir() else [self.db]
        rows = []
        for db in (d for d in dbs if d.exists()):
            with contextlib.closing(sqlite3.connect(db)) as conn:
                conn.row_factory = sqlite3.Row
                rows += [
                    dict(r)
                    for r in conn.execute("SELECT * FROM attempts WHERE exercise_id = ? ORDER BY id", (exercise_id,))
                ]
        return rows


def temporary_home(home: Path) -> dict[str, str]:
    """Environment for a server in a throwaway home, with JupyterLab's news and update checks off, no
    autosave (the test never writes a notebook), and every cell kept in the page."""
    settings = home / "jupyter-config" / "lab" / "user-settings" / "@jupyterlab"
    for plugin, values in {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "docmanager-extension/plugin": {"autosave": False},
        "notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JUPYTER", "TRUCE_PROGRESS", "IPYTHON", "XDG_"))
    }
    return {
        **env,
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / "jupyter-config"),
        "JUPYTER_DATA_DIR": str(home / "jupyter-data"),
        "JUPYTER_RUNTIME_DIR": str(home / "jupyter-runtime"),
        "IPYTHONDIR": str(home / "ipython"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TRUCE_PROGRESS_DB": str(home / "progress" / "progress.sqlite"),
    }


def start(command: list[str], server: Server, env: dict[str, str], ready_path: str) -> Server:
    """Start a server with make (its own process group), wait until ``ready_path`` answers; stop it on failure."""
    with server.log.open("wb") as log:
        server.proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.time() + START_TIMEOUT
    while time.time() < deadline:
        if server.proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{server.url}{ready_path}", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    stop(server.proc)
    raise AssertionError(f"{' '.join(command[:3])} did not answer within {START_TIMEOUT} s; output:\n{server.output()}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` on loopback, serving a temporary copy of notebooks/ (so nothing is written into the repository)."""
    home = tmp_path_factory.mktemp("lab-home")
    root = home / "pack"
    shutil.copytree(
        ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.csv")
    )
    (root / "data").symlink_to(ROOT / "data", target_is_directory=True)
    port, token = free_port(), secrets.token_hex(16)
    env = temporary_home(home)
    server = Server(f"http://127.0.0.1:{port}", token, home, Path(env["TRUCE_PROGRESS_DB"]), home / "lab.log")
    args = (
        f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
        "--ServerApp.port_retries=0 --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"
    )
    start(["make", "-s", "lab", f"LAB_ROOT={root}", f"LAB_ARGS={args}"], server, env, f"/api/status?token={token}")
    try:
        yield server
    finally:
        stop(server.proc)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """`make app` (Voila) on loopback."""
    home = tmp_path_factory.mktemp("app-home")
    port, token = free_port(), secrets.token_hex(16)
    # each visitor's kernel keeps its answers in a folder of its own under TMPDIR (helpers.app.visitor_store)
    env = {**temporary_home(home), "TMPDIR": str(home / "tmp")}
    (home / "tmp").mkdir()
    server = Server(f"http://127.0.0.1:{port}", token, home, home / "tmp", home / "app.log")
    args = f"--no-browser --port={port} --token={token} --Voila.port_retries=0"  # loopback: make app's default
    start(["make", "-s", "app", f"APP_ARGS={args}"], server, env, "/voila/static/voila.js")
    try:
        yield server
    finally:
        stop(server.proc)


# --- pages ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def new_page(browser, server: Server, name: str):
    """A page that may talk only to the local server (other requests are refused and listed in
    ``server.blocked``); on failure a screenshot is saved as build/screenshots/FAILED-<name>.png."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)

    def only_local(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            server.blocked.append(url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.set_default_timeout(60 * MS)
    try:
        with screenshot_on_failure(page, name):
            yield page
    finally:
        context.close()


@contextlib.contextmanager
def screenshot_on_failure(page, name: str):
    """Save what the page shows as build/screenshots/FAILED-<name>.png if the block fails."""
    try:
        yield page
    except BaseException:
        with contextlib.suppress(Exception):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"FAILED-{name}.png"))
        raise


def open_and_run_all(page, lab: Server, notebook: str) -> None:
    """Open a notebook in JupyterLab, wait for its kernel, run all cells and wait until every one has run."""
    # a workspace of its own, so JupyterLab restores no other open notebook into the page
    workspace = f"test-{secrets.token_hex(4)}"
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/notebooks/{notebook}?token={lab.token}", wait_until="commit")
    cells(page).first.wait_for(timeout=START_TIMEOUT * MS)
    page.get_by_text(re.compile(r"Python 3 \(ipykernel\) \| Idle")).wait_for(timeout=START_TIMEOUT * MS)
    page.wait_for_timeout(1000)  # JupyterLab writes the kernel's details into the notebook once it is idle
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), f"{notebook} is marked modified on opening"
    page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    try:
        page.wait_for_function(
            """() => { const prompts = [...document.querySelectorAll(
                           '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-CodeCell .jp-InputPrompt')];
                       return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent)); }""",
            timeout=RUN_ALL_TIMEOUT * MS,
        )
    except Exception as exc:
        prompts = cells(page).locator(".jp-InputPrompt").all_text_contents()
        errors = page.locator("[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()
        raise AssertionError(
            f"not every cell of {notebook} ran: prompts {prompts}; errors {errors[:2]}; server output:\n{lab.output()}"
        ) from exc
    errors = page.locator("[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()
    assert not errors, f"{notebook}: a cell raised an error:\n{errors[0][:2000]}"


def cells(page):
    """The cells of the notebook on show, in order (every cell is in the page: windowing is off)."""
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell")


def code_cells_showing(notebook: Path) -> list[tuple[int, str]]:
    """(cell index, exercise id) for each ``show("...")`` in the notebook, in order."""
    cells = read_notebook(notebook)["cells"]
    return [
        (i, m.group(1)) for i, c in enumerate(cells) if c["cell_type"] == "code" for m in SHOW.finditer(cell_text(c))
    ]


def first_choice(notebook: Path) -> tuple[int, Choice]:
    """The first single-answer choice exercise the lesson shows that allows a wrong try before the right one."""
    bank = load_bank(notebook.stem)
    for index, exercise_id in code_cells_showing(notebook):
        ex = bank[exercise_id] if exercise_id in bank else None
        if isinstance(ex, Choice) and not ex.multiple and (ex.max_attempts is None or ex.max_attempts >= 2):
            return index, ex
    pytest.fail(f"{notebook.name} shows no single-answer choice exercise")


def explorer_cell(notebook: Path) -> int | None:
    """The first cell that shows the timeline explorer: ``show("<an explorer exercise>")`` or ``explorer(...)``."""
    bank = load_bank(notebook.stem)
    shown = {
        i
        for i, exercise_id in code_cells_showing(notebook)
        if exercise_id in bank and bank[exercise_id].kind == "explorer"
    }
    called = {
        i
        for i, c in enumerate(read_notebook(notebook)["cells"])
        if c["cell_type"] == "code" and re.search(r"(^|[^\w.])explorer\(", cell_text(c))
    }
    return min(shown | called, default=None)


def words(text: str) -> str:
    return " ".join(text.split())


def shot(locator, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    locator.screenshot(path=str(path))
    return path


def option_name(ex: Choice, option_id: str) -> str:
    """An option's accessible name as the page shows it: its letter by position in the shuffled order, and text."""
    return f"{ex.label(option_id)}) {ex.option(option_id).text}"


def answer_wrongly_then_rightly(scope, server: Server, ex: Choice, shot_name: str):
    """Click a wrong option and Check, then the right one and Check, asserting on the feedback each time
    and on the attempts saved in the progress database."""
    from playwright.sync_api import expect

    wrong = next(o for o in ex.options if o.id not in ex.answer)
    right = ex.option(ex.answer[0])
    feedback = scope.locator(".tr-feedback")
    check = scope.get_by_role("button", name=CHECK)

    scope.get_by_role("radio", name=option_name(ex, wrong.id), exact=True).click()
    check.click()
    expect(feedback).to_contain_text("✘ Not right.")
    assert words(wrong.feedback) in words(feedback.inner_text()), "the wrong option's own feedback is shown"
    assert "✔" not in feedback.inner_text()
    shot(scope, shot_name.replace(".png", "-wrong.png"))

    scope.get_by_role("radio", name=option_name(ex, right.id), exact=True).click()
    check.click()
    expect(feedback).to_contain_text("✔ Correct.")
    text = words(feedback.inner_text())
    assert words(right.feedback) in text
    if ex.explanation:
        assert words(ex.explanation) in text, "the explanation appears after the right answer"
    shot(scope, shot_name)

    deadline, rows = time.time() + 15, []
    while time.time() < deadline and len(rows) < 2:
        rows = server.attempts(ex.id)
        time.sleep(0.2)
    assert [(json.loads(r["answer"]), r["correct"], r["lesson"]) for r in rows] == [
        (wrong.id, 0, ex.lesson),
        (right.id, 1, ex.lesson),
    ], "both attempts are saved, in order"
    return rows


# --- the tests --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lesson_page(browser, lab):
    """The lesson open in JupyterLab with every cell run (shared by the tests below, to run it once)."""
    with new_page(browser, lab, f"lab-{LESSON.stem}") as page:
        open_and_run_all(page, lab, LESSON.name)
        yield page


def test_lesson_exercise_answered_wrongly_then_rightly_in_jupyterlab(lab, lesson_page, tmp_path):
    from playwright.sync_api import expect

    page = lesson_page
    with screenshot_on_failure(page, f"lab-{LESSON.stem}-exercise"):
        index, ex = first_choice(LESSON)
        cell = cells(page).nth(index)
        expect(cell).to_contain_text(ex.id)
        cell.scroll_into_view_if_needed()
        answer_wrongly_then_rightly(cell.locator(".jp-OutputArea"), lab, ex, f"lab-{LESSON.stem}-exercise.png")
        page.screenshot(path=str(SCREENSHOTS / f"lab-{LESSON.stem}.png"))

        # the lesson's progress panel counts the attempt, and its Export button hands the student a file
        panel = (
            cells(page)
            .locator(".jp-OutputArea")
            .filter(has=page.get_by_role("button", name="Export my answers (CSV)"))
            .last
        )
        lesson_code = "\n".join(cell_text(c) for c in read_notebook(LESSON)["cells"] if c["cell_type"] == "code")
        if "progress_summary(" in lesson_code:
            expect(panel).to_contain_text(re.compile(r"[1-9]\d* of \d+ done \([1-9]\d* correct\)"))
            panel.get_by_role("button", name="Export my answers (CSV)").click()
            link = panel.get_by_role("link", name=re.compile(r"Download truce-and-rupture-answers-"))
            with page.expect_download() as download:
                link.click()
            shot(panel, f"lab-{LESSON.stem}-export.png")
            folder = tmp_path / "class"
            folder.mkdir()
            saved = folder / "student-one.csv"
            download.value.save_as(saved)
            from helpers.collect import collect

            merged = collect(folder)
            assert not merged.problems and merged.students == ["student-one"]
            row = merged.table().query("exercise_id == @ex.id").iloc[0]
            assert (row.status, int(row.attempts)) == ("correct", 2), "the downloaded export is what collect reads"
    assert not lab.blocked, f"the page tried to reach the network: {lab.blocked}"


def test_explorer_slider_redraws_table_and_figure_in_jupyterlab(browser, lab, lesson_page):
    index, notebook = explorer_cell(LESSON), LESSON
    page_context = screenshot_on_failure(lesson_page, "lab-explorer")
    if index is None:  # the lesson has no explorer: use the start page's
        notebook = ROOT / "notebooks" / "00-start-here.ipynb"
        index = explorer_cell(notebook)
        assert index is not None, "00-start-here shows the explorer"
        page_context = new_page(browser, lab, "lab-explorer")
    with page_context as page:
        if notebook != LESSON:
            open_and_run_all(page, lab, notebook.name)
        cell = cells(page).nth(index)
        cell.scroll_into_view_if_needed()
        move_slider_and_check(page, cell.locator(".jp-OutputArea"), f"lab-{notebook.stem}-explorer")
    assert not lab.blocked, f"the page tried to reach the network: {lab.blocked}"


def claim_cell(notebook: Path):
    """(cell index, exercise) of the claim the lesson shows: its closing argument."""
    from helpers.exercises.written import Claim

    bank = load_bank(notebook.stem)
    for index, exercise_id in code_cells_showing(notebook):
        if exercise_id in bank and isinstance(bank[exercise_id], Claim):
            return index, bank[exercise_id]
    pytest.fail(f"{notebook.name} shows no claim exercise")


#: What a claim's controls must not do at phone width: run out of the exercise's box or the screen.
CLAIM_FITS = """(box) => {
  const edge = Math.min(box.getBoundingClientRect().right, document.documentElement.clientWidth);
  const out = [];
  for (const el of box.querySelectorAll('textarea, input[type=radio], .widget-radio-box label, button')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;  // hidden
    const name = (el.innerText || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 40);
    if (r.right > edge + 1 || r.left < -1) out.push(`${name} runs out of the box (${r.left}-${r.right} of ${edge})`);
    if (r.width < 20 && el.tagName !== 'INPUT') out.push(`${name} is squeezed to ${r.width} px`);
  }
  for (const el of [box, ...box.querySelectorAll('.widget-vbox, .widget-radio, .widget-textarea')])
    if (el.scrollWidth > el.clientWidth + 1) {
      const rights = [...el.children].map(c => `${c.className.split(' ').pop()}:${c.getBoundingClientRect().right}`);
      out.push(`${el.className} scrolls sideways (${el.scrollWidth} > ${el.clientWidth}; children end at ${rights})`);
    }
  return out;
}"""


def test_claim_is_written_saved_and_placed_on_a_level_in_jupyterlab(lab, lesson_page):
    """The lesson's closing claim: the word count follows the typing; the levels appear only once the answer
    is saved; the level chosen is saved with the text. Then at 360 px the box, its levels and buttons fit."""
    from playwright.sync_api import expect

    from helpers.exercises.written import count_words

    page = lesson_page
    index, ex = claim_cell(LESSON)
    first = "Recognition came quickly because Labour had promised it and traders wanted Russian orders. "
    more = "Document 1 shows what Moscow expected in return; the treaties then failed in the autumn election. "
    text = first + more * 3
    with screenshot_on_failure(page, f"lab-{LESSON.stem}-claim"):
        started = time.time()
        scope = cells(page).nth(index).locator(".jp-OutputArea")
        box = scope.locator(".tr-view").filter(has=page.get_by_role("button", name=re.compile(r"Save my answer$")))
        box.scroll_into_view_if_needed()
        # include_hidden: the levels are in the page from the start, hidden until the answer is saved
        radios = box.get_by_role("radio", include_hidden=True)
        save_level = box.get_by_role("button", name=re.compile(r"Save my level$"), include_hidden=True)
        count = box.locator(".tr-meta", has_text="words (aim for")
        expect(count).to_have_text(f"0 words (aim for {ex.min_words}–{ex.max_words})")
        assert radios.count() == len(ex.mark_scheme) and save_level.count() == 1
        expect(radios.first).to_be_hidden()  # no levels before an answer is saved
        expect(save_level).to_be_hidden()

        answer = box.locator("textarea")
        answer.fill(first)
        expect(count).to_have_text(f"{count_words(first)} words (aim for {ex.min_words}–{ex.max_words})")
        answer.press("End")
        answer.press_sequentially(more * 3, delay=2)  # typed key by key: the count follows
        expect(count).to_have_text(f"{count_words(text)} words (aim for {ex.min_words}–{ex.max_words})")
        expect(radios.first).to_be_hidden()

        box.get_by_role("button", name=re.compile(r"Save my answer$")).click()
        expect(box.locator(".tr-feedback").first).to_contain_text(f"You wrote {count_words(text)} words")
        for n, level in enumerate(ex.mark_scheme):
            expect(radios.nth(n)).to_be_visible()
            assert words(level.descriptor) in words(box.locator(".widget-radio-box label").nth(n).inner_text())
        chosen = ex.mark_scheme[1]
        radios.nth(1).check()
        save_level.click()
        top = ex.mark_scheme[-1].level
        expect(box).to_contain_text(f"You placed your answer at level {chosen.level} of {top}: {chosen.label}.")
        shot(box, f"lab-{LESSON.stem}-claim.png")

        deadline, rows = time.time() + 15, []
        while time.time() < deadline and len(rows) < 2:
            rows = lab.attempts(ex.id)
            time.sleep(0.2)
        assert [json.loads(r["answer"]) for r in rows] == [text, {"text": text, "level": chosen.level}], (
            "the answer is saved on Save, then again with the level chosen"
        )
        assert all(r["lesson"] == ex.lesson for r in rows)
        elapsed = time.time() - started

        page.set_viewport_size({"width": 360, "height": 780})
        open_panel = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
        sidebar_was_open = open_panel.count() > 0
        try:
            if sidebar_was_open:  # on a phone the file browser is folded away, as a student would fold it
                open_panel.click()
            page.wait_for_timeout(500)  # JupyterLab lays the page out again
            box.scroll_into_view_if_needed()
            expect(radios.first).to_be_visible()
            problems = box.evaluate(CLAIM_FITS)
            radios.first.scroll_into_view_if_needed()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"lab-{LESSON.stem}-claim-phone.png"))
            assert problems == [], f"{ex.id} at 360 px: {problems}"
            answer.fill(text + " One more sentence at phone size.")  # still usable: typing counts, a level saves
            expect(count).to_contain_text(f"{count_words(text) + 6} words")
            radios.nth(0).check()
            expect(radios.nth(0)).to_be_checked()
        finally:
            page.set_viewport_size({"width": 1400, "height": 1000})
            if sidebar_was_open:
                page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab").first.click()
    print(f"claim answered and assessed in {elapsed:.1f} s (the lesson's Run All not counted)")
    assert not lab.blocked, f"the page tried to reach the network: {lab.blocked}"


def move_slider_and_check(page, scope, name: str) -> None:
    """Move the upper handle of the Dates slider with the keyboard; the count, the table and the figure change."""
    from playwright.sync_api import expect

    status = scope.get_by_role("status").filter(has_text="match")
    readout = scope.locator(".widget-readout").first
    figure = scope.locator("img[alt]").first
    expect(status).to_contain_text("match")
    before = {
        "status": status.inner_text(),
        "readout": readout.inner_text(),
        "rows": table_dates(scope),
        "img": figure.get_attribute("src"),
        "alt": figure.get_attribute("alt"),
    }
    shot(scope, f"{name}-before.png")

    # Keyboard, as a student without a mouse would: PageDown moves the end of the range back 5 months.
    handle = scope.locator(".noUi-handle-upper")
    handle.focus()
    months = float(handle.get_attribute("aria-valuenow")) - float(handle.get_attribute("aria-valuemin"))
    for _ in range(max(1, int(months // 10))):  # to about the middle of the range
        page.keyboard.press("PageDown")
    expect(readout).not_to_have_text(before["readout"])
    after = settled(scope, status, readout, figure, before)
    shot(scope, f"{name}-after.png")

    n_before, n_after = (int(d["status"].split()[0]) for d in (before, after))
    assert 0 < n_after < n_before, (before["status"], after["status"])
    assert len(after["rows"]) < len(before["rows"]) or len(before["rows"]) >= 150, "the table lists fewer events"
    end = _month(after["readout"].split("-")[-1])
    assert all((d.tm_year, d.tm_mon) <= end for d in after["rows"]), (
        f"every event in the table falls before the new end of the range, {after['readout']}"
    )
    assert after["img"] != before["img"], "the timeline is redrawn"


def settled(scope, status, readout, figure, before: dict, timeout: float = 60) -> dict:
    """Wait until the kernel has drawn the range the slider shows now: the count has changed and agrees with
    the table, and no event in the table falls after the range's end (every key press sends a redraw;
    earlier ones end later). Returns what the explorer shows then."""
    deadline, now = time.time() + timeout, {}
    while time.time() < deadline:
        with contextlib.suppress(Exception):
            now = {
                "status": status.inner_text(),
                "readout": readout.inner_text(),
                "rows": table_dates(scope),
                "img": figure.get_attribute("src"),
                "alt": figure.get_attribute("alt"),
            }
            end = _month(now["readout"].split("-")[-1])
            count = int(now["status"].split()[0])
            if (
                now["status"] != before["status"]
                and now["img"] != before["img"]
                and (count == len(now["rows"]) or len(now["rows"]) >= 150)
                and all((d.tm_year, d.tm_mon) <= end for d in now["rows"])
            ):
                time.sleep(0.3)
                if readout.inner_text() == now["readout"] and status.inner_text() == now["status"]:
                    return now
        time.sleep(0.25)
    raise AssertionError(f"the explorer did not redraw for {now.get('readout')}: it shows {now.get('status')}")


def _month(text: str) -> tuple[int, int]:
    parsed = time.strptime(text.strip(), "%b %Y")
    return parsed.tm_year, parsed.tm_mon


def table_dates(scope) -> list[time.struct_time]:
    cells = scope.locator("table.tr-matching tr td:first-child").all_inner_texts()
    return [time.strptime(c.strip(), "%d %b %Y") for c in cells]


def test_app_mode_serves_explorer_and_exercises_without_code(browser, app):
    """`make app`: the page shows widgets and no code; one exercise answered by clicking; the slider moves."""
    from playwright.sync_api import expect

    from helpers.app import app_exercises, default_lesson

    lesson = default_lesson()
    bank = load_bank(lesson)
    ex = next(
        e
        for e in app_exercises(bank)
        if isinstance(e, Choice) and not e.multiple and (e.max_attempts is None or e.max_attempts >= 2)
    )
    with new_page(browser, app, "app") as page:
        page.goto(f"{app.url}/?token={app.token}", wait_until="commit")  # Voila streams the page as it runs
        explore = page.get_by_role("tab", name="Explore the timeline")
        explore.wait_for(timeout=START_TIMEOUT * MS)
        html = page.content()
        assert "from helpers" not in html and "page()" not in html, "the page carries no code"
        assert page.locator(".jp-InputArea-editor, .cm-editor").count() == 0, "no code editors on the page"
        page.screenshot(path=str(SCREENSHOTS / "app-explorer.png"))
        explorer_box = page.locator(".widget-vbox").filter(has=page.locator("h3", has_text="Explore the events")).last
        move_slider_and_check(page, explorer_box, "app-explorer")

        page.get_by_role("tab", name="Exercises").click()
        box = (
            page.locator(".widget-vbox")
            .filter(has=page.locator("h3", has_text=ex.title or ex.id))
            .filter(has=page.get_by_role("button", name=CHECK))
            .last
        )
        box.scroll_into_view_if_needed()
        answer_wrongly_then_rightly(box, app, ex, "app-exercise.png")
        expect(page.locator("p", has_text=f"Your progress in {lesson_title(lesson)}")).to_contain_text("(1 correct)")
    assert not app.blocked, f"the page tried to reach the network: {app.blocked}"


# --- accessibility (axe-core), keyboard, phone size -------------------------------------------------------

#: axe-core, installed from the npm registry by `make browser` (part of `make test`) into node_modules/.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_REPORTS = ROOT / "build" / "axe"
#: Violations of these impacts fail a test; the others are reported in build/axe/<page>.json.
BLOCKING = ("critical", "serious")
PHONE = {"width": 375, "height": 812}
#: TRUCE_README_SCREENSHOTS=1 makes the tests also save the README's two pictures into docs/screenshots/.
README_SHOTS = ROOT / "docs" / "screenshots" if os.environ.get("TRUCE_README_SCREENSHOTS") == "1" else None


def axe_violations(page, name: str, context=None) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules and best practice) on the page, or on ``context`` (axe's
    include/exclude object); save every violation to build/axe/<name>.json and return them."""
    if not AXE.is_file():
        reason = "axe-core is not installed: `make browser` installs it with npm (is npm installed?)"
        if os.environ.get("TRUCE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async (context) => {
             const result = await axe.run(context || document, {resultTypes: ['violations']});
             return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 300)}))}));
           }""",
        context,
    )
    AXE_REPORTS.mkdir(parents=True, exist_ok=True)
    (AXE_REPORTS / f"{name}.json").write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    return found


def blocking(violations: list[dict]) -> list[str]:
    """One line per critical or serious violation: rule, impact, help and the first elements it names."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} element(s), e.g. "
        f"{'; '.join(n['target'] for n in v['nodes'][:3])}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


@pytest.fixture(scope="module")
def handout_site(tmp_path_factory):
    """Both editions of every lesson's handout, built once and served on loopback."""
    import functools
    import http.server
    import threading

    from helpers.editions import build

    out = tmp_path_factory.mktemp("handouts") / "handouts"
    home, os.environ["HOME"] = os.environ.get("HOME"), str(tmp_path_factory.mktemp("home"))
    try:
        build(out=out, folder=ROOT / "notebooks", workers=2, progress=False)
    finally:
        if home is not None:
            os.environ["HOME"] = home

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # no request log on the test's output
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", "", out, out / "none.sqlite", out / "none.log"), out
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_handouts_and_indexes_have_no_serious_accessibility_violations(browser, handout_site):
    server, out = handout_site
    pages = [
        f"{edition}/{p.name}"
        for edition in ("student", "teacher")
        for p in sorted((out / edition).glob("*.html"), key=lambda p: (p.name != "index.html", p.name))
    ]
    assert len(pages) == 2 * (len(list((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))) + 1)
    problems = {}
    with new_page(browser, server, "handouts-axe") as page:
        for path in pages:
            page.goto(f"{server.url}/{path}")
            found = blocking(axe_violations(page, "handout-" + path.replace("/", "-").removesuffix(".html")))
            if found:
                problems[path] = found
            if README_SHOTS and path == f"student/{LESSON.stem}.html":  # the README's picture of a handout
                README_SHOTS.mkdir(parents=True, exist_ok=True)
                page.set_viewport_size({"width": 1000, "height": 800})
                page.locator(".tr-exercise").first.evaluate("el => el.scrollIntoView({block: 'start'})")
                page.screenshot(path=str(README_SHOTS / "handout-page.png"))
                page.set_viewport_size({"width": 1400, "height": 1000})
    assert problems == {}, json.dumps(problems, indent=1)
    assert not server.blocked, f"a handout tried to reach the network: {server.blocked}"


def test_lesson_in_jupyterlab_after_run_all_has_no_serious_accessibility_violations(lesson_page):
    with screenshot_on_failure(lesson_page, "lab-axe") as page:
        # the pack's own part of the page: rendered Markdown and outputs (JupyterLab's editors and panels are
        # JupyterLab's; build/axe/lab-*-whole-notebook.json keeps what axe says of them, for information)
        notebook = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
        axe_violations(page, f"lab-{LESSON.stem}-whole-notebook", {"include": [[notebook]]})
        own = {"include": [[f"{notebook} .jp-MarkdownOutput"], [f"{notebook} .jp-OutputArea"]]}
        found = blocking(axe_violations(page, f"lab-{LESSON.stem}", own))
        assert found == [], "\n".join(found)
        if README_SHOTS:  # the README's picture of a lesson: its first exercise, answered below the text
            index, _ = first_choice(LESSON)
            cells(page).nth(max(0, index - 1)).scroll_into_view_if_needed()
            page.set_viewport_size({"width": 1280, "height": 800})
            cells(page).nth(max(0, index - 1)).evaluate("el => el.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            README_SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(README_SHOTS / "lesson-in-jupyterlab.png"))


def open_app(page, app: Server, lesson: str | None = None):
    page.goto(f"{app.url}/?token={app.token}" + (f"&lesson={lesson}" if lesson else ""), wait_until="commit")
    page.get_by_role("tab", name="Exercises").wait_for(timeout=START_TIMEOUT * MS)
    page.locator(".tr-view").first.wait_for(timeout=START_TIMEOUT * MS)


def test_app_tabs_have_no_serious_accessibility_violations(browser, app):
    from playwright.sync_api import expect

    with new_page(browser, app, "app-axe") as page:
        open_app(page, app)
        expect(page.get_by_role("status").filter(has_text="match").first).to_contain_text("match")
        explore = blocking(axe_violations(page, "app-explore"))
        page.get_by_role("tab", name="Exercises").click()
        expect(page.get_by_role("button", name=CHECK).first).to_be_visible()
        exercises = blocking(axe_violations(page, "app-exercises"))
        assert (explore, exercises) == ([], []), "\n".join(explore + exercises)
    assert not app.blocked


def tab_to(page, target, limit: int = 300) -> None:
    """Press Tab until the keyboard's focus is on ``target`` (as a student without a mouse would)."""
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_an_exercise_is_answered_and_checked_with_the_keyboard_alone(browser, app):
    """Tab to the options, choose with the arrow keys, Tab to Check, press Enter: the feedback comes."""
    from playwright.sync_api import expect

    from helpers.app import app_exercises, default_lesson

    bank = load_bank(default_lesson())
    ex = next(e for e in app_exercises(bank) if isinstance(e, Choice) and not e.multiple)
    right = [o.id for o in ex.display_order].index(ex.answer[0])  # its place as shown
    with new_page(browser, app, "app-keyboard") as page:
        open_app(page, app)
        tab = page.get_by_role("tab", name="Exercises")
        tab_to(page, page.get_by_role("tab", name="Explore the timeline"))
        page.keyboard.press("ArrowRight")  # the tab bar moves with the arrow keys
        page.keyboard.press("Enter")
        expect(tab).to_have_attribute("aria-selected", "true")
        box = (
            page.locator(".tr-view")
            .filter(has=page.locator("h3", has_text=ex.title))
            .filter(has=page.get_by_role("button", name=CHECK))
            .last
        )
        radios = box.get_by_role("radio")
        key = box.get_by_role("radio", name=f"{ex.label(ex.answer[0])}) {ex.option(ex.answer[0]).text}")
        tab_to(page, radios.first)
        page.keyboard.press("Space")
        for _ in range(len(ex.options)):  # down the options, as shown, until the key is chosen
            if key.is_checked():
                break
            page.keyboard.press("ArrowDown")
        expect(key).to_be_checked()
        # the choice reaches the kernel a moment after the page shows it (a widget message); on a busy
        # machine pressing Check at once can send the option passed on the way
        page.wait_for_timeout(1500)
        assert right == [o.id for o in ex.display_order].index(ex.answer[0])
        tab_to(page, box.get_by_role("button", name=CHECK))
        page.keyboard.press("Enter")
        expect(box.locator(".tr-feedback")).to_contain_text("✔ Correct.")
        shot(box, "app-keyboard-exercise.png")


OVERLAPS = """(box) => {
  const boxes = [...box.querySelectorAll('label, button, select, textarea, input[type=text]')]
    .filter(el => el.offsetParent !== null && !(el.tagName === 'LABEL' && el.querySelector('input, select, textarea')
                                                && el.closest('.widget-radio-box, .widget-checkbox') === null))
    .map(el => ({el, r: el.getBoundingClientRect(), name: (el.innerText || el.tagName).trim().slice(0, 40)}))
    .filter(b => b.r.width > 0 && b.r.height > 0);
  const out = [];
  const width = document.documentElement.clientWidth;
  for (const b of boxes) if (b.r.right > width + 1 || b.r.left < -1) out.push(`${b.name} runs off the screen`);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
    const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    if (x > 1 && y > 1) out.push(`"${a.name}" overlaps "${b.name}"`);
  }
  return out;
}"""


def answer_rightly(page, box, ex) -> None:
    """Answer an exercise as the bank says is right, with clicks and typing, and press its button."""
    from playwright.sync_api import expect

    from helpers.exercises.arranging import Chronology, Matching
    from helpers.exercises.written import SourceAnalysis

    if isinstance(ex, Choice):
        for oid in ex.answer:
            role = "checkbox" if ex.multiple else "radio"
            box.get_by_role(role, name=option_name(ex, oid), exact=True).check()
    elif isinstance(ex, Matching):
        for left, right in ex.key().items():
            box.get_by_role("combobox", name=f"{ex.right_label} for {left}:").select_option(
                label=f"{right}) {ex.right_item(right).text}"
            )
    elif isinstance(ex, Chronology):
        order = list(ex.display_order())
        rows = box.locator(".widget-hbox").filter(has=page.get_by_role("button", name=re.compile(r"Up$")))
        for i, item_id in enumerate(ex.order):
            j = order.index(item_id)
            while j > i:  # move it up one place at a time, waiting for the kernel to redraw the row
                rows.nth(j).get_by_role("button", name=re.compile(r"Up$")).click()
                order[j - 1], order[j] = order[j], order[j - 1]
                j -= 1
                expect(rows.nth(j)).to_contain_text(f"[{item_id}]")
    elif isinstance(ex, SourceAnalysis):
        for n in range(len(ex.questions)):
            box.get_by_role("textbox").nth(n).fill(f"My answer to question {n + 1}.")
    button = box.get_by_role("button", name=re.compile(r"^\W*(Check|Save answers)$"))
    button.click()
    expected = "✔ Answers saved." if isinstance(ex, SourceAnalysis) else "✔ Correct."
    expect(box.locator(".tr-feedback").first).to_contain_text(expected)


def test_every_app_exercise_is_answered_and_checked_on_a_phone(browser, app):
    """At 375×812: every exercise of the lesson (TRUCE_APP_LESSONS=all: of every lesson) is answered and
    checked, and no option, label or button overlaps another or runs off the screen; the filters fit."""
    from helpers.app import app_exercises, default_lesson
    from helpers.exercises.bank import available_lessons

    lessons = available_lessons() if os.environ.get("TRUCE_APP_LESSONS") == "all" else [default_lesson()]
    context = browser.new_context(viewport=PHONE)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
            else (app.blocked.append(route.request.url), route.abort())
        ),
    )
    try:
        page = context.new_page()
        page.set_default_timeout(60 * MS)
        with screenshot_on_failure(page, "app-phone"):
            for lesson in lessons:
                open_app(page, app, lesson)
                explorer_box = page.locator(".tr-view").first
                problems = explorer_box.evaluate(OVERLAPS)
                assert problems == [], f"explorer at 375 px: {problems}"
                page.screenshot(path=str(SCREENSHOTS / f"app-phone-explore-{lesson}.png"))
                page.get_by_role("tab", name="Exercises").click()
                for ex in app_exercises(load_bank(lesson)):
                    box = (
                        page.locator(".tr-view")
                        .filter(has=page.locator("h3", has_text=ex.title or ex.id))
                        .filter(has=page.get_by_role("button", name=re.compile(r"^\W*(Check|Save answers)$")))
                        .last
                    )
                    box.scroll_into_view_if_needed()
                    problems = box.evaluate(OVERLAPS)
                    assert problems == [], f"{ex.id} at 375 px: {problems}"
                    answer_rightly(page, box, ex)
                    assert box.evaluate(OVERLAPS) == [], f"{ex.id} after checking"
                    if lesson == lessons[0] and ex is app_exercises(load_bank(lesson))[0]:
                        shot(box, "app-phone-exercise.png")
    finally:
        context.close()
    assert not app.blocked, f"the page tried to reach the network: {app.blocked}"


def test_app_reads_the_lesson_from_the_address_in_a_prewarmed_kernel(browser, app):
    """`make app` keeps kernels warm (Voila's pool); the lesson asked for in the address is the one shown."""
    from playwright.sync_api import expect

    from helpers.app import default_lesson
    from helpers.exercises import available_lessons

    lesson = next(x for x in reversed(available_lessons()) if x != default_lesson())
    pooled = app.log.read_text(errors="replace").count("Using pre-heated kernel")
    with new_page(browser, app, "app-lesson") as page:
        page.goto(f"{app.url}/?token={app.token}&lesson={lesson}", wait_until="commit")
        page.get_by_role("tab", name="Exercises").click(timeout=START_TIMEOUT * MS)
        from helpers.editions.catalogue import lesson_title

        expect(page.get_by_text(lesson_title(lesson), exact=False).first).to_be_visible()
    assert app.log.read_text(errors="replace").count("Using pre-heated kernel") == pooled + 1, (
        "the page came from the pool"
    )


def exported_csv(page) -> str:
    """Click Export; the CSV the download link carries (a data: URL made in memory)."""
    import base64

    from playwright.sync_api import expect

    page.get_by_role("button", name=re.compile("Export my answers")).click()
    link = page.locator("a.tr-download")
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    assert href.startswith("data:text/csv;base64,")
    return base64.b64decode(href.split(",", 1)[1]).decode("utf-8")


def test_two_app_visitors_each_export_only_their_own_answers(browser, app):
    """Visitor A answers; visitor B's export holds none of it; no export file is written on the server."""
    from helpers.app import default_lesson

    bank = load_bank(default_lesson())
    ex = next(e for e in bank.graded if isinstance(e, Choice) and not e.multiple and e.app)
    right = ex.option(ex.answer[0])
    app_folder = ROOT / "notebooks" / "app"
    before = sorted(p.name for p in app_folder.iterdir())
    with new_page(browser, app, "app-visitor-a") as a, new_page(browser, app, "app-visitor-b") as b:
        for page in (a, b):
            page.goto(f"{app.url}/?token={app.token}", wait_until="commit")
            page.get_by_role("tab", name="Exercises").click(timeout=START_TIMEOUT * MS)
        box = (
            a.locator(".widget-vbox")
            .filter(has=a.locator("h3", has_text=ex.title or ex.id))
            .filter(has=a.get_by_role("button", name=CHECK))
            .last
        )
        box.scroll_into_view_if_needed()
        box.get_by_role("radio", name=option_name(ex, right.id), exact=True).click()
        box.get_by_role("button", name=CHECK).click()
        from playwright.sync_api import expect

        expect(box.locator(".tr-feedback")).to_contain_text("✔ Correct.")
        mine, theirs = exported_csv(a), exported_csv(b)
    assert ex.id in mine and len(mine.strip().splitlines()) == 2, mine
    assert theirs.strip().splitlines() == ["id,exercise_id,lesson,answer,correct,score,created_at"], theirs
    assert sorted(p.name for p in app_folder.iterdir()) == before, "no export file is left beside the notebook"
