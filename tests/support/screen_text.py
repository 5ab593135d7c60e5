"""What a person would read on the screen: the text of an app's current frame, row by row."""

from __future__ import annotations

import html
import re
from typing import Any

_CELL = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(app: Any) -> str:
    """The frame's rows, top to bottom (runs of spaces inside a row may be lost)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in _CELL.finditer(app.export_screenshot()):
        text = html.unescape(match[3]).replace("\xa0", " ")
        rows.setdefault(float(match[2]), []).append((float(match[1]), text))
    return "\n".join("".join(text for _, text in sorted(row)) for _, row in sorted(rows.items()))


def shows(app: Any, words: str, left_of: str = "") -> bool:
    """`words` are on screen, perhaps wrapped across rows (only what is left of the column
    border `left_of` on each row, when given: a side panel's rows do not interleave)."""
    rows = screen_text(app).splitlines()
    if left_of:
        rows = [row.split(left_of)[0] for row in rows]
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    return re.search(pattern, "\n".join(rows)) is not None
