# A JupyterHub on this machine only, to try the pack as a class would meet it: `make hub` (a teacher),
# tests/test_hub.py (two students) and bench/bench_class.py (a class). Not for real students: anyone who
# can reach the loopback address can log in as anyone, and every student runs as the same system user.
#
# deploy/hub/localhub.py starts it and sets these (every one has a default for a bare `jupyterhub -f`):
#   LOCALHUB_PORT   the public port on 127.0.0.1 (default 8000); the proxy's API and the hub use the next two
#   LOCALHUB_STATE  folder for the hub's database, cookie secret and proxy pid file (default: ./.hub/state)
#   LOCALHUB_HOMES  folder of the students' homes, one folder each (default: ./.hub/homes)
#   LOCALHUB_IMAGE  the "image": a Python environment with the pack, jupyterhub and nbgitpuller installed
#                   as a hub image has them, regular installs (default: the Python running the hub)
#   LOCALHUB_PROXY  the configurable-http-proxy program (default: deploy/hub/node_modules/.bin/...)
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides it)

here = Path(__file__).resolve().parent
port = int(os.environ.get("LOCALHUB_PORT", "8000"))
state = Path(os.environ.get("LOCALHUB_STATE", ".hub/state")).resolve()
homes = Path(os.environ.get("LOCALHUB_HOMES", ".hub/homes")).resolve()
image = Path(os.environ.get("LOCALHUB_IMAGE", Path(sys.executable).parent.parent))
state.mkdir(parents=True, exist_ok=True)
homes.mkdir(parents=True, exist_ok=True)

# loopback only: the public port, the proxy's API and the hub itself
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 2
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 1}"
c.ConfigurableHTTPProxy.command = [
    os.environ.get("LOCALHUB_PROXY", str(here / "node_modules" / ".bin" / "configurable-http-proxy"))
]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")

# any name and password logs in (a trial on one's own machine; a real hub uses the school's sign-in)
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True

# each student gets a home folder of their own, HOME points at it, and their server starts there
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.cmd = [str(image / "bin" / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
c.Spawner.default_url = "/lab"
c.Spawner.environment = {"PATH": f"{image / 'bin'}:{os.environ.get('PATH', '/usr/bin:/bin')}"}
# a 2-core machine starting a class's servers at once is slow: wait rather than fail
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.JupyterHub.log_level = os.environ.get("LOCALHUB_LOG_LEVEL", "WARN")
