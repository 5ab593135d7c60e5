"""Apple Health: `export.zip` or the `export.xml` in it. Only the records of
`HKCategoryTypeIdentifierSleepAnalysis` are read: in bed, asleep (unspecified, core, deep, REM;
a single "Asleep" before iOS 16) and awake, each a span of time from one source (the phone, a
watch, an app).

Each night is built as the Health app shows it, from every source at once: an iPhone's sleep
schedule writes "in bed" while a Watch writes the stages, so their records of the same stretch of
time are one sleep period (`periods_from` says how).

The file is often hundreds of megabytes: it is streamed (`iterparse`, each element let go once
read, so memory stays bounded by the sleep records alone) through `defusedxml`, which refuses
entity declarations (no "billion laughs"). An attribute, comment or text of more than a mebibyte
is refused: the XML parser reads a token it has not finished again with every chunk, so its time
grows with the square of the token's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from legease_tui.adapters.trackers.common import (
    CountingReader,
    ExportStream,
    Progress,
    TrackerInvalid,
    open_export,
    quoted,
)
from legease_tui.core.log.tracker.period import YEARS, PeriodInvalid, SleepPeriod, make_period

SOURCE = "apple-health"
EXPORT_NAME = "export.xml"
LARGEST_MEMBER = 4 * 1024**3
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
VALUE = "HKCategoryValueSleepAnalysis"
STAGES = {"AsleepCore", "AsleepDeep", "AsleepREM"}
ASLEEP = {"Asleep", "AsleepUnspecified", *STAGES}
KINDS = {kind: kind for kind in ("InBed", "Awake", *ASLEEP)}
DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)")
LONGEST_SOURCE = 200
LONGEST_TOKEN = 1024**2
"""Bytes the parser may read without finishing a tag: far beyond any record's."""
READ_SIZE = 256 * 1024
"""Bytes fed to the parser at a time (iterparse asks for 16 KiB): with fewer, larger feeds a
long token is read again fewer times."""
DEEPEST = 32
"""Elements nested deeper than this are no export's (its records are three deep at most)."""

SAME_STRETCH = 3600
"""Seconds: records (of any source) less than an hour apart are one stretch of sleep."""
JOIN_GAP = 3 * 3600
"""Seconds: two stretches this close, each at least `SHORTEST_PART` long, are one night's sleep
with a time up between them (a cramp in the night); the time up counts as awake."""
SHORTEST_PART = 3600


class Span(NamedTuple):
    """One sleep record: when (seconds since 1970, UTC), the UTC offset it was written with,
    which source, and what it says (InBed, AsleepCore, Awake...). A plain tuple: ten years of a
    Watch is some 200,000 of them."""

    start: float
    end: float
    offset: int
    source: str
    kind: str


