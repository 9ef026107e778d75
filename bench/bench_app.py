"""The app (`make app`, Voila): how long a page takes to be served, with and without pre-warmed kernels.

A page is timed from the request to the end of the response (Voila streams the page as its cell runs).
"fresh kernel" is `make app APP_POOL=0` (Voila starts a kernel for each visitor); "pre-warmed" is
`make app APP_POOL=n`, whose kernels have imported the pack and built the timeline explorer before the
visitor came, and then read the visitor's ``?lesson=`` (helpers.app.query_string). Several visitors at once
are requests sent together; their time is until the last page is served. Ratios are to the fresh kernel
in the same run.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness import Measurement

ROOT = Path(__file__).resolve().parent.parent
LESSON = "06-rupture-1927"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """`make app` on loopback with ``pool`` pre-warmed kernels, stopped on exit."""

    def __init__(self, pool: int):
        self.pool = pool
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.home = Path(tempfile.mkdtemp(prefix="bench-app-"))
        self.log = self.home / "voila.log"
        self.first: list[float] = []

    def __enter__(self) -> App:
        args = f"--no-browser --port={self.port} --Voila.port_retries=0"
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(self.home / "rt")}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [
                    "make",
                    "-s",
                    "app",
                    f"APP_POOL={self.pool}",
                    "APP_CULL=20",
                    "APP_CULL_INTERVAL=5",
                    f"APP_ARGS={args}",
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/voila/static/voila.js", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        self.wait_for_pool(0)
        return self

    def filled(self) -> int:
        return self.log.read_text(errors="replace").count("is filled with")

    def wait_for_pool(self, seen: int, timeout: float = 180) -> None:
        """Until Voila says the pool is full for the (seen + 1)th time (nothing to wait for without a pool)."""
        deadline = time.time() + timeout
        while self.pool and self.filled() <= seen and time.time() < deadline:
            time.sleep(0.2)
        # "filled" means started; a kernel then imports the pack and builds the explorer (about 3 s of one
        # core each) before it waits for a visitor: give the pool that time, as a class would
        time.sleep(8 + 4 * self.pool if self.pool else 1)

    def page(self, _=None) -> float:
        """Seconds until the whole page is served (``first`` collects those until its first bytes)."""
        start = time.perf_counter()
        with urllib.request.urlopen(f"{self.url}/?lesson={LESSON}", timeout=600) as r:
            body = r.read(1)
            self.first.append(time.perf_counter() - start)
            body += r.read()
        if not (r.status == 200 and b"widget-view" in body):  # e.g. the cell timed out on a crowded machine
            (self.home / f"failed-{time.time_ns()}.html").write_bytes(body)
            raise RuntimeError(f"a page came back without the app (HTTP {r.status}); see {self.home}")
        return time.perf_counter() - start

    def visitors(self, n: int) -> float:
        start = time.perf_counter()
        with ThreadPoolExecutor(n) as pool:
            list(pool.map(self.page, range(n)))
        return time.perf_counter() - start

    def __exit__(self, *exc) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)


def run(quick: bool = False) -> list[Measurement]:
    repeat = 2 if quick else 4
    crowd = 4 if quick else 10
    fresh = Measurement("app page served, fresh kernel (APP_POOL=0)")
    warm = Measurement("app page served, pre-warmed kernel (APP_POOL=1)", baseline=fresh.name)
    fresh_first = Measurement("app page's first bytes, fresh kernel")
    warm_first = Measurement("app page's first bytes, pre-warmed kernel", baseline=fresh_first.name)
    fresh_n = Measurement(f"app: {crowd} visitors at once, fresh kernels")
    warm_n = Measurement(f"app: {crowd} visitors at once, {crowd} pre-warmed", baseline=fresh_n.name)
    with App(pool=0) as app:
        app.page()  # warm the disk caches
        app.first.clear()
        fresh.samples += [app.page() for _ in range(repeat)]
        fresh_first.samples += app.first
        fresh_n.samples.append(app.visitors(crowd))
    with App(pool=1) as app:
        for _ in range(repeat):
            seen = app.filled()
            warm.samples.append(app.page())
            app.wait_for_pool(seen)
        warm_first.samples += app.first
    with App(pool=crowd) as app:
        warm_n.samples.append(app.visitors(crowd))
    return [fresh, warm, fresh_first, warm_first, fresh_n, warm_n]
