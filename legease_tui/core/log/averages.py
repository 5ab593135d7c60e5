"""The one average every figure of the log uses: the diary's stats, the tracker's, the exports;
and the one count of yes/no answers, which counts only the nights that answered (a question
never answered is not a "no")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values known (None left out), to one decimal; None when none is known."""
    known = [value for value in values if value is not None]
    return round(sum(known) / len(known), 1) if known else None


@dataclass(frozen=True)
class YesCount:
    """How many nights said yes, out of those that answered, out of all the nights."""

    yes: int
    answered: int
    nights: int

    @property
    def not_recorded(self) -> int:
        return self.nights - self.answered

    def text(self) -> str:
        """ "2 of 5 answered; not recorded on 1 night", or "2 of 5" when every night answered."""
        if not self.not_recorded:
            return f"{self.yes} of {self.answered}"
        missing = self.not_recorded
        return (
            f"{self.yes} of {self.answered} answered; "
            f"not recorded on {missing} night{'s' if missing != 1 else ''}"
        )

    def short(self) -> str:
        """For a narrow table: "2 of 5 answered", or "not recorded" when none answered."""
        if not self.answered:
            return "not recorded"
        return f"{self.yes} of {self.answered}" + (" answered" if self.not_recorded else "")


def yes_count(answers: Iterable[bool | None]) -> YesCount:
    """Count yes among the answers given (None: the night did not say, left out)."""
    given = list(answers)
    known = [answer for answer in given if answer is not None]
    return YesCount(sum(known), len(known), len(given))
