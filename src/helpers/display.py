"""How the pack's boxes look in a notebook and on paper: the :class:`Html` a lesson cell shows, and its styles.

>>> Html("<p>Hello</p>", "Hello").text
'Hello'
"""

from __future__ import annotations

from dataclasses import dataclass

#: The styles of what this module shows (the handouts include them too).
STYLESHEET = """
.tr-box{border-left:4px solid var(--jp-brand-color1,#1f6fb2);padding:.5em .9em;margin:.6em 0;
 background:var(--jp-layout-color1,transparent);color:var(--jp-content-font-color1,inherit)}
.tr-head{font-size:.92em;color:var(--jp-content-font-color2,#555);margin-bottom:.3em}
.tr-quote{font-size:1.05em;margin:.3em 0 .3em 0;font-style:italic}
.tr-cite{font-size:.85em;color:var(--jp-content-font-color2,#555)}
.tr-table{border-collapse:collapse;font-size:.92em;margin:.5em 0}
.tr-table th,.tr-table td{border-bottom:1px solid var(--jp-border-color2,#ccc);padding:.25em .5em;text-align:left!important;vertical-align:top}
.tr-weak{font-style:italic}
.tr-extract{margin:.4em 0;padding-left:.8em;border-left:2px solid var(--jp-border-color2,#ccc)}
.tr-extract p{margin:.35em 0}
.tr-figure{margin:.8em 0}.tr-figure figcaption{font-size:.9em;color:var(--jp-content-font-color2,#555);margin-top:.3em}
"""
_STYLE = f"<style>{STYLESHEET}</style>"


@dataclass(frozen=True)
class Html:
    """HTML a notebook displays; ``text`` is the same content as plain text (for tests and screen readers)."""

    html: str
    text: str = ""

    def _repr_html_(self) -> str:
        return _STYLE + self.html

    def __str__(self) -> str:
        return self.text or self.html