def read(path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """The sleep periods in `path` (export.zip or export.xml)."""
    with open_export(path, EXPORT_NAME, LARGEST_MEMBER) as export:
        spans = list(_spans(BoundedReader(export, progress), export.label))
    if not spans:
        raise TrackerInvalid(f"{path}: no {SLEEP} records in it")
    return periods_from(spans, str(path))


class BoundedReader(CountingReader):
    """The export fed to the parser in large chunks, refusing more than `LONGEST_TOKEN` bytes
    read since the parser last finished a tag (`mark`)."""

    def __init__(self, export: ExportStream, progress: Progress | None) -> None:
        super().__init__(export, progress)
        self.marked = 0
        self.after = "the start"

    def mark(self, after: str) -> None:
        self.marked, self.after = self.done, after

    def read(self, size: int = -1) -> bytes:
        if self.done - self.marked > LONGEST_TOKEN:
            raise TrackerInvalid(
                f"{self.export.label}: more than {LONGEST_TOKEN // 1024**2} MiB without a "
                f"complete tag, after byte {self.marked:,} ({self.after}): an attribute, "
                "comment or text this long is no export's"
            )
        return super().read(max(size, READ_SIZE))


def _spans(reader: BoundedReader, label: str) -> Iterator[Span]:
    open_elements: list[Element] = []
    sources: dict[str, str] = {}
    number = 0
    try:
        for event, element in iterparse(reader, events=("start", "end")):
            if event == "start":
                reader.mark(f"sleep record {number}" if number else "the start")
                open_elements.append(element)
                if len(open_elements) > DEEPEST:
                    raise TrackerInvalid(
                        f"{label}: elements nested more than {DEEPEST} deep (after sleep record "
                        f"{number}): no export's"
                    )
                continue
            open_elements.pop()
            if open_elements:
                del open_elements[-1][:]  # read: its parent lets it (and any sibling) go
            if element.tag == "Record" and element.get("type") == SLEEP:
                number += 1
                yield _span(element.attrib, f"{label}, sleep record {number}", sources)
            reader.mark(f"sleep record {number}" if number else "the start")
    except DefusedXmlException as error:
        raise TrackerInvalid(f"{label}: refused ({error})") from None
    except ParseError as error:
        raise TrackerInvalid(f"{label}: not readable as XML ({error})") from None


def _span(attributes: dict[str, str], where: str, sources: dict[str, str]) -> Span:
    start_text = attributes.get("startDate", "")
    where = f"{where} (startDate {quoted(start_text)})"
    kind = KINDS.get(attributes.get("value", "").removeprefix(VALUE))
    if kind is None:
        raise TrackerInvalid(
            f"{where}: value {quoted(attributes.get('value'))} is not a sleep value"
        )
    source = attributes.get("sourceName", "?")
    if len(source) > LONGEST_SOURCE:
        raise TrackerInvalid(
            f"{where}: its sourceName is {len(source):,} characters long "
            f"(a source's name has at most {LONGEST_SOURCE})"
        )
    start, offset = _moment(start_text, "startDate", where)
    end, _ = _moment(attributes.get("endDate", ""), "endDate", where)
    if not start < end <= start + 24 * 3600:
        raise TrackerInvalid(f"{where}: it must end after it starts, within 24 h")
    return Span(start, end, offset, sources.setdefault(source, source), kind)


def _moment(text: str, name: str, where: str) -> tuple[float, int]:
    """Seconds since 1970 and the UTC offset (seconds) of a date like Apple writes them."""
    found = DATE.fullmatch(text)
    if found is None:
        raise TrackerInvalid(
            f"{where}: {name} {quoted(text)} is not a date like '2020-12-01 23:10:00 +0100'"
        )
    year, month, day, hour, minute, second = (int(part) for part in found.groups()[:6])
    sign, hours, minutes = found.group(7), int(found.group(8)), int(found.group(9))
    if year not in YEARS:
        raise TrackerInvalid(
            f"{where}: {name} is in year {year}, not a date a tracker recorded "
            f"(years {YEARS.start} to {YEARS.stop - 1})"
        )
    offset = (hours * 3600 + minutes * 60) * (-1 if sign == "-" else 1)
    try:
        utc = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError as error:
        raise TrackerInvalid(f"{where}: {name} {quoted(text)}: {error}") from None
    if abs(offset) >= 24 * 3600:
        raise TrackerInvalid(f"{where}: {name} {quoted(text)}: the offset is over a day")
    return utc.timestamp() - offset, offset


@dataclass
class Stretch:
    """Records of every source close enough in time to be one sleep, and the times up between
    parts of it that were joined."""

    spans: list[Span]
    reach: float
    gaps: list[tuple[float, float]] = field(default_factory=list)

    @property
    def length(self) -> float:
        return self.reach - self.spans[0].start


def periods_from(spans: list[Span], label: str = "") -> list[SleepPeriod]:
    """One sleep period per stretch of records, whatever their sources. Asleep and awake come
    from one source: the first that records stages (core, deep, REM: a Watch), else the one
    with the most time asleep (then by name). In bed runs from the start to the end of the
    source whose in-bed records span the widest (an iPhone's schedule), widened to hold the
    sleep source's records. A stretch with no asleep record (in bed alone) has asleep unknown."""
    stretches: list[Stretch] = []
    for span in sorted(spans):
        last = stretches[-1] if stretches else None
        if last is not None and span.start <= last.reach + SAME_STRETCH:
            last.spans.append(span)
            last.reach = max(last.reach, span.end)
        else:
            stretches.append(Stretch([span], span.end))
    return [_period(stretch, label) for stretch in _joined(stretches)]


def _joined(stretches: list[Stretch]) -> list[Stretch]:
    joined: list[Stretch] = []
    for stretch in stretches:
        last = joined[-1] if joined else None
        if (
            last is not None
            and stretch.spans[0].start - last.reach <= JOIN_GAP
            and min(last.length, stretch.length) >= SHORTEST_PART
        ):
            last.gaps += [(last.reach, stretch.spans[0].start), *stretch.gaps]
            last.spans += stretch.spans
            last.reach = max(last.reach, stretch.reach)
        else:
            joined.append(stretch)
    return joined


def _covered(intervals: list[tuple[float, float]]) -> float:
    """Seconds covered by `intervals` (overlaps counted once)."""
    seconds = 0.0
    reach: float | None = None
    for start, end in sorted(intervals):
        begin = start if reach is None else max(start, reach)
        if end > begin:
            seconds += end - begin
        reach = end if reach is None else max(reach, end)
    return seconds


def _sleep_source(by_source: dict[str, list[Span]]) -> str | None:
    asleep = {source: [s for s in spans if s.kind in ASLEEP] for source, spans in by_source.items()}
    recorded = {source: spans for source, spans in asleep.items() if spans}
    if not recorded:
        return None
    return min(
        recorded,
        key=lambda source: (
            not any(s.kind in STAGES for s in recorded[source]),
            -_covered([(s.start, s.end) for s in recorded[source]]),
            source,
        ),
    )


def _widest_in_bed(by_source: dict[str, list[Span]]) -> list[Span]:
    in_bed = [[s for s in spans if s.kind == "InBed"] for _, spans in sorted(by_source.items())]
    in_bed = [spans for spans in in_bed if spans]
    if not in_bed:
        return []
    return max(in_bed, key=lambda spans: max(s.end for s in spans) - spans[0].start)


def _period(stretch: Stretch, label: str) -> SleepPeriod:
    by_source: dict[str, list[Span]] = {}
    for span in stretch.spans:
        by_source.setdefault(span.source, []).append(span)
    sleep_source = _sleep_source(by_source)
    sleep_spans = by_source[sleep_source] if sleep_source is not None else []
    bounds = (_widest_in_bed(by_source) + sleep_spans) or stretch.spans
    first = min(bounds, key=lambda span: span.start)
    last = max(bounds, key=lambda span: span.end)
    start = datetime.fromtimestamp(first.start, timezone(timedelta(seconds=first.offset)))
    end = datetime.fromtimestamp(last.end, timezone(timedelta(seconds=last.offset)))
    asleep = awake = None
    if sleep_source is not None:
        # Whole minutes of whole seconds: rounded alike, asleep is never more than in bed.
        asleep = round(_covered([(s.start, s.end) for s in sleep_spans if s.kind in ASLEEP]) / 60)
        woken = [(s.start, s.end) for s in sleep_spans if s.kind == "Awake"]
        up = [(max(a, first.start), min(b, last.end)) for a, b in stretch.gaps]
        if woken or up:
            awake = round(_covered(woken + up) / 60)
    try:
        return make_period(SOURCE, start.isoformat(), start, end, asleep=asleep, awake=awake)
    except PeriodInvalid as error:  # e.g. a chain of records longer than a day
        sources = ", ".join(quoted(source) for source in sorted(by_source))
        raise TrackerInvalid(
            f"{label}: the sleep records from {start} to {end} ({sources}): {error}"
        ) from None
