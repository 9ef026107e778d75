"""From the class-load benchmark (bench/README.md, "A class on one hub") to the figures of a department's
hub: each student's memory guarantee and limit (deploy/z2jh/values.yaml) and students per node
(deploy/z2jh/README.md). One rule, written once; tests/test_z2jh.py checks both files against it.

    python deploy/z2jh/sizing.py        # prints the figures and the sizing table

The rule:

* **memory guarantee** = the largest measured memory per student (their server and lesson kernel, PSS at
  the class's peak) times 1.5 (room for the heavier lessons and a student's own experiments), rounded up
  to 64 MiB; the **limit** is twice the guarantee (a student may use more while the node has it, never
  more than that).
* **students per node, by memory** = (node memory − 2 GiB kept for Kubernetes and the chart's own pods) /
  guarantee.
* **students per node, by CPU** = node cores × 60 s / the CPU one student's Run All costs, so that a whole
  class pressing Run All together is served within about a minute. The cost is measured: on the
  benchmark machine's cores, the largest class took ``last_finished_s`` for everyone, so one student costs
  cores × last_finished_s / students core-seconds (an upper bound: that machine was shared).
* a node takes the smaller of the two.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "README.md"
HEADROOM = 1.5
STEP_MI = 64
RESERVED_MI = 2048
RUN_ALL_WITHIN_S = 60
#: Node shapes of the sizing table: (vCPUs, GiB of memory), as cloud providers sell them.
NODES = [(4, 16), (8, 32), (16, 64)]


@dataclass(frozen=True)
class Measured:
    cores: int
    students: int
    last_finished_s: float
    per_student_mb: int  # the largest of all class sizes


def measured(readme: Path = BENCH) -> Measured:
    """The figures of the class-load table in bench/README.md (its largest class, its cores)."""
    text = readme.read_text(encoding="utf-8")
    cores = re.search(r"Class-load machine: (\d+) cores", text)
    rows = re.findall(r"^\| (\d+) \| [\d.]+ s \| ([\d.]+) s \|.*?\| (\d+) MB \| (\d+) \|$", text, re.M)
    if not cores or not rows:
        raise ValueError(f"{readme}: no class-load table (run bench/classload.py and record it)")
    largest = max(rows, key=lambda r: int(r[0]))
    return Measured(int(cores.group(1)), int(largest[0]), float(largest[1]), max(int(r[2]) for r in rows))


def memory(m: Measured) -> tuple[int, int]:
    """(guarantee, limit) in MiB."""
    guarantee = math.ceil(m.per_student_mb * HEADROOM / STEP_MI) * STEP_MI
    return guarantee, 2 * guarantee


def run_all_cost(m: Measured) -> float:
    """Core-seconds one student's Run All of lesson 01 costs (measured upper bound)."""
    return m.cores * m.last_finished_s / m.students


def per_node(m: Measured, cores: int, gib: int) -> tuple[int, int, int]:
    """(students by memory, by CPU, the node's figure) for a node of ``cores`` vCPUs and ``gib`` GiB."""
    guarantee, _ = memory(m)
    by_memory = (gib * 1024 - RESERVED_MI) // guarantee
    by_cpu = math.floor(cores * RUN_ALL_WITHIN_S / run_all_cost(m))
    return by_memory, by_cpu, min(by_memory, by_cpu)


def table(m: Measured) -> str:
    lines = [
        "| node | students by memory | students by CPU (Run All within a minute) | students per node |",
        "|---|---|---|---|",
    ]
    for cores, gib in NODES:
        by_memory, by_cpu, both = per_node(m, cores, gib)
        lines.append(f"| {cores} vCPU, {gib} GiB | {by_memory} | {by_cpu} | **{both}** |")
    return "\n".join(lines)


if __name__ == "__main__":
    m = measured()
    guarantee, limit = memory(m)
    print(
        f"measured: {m}\nper student: guarantee {guarantee}M, limit {limit}M; Run All costs {run_all_cost(m):.2f} core-s\n"
    )
    print(table(m))
