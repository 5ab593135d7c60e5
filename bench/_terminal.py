"""Helpers shared by the bench scripts: run a program in a real pseudo-terminal and measure it.

Nothing here is a test: these functions print figures for a person to read.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

COLUMNS, ROWS = 100, 32
TICKS = os.sysconf("SC_CLK_TCK")
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label


class Bare(App):
    def compose(self):
        yield Header()
        yield Label("Hello")
        yield Footer()
"""
BARE_PROGRESS_APP = """
from textual.app import App
from textual.widgets import Footer, Header, ProgressBar


class Bare(App):
    def compose(self):
        yield Header()
        yield ProgressBar(total=600, show_eta=False)
        yield Footer()

    def on_mount(self):
        self.step = 0
        self.set_interval(0.1, self.tick)

    def tick(self):
        self.step += 1
        self.query_one(ProgressBar).update(progress=self.step % 600)
"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


@dataclass
class TerminalRun:
    """A program running in a pseudo-terminal of COLUMNS x ROWS."""

    process: subprocess.Popen[bytes]
    master: int

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def start_in_terminal(argv: Sequence[str], env: dict[str, str] | None = None) -> TerminalRun:
    """Start `argv` attached to a new pseudo-terminal; its output is read and thrown away."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
    process = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, env=full_env, start_new_session=True
    )
    os.close(slave)

    def drain() -> None:
        while True:
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return

    threading.Thread(target=drain, daemon=True).start()
    return TerminalRun(process, master)


ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, hyperlinks
    rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78cDEHMNOZ]"
)
"""Terminal control sequences: what is left is the text a person reads on the screen."""


@dataclass(frozen=True)
class Seen:
    """When each awaited text first reached the terminal, in seconds from the spawn, and the
    program's own peak memory (VmHWM) by the last of them, in MiB."""

    at: dict[str, float]
    peak_mib: float


def time_to_texts(
    argv: Sequence[str], texts: Sequence[str], env: dict[str, str] | None = None, limit: float = 30
) -> Seen:
    """Start `argv` in a fresh pseudo-terminal and note when each of `texts` first appears in
    what it writes (control sequences stripped): what a person sees, measured from outside."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
    started = time.monotonic()
    process = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, env=full_env, start_new_session=True
    )
    os.close(slave)
    written, peak = b"", 0.0
    at: dict[str, float] = {}
    try:
        while len(at) < len(texts) and time.monotonic() - started < limit:
            if not select.select([master], [], [], 0.5)[0]:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the program ended: its side of the terminal is closed
                break
            if not chunk:
                break
            written += chunk
            shown = ESCAPES.sub(b"", written)
            now = time.monotonic() - started
            at |= {text: now for text in texts if text not in at and text.encode() in shown}
        if process.poll() is None:
            status = Path(f"/proc/{process.pid}/status").read_text().splitlines()
            peak = int(next(ln.split()[1] for ln in status if ln.startswith("VmHWM:")))
    finally:
        TerminalRun(process, master).stop()
    missing = [text for text in texts if text not in at]
    if missing:
        raise SystemExit(f"{argv[0]}: never showed {missing} within {limit:.0f} s")
    return Seen(at, peak / 1024)


def idle_cpu_percent(
    argv: Sequence[str],
    seconds: float,
    settle: float = 3.0,
    keys: str = "",
    env: dict[str, str] | None = None,
) -> float:
    """Percent of one core used by `argv` over `seconds`, after `settle` seconds of start-up."""
    run = start_in_terminal(argv, env)
    try:
        time.sleep(settle)
        if keys:
            run.send(keys)
            time.sleep(1.0)
        before, started = cpu_seconds(run.process.pid), time.monotonic()
        time.sleep(seconds)
        used = cpu_seconds(run.process.pid) - before
        return 100 * used / (time.monotonic() - started)
    finally:
        run.stop()


def python_script(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
