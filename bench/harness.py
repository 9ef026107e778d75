"""A tiny benchmark harness: time things several times, report median and spread, and ratios to a baseline
measured in the same run (these machines are noisy, so only same-run ratios are compared).

>>> m = measure("noop", lambda: None, repeat=3)
>>> m.name, len(m.samples)
('noop', 3)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Measurement:
    name: str
    samples: list[float] = field(default_factory=list)
    baseline: str | None = None
    target: str | None = None
    #: A second baseline, shown in its own column (the lessons' "import floor").
    also: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        """Half the range between the 25th and 75th percentile, in seconds (0 for fewer than 4 samples)."""
        if len(self.samples) < 4:
            return (max(self.samples) - min(self.samples)) / 2
        q = statistics.quantiles(self.samples, n=4)
        return (q[2] - q[0]) / 2

    def as_dict(self, results: dict[str, Measurement]) -> dict:
        out = {
            "name": self.name,
            "median_s": self.median,
            "spread_s": self.spread,
            "n": len(self.samples),
            "samples_s": self.samples,
            "target": self.target,
        }
        if self.baseline and self.baseline in results:
            out["baseline"] = self.baseline
            out["ratio"] = self.median / results[self.baseline].median
        if self.also and self.also in results:
            out["also_baseline"] = self.also
            out["also_ratio"] = self.median / results[self.also].median
        return out


def measure(
    name: str,
    fn,
    repeat: int = 7,
    warmup: int = 1,
    baseline: str | None = None,
    target: str | None = None,
    also: str | None = None,
) -> Measurement:
    """Call ``fn`` ``warmup`` times unmeasured, then ``repeat`` times measured."""
    for _ in range(warmup):
        fn()
    m = Measurement(name, baseline=baseline, target=target, also=also)
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        m.samples.append(time.perf_counter() - start)
    return m


def python_snippet(code: str, env: dict | None = None):
    """A callable that runs ``code`` in a fresh Python process (for cold-start measurements)."""

    def run():
        subprocess.run([sys.executable, "-c", code], check=True, env=env)

    return run


def table(measurements: list[Measurement]) -> str:
    results = {m.name: m for m in measurements}
    width = max([52, *(len(m.name) for m in measurements)])
    lines = [
        f"{'measurement':<{width}} {'median':>10} {'± spread':>10} {'ratio':>8} {'2nd ratio':>9}  target",
        "-" * (width + 60),
    ]
    for m in measurements:
        d = m.as_dict(results)
        ratio = f"{d['ratio']:.2f}x" if "ratio" in d else ""
        also = f"{d['also_ratio']:.2f}x" if "also_ratio" in d else ""
        lines.append(
            f"{m.name:<{width}} {fmt(m.median):>10} {fmt(m.spread):>10} {ratio:>8} {also:>9}  {m.target or ''}"
        )
    return "\n".join(lines)


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"
