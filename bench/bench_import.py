"""`import helpers` against importing what it stands on (pandas, matplotlib.pyplot, ipywidgets), fresh processes."""

from __future__ import annotations

from harness import measure, python_snippet

BASELINE = "import pandas, matplotlib.pyplot, ipywidgets"


def run(quick: bool = False) -> list:
    repeat = 5 if quick else 11
    base = measure(f"python -c '{BASELINE}'", python_snippet(BASELINE), repeat=repeat)
    with_helpers = measure(
        "python -c 'import helpers' + the same three",
        python_snippet(BASELINE + "; import helpers"),
        repeat=repeat,
        baseline=base.name,
        target="≤ 1.15x",
    )
    alone = measure("python -c 'import helpers'", python_snippet("import helpers"), repeat=repeat, baseline=base.name)
    lesson_setup = (
        "from helpers.lesson import source, event, figure\nfrom helpers.charts import trade_chart\n"
        "from helpers.exercises import show\nimport helpers"
    )
    setup = measure(
        "a lesson's setup-cell imports (fresh process)",
        python_snippet(BASELINE + "\n" + lesson_setup),
        repeat=repeat,
        baseline=base.name,
    )
    return [base, with_helpers, alone, setup]
