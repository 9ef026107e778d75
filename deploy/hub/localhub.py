"""A JupyterHub on this machine, and students who use it as a browser would: for trying the class's hub
(``make hub``), for tests/test_hub.py and for bench/bench_class.py.

Everything it needs comes from the project's own files: the proxy from deploy/hub/package.json (npm), and
the "image" (a Python environment where the pack, JupyterHub and nbgitpuller are regular installs, as in a
hub image) from pyproject.toml's ``hub`` extra. The hub listens on 127.0.0.1 only (jupyterhub_config.py).

A student (:class:`Student`) logs in with the form, follows the README's nbgitpuller link (the server
starts, the repository is cloned into their home), gets an API token, and runs a notebook in their own
server through the Jupyter REST API and the kernel's websocket protocol, cell by cell.

    python deploy/hub/localhub.py serve      # what `make hub` runs: a hub on http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode, urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONFIG = HERE / "jupyterhub_config.py"
PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
#: Where `make hub` keeps the image, the hub's state, the students' homes and the local "GitHub" clone.
WORK = ROOT / ".hub"
REPO_NAME = "truce-and-rupture"


class Unavailable(RuntimeError):
    """Something the local hub needs cannot be had here (e.g. npm is not installed)."""


# ---- installing: the proxy and the image -------------------------------------------------------------


def install_proxy() -> Path:
    """configurable-http-proxy from deploy/hub/package.json (and its lock file), into deploy/hub/node_modules."""
    if PROXY.exists():
        return PROXY
    npm = shutil.which("npm")
    if npm is None:
        raise Unavailable("npm is not installed (Debian: apt-get install npm): JupyterHub's proxy comes from npm")
    command = [
        npm,
        "ci" if (HERE / "package-lock.json").exists() else "install",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]
    done = subprocess.run(command, cwd=HERE, capture_output=True, text=True)
    if done.returncode != 0 or not PROXY.exists():
        raise Unavailable(f"npm could not install configurable-http-proxy: {done.stderr.strip()[-500:]}")
    return PROXY


def build_image(venv: Path = WORK / "image") -> Path:
    """A Python environment with the pack (and the ``hub`` extra) installed regularly, as in a hub image.

    The first build installs every dependency (about a minute from a warm cache); later ones rebuild the
    pack and add only what changed, so the image always holds this checkout's code and data. Returns the
    environment's folder.
    """
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{ROOT}[hub]"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the hub's image could not be built in {venv}: {done.stderr.strip()[-800:]}")
    return venv


def local_origin(where: Path, ref: str = "HEAD") -> Path:
    """A bare clone of this repository whose ``main`` is ``ref``: the GitHub of the README's link, on disk.

    Its folder is named like the repository, so nbgitpuller clones it into ``~/truce-and-rupture`` as it
    would from GitHub. Only committed work is in it.
    """
    origin = where / REPO_NAME
    if origin.exists():
        shutil.rmtree(origin)
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(origin)], check=True)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", ref], capture_output=True, text=True, check=True)
    subprocess.run(["git", "-C", str(origin), "update-ref", "refs/heads/main", commit.stdout.strip()], check=True)
    subprocess.run(["git", "-C", str(origin), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    return origin


def readme_link(hub: str, origin: Path) -> str:
    """The README's nbgitpuller link, with HUB and the repository replaced by this hub and the local clone."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [link] = re.findall(r"https://HUB/hub/user-redirect/git-pull\?\S+", readme)
    query = parse_qs(urlparse(link).query)
    query["repo"] = [origin.as_uri()]
    return f"{hub}/hub/user-redirect/git-pull?" + urlencode({k: v[0] for k, v in query.items()})


# ---- running the hub ---------------------------------------------------------------------------------


def free_port(count: int = 3) -> int:
    """A port p such that p .. p+count-1 are free on 127.0.0.1 (the hub uses three in a row)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port + count < 65535 and all(_free(port + i) for i in range(1, count)):
            return port
    raise RuntimeError("no three free ports in a row on 127.0.0.1")


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass
class Hub:
    """A running hub: its public address, the students' homes, its process."""

    url: str
    homes: Path
    process: subprocess.Popen
    log: Path

    def home(self, name: str) -> Path:
        return self.homes / name

    def processes(self) -> list:
        """The hub and everything it started (proxy, students' servers, their kernels): psutil processes."""
        import psutil

        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []


