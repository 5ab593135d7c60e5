"""A recording fake for the audio adapter: processes that are started but never really run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FakeProcess:
    """A child process as the adapter sees it. `running` until told otherwise or killed."""

    argv: list[str]
    exit_code: int = 0
    running: bool = False
    killed: bool = False
    stderr: str = ""
    """What the program wrote on stderr (a player's own reason for failing)."""

    def poll(self) -> int | None:
        return None if self.running else self.exit_code

    def kill(self) -> None:
        self.killed = True
        self.running = False
        self.exit_code = -9

    def said(self) -> str:
        if self.running:
            return ""
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def wait(self, timeout: float | None = None) -> int:
        raise AssertionError("the adapter must never wait on a child process")


@dataclass
class RecordingStarter:
    """Starts fake processes and records every command line, in order."""

    exit_code: int = 0
    stderr: str = ""
    hang: bool = False
    refuse: bool = False
    """Raise OSError on start, as for a missing or broken program."""
    started: list[FakeProcess] = field(default_factory=list)

    def __call__(self, argv: list[str]) -> FakeProcess:
        if self.refuse:
            raise OSError(8, "Exec format error")
        process = FakeProcess(argv, self.exit_code, running=self.hang, stderr=self.stderr)
        self.started.append(process)
        return process

    def sounds(self) -> list[str]:
        """The cue files played (stems), in order; speech left out."""
        return [Path(p.argv[-1]).stem for p in self.started if p.argv[-1].endswith(".wav")]

    def words(self) -> list[str]:
        """What was spoken, in order."""
        return [p.argv[-1] for p in self.started if not p.argv[-1].endswith(".wav")]


def fake_which(*present: str) -> Callable[[str], str | None]:
    """A `shutil.which` that finds only `present`, in /usr/bin."""

    def which(name: str) -> str | None:
        return f"/usr/bin/{name}" if name in present else None

    return which
