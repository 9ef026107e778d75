"""What runs inside a lesson's kernel while :mod:`.execute` runs the lesson: loaded there from this file
(never through ``import helpers``, so a lesson that imports nothing pays for nothing), by two injected
cells that are removed again.

``start()`` (before the first cell) refuses network connections off this machine and labels every output
that shows one of the pack's widgets, in the output's metadata under :data:`KEY`:

- ``{"exercise": "<id>", "n": 3}``: an exercise view (or the explorer a bank sets up), the third shown;
- ``{"widget": "explorer"}`` or ``{"widget": "progress"}``: the timeline explorer, the progress panel.

The label comes from the object displayed (its ``exercise``), never from the cell's source. ``finish()``
(after the last cell) renders every exercise shown, in both editions, with the banks the lesson loaded,
as one output of type :data:`RENDERED_MIME`: ``{"exercises": [{"id", "student", "teacher"}, ...]}``.

>>> label(type("ProgressView", (), {"__module__": "helpers.progress"})())
{'widget': 'progress'}
>>> import pandas as pd; label(pd.DataFrame({"exercise": ["x"], "lesson": ["y"]}))
{}
"""

from __future__ import annotations

KEY = "truce-and-rupture"
RENDERED_MIME = "application/vnd.truce-and-rupture.handout+json"
EDITIONS = ("student", "teacher")
LOCAL_HOSTS = ("127.0.0.1", "::1", "localhost")

#: Exercise ids in the order they were shown (one entry per showing).
shown: list[str] = []


def guard_network() -> None:
    """Make every socket connection to another machine fail: lessons must work offline."""
    import socket

    connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and host not in LOCAL_HOSTS:
            raise OSError(f"lessons run offline: a connection to {host} was refused")
        return connect(self, address)

    socket.socket.connect = guarded


def label(obj) -> dict:
    """What a displayed object is, for the handout: an exercise (by id), the explorer, the progress panel.
    Only the pack's own objects are asked (a DataFrame with an ``exercise`` column is not an exercise)."""
    kind = type(obj)
    if not kind.__module__.startswith("helpers."):
        return {}
    for name in ("exercise", "spec"):
        exercise_id = getattr(getattr(obj, name, None), "id", None)
        if isinstance(exercise_id, str):
            return {"exercise": exercise_id}
    if kind.__name__ == "ExplorerView":
        return {"widget": "explorer"}
    if kind.__name__ == "ProgressView" or (hasattr(obj, "lesson") and callable(getattr(obj, "export", None))):
        return {"widget": "progress"}
    return {}


def start() -> None:
    """Guard the network and label the pack's widgets in every output from now on."""
    from IPython import get_ipython

    guard_network()
    formatter = get_ipython().display_formatter
    original = formatter.format

    def format(obj, include=None, exclude=None):  # IPython's DisplayFormatter.format, plus a label
        data, metadata = original(obj, include=include, exclude=exclude)
        found = label(obj)
        if found:
            if "exercise" in found:
                shown.append(found["exercise"])
                found["n"] = len(shown)
            metadata = {**metadata, KEY: found}
        return data, metadata

    formatter.format = format


def finish() -> None:
    """Display the static rendering of every exercise shown, both editions, numbered in order."""
    from IPython.display import display

    rendered = []
    if shown:
        from helpers.exercises.bank import get_exercise
        from helpers.exercises.static import render

        for n, exercise_id in enumerate(shown, 1):
            exercise = get_exercise(exercise_id)
            rendered.append({"id": exercise_id, **{e: render(exercise, e, n) for e in EDITIONS}})
    display({RENDERED_MIME: {"exercises": rendered}}, raw=True)
