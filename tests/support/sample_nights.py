"""Plausible nights from a seeded random source, for snapshots and the bench."""

from __future__ import annotations

import random
from datetime import date, time

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.diary.fields import Activity


def plausible_night(night: date, rng: random.Random, note: str = "") -> NightEntry:
    """A night with every field filled in the way a real person's might be."""
    cramps = rng.choice([0, 0, 0, 1, 1, 2])
    return NightEntry(
        night,
        tension=rng.randint(1, 8),
        cramps=cramps,
        worst_cramp=rng.randint(3, 8) if cramps else None,
        restless=rng.random() < 0.2,
        into_bed=time(23, rng.randint(0, 45)),
        lights_out=time(23, 50),
        minutes_to_sleep=rng.randint(5, 40),
        final_wake=time(6, rng.randint(20, 59)),
        out_of_bed=time(7, 5),
        quality=rng.randint(2, 5),
        water=rng.randint(3, 9),
        stress=rng.randint(1, 9),
        activity=rng.choice(list(Activity)),
        tags=tuple(sorted(rng.sample(["stretched", "heat", "massage"], rng.randint(0, 2)))),
        note=note,
    )
