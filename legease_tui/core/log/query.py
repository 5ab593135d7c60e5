"""Which nights to list: a date range, a tag, only nights with cramps (the log's filters)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.diary.field_values import read_date, same_tag


@dataclass(frozen=True)
class NightQuery:
    """Which nights to list: an inclusive date range, a tag, only nights with cramps."""

    start: date | None = None
    end: date | None = None
    tag: str | None = None
    cramps_only: bool = False

    def covers(self, night: date) -> bool:
        """Whether `night` lies in the date range (the tag and cramps filters aside)."""
        return (self.start or date.min) <= night <= (self.end or date.max)

    def matches(self, entry: NightEntry) -> bool:
        if not self.covers(entry.night):
            return False
        if self.tag and same_tag(self.tag) not in entry.tags:
            return False
        return not self.cramps_only or bool(entry.cramps)


RANGES = {"7": "7 nights", "30": "30 nights", "90": "90 nights", "all": "All nights"}
"""The log's range filter: a number of nights back from tonight, or everything."""


def range_query(
    choice: str, tonight: date, tag: str | None = None, cramps_only: bool = False
) -> NightQuery:
    """The query for a range choice ("7", "30", "90" or "all") ending tonight."""
    start = None if choice == "all" else tonight - timedelta(days=int(choice) - 1)
    return NightQuery(start, None, tag or None, cramps_only)


def dates_query(
    start_text: str, end_text: str, tag: str | None = None, cramps_only: bool = False
) -> NightQuery:
    """A from–to query from typed dates (either may be blank); ValueError names the bad one."""
    bounds: list[date | None] = []
    for label, text in (("from", start_text), ("to", end_text)):
        try:
            bounds.append(read_date(text) if text.strip() else None)
        except ValueError as error:
            raise ValueError(f"{label}: {error}") from None
    start, end = bounds
    if start and end and end < start:
        raise ValueError(f"to: {end} comes before from: {start}")
    return NightQuery(start, end, tag or None, cramps_only)


def tags_by_use(entries: Iterable[NightEntry]) -> list[str]:
    """The tags of `entries`, most used first (ties in alphabetical order)."""
    return most_used(entry.tags for entry in entries)


def most_used(tag_lists: Iterable[Iterable[str]]) -> list[str]:
    """Every tag in `tag_lists`, most used first (ties in alphabetical order): the tag filter's
    choices, and the factors "what helps" compares."""
    counts: dict[str, int] = {}
    for tags in tag_lists:
        for tag in tags:
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts, key=lambda tag: (-counts[tag], tag))
