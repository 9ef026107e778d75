"""The Colab cell: every lesson's first code cell, which installs the pack where it is not importable.

On Google Colab (or any Python without the pack) the cell installs the pack from GitHub, pinned to one
commit, with ``pip --no-deps`` plus only the libraries the lessons' kernel needs (so Colab's own Jupyter
is left alone); in JupyterLab, on a hub or on Binder ``helpers`` is importable and the cell does nothing.

Why a pin written into the notebooks, and a script to write it: a commit cannot name itself, so the pin
names an earlier commit. After a release is committed, run

    python scripts/colab_cell.py --pin HEAD     # writes HEAD's full id into every lesson's cell
    git commit -am "Colab: pin the lessons to <id>"

The pin commit changes nothing but the cells, so the pinned code is exactly the code beside the lessons.
``python scripts/colab_cell.py --check`` says whether the code, data or lessons changed since the pinned
commit (then pin again). The README's "Open in Colab" links open the lessons on ``main``.
Running the script with no option rewrites the cells with the pin they already carry (after a merge).

>>> "OWNER/truce-and-rupture@" + "0" * 40 in cell_source("0" * 40)
True
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The repository the cell installs from (OWNER as in the README's links; replace it when you publish).
REPOSITORY = "https://github.com/OWNER/truce-and-rupture"
#: The libraries a lesson's kernel imports; their version bounds are read from pyproject.toml.
KERNEL_NEEDS = ("pandas", "matplotlib", "pyyaml", "jsonschema", "ipywidgets")
TAG = "colab-install"
PIN = re.compile(r'PACK = "git\+[^"@]+@([0-9a-f]{40})"')
LESSON = re.compile(r"^\d\d-[a-z0-9\-]+\.ipynb$")

TEMPLATE = """\
# On Google Colab (or any Python without the pack) this cell installs it: about a minute, once a session.
# In JupyterLab, on a hub or on Binder the pack is already there and this cell does nothing.
import importlib, importlib.util, subprocess, sys
if importlib.util.find_spec("helpers") is None:
    PACK = "git+{repository}@{ref}"
    NEEDS = {needs}
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + ["--no-deps", PACK], check=True)  # the pack alone: Colab's Jupyter stays as it is
    subprocess.run(pip + NEEDS, check=True)  # what the lessons import (most are there already)
    importlib.invalidate_caches()
    if "ipywidgets" in sys.modules:  # an older copy is already loaded: the new one needs a fresh kernel
        print("Installed. Choose Runtime > Restart session, then run all the cells again.")"""


def kernel_needs() -> list[str]:
    """The KERNEL_NEEDS requirements exactly as pyproject.toml states them."""
    block = re.search(r"^dependencies = \[(.*?)^\]", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M | re.S)
    deps = re.findall(r'^\s*"([^"]+)"', block.group(1), re.M) if block else []
    named = {re.match(r"[A-Za-z0-9_.\-]+", dep).group(0).lower(): dep for dep in deps}
    missing = [name for name in KERNEL_NEEDS if name not in named]
    if missing:
        raise SystemExit(
            f"pyproject.toml's dependencies lack {', '.join(missing)} (scripts/colab_cell.py KERNEL_NEEDS)"
        )
    return [named[name] for name in KERNEL_NEEDS]


def cell_source(ref: str) -> str:
    """The cell's text, pinned to the full commit id ``ref``."""
    if not re.fullmatch(r"[0-9a-f]{40}", ref):
        raise ValueError(f"the pin must be a full 40-character commit id, not {ref!r}")
    return TEMPLATE.format(repository=REPOSITORY, ref=ref, needs=json.dumps(kernel_needs()))


def lessons(folder: Path = ROOT / "notebooks") -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if LESSON.match(p.name))


def find_cell(nb: dict) -> dict | None:
    return next((c for c in nb["cells"] if TAG in c.get("metadata", {}).get("tags", [])), None)


def pinned(folder: Path = ROOT / "notebooks") -> dict[str, str | None]:
    """Each lesson's pinned commit (None where the cell is missing)."""
    found = {}
    for path in lessons(folder):
        cell = find_cell(json.loads(path.read_text(encoding="utf-8")))
        match = PIN.search("".join(cell["source"])) if cell else None
        found[path.name] = match.group(1) if match else None
    return found


def write(ref: str, folder: Path = ROOT / "notebooks") -> list[Path]:
    """Put the cell, pinned to ``ref``, right after each lesson's title (replacing an older one)."""
    text = cell_source(ref)
    changed = []
    for path in lessons(folder):
        raw = path.read_text(encoding="utf-8")
        nb = json.loads(raw)
        cell = find_cell(nb)
        if cell is None:
            cell = {
                "cell_type": "code",
                "execution_count": None,
                "id": uuid.uuid4().hex[:8],
                "metadata": {"tags": [TAG, "remove-cell"]},
                "outputs": [],
                "source": [],
            }
            nb["cells"].insert(1, cell)  # the title stays the first thing a student sees
        cell["source"] = text.splitlines(keepends=True)
        out = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        if out != raw:
            path.write_text(out, encoding="utf-8")
            changed.append(path)
    return changed


def resolve(ref: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pin", metavar="REF", help="pin every lesson to this commit (e.g. HEAD) and rewrite the cells"
    )
    parser.add_argument(
        "--check", action="store_true", help="report whether the pinned commit's pack matches this checkout"
    )
    args = parser.parse_args(argv)
    pins = pinned()
    refs = {ref for ref in pins.values() if ref}
    if args.check:
        missing = [name for name, ref in pins.items() if ref is None]
        if missing or len(refs) != 1:
            print(f"lessons disagree or lack the cell: {pins}", file=sys.stderr)
            return 1
        (ref,) = refs
        diff = subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "diff",
                "--stat",
                ref,
                "--",
                "src",
                "data",
                "setup.py",
                "pyproject.toml",
                "MANIFEST.in",
            ],
            capture_output=True,
            text=True,
        )
        if diff.returncode != 0:
            print(f"the pinned commit {ref} is not in this repository: {diff.stderr.strip()}", file=sys.stderr)
            return 1
        if diff.stdout.strip():
            print(f"the pack changed since the pinned commit {ref[:12]}: pin again\n{diff.stdout}", file=sys.stderr)
            return 1
        print(f"pinned to {ref[:12]}: the code and data there are the same as here")
        return 0
    if args.pin:
        ref = resolve(args.pin)
    elif len(refs) == 1:
        ref = refs.pop()
    else:
        print("give --pin REF: the lessons carry no single pin", file=sys.stderr)
        return 2
    for path in write(ref):
        print(f"updated: {path.relative_to(ROOT)}")
    print(f"every lesson's Colab cell installs {REPOSITORY}@{ref[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
