"""helpers._imports keeps jsonschema from building its RFC 3987 grammar, in a fresh process as in a kernel."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "entry",
    [
        "from helpers._imports import nbformat; nbformat()",
        "from helpers.exercises import load_all_banks; load_all_banks()",
        "from helpers.editions import warm_up; warm_up()",
    ],
)
def test_reading_notebooks_and_banks_never_builds_the_rfc3987_grammar(entry):
    code = f"{entry}\nimport sys\nprint('rfc3987_syntax' in sys.modules, 'jsonschema' in sys.modules)"
    env = {**os.environ, "TRUCE_CACHE": "off"}  # really check the banks (a cached bank needs no jsonschema)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
