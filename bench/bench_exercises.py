"""Exercises: checking an answer, a widget answering a click, generating exercises from the tables.

Target (DESIGN.md): a widget interaction answers in under 20 ms in Python. Medians of repeats; no
assertions. Run alone (``python bench/bench_exercises.py``) or through ``bench/run.py``.
Progress is written to a temporary database, never to the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import measure, table  # noqa: E402

TARGET = "< 20 ms"


def run(quick: bool = False) -> list:
    tmp = tempfile.mkdtemp(prefix="truce-bench-")
    os.environ["TRUCE_PROGRESS_DB"] = os.path.join(tmp, "progress.sqlite")

    from helpers.exercises import bank as bank_module
    from helpers.exercises import generate, generate_matching, load_bank, show
    from helpers.exercises.model import Attempts
    from helpers.progress import ProgressStore

    repeat = 15 if quick else 60
    bank = load_bank("00-start-here")
    choice, chrono, match = bank["start-balfour-1918"], bank["start-prologue-order"], bank["start-who-said-it"]
    numeric, source = bank["start-labour-vote-change"], bank["start-mcneill-source"]
    out = []

    def check_all_types():
        choice.check("a")
        chrono.check(list(reversed(chrono.order)))
        match.check({"1": "A", "2": "B"})
        numeric.check("£1,019,600 votes")
        source.check({"who": "McNeill " * 50})

    out.append(
        measure("check one answer of each of 5 types (model only)", check_all_types, repeat=repeat, target=TARGET)
    )

    store = ProgressStore(os.path.join(tmp, "save.sqlite"))

    def check_and_save():
        feedback = Attempts(choice).submit("a")
        store.record(choice.id, choice.lesson, "a", feedback.correct, feedback.score)

    out.append(measure("check an answer and save it (sqlite, WAL)", check_and_save, repeat=repeat, target=TARGET))

    choice_view = show(choice.id)
    flip = iter(range(10**9))

    def click_check():
        choice_view.select("a" if next(flip) % 2 else "b")
        choice_view.check_button.click()

    out.append(
        measure("widget: choose an option, click Check (feedback + save)", click_check, repeat=repeat, target=TARGET)
    )

    chrono_view = show(chrono.id)

    def move_item():
        chrono_view.rows.children[0].children[1].click()  # "Down" on the first row redraws the list

    out.append(measure("widget: move a chronology item (redraw rows)", move_item, repeat=repeat, target=TARGET))

    numeric_view = show(numeric.id)

    def type_and_check():
        numeric_view.type("1,019,600 votes")
        numeric_view.check_button.click()

    out.append(measure("widget: type a number, click Check", type_and_check, repeat=repeat, target=TARGET))

    explorer = show("start-explorer")
    themes = ["rupture", "", "trade_finance", ""]
    turn = iter(range(10**9))

    def change_theme():
        explorer.theme.value = themes[next(turn) % len(themes)]

    out.append(
        measure(
            "explorer: change the theme (timeline SVG + table)", change_theme, repeat=max(8, repeat // 3), target=TARGET
        )
    )

    seeds = iter(range(10**9))
    out.append(
        measure(
            "generate a chronology from the events table (theme, n=5)",
            lambda: generate.chronology(theme="domestic_politics", n=5, seed=next(seeds)),
            repeat=repeat,
            target=TARGET,
        )
    )
    out.append(
        measure(
            "generate a quotation-speaker matching (n=4)",
            lambda: generate_matching.quotations_to_speakers(n=4, seed=next(seeds)),
            repeat=repeat,
            target=TARGET,
        )
    )
    path = bank.path
    out.append(
        measure(
            "read and validate the 00-start-here bank (no cache)",
            lambda: bank_module.read_bank(path),
            repeat=max(5, repeat // 6),
        )
    )
    out.append(measure("load_bank (cached)", lambda: load_bank("00-start-here"), repeat=repeat))
    return out


if __name__ == "__main__":
    print(table(run(quick="--quick" in sys.argv)))
