"""A progress bar on stderr for a long tracker import, drawn only on a terminal (a pipe or a log
file never gets carriage returns), redrawn only when the shown percent changes."""

from __future__ import annotations

import sys
from typing import TextIO

LONG_IMPORT = 5 * 1024 * 1024
"""Files smaller than this read in well under a second: no bar."""
WIDTH = 30


class ProgressBar:
    """`bar(done, total)` as a reader's `Progress`; `bar.finish()` ends its line."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.label = label
        self.shown = -1
        self.active = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total < LONG_IMPORT:
            return
        percent = min(100, done * 100 // total)
        if percent == self.shown:
            return
        self.shown = percent
        filled = WIDTH * percent // 100
        bar = "█" * filled + "·" * (WIDTH - filled)
        self.stream.write(f"\r{self.label} {bar} {percent:3d} %")
        self.stream.flush()

    def finish(self) -> None:
        if self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = -1
