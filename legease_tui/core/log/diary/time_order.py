"""The sleep diary's times in order: into bed, lights out, final wake, out of bed.

Times run from the evening into the next morning, so 23:00 after 23:30 can only mean "almost a
day later". When the times are out of order, the field named is the one whose removal leaves the
others in order over the shortest night: into bed 23:30 with lights out 23:00 names lights out,
not the morning times that come after it; of two such fields, the later one is named unless
naming the earlier makes the night more than an hour shorter.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import time

from legease_tui.core.log.diary.figures import minutes_after

ORDER = ("into_bed", "lights_out", "final_wake", "out_of_bed")
LONGEST_NIGHT_MINUTES = 20 * 60
"""From the first diary time to the last: a longer span is a time typed before another."""

NEAR_MINUTES = 60
"""Spans this close count as the same night: the later of two fields is then the one named."""

Times = Sequence[tuple[str, time]]


def _span(times: Times, limit: int | None) -> int | None:
    """Minutes from the first time to the last if they are in order (within `limit`), else None."""
    if not times:
        return 0
    offsets = [minutes_after(times[0][1], moment) for _name, moment in times]
    if any(later < earlier for earlier, later in itertools.pairwise(offsets)):
        return None
    if limit is not None and offsets[-1] > limit:
        return None
    return offsets[-1]


def out_of_order(
    times: Times, *, limit: int | None = LONGEST_NIGHT_MINUTES
) -> list[tuple[str, str, str]]:
    """(field, "after" or "before", the given field it must come after or before) for each time
    out of order; [] when in order.

    `times` are the given diary times in `ORDER`. `limit=None` keeps only the order rule (stored
    nights saved before the longest-night rule are still read)."""
    if _span(times, limit) is not None:
        return []
    fixes: dict[int, int] = {}  # position of a time whose removal leaves the rest in order: span
    for position in range(len(times)):
        span = _span([*times[:position], *times[position + 1 :]], limit)
        if span is not None:
            fixes[position] = span
    if fixes:
        # The latest such time, unless naming an earlier one makes a night an hour shorter.
        shortest = min(fixes.values())
        position = max(p for p, span in fixes.items() if span <= shortest + NEAR_MINUTES)
        wrong = times[position][0]
        if position:
            return [(wrong, "after", times[position - 1][0])]
        return [(wrong, "before", times[1][0])]
    # More than one time is off: name each one that comes before the time given ahead of it.
    first = times[0][1]
    offsets = [(name, minutes_after(first, moment)) for name, moment in times]
    named = [
        (name, "after", before)
        for (before, low), (name, high) in itertools.pairwise(offsets)
        if high < low
    ]
    return named or [(times[-1][0], "after", times[-2][0])]  # in order, but too long a night
