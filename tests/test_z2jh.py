"""deploy/z2jh/values.yaml, checked as far as can be done without a cluster: it parses, every key is one
the Zero to JupyterHub chart documents, the memory figures are those the class-load benchmark gives
(deploy/z2jh/sizing.py), and the sizing table in deploy/z2jh/README.md is that rule's table."""

from __future__ import annotations

import importlib.util
import sys

import yaml
from conftest import ROOT

spec = importlib.util.spec_from_file_location("z2jh_sizing", ROOT / "deploy" / "z2jh" / "sizing.py")
sizing = sys.modules.setdefault("z2jh_sizing", importlib.util.module_from_spec(spec))
spec.loader.exec_module(sizing)

VALUES = ROOT / "deploy" / "z2jh" / "values.yaml"

# The chart's documented configuration keys that this pack may use, each verified in the configuration
# reference, https://z2jh.jupyter.org/en/stable/resources/reference.html (generated from the chart's
# jupyterhub/values.schema.yaml; checked against the chart repository at commit 48ea50e, July 2026), and
# explained in https://z2jh.jupyter.org/en/stable/jupyterhub/customizing/user-resources.html (memory, cpu),
# .../customizing/user-storage.html (storage), .../customizing/user-management.html (cull),
# .../customizing/user-environment.html (image, defaultUrl, nbgitpuller) and
# .../administrator/optimization.html (scheduling, prePuller).
DOCUMENTED = {
    "singleuser.image.name",
    "singleuser.image.tag",
    "singleuser.image.pullPolicy",
    "singleuser.defaultUrl",
    "singleuser.startTimeout",
    "singleuser.extraEnv",
    "singleuser.cmd",
    "singleuser.memory.limit",
    "singleuser.memory.guarantee",
    "singleuser.cpu.limit",
    "singleuser.cpu.guarantee",
    "singleuser.storage.type",
    "singleuser.storage.capacity",
    "singleuser.storage.homeMountPath",
    "singleuser.storage.dynamic.storageClass",
    "singleuser.networkPolicy.enabled",
    "singleuser.lifecycleHooks",
    "cull.enabled",
    "cull.timeout",
    "cull.every",
    "cull.maxAge",
    "cull.users",
    "cull.removeNamedServers",
    "scheduling.userScheduler.enabled",
    "scheduling.podPriority.enabled",
    "scheduling.userPlaceholder.enabled",
    "scheduling.userPlaceholder.replicas",
    "prePuller.hook.enabled",
    "prePuller.continuous.enabled",
    "proxy.service.type",
    "proxy.https.enabled",
    "proxy.https.hosts",
    "hub.db.type",
}
#: Documented keys whose value is free-form (traitlets configuration, environment, Kubernetes objects).
FREE_FORM = {"hub.config", "singleuser.extraEnv", "singleuser.lifecycleHooks"}


def key_paths(node, prefix=""):
    for key, value in node.items():
        path = f"{prefix}.{key}" if prefix else key
        if path in FREE_FORM or not isinstance(value, dict):
            yield path
        else:
            yield from key_paths(value, path)


def values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def test_every_key_is_one_the_chart_documents():
    found = set(key_paths(values()))
    assert found, "values.yaml is empty"
    unknown = sorted(found - DOCUMENTED - FREE_FORM)
    assert not unknown, f"keys the chart does not document: {unknown}"


def test_what_a_class_needs_is_set():
    v = values()
    single = v["singleuser"]
    assert single["image"]["name"].endswith("/truce-and-rupture") and single["image"]["tag"] != "latest"
    assert single["storage"]["type"] == "dynamic", "each student's home (and progress file) on a volume of its own"
    assert single["storage"]["homeMountPath"] == "/home/jovyan", "where repo2docker's image puts the home"
    assert v["cull"]["enabled"] is True and v["cull"]["timeout"] >= 1800, "idle servers culled, not during a lesson"
    assert single["defaultUrl"] == "/lab"


def test_memory_figures_are_the_ones_the_benchmark_gives():
    measured = sizing.measured()
    guarantee, limit = sizing.memory(measured)
    memory = values()["singleuser"]["memory"]
    assert memory == {"guarantee": f"{guarantee}M", "limit": f"{limit}M"}, "run deploy/z2jh/sizing.py"
    assert guarantee >= measured.per_student_mb, "the guarantee covers what one student was measured to use"


def test_the_sizing_table_is_the_rule_applied_to_the_measurements():
    readme = (ROOT / "deploy" / "z2jh" / "README.md").read_text(encoding="utf-8")
    assert sizing.table(sizing.measured()) in readme, (
        "deploy/z2jh/README.md's table is stale: run deploy/z2jh/sizing.py"
    )


def test_the_rule_rounds_up_and_takes_the_tighter_bound():
    m = sizing.Measured(cores=2, students=30, last_finished_s=60.0, per_student_mb=250)
    assert sizing.memory(m) == (384, 768)  # 250 x 1.5 = 375, up to a multiple of 64
    assert sizing.run_all_cost(m) == 4.0  # 2 cores x 60 s / 30 students
    assert sizing.per_node(m, 4, 16) == ((16 * 1024 - 2048) // 384, 60, 37)
