"""Drop the references issue 21 removed (research/21b_apply.py REMOVE_REFS) from the exercise banks'
``source_ids`` lists and from the notebooks' ``sources(...)``/``further_reading(...)`` calls.

Re-runnable: run it after merging any branch that edits a bank or a notebook, then ``make validate``.

    .venv/bin/python research/21b_fix_citations.py
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def removed() -> set[str]:
    spec = importlib.util.spec_from_file_location("apply21b", ROOT / "research" / "21b_apply.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.REMOVE_REFS)


def drop_from_list(text: str, gone: set[str]) -> str:
    """``source_ids: [a, b, c]`` lines without the removed ids."""

    def fix(m: re.Match) -> str:
        ids = [i.strip() for i in m.group(2).split(",") if i.strip()]
        kept = [i for i in ids if i not in gone]
        return f"{m.group(1)}[{', '.join(kept)}]"

    return re.sub(r"^(\s*source_ids:\s*)\[([^\]]*)\]", fix, text, flags=re.M)


def drop_from_calls(source: str, gone: set[str]) -> str:
    for ref in gone:
        source = re.sub(rf',\s*"{re.escape(ref)}"', "", source)
        source = re.sub(rf'"{re.escape(ref)}"\s*,\s*', "", source)
    return source


def main() -> int:
    gone = removed()
    changed = []
    for bank in sorted((ROOT / "data" / "exercises").glob("*.yaml")):
        text = bank.read_text(encoding="utf-8")
        new = drop_from_list(text, gone)
        if new != text:
            bank.write_text(new, encoding="utf-8")
            changed.append(bank.name)
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        touched = False
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            new = drop_from_calls(src, gone)
            if new != src:
                cell["source"] = new if isinstance(cell["source"], str) else new.splitlines(keepends=True)
                touched = True
        if touched:
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            changed.append(path.name)
    print("changed:", ", ".join(changed) or "nothing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
