"""Two writers updating different fields of the same night never lose each other's field.

Each child process raises its own field 1, 2, 3, ... and reads the night back after every
update: only it writes that field, so reading back less than it just wrote means the other
writer's read-merge-write was built on a stale copy (a lost update).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry
from legease_tui.core.log.repository import Change, LogRepository
from legease_tui.core.storage.store import Store

NIGHT = date(2026, 11, 24)


def _fork(work: Callable[[], int]) -> tuple[int, int]:
    """Run `work` in a forked child; returns (pid, read end of the pipe it reports on)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        code = 0
        try:
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
                os.write(write_end, str(work()).encode())
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_end)
    return pid, read_end


def _lost_in_race(writers: list[Callable[[], int]]) -> int:
    children = [_fork(work) for work in writers]
    lost = 0
    for pid, read_end in children:
        report = os.read(read_end, 64)
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, "a writer failed"
        lost += int(report)
    return lost


def _repository(path: Path) -> LogRepository:
    return LogRepository(Store(path), FakeClock())


def _raise_field(path: Path, field: str, rounds: int) -> Callable[[], int]:
    def work() -> int:
        repository, lost = _repository(path), 0
        for value in range(1, rounds + 1):
            repository.update(NIGHT, {field: value})
            stored = repository.get(NIGHT)
            lost += stored is None or getattr(stored, field) < value
        return lost

    return work


@pytest.mark.serial  # forks writers
def test_update_merges_inside_one_transaction_so_no_field_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "legease.json"
    _repository(Store.open(path).path).add(NightEntry(NIGHT, tension=4))
    writers = [
        _raise_field(path, "minutes_to_sleep", 200),
        _raise_field(path, "minutes_awake", 200),
    ]
    assert _lost_in_race(writers) == 0
    stored = _repository(path).get(NIGHT)
    assert stored is not None
    assert (stored.tension, stored.minutes_to_sleep, stored.minutes_awake) == (4, 200, 200)


def _cli_raise(home: Path, option: str, field: str, rounds: int) -> Callable[[], int]:
    def work() -> int:
        lost = 0
        for value in range(1, rounds + 1):
            argv = ["--home", str(home), "log", "add", "--update", "--date", NIGHT.isoformat()]
            assert main([*argv, option, str(value)]) == 0
            stored = _repository(home / "legease.json").get(NIGHT)
            lost += stored is None or getattr(stored, field) < value
        return lost

    return work


@pytest.mark.serial  # forks writers
def test_two_log_add_update_processes_keep_both_fields(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert (
        main(["--home", str(home), "log", "add", "--date", NIGHT.isoformat(), "--note", "x"]) == 0
    )
    writers = [
        _cli_raise(home, "--cramps", "cramps", 30),
        _cli_raise(home, "--water", "water", 30),
    ]
    assert _lost_in_race(writers) == 0
    stored = _repository(home / "legease.json").get(NIGHT)
    assert stored is not None and (stored.cramps, stored.water) == (30, 30)


def test_a_write_landing_between_read_and_write_of_log_add_update_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: another `log add --update --water 5` lands just before `--cramps 2` takes
    the lock for its write; the cramps writer must merge onto the night as it is then."""
    home = str(tmp_path / "home")
    day = ["--home", home, "log", "add", "--update", "--date", NIGHT.isoformat()]
    assert main([*day, "--tension", "4"]) == 0
    real_transaction = Store.transaction
    interleaved: list[str] = []

    def other_writer_first(self: Store) -> contextlib.AbstractContextManager[object]:
        if not interleaved:
            interleaved.append("water")  # first, so the other writer's own write goes through
            assert main([*day, "--water", "5"]) == 0
        return real_transaction(self)

    monkeypatch.setattr(Store, "transaction", other_writer_first)
    assert main([*day, "--cramps", "2"]) == 0
    assert interleaved == ["water"]
    stored = _repository(Path(home) / "legease.json").get(NIGHT)
    assert stored == NightEntry(NIGHT, tension=4, cramps=2, water=5)


def test_update_reports_what_it_did_and_checks_the_merged_night(tmp_path: Path) -> None:
    repository = _repository(Store.open(tmp_path / "legease.json").path)
    change, entry = repository.update(NIGHT, {"cramps": "2"})
    assert change is Change.ADDED and entry == NightEntry(NIGHT, cramps=2)
    change, entry = repository.update(NIGHT, {"worst_cramp": 3})
    assert change is Change.UPDATED and entry == NightEntry(NIGHT, cramps=2, worst_cramp=3)
    assert repository.update(NIGHT, {"cramps": 2})[0] is Change.UNCHANGED
    with pytest.raises(EntryInvalid, match="worst_cramp"):
        repository.update(NIGHT, {"cramps": 0})  # a worst cramp with no cramps
    assert repository.get(NIGHT) == NightEntry(NIGHT, cramps=2, worst_cramp=3)
