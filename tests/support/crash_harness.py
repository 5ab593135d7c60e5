"""Kill a process while it saves nights, then check the data file (used by tests and bench).

The child is forked (no interpreter start-up), so a trial takes milliseconds: it saves nights
in a loop and reports each date on a pipe only after `add` returned. The parent lets a random
number of saves land, waits a random fraction of a save, and sends SIGKILL.
"""

from __future__ import annotations

import os
import random
import signal
import time
from datetime import date, timedelta
from pathlib import Path

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.storage.store import Store

FIRST_NIGHT = date(2000, 1, 1)


def _child_saves(path: Path, first: int, count: int, out: int) -> None:
    """In the child: save `count` nights from day number `first`, reporting each one saved."""
    repository = LogRepository(Store(path), FakeClock())
    for number in range(first, first + count):
        night = FIRST_NIGHT + timedelta(days=number)
        repository.add(NightEntry(night, tension=number % 11, note="x" * (number % 50)))
        os.write(out, f"{number}\n".encode())


def _spawn(path: Path, first: int, count: int) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        code = 0
        try:
            _child_saves(path, first, count, write_end)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_end)
    return pid, read_end


def _reported(read_end: int) -> set[int]:
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    return {int(line) for line in b"".join(chunks).split()}


def kill_trial(path: Path, first: int, rng: random.Random) -> set[int]:
    """One trial: returns the day numbers whose save returned before the kill."""
    pid, read_end = _spawn(path, first, 1000)
    wanted = rng.randint(0, 3)
    seen = b""
    while seen.count(b"\n") < wanted:
        chunk = os.read(read_end, 64)
        if not chunk:
            break
        seen += chunk
    time.sleep(rng.uniform(0, 0.004))  # land somewhere inside the next save
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    rest = _reported(read_end)
    return {int(line) for line in seen.split()} | rest


def saved_numbers(path: Path) -> set[int]:
    """Day numbers of the nights in the file, opening it exactly as the app does."""
    store = Store.open(path)
    assert not store.notices, store.notices  # never moved aside: the file always opens
    entries = LogRepository(store, FakeClock()).entries()
    return {(entry.night - FIRST_NIGHT).days for entry in entries}


def run_kill_trials(path: Path, trials: int, seed: int = 4) -> tuple[int, int, int]:
    """Run `trials` kills on one file; returns (trials, nights confirmed, kills that landed
    mid-write, i.e. left a temp file behind). Raises on any loss."""
    rng = random.Random(seed)
    Store.open(path)
    confirmed: set[int] = set()
    mid_write = 0
    for trial in range(trials):
        confirmed |= kill_trial(path, trial * 1000, rng)
        mid_write += any(path.parent.glob(f".{path.name}.*.tmp"))
        missing = confirmed - saved_numbers(path)
        if missing:
            raise AssertionError(f"trial {trial}: nights lost after SIGKILL: {sorted(missing)}")
    return trials, len(confirmed), mid_write


def concurrent_adds(path: Path, processes: int = 2, nights: int = 300) -> set[int]:
    """`processes` children each add `nights` nights at once; returns what the file holds."""
    Store.open(path)
    children = [_spawn(path, index * 10_000, nights) for index in range(processes)]
    for pid, read_end in children:
        _reported(read_end)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise AssertionError(f"child {pid} failed")
    return saved_numbers(path)
