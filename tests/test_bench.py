"""The benchmark harness runs and writes what bench/README.md describes (speed itself is never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_quick_bench_run_prints_the_table_and_writes_medians_and_ratios(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--only", "exercises", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "measurement" in done.stdout and "widget: choose an option, click Check" in done.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["cores"] >= 1
    names = {m["name"]: m for m in result["measurements"]}
    check = names["check an answer and save it (sqlite, WAL)"]
    assert check["n"] == len(check["samples_s"]) >= 1 and check["median_s"] > 0
    assert check["target"] == "< 20 ms"


def test_an_unknown_bench_name_is_refused_with_the_list(tmp_path):
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--only", "nonsense", "--out", str(tmp_path / "x.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "no bench named nonsense" in done.stderr and "exercises" in done.stderr
    assert not (tmp_path / "x.json").exists()


def test_ratios_are_to_the_baseline_measured_in_the_same_run():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from harness import Measurement, table
    finally:
        sys.path.remove(str(ROOT / "bench"))
    floor = Measurement("floor", samples=[1.0, 2.0, 3.0])
    imports = Measurement("imports", samples=[3.0, 4.0, 5.0], baseline="floor")
    lesson = Measurement("lesson", samples=[8.0, 8.0, 8.0], baseline="floor", also="imports")
    results = {m.name: m for m in (floor, imports, lesson)}
    assert lesson.as_dict(results)["ratio"] == 4.0 and lesson.as_dict(results)["also_ratio"] == 2.0
    assert "4.00x" in table([floor, imports, lesson]) and "2.00x" in table([floor, imports, lesson])