@contextmanager
def running_hub(image: Path, work: Path, port: int | None = None, log_level: str = "WARN"):
    """Start the hub (image = a folder from :func:`build_image`), wait until it answers, stop it after."""
    import requests

    port = port or free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRUCE_", "JUPYTER", "LOCALHUB_"))}
    env.update(
        LOCALHUB_PORT=str(port),
        LOCALHUB_STATE=str(work / "state"),
        LOCALHUB_HOMES=str(work / "homes"),
        LOCALHUB_IMAGE=str(image),
        LOCALHUB_PROXY=str(install_proxy()),
        LOCALHUB_LOG_LEVEL=log_level,
        PATH=f"{image / 'bin'}:{env.get('PATH', '/usr/bin:/bin')}",
    )
    (work / "state").mkdir(parents=True, exist_ok=True)
    log = work / "hub.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(image / "bin" / "jupyterhub"), "-f", str(CONFIG)],
            cwd=work / "state",
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}", work / "homes", process, log)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the hub stopped at start-up:\n{_tail(log)}")
            try:
                if requests.get(f"{hub.url}/hub/api", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not answer within 120 s:\n{_tail(log)}")
            time.sleep(0.5)
        yield hub
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM the hub (it stops the students' servers and the proxy), then end whatever is left of its group."""
    import psutil

    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for child in children:  # servers that outlived the hub (each is its own process, started by it)
        try:
            child.terminate()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(children, timeout=10)
    for child in children:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# ---- a student ---------------------------------------------------------------------------------------


@dataclass
class CellRun:
    index: int
    seconds: float
    error: str | None = None
    #: what the cell printed (stdout)
    output: str = ""


@dataclass
class Student:
    """One student at a browser: a session with the hub's cookies, later an API token."""

    hub: Hub
    name: str
    session: object = None
    token: str | None = None
    runs: list[CellRun] = field(default_factory=list)

    def __post_init__(self):
        import requests

        self.session = requests.Session()

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def _xsrf(self) -> str:
        return next((c.value for c in self.session.cookies if c.name == "_xsrf"), "")

    def login(self) -> None:
        """The login form, filled in and sent, as a browser does."""
        self.session.get(f"{self.hub.url}/hub/login", timeout=60).raise_for_status()
        reply = self.session.post(
            f"{self.hub.url}/hub/login",
            timeout=120,
            allow_redirects=False,
            data={"username": self.name, "password": "class", "_xsrf": self._xsrf()},
        )
        if reply.status_code != 302 or not any(c.name.startswith("jupyterhub-session") for c in self.session.cookies):
            raise RuntimeError(f"{self.name} could not log in: HTTP {reply.status_code}")

    def follow(self, link: str, timeout: float = 600) -> str:
        """Click the nbgitpuller link: the server starts, the page's script pulls, then the lesson opens.

        Returns the address finally opened (the link's ``urlpath`` in the student's server).
        """
        deadline = time.monotonic() + timeout
        page = self.session.get(link, timeout=timeout)
        while "/hub/spawn-pending/" in page.url:  # a slow start: the page waits for the server, then goes on
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}'s server did not start within {timeout} s")
            time.sleep(1)
            page = self.session.get(page.url, timeout=timeout)
        page.raise_for_status()
        if "/git-pull" not in page.url:
            raise RuntimeError(f"{self.name}: the link led to {page.url}, not nbgitpuller's page")
        query = {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}
        # what nbgitpuller's page does in the browser: an event stream from its API while git runs
        api = {
            "repo": query["repo"],
            "branch": query.get("branch", ""),
            "targetpath": query.get("targetpath") or query["repo"].rstrip("/").rsplit("/", 1)[-1],
        }
        phase, said = None, []
        with self.session.get(f"{self.server}/git-pull/api", params=api, stream=True, timeout=timeout) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    phase = event.get("phase")
                    said.append(str(event.get("output") or event.get("message") or ""))
                    if phase in ("finished", "error"):
                        break
        if phase != "finished":
            raise RuntimeError(f"{self.name}: nbgitpuller did not finish: {' '.join(said)[-600:]}")
        opened = self.session.get(f"{self.server}/{query['urlpath']}", timeout=timeout)
        opened.raise_for_status()
        return opened.url

    def get_token(self) -> str:
        """An API token for the student's own server, asked for with the student's own hub cookies."""
        reply = self.session.post(
            f"{self.hub.url}/hub/api/users/{self.name}/tokens",
            timeout=120,
            headers={"X-XSRFToken": self._xsrf()},
            json={"note": "classroom driver", "expires_in": 7200},
        )
        reply.raise_for_status()
        self.token = reply.json()["token"]
        return self.token

    def api(self, method: str, path: str, **kwargs):
        import requests

        reply = requests.request(
            method, f"{self.server}/api/{path}", timeout=120, headers={"Authorization": f"token {self.token}"}, **kwargs
        )
        reply.raise_for_status()
        return reply.json() if reply.content else None

    def run_notebook(self, path: str, extra: list[str] = (), timeout: float = 600) -> list[CellRun]:
        """Run every code cell of the notebook at ``path`` (in the student's server), then ``extra`` cells.

        A kernel starts as JupyterLab starts one (a session for the notebook), each cell is sent as an
        execute_request over the kernel's websocket, and its latency and any error are recorded. The kernel
        is shut down afterwards. Returns (and keeps in ``runs``) one CellRun per cell.
        """
        import websocket

        nb = self.api("GET", f"contents/{quote(path)}", params={"content": 1})["content"]
        sources = [
            "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"]
            if c["cell_type"] == "code"
        ] + list(extra)
        session = self.api(
            "POST",
            "sessions",
            json={"path": path, "type": "notebook", "name": Path(path).name, "kernel": {"name": "python3"}},
        )
        kernel = session["kernel"]["id"]
        ws_url = f"{self.server.replace('http://', 'ws://')}/api/kernels/{kernel}/channels"
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {self.token}"], timeout=timeout)
        runs = []
        try:
            for index, source in enumerate(sources):
                started = time.perf_counter()
                error, printed = _execute(ws, source, timeout)
                runs.append(CellRun(index, time.perf_counter() - started, error, printed))
        finally:
            ws.close()
            self.api("DELETE", f"sessions/{session['id']}")
        self.runs.extend(runs)
        return runs


