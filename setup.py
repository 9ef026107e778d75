"""The one build step pyproject.toml cannot say: ship the lessons' folders inside the package.

A wheel (and so ``pip install`` of the repository, a git URL or an sdist) gets ``data/`` (the data package
and the question banks) and ``notebooks/`` (the lessons) copied whole into ``helpers/_pack/``, keeping the
checkout's layout, so :func:`helpers.paths.data_dir` finds them with ``importlib.resources`` anywhere. An
editable install copies nothing: a checkout reads its own folders, so edits show at once. MANIFEST.in puts the
same folders in the sdist. Everything else about the build is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

#: The checkout's folders that travel inside the package, whole (new tables, banks and lessons included).
SHIPPED = ("data", "notebooks")
#: Where they go inside the package: helpers/_pack/data, helpers/_pack/notebooks.
PACK = Path("helpers", "_pack")
SKIP = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc", ".DS_Store")


class BuildPyWithPack(build_py):
    """build_py, then copy the shipped folders into the built package (not for editable installs)."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        root = Path(__file__).resolve().parent
        for name in SHIPPED:
            source = root / name
            if not source.is_dir():
                raise SystemExit(f"cannot build the pack: {source} is missing (MANIFEST.in must graft {name}/)")
            target = Path(self.build_lib) / PACK / name
            shutil.rmtree(target, ignore_errors=True)  # a file deleted from the checkout must not linger in build/
            shutil.copytree(source, target, ignore=SKIP)


setup(cmdclass={"build_py": BuildPyWithPack})
