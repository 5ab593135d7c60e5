"""`export -o` and `schedule --ics -o` never replace anything but a regular file: a named pipe,
a device, a link to one, a link round in a loop are refused with --force too (as root this
replaced /dev/zero). A link to a regular file is written through and the line says so.

No test writes to a real device: a FIFO and links to it stand in for them, and the check on
/dev/null is made with every way of opening a file for writing failing the test."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.commands.output import output_problem, write_output
from legease_tui.core.storage.atomic import NotARegularFile, writable_target


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A home with one night and an evening reminder, so both commands have something to write."""
    folder = str(tmp_path / "home")
    assert main(["--home", folder, "log", "add", "--date", "2026-11-24", "--tension", "3"]) == 0
    assert main(["--home", folder, "schedule", "--set", "21:30"]) == 0
    capsys.readouterr()
    return folder


COMMANDS = {
    "export": ["export", "--format", "csv", "--force", "-o"],
    "ics": ["schedule", "--ics", "--force", "-o"],
}


def _fifo_and_links(folder: Path) -> dict[str, Path]:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    link, loop = folder / "to-pipe.csv", folder / "loop.csv"
    link.symlink_to(fifo)
    loop.symlink_to(loop.name)
    return {"fifo": fifo, "link to a fifo": link, "loop": loop}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("fifo", "is a named pipe (FIFO), not a regular file"),
        ("link to a fifo", "which is a named pipe (FIFO), not a regular file"),
        ("loop", "is a link that leads back to itself (a loop of links)"),
    ],
)
def test_a_target_that_is_not_a_regular_file_is_refused_even_with_force(
    capsys: pytest.CaptureFixture[str],
    home: str,
    tmp_path: Path,
    command: str,
    kind: str,
    said: str,
) -> None:
    targets = _fifo_and_links(tmp_path)
    target = targets[kind]
    code = main(["--home", home, *COMMANDS[command], str(target)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert f"{target} " in err and said in err and "nothing was written" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    # Everything is as it was: the pipe is still a pipe, the links still links.
    assert stat.S_ISFIFO(os.lstat(targets["fifo"]).st_mode)
    assert targets["link to a fifo"].is_symlink() and targets["loop"].is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "loop.csv", "pipe", "to-pipe.csv"]


def test_the_check_refuses_a_character_device_before_anything_is_opened_for_writing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"opened for writing: {args}")

    real_open = os.open

    def read_only_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC):
            never(path, flags)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only_open)
    monkeypatch.setattr(tempfile, "mkstemp", never)
    monkeypatch.setattr(os, "replace", never)
    device = Path("/dev/null")
    assert stat.S_ISCHR(os.stat(device).st_mode)
    link = tmp_path / "export.csv"
    link.symlink_to(device)
    for target, said in (
        (device, "/dev/null is a device, not a regular file"),
        (link, f"{link} is a link to /dev/null, which is a device, not a regular file"),
    ):
        with pytest.raises(NotARegularFile, match=said):
            writable_target(target)
        assert said in (output_problem(target, force=True) or "")
        assert said in (write_output(target, b"nights") or "")
    assert link.is_symlink()


def test_a_link_to_a_regular_file_is_written_through_and_the_line_names_its_target(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    real = tmp_path / "synced" / "nights.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "nights.csv"
    link.symlink_to(real)
    assert main(["--home", home, "export", "--format", "csv", "--force", "-o", str(link)]) == 0
    out = capsys.readouterr().out
    assert out == f"Exported 1 night to {link} (a link: its target {real} was replaced).\n"
    assert link.is_symlink() and "2026-11-24" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert main(["--home", home, "schedule", "--ics", "--force", "-o", str(link)]) == 0
    assert f"(a link: its target {real} was replaced)" in capsys.readouterr().out
    assert link.is_symlink() and real.read_text().startswith("BEGIN:VCALENDAR")


def test_a_target_that_became_a_fifo_while_the_export_was_made_is_still_refused(
    tmp_path: Path,
) -> None:
    target = tmp_path / "nights.csv"
    assert output_problem(target, force=False) is None
    os.mkfifo(target)  # after the first check, before the write
    problem = write_output(target, b"nights")
    assert problem is not None and "named pipe (FIFO)" in problem
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
