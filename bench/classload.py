"""A class on one machine's hub: N simulated students each run lesson 01 and answer three exercises.

For each class size the script starts a fresh local hub (deploy/hub/localhub.py: JupyterHub, the npm
proxy, a home per student, the pack as a regular install in the image), then

1. the class arrives: every student logs in and follows the README's nbgitpuller link at once (each server
   starts and clones the repository into its home);
2. the class presses Run All together: every student runs lesson 01's code cells in their own kernel
   (REST + kernel websocket, as JupyterLab does) and then answers three exercises, a cell each.

It reports the time until the last student finishes (2), the 95th percentile and the slowest of all cell
latencies, the peak memory of the hub and everything it started (PSS, sampled every second), and
failures: a student who could not log in, pull or start, a cell that raised, or a progress file without
the three answers. The figures go to bench/README.md ("A class on one hub") by hand.

    python bench/classload.py --students 1,10,30 [--out bench/results/classload.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
spec = importlib.util.spec_from_file_location("localhub", ROOT / "deploy" / "hub" / "localhub.py")
localhub = sys.modules.setdefault("localhub", importlib.util.module_from_spec(spec))
spec.loader.exec_module(localhub)

LESSON_ID = "01-recognition-1924"
LESSON = f"truce-and-rupture/notebooks/{LESSON_ID}.ipynb"
MB = 1024 * 1024


def three_answers() -> list[tuple[str, tuple[str, ...]]]:
    """The first three choice exercises of lesson 01's bank, with their right answers."""
    from helpers.exercises import load_bank

    bank = load_bank(LESSON_ID)
    chosen = [ex for ex in bank if ex.kind == "choice"][:3]
    return [(ex.id, tuple(ex.answer)) for ex in chosen]


class MemorySampler(threading.Thread):
    """Sums the PSS of the hub and all it started, every ``interval`` seconds; keeps the peak."""

    def __init__(self, hub, interval: float = 1.0):
        super().__init__(daemon=True)
        self.hub, self.interval, self.peak, self.processes_at_peak = hub, interval, 0, 0
        self.stopped = threading.Event()

    def sample(self) -> tuple[int, int]:
        import psutil

        total, count = 0, 0
        for proc in self.hub.processes():
            try:
                total += proc.memory_full_info().pss
                count += 1
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total, count

    def run(self):
        while not self.stopped.is_set():
            total, count = self.sample()
            if total > self.peak:
                self.peak, self.processes_at_peak = total, count
            self.stopped.wait(self.interval)


def together(students, job) -> tuple[float, dict]:
    """Run ``job(student)`` for every student at once (a thread each, released together)."""
    gate = threading.Barrier(len(students))
    failures, finished = {}, {}

    def one(student):
        gate.wait()
        try:
            job(student)
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            failures[student.name] = f"{type(exc).__name__}: {exc}"[:300]
        finished[student.name] = time.perf_counter()

    threads = [threading.Thread(target=one, args=(s,)) for s in students]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return max(finished.values()) - start, failures


def class_of(n: int, image: Path, answers) -> dict:
    from helpers.progress import ProgressStore

    work = Path(tempfile.mkdtemp(prefix=f"classload-{n}-"))
    origin = localhub.local_origin(work / "origin")
    with localhub.running_hub(image, work) as hub:
        link = localhub.readme_link(hub.url, origin)
        sampler = MemorySampler(hub)
        idle, _ = sampler.sample()
        sampler.start()
        students = [localhub.Student(hub, f"student{i:02d}") for i in range(1, n + 1)]

        def arrive(student):
            student.login()
            student.follow(link)
            student.get_token()

        arrival, failed_arrival = together(students, arrive)
        present = [s for s in students if s.name not in failed_arrival]
        cells = [localhub.answer_code([a]) for a in answers]

        def run_all(student):
            student.run_notebook(LESSON, cells)

        lesson, failed_run = together(present, run_all) if present else (0.0, {})
        sampler.stopped.set()
        sampler.join()
        latencies = [r.seconds for s in students for r in s.runs]
        cell_errors = {
            s.name: next(r.error for r in s.runs if r.error) for s in students if any(r.error for r in s.runs)
        }
        unsaved = []
        for s in present:
            attempts = ProgressStore(localhub.progress_file(hub.home(s.name))).attempts()
            if sorted(a["exercise_id"] for a in attempts) != sorted(a for a, _ in answers):
                unsaved.append(s.name)
        problems = {**failed_arrival, **failed_run, **cell_errors, **{name: "answers not saved" for name in unsaved}}
    return {
        "students": n,
        "arrival_s": round(arrival, 2),
        "last_finished_s": round(lesson, 2),
        "cells": len(latencies),
        "p95_cell_s": round(statistics.quantiles(latencies, n=20)[-1], 3) if len(latencies) >= 2 else None,
        "slowest_cell_s": round(max(latencies), 3) if latencies else None,
        "median_cell_s": round(statistics.median(latencies), 3) if latencies else None,
        "idle_hub_mb": round(idle / MB),
        "peak_mb": round(sampler.peak / MB),
        "processes_at_peak": sampler.processes_at_peak,
        "per_student_mb": round((sampler.peak - idle) / MB / n),
        "failures": len(problems),
        "problems": problems,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", default="1,10,30", help="class sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "classload.json")
    args = parser.parse_args(argv)
    try:
        localhub.install_proxy()
    except localhub.Unavailable as err:
        print(f"cannot run: {err}", file=sys.stderr)
        return 1
    print("building the hub's image ...", file=sys.stderr, flush=True)
    image = localhub.build_image()
    answers = three_answers()
    load = os.getloadavg()
    rows = []
    for n in [int(x) for x in args.students.split(",")]:
        print(f"a class of {n} ...", file=sys.stderr, flush=True)
        row = class_of(n, image, answers)
        rows.append(row)
        print(json.dumps({k: v for k, v in row.items() if k != "problems"}), file=sys.stderr, flush=True)
    print(
        "| students | class arrives (login, start, pull) | Run All: last student done | cells | median cell | p95 cell | slowest cell | peak memory (PSS) | per student | failures |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['students']} | {r['arrival_s']:.1f} s | {r['last_finished_s']:.1f} s | {r['cells']} | "
            f"{r['median_cell_s']:.2f} s | {r['p95_cell_s']:.2f} s | {r['slowest_cell_s']:.2f} s | "
            f"{r['peak_mb']} MB | {r['per_student_mb']} MB | {r['failures']} |"
        )
    out = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": platform.platform(),
        "cores": os.cpu_count(),
        "load_before": load,
        "load_after": os.getloadavg(),
        "answers": answers,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
