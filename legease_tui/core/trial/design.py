"""The plan of a personal trial: blocks of nights in pairs, each pair's order drawn from a seed.

Within each pair one block follows one arm ("routine") and the other the other arm ("no
routine", or routine A / B); the first `washout` nights of every block are not counted, because
the effect of stretching may carry over. The same seed always gives the same plan.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, replace
from datetime import date, timedelta

BLOCK_RANGE = (2, 7)
PAIRS_RANGE = (4, 10)
WASHOUT_RANGE = (0, 2)
DEFAULT_BLOCK, DEFAULT_PAIRS, DEFAULT_WASHOUT = 3, 6, 1
LOWER, HIGHER = "lower", "higher"
ALPHA = 0.05


@dataclass(frozen=True)
class Outcome:
    """What the trial measures each night, from which field of the log, and which way is better."""

    key: str
    field: str
    label: str
    better: str  # LOWER or HIGHER
    unit: str
    """What a difference is counted in: "cramps a night", "points"."""
    noun: str
    """What is more or fewer on a night: "cramps", "worst-cramp scores"."""
    worthwhile: float
    """The default smallest change worth the trouble, per night (the person may choose)."""

    @property
    def comparatives(self) -> tuple[str, str]:
        """The words for less and more of it: ("fewer", "more") or ("lower", "higher")."""
        return ("fewer", "more") if self.key == "cramps" else ("lower", "higher")


OUTCOMES: dict[str, Outcome] = {
    outcome.key: outcome
    for outcome in (
        Outcome("cramps", "cramps", "cramps per night", LOWER, "cramps a night", "cramps", 1 / 7),
        Outcome(
            "worst-cramp",
            "worst_cramp",
            "worst cramp (0-10)",
            LOWER,
            "points",
            "worst-cramp scores",
            1.0,
        ),
        Outcome(
            "tension",
            "tension",
            "leg tension at bedtime (0-10)",
            LOWER,
            "points",
            "tension scores",
            2.0,
        ),
        Outcome(
            "quality", "quality", "sleep quality (1-5)", HIGHER, "points", "sleep quality", 0.5
        ),
    )
}


@dataclass(frozen=True)
class Arm:
    """One side of the comparison: its label, the routine it asks for (its key; None before
    the plan starts, when it means tonight's routine, and in plans saved before LegEase
    recorded it) and whether a routine is done at all; once started, the routine's name, its
    steps and its stretch steps (see `adherence.py`)."""

    label: str
    routine: str | None
    does_routine: bool
    name: str = ""
    steps: tuple[str, ...] = ()
    stretches: tuple[str, ...] = ()


ROUTINE_ARMS = (Arm("routine", None, True), Arm("no routine", None, False))


def compare_arms(compare: str) -> tuple[Arm, Arm]:
    """The arms for `--compare`: "routine" (routine vs no routine) or "A-vs-B" (two routines)."""
    if compare == "routine":
        return ROUTINE_ARMS
    first, sep, second = compare.partition("-vs-")
    if not sep or not first or not second or first == second:
        raise ValueError(
            f"--compare: {compare!r} is not 'routine' or two different routines as NAME-vs-NAME"
        )
    return (
        Arm(f"routine A ({first})", first, True),
        Arm(f"routine B ({second})", second, True),
    )


@dataclass(frozen=True)
class Block:
    """One block of the plan: its pair (from 1), its arm (0 or 1), first night and length."""

    pair: int
    arm: int
    first_night: date
    nights: int


@dataclass(frozen=True)
class PlannedNight:
    """One night of the plan."""

    night: date
    number: int  # from 1
    pair: int  # from 1
    arm: int
    counted: bool  # False for the washout nights at the start of a block


@dataclass(frozen=True)
class TrialDesign:
    """Everything fixed before the start; the plan follows from it alone."""

    start: date
    seed: int
    outcome: str = "cramps"
    block: int = DEFAULT_BLOCK
    pairs: int = DEFAULT_PAIRS
    washout: int = DEFAULT_WASHOUT
    arms: tuple[Arm, Arm] = ROUTINE_ARMS
    worthwhile: float | None = None
    """The smallest change worth the trouble, per night, chosen before the start (None: a plan
    saved before LegEase asked; `TrialDesign.chosen` fills in the outcome's default)."""

    def __post_init__(self) -> None:
        for name, (low, high) in (
            ("block", BLOCK_RANGE),
            ("pairs", PAIRS_RANGE),
            ("washout", WASHOUT_RANGE),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(f"--{name}: {value!r} is not a whole number from {low} to {high}")
        if self.washout >= self.block:
            raise ValueError(
                f"--washout: {self.washout} leaves no counted night in a block of {self.block}"
            )
        if self.outcome not in OUTCOMES:
            raise ValueError(f"--outcome: {self.outcome!r} is not one of {', '.join(OUTCOMES)}")
        if self.worthwhile is not None and not 0 < self.worthwhile <= 30:
            raise ValueError(
                f"--worthwhile: {self.worthwhile!r} is not a change above 0 (and at most 30)"
            )

    @property
    def measure(self) -> Outcome:
        return OUTCOMES[self.outcome]

    def chosen(self, worthwhile: float | None = None) -> TrialDesign:
        """This plan with its smallest worthwhile change: `worthwhile`, else the outcome's."""
        chosen = self.measure.worthwhile if worthwhile is None else worthwhile
        return replace(self, worthwhile=chosen)

    @property
    def total_nights(self) -> int:
        return self.block * 2 * self.pairs

    @property
    def last_night(self) -> date:
        return self.start + timedelta(days=self.total_nights - 1)

    @property
    def best_p(self) -> float:
        """The smallest p-value the plan can ever reach: both orders of every pair, of 2^pairs."""
        return 2 / 2**self.pairs

    def first_arms(self) -> tuple[int, ...]:
        """Which arm goes first in each pair, drawn from the seed (balanced within every pair)."""
        rng = random.Random(self.seed)
        return tuple(rng.randrange(2) for _ in range(self.pairs))

    def blocks(self) -> list[Block]:
        blocks = []
        for pair, first in enumerate(self.first_arms()):
            for position, arm in enumerate((first, 1 - first)):
                offset = (2 * pair + position) * self.block
                blocks.append(Block(pair + 1, arm, self.start + timedelta(days=offset), self.block))
        return blocks

    def nights(self) -> list[PlannedNight]:
        planned = []
        for block in self.blocks():
            for day in range(block.nights):
                night = block.first_night + timedelta(days=day)
                number = (night - self.start).days + 1
                planned.append(
                    PlannedNight(night, number, block.pair, block.arm, day >= self.washout)
                )
        return planned

    def night(self, when: date) -> PlannedNight | None:
        """The planned night `when` is, or None outside the plan."""
        index = (when - self.start).days
        if not 0 <= index < self.total_nights:
            return None
        return self.nights()[index]


def new_seed() -> int:
    """A random seed for a plan started without one."""
    return secrets.randbelow(2**31)
