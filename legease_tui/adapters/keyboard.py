"""Single keys from the terminal for the plain-text mode, without Textual.

The terminal is put in cbreak mode (keys arrive one at a time, not echoed; Ctrl-C still
interrupts) and always put back as it was, on a normal end, an exception or Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import select
import termios
import tty
from collections.abc import Iterator

ARROWS = {"\x1b[C": "n", "\x1b[D": "b", "\x1bOC": "n", "\x1bOD": "b"}
"""Right and left arrows mean next and back, as on the routine screen."""
END_OF_INPUT = "\x04"
"""Ctrl-D, and what a hung-up terminal reads as: stop."""


def decode_key(data: bytes) -> str:
    """The one key `data` (one read) stands for: arrows as n / b, else its first character."""
    if not data:
        return END_OF_INPUT
    text = data.decode("utf-8", errors="replace")
    return ARROWS.get(text, text[:1])


class TerminalKeys:
    """Waits for a key on a terminal in cbreak mode (see `terminal_keys`)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def wait(self, timeout: float | None) -> str | None:
        """The key pressed within `timeout` seconds (None: wait for one), or None."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        return decode_key(os.read(self.fd, 16))


@contextlib.contextmanager
def terminal_keys(fd: int) -> Iterator[TerminalKeys]:
    """Keys from the terminal `fd` in cbreak mode, its settings restored however this ends."""
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield TerminalKeys(fd)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