def _execute(ws, code: str, timeout: float) -> tuple[str | None, str]:
    """Send one execute_request; wait for its reply and for the kernel to go idle.

    Returns the error (None if the cell ran) and what it printed.
    """
    msg_id = uuid.uuid4().hex
    ws.send(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "username": "",
                    "session": "driver",
                    "msg_type": "execute_request",
                    "version": "5.3",
                    "date": "",
                },
                "parent_header": {},
                "metadata": {},
                "channel": "shell",
                "buffers": [],
                "content": {
                    "code": code,
                    "silent": False,
                    "store_history": True,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            }
        )
    )
    error, replied, idle, printed = None, False, False, []
    deadline = time.monotonic() + timeout
    while not (replied and idle):
        if time.monotonic() > deadline:
            return f"no reply within {timeout} s", "".join(printed)
        message = json.loads(ws.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = message["header"]["msg_type"]
        if kind == "execute_reply":
            replied = True
            if message["content"].get("status") == "error":
                error = error or f"{message['content'].get('ename')}: {message['content'].get('evalue')}"
        elif kind == "error":
            error = f"{message['content'].get('ename')}: {message['content'].get('evalue')}"
        elif kind == "stream" and message["content"].get("name") == "stdout":
            printed.append(message["content"].get("text", ""))
        elif kind == "status" and message["content"].get("execution_state") == "idle":
            idle = True
    return error, "".join(printed)


def answer_code(answers: list[tuple[str, tuple[str, ...]]]) -> str:
    """A cell that answers choice exercises as a student clicking does: pick the options, press Check."""
    return (
        "from helpers.exercises import show\n"
        f"for _id, _options in {answers!r}:\n"
        "    _view = show(_id)\n"
        "    _view.select(*_options)\n"
        "    _view.check_button.click()\n"
    )


def progress_file(home: Path) -> Path:
    """Where a student's answers are kept on the hub: the pack's default, under their own home."""
    return home / ".local" / "share" / "truce-and-rupture" / "progress.sqlite"


# ---- make hub ----------------------------------------------------------------------------------------


def serve(port: int) -> int:
    try:
        install_proxy()
    except Unavailable as err:
        print(f"Cannot start the hub: {err}", file=sys.stderr)
        return 1
    print(f"Building the hub's image in {WORK / 'image'} (the first time about a minute)")
    image = build_image()
    origin = local_origin(WORK / "origin")

    def stop(signum, frame):  # Ctrl-C, or a TERM from a script: stop the hub and its servers, then leave
        raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM):  # SIGINT too: a shell ignores it in background jobs
        signal.signal(signum, stop)
    with running_hub(image, WORK, port=port, log_level="INFO") as hub:
        link = readme_link(hub.url, origin)
        print(
            f"\nA hub is running on {hub.url} (this machine only). Log in with any name and password;\n"
            f"each name gets its own home in {hub.homes}. The README's nbgitpuller link, pointed at a local\n"
            f"clone of this repository's last commit:\n\n  {link}\n\nCtrl-C stops the hub and every server."
        )
        try:
            while hub.process.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            print("\nstopping the hub and every student's server")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A JupyterHub on this machine, for trying the class's hub.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("serve", help="install what is needed, start the hub, print the nbgitpuller link")
    run.add_argument("--port", type=int, default=8000, help="public port on 127.0.0.1 (default: %(default)s)")
    args = parser.parse_args(argv)
    return serve(args.port)


if __name__ == "__main__":
    sys.exit(main())
