"""environment.yml (for Binder / JupyterHub) and pyproject.toml declare the same dependencies."""

from __future__ import annotations

import yaml
from conftest import ROOT, read_pyproject
from packaging.requirements import Requirement


def pyproject_requirements() -> dict[str, Requirement]:
    project = read_pyproject()["project"]
    return {Requirement(r).name.lower(): Requirement(r) for r in project["dependencies"]}


def environment_requirements() -> tuple[dict[str, Requirement], list[str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    conda, pip = {}, []
    for spec in env["dependencies"]:
        if isinstance(spec, dict):
            pip.extend(spec["pip"])
            continue
        req = Requirement(spec.replace("=", "==", 1) if "=" in spec and not any(o in spec for o in "<>!=") else spec)
        conda[req.name.lower()] = req
    return conda, pip


def test_environment_yml_parses_and_every_spec_is_a_valid_requirement():
    conda, pip = environment_requirements()
    assert "python" in conda and "pip" in conda
    # not "-e .": on a JupyterHub each student's home is mounted over the image's copy of the repository,
    # so an editable install would point at files that are no longer there (see README, "Use it with a class")
    assert pip == ["."], "the package itself is installed with pip from the checkout (not editable)"


def test_environment_and_pyproject_agree():
    conda, _ = environment_requirements()
    conda = {k: v for k, v in conda.items() if k not in ("python", "pip")}
    pyproject = pyproject_requirements()
    assert conda.keys() == pyproject.keys(), (
        f"only in environment.yml: {sorted(conda.keys() - pyproject.keys())}; "
        f"only in pyproject.toml: {sorted(pyproject.keys() - conda.keys())}"
    )
    for name, req in pyproject.items():
        assert str(req.specifier) == str(conda[name].specifier), f"{name}: {req.specifier} vs {conda[name].specifier}"


def test_python_floor_agrees():
    conda, _ = environment_requirements()
    project = read_pyproject()["project"]
    assert str(conda["python"].specifier) == project["requires-python"]
