"""Apple Health: `export.zip` or the `export.xml` in it. Only the records of
`HKCategoryTypeIdentifierSleepAnalysis` are read: in bed, asleep (unspecified, core, deep, REM)
and awake, each a span of time from one source (the phone, a watch, an app).

The file is often hundreds of megabytes: it is streamed (`iterparse`, each element cleared once
read, so memory stays bounded by the sleep records alone) through `defusedxml`, which refuses
entity declarations (no "billion laughs"). A source's records that follow each other with less
than an hour between them are one sleep period; the longest of a night is its main sleep.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from legease_tui.adapters.trackers.common import (
    CountingReader,
    Progress,
    TrackerInvalid,
    find_member,
    open_member,
)
from legease_tui.core.log.device import PeriodInvalid, SleepPeriod, make_period

SOURCE = "apple-health"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
VALUE = "HKCategoryValueSleepAnalysis"
ASLEEP = {"Asleep", "AsleepUnspecified", "AsleepCore", "AsleepDeep", "AsleepREM"}
KINDS = {"InBed", "Awake", *ASLEEP}
DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
SAME_PERIOD = timedelta(hours=1)
"""Records of one source closer than this are one stretch in bed (a wake in the night)."""


@dataclass(frozen=True)
class Span:
    """One sleep record: which source, when, and what it says (InBed, AsleepCore, Awake...)."""

    source: str
    start: datetime
    end: datetime
    kind: str


def read(path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """The sleep periods in `path` (export.zip or export.xml)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            name = find_member(archive, "export.xml", path)
            member, size = open_member(archive, name)
            with member:
                spans = list(_spans(member, size, f"{path} ({name})", progress))
    else:
        with path.open("rb") as raw:
            spans = list(_spans(raw, path.stat().st_size, str(path), progress))
    if not spans:
        raise TrackerInvalid(f"{path}: no {SLEEP} records in it")
    return periods_from(spans)


def _spans(raw: IO[bytes], size: int, label: str, progress: Progress | None) -> Iterator[Span]:
    counted = CountingReader(raw, size, progress)
    depth = 0
    root = None
    number = 0
    try:
        for event, element in iterparse(counted, events=("start", "end")):
            if event == "start":
                depth += 1
                root = element if root is None else root
                continue
            depth -= 1
            if element.tag == "Record" and element.get("type") == SLEEP:
                number += 1
                yield _span(element.attrib, f"{label}, sleep record {number}")
            if depth == 1 and root is not None:
                root.clear()  # a whole top-level element is read: let it go
    except DefusedXmlException as error:
        raise TrackerInvalid(f"{label}: refused ({error})") from None
    except ParseError as error:
        raise TrackerInvalid(f"{label}: not readable as XML ({error})") from None


def _span(attributes: dict[str, str], where: str) -> Span:
    start_text = attributes.get("startDate", "")
    where = f"{where} (startDate {start_text!r})"
    kind = attributes.get("value", "").removeprefix(VALUE)
    if kind not in KINDS:
        raise TrackerInvalid(f"{where}: value {attributes.get('value')!r} is not a sleep value")
    try:
        start = datetime.strptime(start_text, DATE_FORMAT)
        end = datetime.strptime(attributes.get("endDate", ""), DATE_FORMAT)
    except ValueError:
        raise TrackerInvalid(
            f"{where}: startDate and endDate must be like '2020-12-01 23:10:00 +0100'"
        ) from None
    if not start < end <= start + timedelta(hours=24):
        raise TrackerInvalid(f"{where}: it must end after it starts, within 24 h")
    return Span(attributes.get("sourceName", "?"), start, end, kind)


def _covered(spans: list[Span]) -> int:
    """Minutes covered by `spans` (overlaps counted once)."""
    seconds = 0.0
    reach: datetime | None = None
    for span in sorted(spans, key=lambda s: s.start):
        begin = span.start if reach is None else max(span.start, reach)
        if span.end > begin:
            seconds += (span.end - begin).total_seconds()
        reach = span.end if reach is None else max(reach, span.end)
    return round(seconds / 60)


def periods_from(spans: list[Span]) -> list[SleepPeriod]:
    """Each source's records gathered into stretches in bed."""
    by_source: dict[str, list[Span]] = {}
    for span in spans:
        by_source.setdefault(span.source, []).append(span)
    periods = []
    for source, found in sorted(by_source.items()):
        found.sort(key=lambda span: span.start)
        group: list[Span] = []
        reach = found[0].end
        for span in found:
            if group and span.start > reach + SAME_PERIOD:
                periods.append(_period(source, group))
                group = []
            group.append(span)
            reach = span.end if len(group) == 1 else max(reach, span.end)
        periods.append(_period(source, group))
    return periods


def _period(source: str, group: list[Span]) -> SleepPeriod:
    start, end = group[0].start, max(span.end for span in group)
    try:
        return make_period(
            SOURCE,
            f"{source} {start.isoformat()}",
            start,
            end,
            asleep=_covered([s for s in group if s.kind in ASLEEP]),
            awake=_covered([s for s in group if s.kind == "Awake"]),
        )
    except PeriodInvalid as error:  # e.g. a chain of records longer than a day
        raise TrackerInvalid(f"{source}, records from {start}: {error}") from None
